// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[FEATURE:.*]] = affine_map<(d0, d1, d2) -> (d1)>

// The region becomes the body of an elementwise linalg.generic, emitted on
// the scalars of each index (unsigned ones as such: ult, uitofp).
// CHECK-LABEL: func.func @map(%arg0: tensor<2x3xi32>, %arg1: tensor<2x3xi32>) -> tensor<2x3xf32>
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[MAP:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<2x3xi32>, tensor<2x3xi32>) outs(%[[EMPTY]] : tensor<2x3xf32>)
// CHECK: ^bb0(%[[A:.*]]: i32, %[[B:.*]]: i32, %{{.*}}: f32):
// CHECK: %[[LESS:.*]] = arith.cmpi ult, %[[A]], %[[B]] : i32
// CHECK: %[[MIN:.*]] = arith.select %[[LESS]], %[[A]], %[[B]] : i32
// CHECK: %[[F:.*]] = arith.uitofp %[[MIN]] : i32 to f32
// CHECK: linalg.yield %[[F]] : f32
// CHECK: return %[[MAP]]
func.func @map(%a: tensor<2x3xui32>, %b: tensor<2x3xui32>) -> tensor<2x3xf32> {
  %0 = "stablehlo.map"(%a, %b) <{dimensions = array<i64: 0, 1>}> ({
  ^bb0(%x: tensor<ui32>, %y: tensor<ui32>):
    %1 = stablehlo.compare LT, %x, %y : (tensor<ui32>, tensor<ui32>) -> tensor<i1>
    %2 = stablehlo.select %1, %x, %y : tensor<i1>, tensor<ui32>
    %3 = stablehlo.convert %2 : (tensor<ui32>) -> tensor<f32>
    stablehlo.return %3 : tensor<f32>
  }) : (tensor<2x3xui32>, tensor<2x3xui32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// Rank 0 and empty tensors.
// CHECK-LABEL: func.func @map_rank0
// CHECK: linalg.generic {{.*}} iterator_types = []
// CHECK: math.exp
func.func @map_rank0(%a: tensor<f32>) -> tensor<f32> {
  %0 = "stablehlo.map"(%a) <{dimensions = array<i64>}> ({
  ^bb0(%x: tensor<f32>):
    %1 = stablehlo.exponential %x : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @map_empty
// CHECK: linalg.generic {{.*}} ins(%arg0 : tensor<0x2xf32>) outs(%{{.*}} : tensor<0x2xf32>)
func.func @map_empty(%a: tensor<0x2xf32>) -> tensor<0x2xf32> {
  %0 = "stablehlo.map"(%a) <{dimensions = array<i64: 0, 1>}> ({
  ^bb0(%x: tensor<f32>):
    %1 = stablehlo.negate %x : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<0x2xf32>) -> tensor<0x2xf32>
  return %0 : tensor<0x2xf32>
}

// batch_norm_inference: one generic, the per-feature operands read along
// feature_index (here 1).
// CHECK-LABEL: func.func @batch_norm_inference
// CHECK: linalg.generic {indexing_maps = [#[[ID3]], #[[FEATURE]], #[[FEATURE]], #[[FEATURE]], #[[FEATURE]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %arg1, %arg2, %arg3, %arg4 : tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[SCALE:.*]]: f32, %[[OFFSET:.*]]: f32, %[[MEAN:.*]]: f32, %[[VAR:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK: %[[SUM:.*]] = arith.addf %[[VAR]], %[[EPS]] : f32
// CHECK: %[[STDDEV:.*]] = math.sqrt %[[SUM]] : f32
// CHECK: %[[CENTERED:.*]] = arith.subf %[[X]], %[[MEAN]] : f32
// CHECK: %[[NORMALIZED:.*]] = arith.divf %[[CENTERED]], %[[STDDEV]] : f32
// CHECK: %[[SCALED:.*]] = arith.mulf %[[NORMALIZED]], %[[SCALE]] : f32
// CHECK: %[[RESULT:.*]] = arith.addf %[[SCALED]], %[[OFFSET]] : f32
// CHECK: linalg.yield %[[RESULT]] : f32
func.func @batch_norm_inference(%x: tensor<2x3x4xf32>, %scale: tensor<3xf32>, %offset: tensor<3xf32>, %mean: tensor<3xf32>, %variance: tensor<3xf32>) -> tensor<2x3x4xf32> {
  %0 = "stablehlo.batch_norm_inference"(%x, %scale, %offset, %mean, %variance) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// result_accuracy parses and leaves the lowering as it is.
// CHECK-LABEL: func.func @result_accuracy
// CHECK: math.exp
// CHECK-NOT: result_accuracy
func.func @result_accuracy(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.exponential %x {result_accuracy = #stablehlo.result_accuracy<atol = 0.000000e+00, rtol = 0.000000e+00, ulps = 0, mode = #stablehlo.result_accuracy_mode<DEFAULT>>} : tensor<4xf32>
  return %0 : tensor<4xf32>
}
