// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// The 0-d predicate is extracted for scf.if; each branch returns by
// scf.yield, unsigned results as signless.
// CHECK-LABEL: func.func @if(%arg0: tensor<i1>, %arg1: tensor<4xi32>) -> tensor<4xi32>
// CHECK: %[[PRED:.*]] = tensor.extract %arg0[] : tensor<i1>
// CHECK: %[[IF:.*]] = scf.if %[[PRED]] -> (tensor<4xi32>) {
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%arg1, %arg1 : tensor<4xi32>, tensor<4xi32>)
// CHECK: scf.yield %[[SUM]] : tensor<4xi32>
// CHECK: } else {
// CHECK: scf.yield %arg1 : tensor<4xi32>
// CHECK: return %[[IF]]
func.func @if(%p: tensor<i1>, %x: tensor<4xui32>) -> tensor<4xui32> {
  %0 = "stablehlo.if"(%p) ({
    %1 = stablehlo.add %x, %x : tensor<4xui32>
    stablehlo.return %1 : tensor<4xui32>
  }, {
    stablehlo.return %x : tensor<4xui32>
  }) : (tensor<i1>) -> tensor<4xui32>
  return %0 : tensor<4xui32>
}

// Branches without results.
// CHECK-LABEL: func.func @if_no_results
// CHECK: scf.if %{{.*}} {
// CHECK-NEXT: } else {
// CHECK-NEXT: }
func.func @if_no_results(%p: tensor<i1>) {
  "stablehlo.if"(%p) ({
    stablehlo.return
  }, {
    stablehlo.return
  }) : (tensor<i1>) -> ()
  return
}

// Branch i is case i but the last, the default: any index out of [0, 3),
// negative ones included, takes it.
// CHECK-LABEL: func.func @case(%arg0: tensor<i32>, %arg1: tensor<f32>) -> (tensor<f32>, tensor<i32>)
// CHECK: %[[I32:.*]] = tensor.extract %arg0[] : tensor<i32>
// CHECK: %[[INDEX:.*]] = arith.index_cast %[[I32]] : i32 to index
// CHECK: %[[SWITCH:.*]]:2 = scf.index_switch %[[INDEX]] -> tensor<f32>, tensor<i32>
// CHECK: case 0 {
// CHECK: %[[C0:.*]] = arith.constant dense<0> : tensor<i32>
// CHECK: scf.yield %arg1, %[[C0]] : tensor<f32>, tensor<i32>
// CHECK: case 1 {
// CHECK: %[[C1:.*]] = arith.constant dense<1> : tensor<i32>
// CHECK: scf.yield %arg1, %[[C1]] : tensor<f32>, tensor<i32>
// CHECK: default {
// CHECK: %[[C2:.*]] = arith.constant dense<2> : tensor<i32>
// CHECK: scf.yield %{{.*}}, %[[C2]] : tensor<f32>, tensor<i32>
// CHECK: return %[[SWITCH]]#0, %[[SWITCH]]#1
func.func @case(%i: tensor<i32>, %x: tensor<f32>) -> (tensor<f32>, tensor<i32>) {
  %0:2 = "stablehlo.case"(%i) ({
    %c = stablehlo.constant dense<0> : tensor<i32>
    stablehlo.return %x, %c : tensor<f32>, tensor<i32>
  }, {
    %c = stablehlo.constant dense<1> : tensor<i32>
    stablehlo.return %x, %c : tensor<f32>, tensor<i32>
  }, {
    %c = stablehlo.constant dense<2> : tensor<i32>
    %n = stablehlo.negate %x : tensor<f32>
    stablehlo.return %n, %c : tensor<f32>, tensor<i32>
  }) : (tensor<i32>) -> (tensor<f32>, tensor<i32>)
  return %0#0, %0#1 : tensor<f32>, tensor<i32>
}

// A single branch is the default alone.
// CHECK-LABEL: func.func @case_one_branch
// CHECK: scf.index_switch %{{.*}} -> tensor<f32>
// CHECK-NEXT: default {
func.func @case_one_branch(%i: tensor<i32>, %x: tensor<f32>) -> tensor<f32> {
  %0 = "stablehlo.case"(%i) ({
    stablehlo.return %x : tensor<f32>
  }) : (tensor<i32>) -> tensor<f32>
  return %0 : tensor<f32>
}
