// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[FEATURE:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-DAG: #[[VECTOR:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[FEATURE2:.*]] = affine_map<(d0, d1) -> (d1)>

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

// batch_norm_training: the per-feature sum (a reduction over every other
// dimension), divided by the 8 elements per feature, is the mean; the same
// for the squares around it, the biased variance; then
// batch_norm_inference's generic normalizes.
// CHECK-LABEL: func.func @batch_norm_training
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[SUM_INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<3xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[FEATURE]]], iterator_types = ["reduction", "parallel", "reduction"]} ins(%arg0 : tensor<2x3x4xf32>) outs(%[[SUM_INIT]] : tensor<3xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[NEXT:.*]] = arith.addf %[[ACC]], %[[X]] : f32
// CHECK: linalg.yield %[[NEXT]] : f32
// CHECK: %[[MEAN:.*]] = linalg.generic {indexing_maps = [#[[VECTOR]], #[[VECTOR]]], iterator_types = ["parallel"]} ins(%[[SUM]] : tensor<3xf32>)
// CHECK: %[[COUNT:.*]] = arith.constant 8.000000e+00 : f32
// CHECK: arith.divf %{{.*}}, %[[COUNT]] : f32
// CHECK: %[[SQUARES:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[FEATURE]], #[[FEATURE]]], iterator_types = ["reduction", "parallel", "reduction"]} ins(%arg0, %[[MEAN]] : tensor<2x3x4xf32>, tensor<3xf32>)
// CHECK: ^bb0(%[[X2:.*]]: f32, %[[M:.*]]: f32, %[[ACC2:.*]]: f32):
// CHECK: %[[CENTERED:.*]] = arith.subf %[[X2]], %[[M]] : f32
// CHECK: %[[SQUARE:.*]] = arith.mulf %[[CENTERED]], %[[CENTERED]] : f32
// CHECK: arith.addf %[[ACC2]], %[[SQUARE]] : f32
// CHECK: %[[VARIANCE:.*]] = linalg.generic {indexing_maps = [#[[VECTOR]], #[[VECTOR]]], iterator_types = ["parallel"]} ins(%[[SQUARES]] : tensor<3xf32>)
// CHECK: %[[OUTPUT:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[FEATURE]], #[[FEATURE]], #[[FEATURE]], #[[FEATURE]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %arg1, %arg2, %[[MEAN]], %[[VARIANCE]] : {{.*}})
// CHECK: math.sqrt
// CHECK: return %[[OUTPUT]], %[[MEAN]], %[[VARIANCE]]
func.func @batch_norm_training(%x: tensor<2x3x4xf32>, %scale: tensor<3xf32>, %offset: tensor<3xf32>) -> (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0:3 = "stablehlo.batch_norm_training"(%x, %scale, %offset) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0#0, %0#1, %0#2 : tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>
}

