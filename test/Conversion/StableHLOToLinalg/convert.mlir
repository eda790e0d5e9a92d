// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// CHECK-DAG: #[[DROP_LAST:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[PART0:.*]] = affine_map<(d0) -> (d0, 0)>
// CHECK-DAG: #[[PART1:.*]] = affine_map<(d0) -> (d0, 1)>
// CHECK-DAG: #[[ID1:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-DAG: #[[BYTE3:.*]] = affine_map<() -> (3)>
// CHECK-DAG: #[[RANK0:.*]] = affine_map<() -> ()>

// CHECK-LABEL: func.func @int_to_float
// CHECK: arith.uitofp %{{.*}} : i32 to f32
// CHECK: arith.sitofp %{{.*}} : i32 to f32
// CHECK: arith.uitofp %{{.*}} : i1 to f64
// CHECK: arith.sitofp %{{.*}} : i64 to bf16
func.func @int_to_float(%u: tensor<4xui32>, %s: tensor<4xi32>, %p: tensor<4xi1>, %l: tensor<4xi64>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf64>, tensor<4xbf16>) {
  %0 = stablehlo.convert %u : (tensor<4xui32>) -> tensor<4xf32>
  %1 = stablehlo.convert %s : (tensor<4xi32>) -> tensor<4xf32>
  %2 = stablehlo.convert %p : (tensor<4xi1>) -> tensor<4xf64>
  %3 = stablehlo.convert %l : (tensor<4xi64>) -> tensor<4xbf16>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf64>, tensor<4xbf16>
}

// To i1 is x != 0 (NaN is true).
// CHECK-LABEL: func.func @to_pred
// CHECK: ^bb0(%[[F:.*]]: f32, %{{.*}}: i1):
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.cmpf une, %[[F]], %[[ZERO]] : f32
// CHECK: ^bb0(%[[I:.*]]: i8, %{{.*}}: i1):
// CHECK: arith.cmpi ne, %[[I]], %c0_i8 : i8
func.func @to_pred(%f: tensor<4xf32>, %u: tensor<4xui8>) -> (tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.convert %f : (tensor<4xf32>) -> tensor<4xi1>
  %1 = stablehlo.convert %u : (tensor<4xui8>) -> tensor<4xi1>
  return %0, %1 : tensor<4xi1>, tensor<4xi1>
}

// Widening extends the sign of si only; i1 is 0 or 1.
// CHECK-LABEL: func.func @int_to_int
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.extui %{{.*}} : i1 to i32
// CHECK: arith.trunci %{{.*}} : i64 to i16
// CHECK: ^bb0(%[[SAME:.*]]: i32, %{{.*}}: i32):
// CHECK-NEXT: linalg.yield %[[SAME]] : i32
func.func @int_to_int(%s: tensor<4xi8>, %u: tensor<4xui8>, %p: tensor<4xi1>, %l: tensor<4xi64>, %w: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xui32>, tensor<4xi32>, tensor<4xui16>, tensor<4xui32>) {
  %0 = stablehlo.convert %s : (tensor<4xi8>) -> tensor<4xi32>
  %1 = stablehlo.convert %u : (tensor<4xui8>) -> tensor<4xui32>
  %2 = stablehlo.convert %p : (tensor<4xi1>) -> tensor<4xi32>
  %3 = stablehlo.convert %l : (tensor<4xi64>) -> tensor<4xui16>
  %4 = stablehlo.convert %w : (tensor<4xi32>) -> tensor<4xui32>
  return %0, %1, %2, %3, %4 : tensor<4xi32>, tensor<4xui32>, tensor<4xi32>, tensor<4xui16>, tensor<4xui32>
}

