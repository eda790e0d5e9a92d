// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// Unsigned constants keep their bits under the signless type.
// CHECK-LABEL: func.func @constant() -> (tensor<3xi8>, tensor<2xi1>, tensor<f32>)
// CHECK-DAG: arith.constant dense<[1, -56, -1]> : tensor<3xi8>
// CHECK-DAG: arith.constant dense<[true, false]> : tensor<2xi1>
// CHECK-DAG: arith.constant dense<1.500000e+00> : tensor<f32>
// CHECK-NOT: stablehlo
func.func @constant() -> (tensor<3xui8>, tensor<2xi1>, tensor<f32>) {
  %0 = stablehlo.constant dense<[1, 200, 255]> : tensor<3xui8>
  %1 = stablehlo.constant dense<[true, false]> : tensor<2xi1>
  %2 = stablehlo.constant dense<1.5> : tensor<f32>
  return %0, %1, %2 : tensor<3xui8>, tensor<2xi1>, tensor<f32>
}

// The index along the iota dimension, converted like any convert.
// CHECK-LABEL: func.func @iota
// CHECK: linalg.generic {indexing_maps = [#{{.*}}], iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<2x3xi32>)
// CHECK: %[[INDEX:.*]] = linalg.index 1 : index
// CHECK: %[[I64:.*]] = arith.index_cast %[[INDEX]] : index to i64
// CHECK: %[[I32:.*]] = arith.trunci %[[I64]] : i64 to i32
// CHECK: linalg.yield %[[I32]] : i32
// CHECK: %[[FINDEX:.*]] = linalg.index 0 : index
// CHECK: %[[F64:.*]] = arith.index_cast %[[FINDEX]] : index to i64
// CHECK: arith.sitofp %[[F64]] : i64 to f32
func.func @iota() -> (tensor<2x3xui32>, tensor<4xf32>) {
  %0 = stablehlo.iota dim = 1 : tensor<2x3xui32>
  %1 = stablehlo.iota dim = 0 : tensor<4xf32>
  return %0, %1 : tensor<2x3xui32>, tensor<4xf32>
}
