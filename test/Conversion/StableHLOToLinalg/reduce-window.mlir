// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// Loops over the result (parallel) then the window (reduction); a
// window-shaped empty tensor bounds the window loops.
// CHECK-DAG: #[[CUMSUM_IN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0 + d2, d1 + d3)>
// CHECK-DAG: #[[WINDOW:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-DAG: #[[RESULT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-DAG: #[[POOL_IN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0 + d2 * 2, d1 * 3 + d3)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<() -> ()>
// CHECK-DAG: #[[SHIFTED:.*]] = affine_map<(d0, d1) -> (d0 + d1)>
// CHECK-DAG: #[[WINDOW1:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[RESULT1:.*]] = affine_map<(d0, d1) -> (d0)>

// JAX's cumulative sum: the padding takes part as init values.
// CHECK-LABEL: func.func @cumsum
// CHECK: %[[INIT:.*]] = tensor.extract %{{.*}}[] : tensor<f32>
// CHECK: %[[FILLED:.*]] = linalg.fill ins(%[[INIT]] : f32) outs(%{{.*}} : tensor<15x3xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %arg0 into %[[FILLED]][7, 0] [8, 3] [1, 1]
// CHECK: %[[WINDOW_SHAPE:.*]] = tensor.empty() : tensor<8x1xf32>
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32) outs(%{{.*}} : tensor<8x3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[CUMSUM_IN]], #[[WINDOW]], #[[RESULT]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[PADDED]], %[[WINDOW_SHAPE]] : tensor<15x3xf32>, tensor<8x1xf32>) outs(%[[ACC]] : tensor<8x3xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32, %[[SUM:.*]]: f32):
// CHECK: arith.addf %[[SUM]], %[[X]] : f32
func.func @cumsum(%x: tensor<8x3xf32>) -> tensor<8x3xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{padding = dense<[[7, 0], [0, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 8, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x3xf32>, tensor<f32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}

// Strides and window dilation scale the indices; base dilation is interior
// padding, negative padding a crop.
// CHECK-LABEL: func.func @max_pool
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %arg0 into %{{.*}}[0, 1] [5, 5] [1, 2] : tensor<5x5xi32> into tensor<6x10xi32>
// CHECK: %[[CROPPED:.*]] = tensor.extract_slice %[[PADDED]][0, 0] [6, 9] [1, 1] : tensor<6x10xi32> to tensor<6x9xi32>
// CHECK: linalg.generic {indexing_maps = [#[[POOL_IN]], #[[WINDOW]], #[[RESULT]]]
// CHECK-SAME: ins(%[[CROPPED]], %{{.*}} : tensor<6x9xi32>, tensor<2x3xi32>) outs(%{{.*}} : tensor<4x3xi32>)
// CHECK: arith.maxsi
func.func @max_pool(%x: tensor<5x5xi32>) -> tensor<4x3xi32> {
  %init = stablehlo.constant dense<-2147483648> : tensor<i32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{base_dilations = array<i64: 1, 2>, window_dilations = array<i64: 2, 1>, padding = dense<[[0, 1], [1, -1]]> : tensor<2x2xi64>, window_dimensions = array<i64: 2, 3>, window_strides = array<i64: 1, 3>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %1 = stablehlo.maximum %a, %b : tensor<i32>
    stablehlo.return %1 : tensor<i32>
  }) : (tensor<5x5xi32>, tensor<i32>) -> tensor<4x3xi32>
  return %0 : tensor<4x3xi32>
}

// Without padding or base dilation the inputs are read as they are; two
// inputs reduce together.
// CHECK-LABEL: func.func @two_inputs
// CHECK-NOT: tensor.insert_slice
// CHECK: linalg.generic
// CHECK-SAME: ins(%arg0, %arg1, %{{.*}} : tensor<4xf32>, tensor<4xi32>, tensor<2xf32>) outs(%{{.*}}, %{{.*}} : tensor<3xf32>, tensor<3xi32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[I:.*]]: i32, %{{.*}}: f32, %[[MAX:.*]]: f32, %[[ARG:.*]]: i32):
// CHECK: arith.cmpf ogt, %[[MAX]], %[[X]] : f32
// CHECK: arith.select %{{.*}}, %[[ARG]], %[[I]] : i32
func.func @two_inputs(%x: tensor<4xf32>, %i: tensor<4xi32>, %x0: tensor<f32>, %i0: tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>) {
  %0:2 = "stablehlo.reduce_window"(%x, %i, %x0, %i0) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%max: tensor<f32>, %arg: tensor<i32>, %y: tensor<f32>, %j: tensor<i32>):
    %1 = stablehlo.compare GT, %max, %y, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %2 = stablehlo.select %1, %max, %y : tensor<i1>, tensor<f32>
    %3 = stablehlo.select %1, %arg, %j : tensor<i1>, tensor<i32>
    stablehlo.return %2, %3 : tensor<f32>, tensor<i32>
  }) : (tensor<4xf32>, tensor<4xi32>, tensor<f32>, tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>)
  return %0#0, %0#1 : tensor<3xf32>, tensor<3xi32>
}

// Rank 0: one window of no dimensions, the element reduced into the init
// value.
// CHECK-LABEL: func.func @rank0
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR]], #[[SCALAR]], #[[SCALAR]]], iterator_types = []}
func.func @rank0(%x: tensor<f32>, %init: tensor<f32>) -> tensor<f32> {
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// An empty operand padded is all init values: the padding is a fill with
// nothing inserted, every window in it.
// CHECK-LABEL: func.func @empty_padded
// CHECK: %[[VALUE:.*]] = tensor.extract %arg1[] : tensor<f32>
// CHECK: %[[PADDED:.*]] = linalg.fill ins(%[[VALUE]] : f32) outs(%{{.*}} : tensor<2xf32>)
// CHECK-NOT: tensor.insert_slice
// CHECK: linalg.generic {indexing_maps = [#[[SHIFTED]], #[[WINDOW1]], #[[RESULT1]]], iterator_types = ["parallel", "reduction"]} ins(%[[PADDED]], %{{.*}} : tensor<2xf32>, tensor<1xf32>)
func.func @empty_padded(%x: tensor<0xf32>, %init: tensor<f32>) -> tensor<2xf32> {
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 1>, padding = dense<[[2, 0]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<0xf32>, tensor<f32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
