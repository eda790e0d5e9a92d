// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// Unsigned types, tensors and scalars, become signless across function
// boundaries and calls.
// CHECK-LABEL: func.func @main(%arg0: tensor<4xi32>, %arg1: i32) -> tensor<4xi32>
// CHECK: %[[RESULT:.*]] = call @callee(%arg0) : (tensor<4xi32>) -> tensor<4xi32>
// The conformance checks stay, on the converted values.
// CHECK: stablehlo.custom_call @check.expect_eq(%[[RESULT]], %arg0) {has_side_effect = true} : (tensor<4xi32>, tensor<4xi32>) -> ()
// CHECK: return %[[RESULT]] : tensor<4xi32>
func.func @main(%x: tensor<4xui32>, %unused: ui32) -> tensor<4xui32> {
  %0 = call @callee(%x) : (tensor<4xui32>) -> tensor<4xui32>
  stablehlo.custom_call @check.expect_eq(%0, %x) {has_side_effect = true} : (tensor<4xui32>, tensor<4xui32>) -> ()
  return %0 : tensor<4xui32>
}

// CHECK-LABEL: func.func private @callee(%arg0: tensor<4xi32>) -> tensor<4xi32>
// CHECK: arith.maxui
func.func private @callee(%x: tensor<4xui32>) -> tensor<4xui32> {
  %0 = stablehlo.maximum %x, %x : tensor<4xui32>
  return %0 : tensor<4xui32>
}
