// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// The regions move into an scf.while and convert in place: the condition's
// 0-d i1 is extracted for scf.condition, the body returns by scf.yield.
// CHECK-LABEL: func.func @count(%arg0: tensor<i32>, %arg1: tensor<4xf32>) -> (tensor<i32>, tensor<4xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant dense<0> : tensor<i32>
// CHECK: %[[LOOP:.*]]:2 = scf.while (%[[I:.*]] = %[[ZERO]], %[[ACC:.*]] = %arg1) : (tensor<i32>, tensor<4xf32>) -> (tensor<i32>, tensor<4xf32>) {
// CHECK: %[[LESS:.*]] = linalg.generic
// CHECK-SAME: ins(%[[I]], %arg0 : tensor<i32>, tensor<i32>)
// CHECK: arith.cmpi ult
// CHECK: %[[COND:.*]] = tensor.extract %[[LESS]][] : tensor<i1>
// CHECK: scf.condition(%[[COND]]) %[[I]], %[[ACC]] : tensor<i32>, tensor<4xf32>
// CHECK: } do {
// CHECK: ^bb0(%[[I2:.*]]: tensor<i32>, %[[ACC2:.*]]: tensor<4xf32>):
// CHECK: %[[NEXT_I:.*]] = linalg.generic {{.*}} ins(%[[I2]], %{{.*}} : tensor<i32>, tensor<i32>)
// CHECK: %[[NEXT_ACC:.*]] = linalg.generic {{.*}} ins(%[[ACC2]], %[[ACC2]] : tensor<4xf32>, tensor<4xf32>)
// CHECK: scf.yield %[[NEXT_I]], %[[NEXT_ACC]] : tensor<i32>, tensor<4xf32>
// CHECK: return %[[LOOP]]#0, %[[LOOP]]#1
func.func @count(%n: tensor<ui32>, %x: tensor<4xf32>) -> (tensor<ui32>, tensor<4xf32>) {
  %zero = stablehlo.constant dense<0> : tensor<ui32>
  %0:2 = stablehlo.while(%i = %zero, %acc = %x) : tensor<ui32>, tensor<4xf32>
   cond {
    %1 = stablehlo.compare LT, %i, %n : (tensor<ui32>, tensor<ui32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  } do {
    %one = stablehlo.constant dense<1> : tensor<ui32>
    %2 = stablehlo.add %i, %one : tensor<ui32>
    %3 = stablehlo.add %acc, %acc : tensor<4xf32>
    stablehlo.return %2, %3 : tensor<ui32>, tensor<4xf32>
  }
  return %0#0, %0#1 : tensor<ui32>, tensor<4xf32>
}