// batch_norm_grad: one reduction for the sums of grad_output, of
// grad_output * centered and of grad_output * normalized (grad_offset, the
// spec's i3, grad_scale), then grad_operand elementwise. f16 stays f16, as
// in batch_norm_inference; epsilon is rounded to it.
// CHECK-LABEL: func.func @batch_norm_grad
// CHECK: %[[SUMS:.*]]:3 = linalg.generic {indexing_maps = [#[[ID]], #[[FEATURE2]], #[[FEATURE2]], #[[ID]], #[[FEATURE2]], #[[FEATURE2]], #[[FEATURE2]]], iterator_types = ["reduction", "parallel"]} ins(%arg0, %arg2, %arg3, %arg4 : tensor<2x3xf16>, tensor<3xf16>, tensor<3xf16>, tensor<2x3xf16>) outs({{.*}} : tensor<3xf16>, tensor<3xf16>, tensor<3xf16>)
// CHECK: ^bb0(%[[X:.*]]: f16, %[[MEAN:.*]]: f16, %[[VAR:.*]]: f16, %[[DY:.*]]: f16, %[[DY_SUM:.*]]: f16, %[[DY_CENTERED_SUM:.*]]: f16, %[[DY_NORMALIZED_SUM:.*]]: f16):
// CHECK: %[[CENTERED:.*]] = arith.subf %[[X]], %[[MEAN]] : f16
// CHECK: %[[EPS:.*]] = arith.constant 1.000400e-03 : f16
// CHECK: %[[VAR_EPS:.*]] = arith.addf %[[VAR]], %[[EPS]] : f16
// CHECK: %[[STDDEV:.*]] = math.sqrt %[[VAR_EPS]] : f16
// CHECK: %[[NORMALIZED:.*]] = arith.divf %[[CENTERED]], %[[STDDEV]] : f16
// CHECK: %[[DY_CENTERED:.*]] = arith.mulf %[[DY]], %[[CENTERED]] : f16
// CHECK: %[[DY_NORMALIZED:.*]] = arith.mulf %[[DY]], %[[NORMALIZED]] : f16
// CHECK: %[[S0:.*]] = arith.addf %[[DY_SUM]], %[[DY]] : f16
// CHECK: %[[S1:.*]] = arith.addf %[[DY_CENTERED_SUM]], %[[DY_CENTERED]] : f16
// CHECK: %[[S2:.*]] = arith.addf %[[DY_NORMALIZED_SUM]], %[[DY_NORMALIZED]] : f16
// CHECK: linalg.yield %[[S0]], %[[S1]], %[[S2]] : f16, f16, f16
// CHECK: %[[GRAD_OPERAND:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[FEATURE2]], #[[FEATURE2]], #[[FEATURE2]], #[[ID]], #[[FEATURE2]], #[[FEATURE2]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1, %arg2, %arg3, %arg4, %[[SUMS]]#0, %[[SUMS]]#1 : {{.*}})
// CHECK: ^bb0(%[[X:.*]]: f16, %[[SCALE:.*]]: f16, %[[MEAN:.*]]: f16, %[[VAR:.*]]: f16, %[[DY:.*]]: f16, %[[I2:.*]]: f16, %[[I3:.*]]: f16, %{{.*}}: f16):
// CHECK: %[[COUNT:.*]] = arith.constant 2.000000e+00 : f16
// CHECK: %[[CENTERED:.*]] = arith.subf %[[X]], %[[MEAN]] : f16
// CHECK: %[[VAR_EPS:.*]] = arith.addf %[[VAR]], %{{.*}} : f16
// CHECK: %[[STDDEV:.*]] = math.sqrt %[[VAR_EPS]] : f16
// CHECK: %[[I1:.*]] = arith.mulf %[[DY]], %[[COUNT]] : f16
// CHECK: %[[I4:.*]] = arith.mulf %[[I3]], %[[CENTERED]] : f16
// CHECK: %[[I5:.*]] = arith.divf %[[I4]], %[[VAR_EPS]] : f16
// CHECK: %[[I1_I2:.*]] = arith.subf %[[I1]], %[[I2]] : f16
// CHECK: %[[I6:.*]] = arith.subf %[[I1_I2]], %[[I5]] : f16
// CHECK: %[[SCALE_STDDEV:.*]] = arith.divf %[[SCALE]], %[[STDDEV]] : f16
// CHECK: %[[FACTOR:.*]] = arith.divf %[[SCALE_STDDEV]], %[[COUNT]] : f16
// CHECK: %[[RESULT:.*]] = arith.mulf %[[FACTOR]], %[[I6]] : f16
// CHECK: linalg.yield %[[RESULT]] : f16
// CHECK: return %[[GRAD_OPERAND]], %[[SUMS]]#2, %[[SUMS]]#0
func.func @batch_norm_grad(%x: tensor<2x3xf16>, %scale: tensor<3xf16>, %mean: tensor<3xf16>, %variance: tensor<3xf16>, %dy: tensor<2x3xf16>) -> (tensor<2x3xf16>, tensor<3xf16>, tensor<3xf16>) {
  %0:3 = "stablehlo.batch_norm_grad"(%x, %scale, %mean, %variance, %dy) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<2x3xf16>, tensor<3xf16>, tensor<3xf16>, tensor<3xf16>, tensor<2x3xf16>) -> (tensor<2x3xf16>, tensor<3xf16>, tensor<3xf16>)
  return %0#0, %0#1, %0#2 : tensor<2x3xf16>, tensor<3xf16>, tensor<3xf16>
}

// A 1-d operand is all features: nothing is reduced. An empty batch divides
// by 0 elements per feature.
// CHECK-LABEL: func.func @batch_norm_training_edges
// CHECK: linalg.generic {indexing_maps = [#[[VECTOR]], #[[VECTOR]]], iterator_types = ["parallel"]} ins(%arg0 : tensor<3xf32>)
// CHECK: arith.constant 1.000000e+00 : f32
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[FEATURE2]]], iterator_types = ["reduction", "parallel"]} ins(%arg1 : tensor<0x2xf32>)
// CHECK: arith.constant 0.000000e+00 : f32
// CHECK: arith.divf
func.func @batch_norm_training_edges(%v: tensor<3xf32>, %e: tensor<0x2xf32>, %f: tensor<2xf32>) -> (tensor<3xf32>, tensor<2xf32>) {
  %0:3 = "stablehlo.batch_norm_training"(%v, %v, %v) <{epsilon = 1.000000e-03 : f32, feature_index = 0 : i64}> : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>)
  %1:3 = "stablehlo.batch_norm_training"(%e, %f, %f) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<0x2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<0x2xf32>, tensor<2xf32>, tensor<2xf32>)
  return %0#0, %1#1 : tensor<3xf32>, tensor<2xf32>
}

// result_accuracy parses and leaves the lowering as it is.
// CHECK-LABEL: func.func @result_accuracy
// CHECK: math.exp
// CHECK-NOT: result_accuracy
func.func @result_accuracy(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.exponential %x {result_accuracy = #stablehlo.result_accuracy<atol = 0.000000e+00, rtol = 0.000000e+00, ulps = 0, mode = #stablehlo.result_accuracy_mode<DEFAULT>>} : tensor<4xf32>
  return %0 : tensor<4xf32>
}
