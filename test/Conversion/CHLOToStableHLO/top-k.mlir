// RUN: jaxc-opt %s --jaxc-chlo-to-stablehlo | FileCheck %s

// A stable descending sort along the last dimension, values and an iota of
// indices together, then the first k of each. Floats compare in total order
// (+NaN first, -NaN last, -0 after +0), as XLA's top_k.
// CHECK-LABEL: func.func @top_k_f32
// CHECK: %[[IOTA:.*]] = stablehlo.iota dim = 1 : tensor<5x8xi32>
// CHECK: %[[SORTED:.*]]:2 = "stablehlo.sort"(%arg0, %[[IOTA]]) <{dimension = 1 : i64, is_stable = true}>
// CHECK: ^bb0(%[[LHS:.*]]: tensor<f32>, %[[RHS:.*]]: tensor<f32>, %{{.*}}: tensor<i32>, %{{.*}}: tensor<i32>):
// CHECK: %[[GREATER:.*]] = stablehlo.compare GT, %[[LHS]], %[[RHS]], TOTALORDER
// CHECK: stablehlo.return %[[GREATER]] : tensor<i1>
// CHECK: %[[VALUES:.*]] = stablehlo.slice %[[SORTED]]#0 [0:5, 0:3] : (tensor<5x8xf32>) -> tensor<5x3xf32>
// CHECK: %[[INDICES:.*]] = stablehlo.slice %[[SORTED]]#1 [0:5, 0:3] : (tensor<5x8xi32>) -> tensor<5x3xi32>
// CHECK: return %[[VALUES]], %[[INDICES]]
func.func @top_k_f32(%x: tensor<5x8xf32>) -> (tensor<5x3xf32>, tensor<5x3xi32>) {
  %values, %indices = chlo.top_k(%x, k = 3) : tensor<5x8xf32> -> (tensor<5x3xf32>, tensor<5x3xi32>)
  return %values, %indices : tensor<5x3xf32>, tensor<5x3xi32>
}

// CHECK-LABEL: func.func @top_k_si8
// CHECK: stablehlo.iota dim = 0 : tensor<6xi32>
// CHECK: stablehlo.compare GT, %{{.*}}, %{{.*}}, SIGNED : (tensor<i8>, tensor<i8>) -> tensor<i1>
// CHECK: stablehlo.slice %{{.*}}#0 [0:2] : (tensor<6xi8>) -> tensor<2xi8>
func.func @top_k_si8(%x: tensor<6xi8>) -> (tensor<2xi8>, tensor<2xi32>) {
  %values, %indices = chlo.top_k(%x, k = 2) : tensor<6xi8> -> (tensor<2xi8>, tensor<2xi32>)
  return %values, %indices : tensor<2xi8>, tensor<2xi32>
}

// CHECK-LABEL: func.func @top_k_ui32
// CHECK: stablehlo.compare GT, %{{.*}}, %{{.*}}, UNSIGNED : (tensor<ui32>, tensor<ui32>) -> tensor<i1>
func.func @top_k_ui32(%x: tensor<2x4xui32>) -> (tensor<2x1xui32>, tensor<2x1xi32>) {
  %values, %indices = chlo.top_k(%x, k = 1) : tensor<2x4xui32> -> (tensor<2x1xui32>, tensor<2x1xi32>)
  return %values, %indices : tensor<2x1xui32>, tensor<2x1xi32>
}

// CHECK-LABEL: func.func @top_k_i1
// CHECK: stablehlo.compare GT, %{{.*}}, %{{.*}}, UNSIGNED : (tensor<i1>, tensor<i1>) -> tensor<i1>
func.func @top_k_i1(%x: tensor<3xi1>) -> (tensor<3xi1>, tensor<3xi32>) {
  %values, %indices = chlo.top_k(%x, k = 3) : tensor<3xi1> -> (tensor<3xi1>, tensor<3xi32>)
  return %values, %indices : tensor<3xi1>, tensor<3xi32>
}