// Truncates toward zero; out of range saturates and NaN gives 0.
// CHECK-LABEL: func.func @float_to_int
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: i32):
// CHECK: %[[CONVERTED:.*]] = arith.fptosi %[[X]] : f32 to i32
// CHECK: %[[HIGH:.*]] = arith.cmpf oge, %[[X]], %cst{{.*}} : f32
// CHECK: %[[LOW:.*]] = arith.cmpf olt, %[[X]], %cst{{.*}} : f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK: %[[SAT_HIGH:.*]] = arith.select %[[HIGH]], %c2147483647_i32, %[[CONVERTED]]
// CHECK: %[[SAT_LOW:.*]] = arith.select %[[LOW]], %c-2147483648_i32, %[[SAT_HIGH]]
// CHECK: arith.select %[[NAN]], %c0_i32, %[[SAT_LOW]]
// CHECK: ^bb0(%[[H:.*]]: bf16, %{{.*}}: i8):
// CHECK: %[[WIDE:.*]] = arith.extf %[[H]] : bf16 to f32
// CHECK: arith.fptoui %[[WIDE]] : f32 to i8
// CHECK: arith.select %{{.*}}, %c-1_i8
func.func @float_to_int(%x: tensor<4xf32>, %h: tensor<4xbf16>) -> (tensor<4xi32>, tensor<4xui8>) {
  %0 = stablehlo.convert %x : (tensor<4xf32>) -> tensor<4xi32>
  %1 = stablehlo.convert %h : (tensor<4xbf16>) -> tensor<4xui8>
  return %0, %1 : tensor<4xi32>, tensor<4xui8>
}

// f16 <-> bf16 goes through f32.
// CHECK-LABEL: func.func @float_to_float
// CHECK: arith.extf %{{.*}} : f32 to f64
// CHECK: arith.truncf %{{.*}} : f64 to bf16
// CHECK: %[[WIDE:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK: arith.truncf %[[WIDE]] : f32 to bf16
func.func @float_to_float(%f: tensor<4xf32>, %d: tensor<4xf64>, %h: tensor<4xf16>) -> (tensor<4xf64>, tensor<4xbf16>, tensor<4xbf16>) {
  %0 = stablehlo.convert %f : (tensor<4xf32>) -> tensor<4xf64>
  %1 = stablehlo.convert %d : (tensor<4xf64>) -> tensor<4xbf16>
  %2 = stablehlo.convert %h : (tensor<4xf16>) -> tensor<4xbf16>
  return %0, %1, %2 : tensor<4xf64>, tensor<4xbf16>, tensor<4xbf16>
}

// CHECK-LABEL: func.func @bitcast_convert
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK: arith.bitcast %{{.*}} : i16 to bf16
func.func @bitcast_convert(%f: tensor<4xf32>, %u: tensor<4xui16>) -> (tensor<4xui32>, tensor<4xbf16>) {
  %0 = stablehlo.bitcast_convert %f : (tensor<4xf32>) -> tensor<4xui32>
  %1 = stablehlo.bitcast_convert %u : (tensor<4xui16>) -> tensor<4xbf16>
  return %0, %1 : tensor<4xui32>, tensor<4xbf16>
}

// Between widths the narrower side has a trailing dimension of the ratio,
// element k holding the k-th lowest bits. Wide to narrow reads the operand
// without that dimension and shifts by k * 32.
// CHECK-LABEL: func.func @bitcast_split(%arg0: tensor<4xi64>) -> tensor<4x2xi32>
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<4x2xi32>
// CHECK: linalg.generic {indexing_maps = [#[[DROP_LAST]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<4xi64>) outs(%[[EMPTY]] : tensor<4x2xi32>)
// CHECK: ^bb0(%[[WIDE:.*]]: i64, %{{.*}}: i32):
// CHECK: %[[K:.*]] = linalg.index 1 : index
// CHECK: %[[K64:.*]] = arith.index_castui %[[K]] : index to i64
// CHECK: %[[C32:.*]] = arith.constant 32 : i64
// CHECK: %[[SHIFT:.*]] = arith.muli %[[K64]], %[[C32]] : i64
// CHECK: %[[SHIFTED:.*]] = arith.shrui %[[WIDE]], %[[SHIFT]] : i64
// CHECK: %[[PART:.*]] = arith.trunci %[[SHIFTED]] : i64 to i32
// CHECK: linalg.yield %[[PART]] : i32
func.func @bitcast_split(%x: tensor<4xui64>) -> tensor<4x2xui32> {
  %0 = stablehlo.bitcast_convert %x : (tensor<4xui64>) -> tensor<4x2xui32>
  return %0 : tensor<4x2xui32>
}

