// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

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
