// Constants are identified by value: distinct constants stay distinct,
// equal ones merge.
// RUN: jaxc-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @distinct
// CHECK-DAG: %[[A:.*]] = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
// CHECK-DAG: %[[B:.*]] = stablehlo.constant dense<[3, 4]> : tensor<2xi32>
// CHECK: stablehlo.add %[[A]], %[[B]]
// CHECK: return %{{.*}}, %[[A]]
func.func @distinct() -> (tensor<2xi32>, tensor<2xi32>) {
  %a = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
  %b = stablehlo.constant dense<[3, 4]> : tensor<2xi32>
  %c = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
  %0 = stablehlo.add %a, %b : tensor<2xi32>
  return %0, %c : tensor<2xi32>, tensor<2xi32>
}