// Narrow to wide reads the operand once per k at a constant trailing index
// (the generic stays parallel) and ors the parts together; floats go
// through their bits.
// CHECK-LABEL: func.func @bitcast_join(%arg0: tensor<3x2xf16>) -> tensor<3xi32>
// CHECK: linalg.generic {indexing_maps = [#[[PART0]], #[[PART1]], #[[ID1]]], iterator_types = ["parallel"]} ins(%arg0, %arg0 : tensor<3x2xf16>, tensor<3x2xf16>) outs(%{{.*}} : tensor<3xi32>)
// CHECK: ^bb0(%[[LOW:.*]]: f16, %[[HIGH:.*]]: f16, %{{.*}}: i32):
// CHECK: %[[LOW_BITS:.*]] = arith.bitcast %[[LOW]] : f16 to i16
// CHECK: %[[LOW_WIDE:.*]] = arith.extui %[[LOW_BITS]] : i16 to i32
// CHECK: %[[HIGH_BITS:.*]] = arith.bitcast %[[HIGH]] : f16 to i16
// CHECK: %[[HIGH_WIDE:.*]] = arith.extui %[[HIGH_BITS]] : i16 to i32
// CHECK: %[[C16:.*]] = arith.constant 16 : i32
// CHECK: %[[HIGH_SHIFTED:.*]] = arith.shli %[[HIGH_WIDE]], %[[C16]] : i32
// CHECK: %[[JOINED:.*]] = arith.ori %[[LOW_WIDE]], %[[HIGH_SHIFTED]] : i32
// CHECK: linalg.yield %[[JOINED]] : i32
func.func @bitcast_join(%x: tensor<3x2xf16>) -> tensor<3xui32> {
  %0 = stablehlo.bitcast_convert %x : (tensor<3x2xf16>) -> tensor<3xui32>
  return %0 : tensor<3xui32>
}

// Rank 0 on the wide side, to and from floats; empty tensors.
// CHECK-LABEL: func.func @bitcast_rank0
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR]], #[[ID1]]], iterator_types = ["parallel"]} ins(%arg0 : tensor<f64>) outs(%{{.*}} : tensor<4xf16>)
// CHECK: arith.bitcast %{{.*}} : f64 to i64
// CHECK: arith.trunci %{{.*}} : i64 to i16
// CHECK: arith.bitcast %{{.*}} : i16 to f16
// CHECK: linalg.generic {indexing_maps = [{{.*}}, #[[BYTE3]], #[[RANK0]]], iterator_types = []} ins(%arg1, %arg1, %arg1, %arg1 : tensor<4xi8>, tensor<4xi8>, tensor<4xi8>, tensor<4xi8>) outs(%{{.*}} : tensor<f32>)
// CHECK: arith.constant 24 : i32
// CHECK: arith.bitcast %{{.*}} : i32 to f32
// CHECK: linalg.generic {{.*}} ins(%arg2 : tensor<0xi64>) outs(%{{.*}} : tensor<0x8xi8>)
func.func @bitcast_rank0(%d: tensor<f64>, %b: tensor<4xi8>, %e: tensor<0xui64>) -> (tensor<4xf16>, tensor<f32>, tensor<0x8xi8>) {
  %0 = stablehlo.bitcast_convert %d : (tensor<f64>) -> tensor<4xf16>
  %1 = stablehlo.bitcast_convert %b : (tensor<4xi8>) -> tensor<f32>
  %2 = stablehlo.bitcast_convert %e : (tensor<0xui64>) -> tensor<0x8xi8>
  return %0, %1, %2 : tensor<4xf16>, tensor<f32>, tensor<0x8xi8>
}
