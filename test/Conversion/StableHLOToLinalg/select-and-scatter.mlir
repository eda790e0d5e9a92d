// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// The spec's example. The result starts as init; loops over the source carry
// it; for each source element the window loops carry the selection (found,
// value, operand index) and the scatter region adds the source element at
// the selected index.
// CHECK-LABEL: func.func @max_pool_grad
// CHECK: %[[INIT:.*]] = tensor.extract %{{.*}}[] : tensor<i32>
// CHECK: %[[FILLED:.*]] = linalg.fill ins(%[[INIT]] : i32) outs(%{{.*}} : tensor<4x2xi32>)
// CHECK: %[[RESULT:.*]] = scf.for %[[S0:.*]] = %{{.*}} iter_args(%[[ACC0:.*]] = %[[FILLED]]) -> (tensor<4x2xi32>)
// CHECK: scf.for %[[S1:.*]] = %{{.*}} iter_args(%[[ACC:.*]] = %[[ACC0]]) -> (tensor<4x2xi32>)
// CHECK: %[[NONE:.*]] = arith.constant false
// CHECK: %[[SEL:.*]]:4 = scf.for %[[W0:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %[[NONE]], %{{.*}} = %[[INIT]], %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) -> (i1, i32, index, index)
// CHECK: scf.for %[[W1:.*]] = {{.*}} iter_args(%[[FOUND:.*]] = %{{.*}}, %[[SELECTED:.*]] = %{{.*}}, %[[SELECTED0:.*]] = %{{.*}}, %[[SELECTED1:.*]] = %{{.*}})
// Operand index: source index * stride + window index - low padding.
// CHECK: %[[START0:.*]] = arith.muli %[[S0]], %[[C2:.*]] : index
// CHECK: %[[PADDED0:.*]] = arith.addi %[[START0]], %[[W0]] : index
// CHECK: %[[I0:.*]] = arith.subi %[[PADDED0]], %{{.*}} : index
// CHECK: %[[START1:.*]] = arith.muli %[[S1]], %{{.*}} : index
// CHECK: %[[PADDED1:.*]] = arith.addi %[[START1]], %[[W1]] : index
// CHECK: %[[I1:.*]] = arith.subi %[[PADDED1]], %{{.*}} : index
// The high padding row (index 4) holds no element to select.
// CHECK: arith.cmpi ult, %[[I0]], %[[C4:.*]] : index
// CHECK: arith.cmpi ult, %[[I1]], %{{.*}} : index
// CHECK: %[[IN:.*]] = arith.andi
// CHECK: %[[READ0:.*]] = arith.select %[[IN]], %[[I0]]
// CHECK: %[[READ1:.*]] = arith.select %[[IN]], %[[I1]]
// CHECK: %[[CANDIDATE:.*]] = tensor.extract %arg0[%[[READ0]], %[[READ1]]] : tensor<4x2xi32>
// select(selected, candidate) true keeps the selection.
// CHECK: %[[GE:.*]] = arith.cmpi sge, %[[SELECTED]], %[[CANDIDATE]] : i32
// CHECK: %[[KEEP:.*]] = arith.andi %[[FOUND]], %[[GE]] : i1
// CHECK: %[[REPLACE:.*]] = arith.xori %[[KEEP]], %{{.*}} : i1
// CHECK: %[[TAKE:.*]] = arith.andi %[[IN]], %[[REPLACE]] : i1
// CHECK: %[[NOW_FOUND:.*]] = arith.ori %[[FOUND]], %[[IN]] : i1
// CHECK: %[[VALUE:.*]] = arith.select %[[TAKE]], %[[CANDIDATE]], %[[SELECTED]] : i32
// CHECK: %[[INDEX0:.*]] = arith.select %[[TAKE]], %[[I0]], %[[SELECTED0]] : index
// CHECK: %[[INDEX1:.*]] = arith.select %[[TAKE]], %[[I1]], %[[SELECTED1]] : index
// CHECK: scf.yield %[[NOW_FOUND]], %[[VALUE]], %[[INDEX0]], %[[INDEX1]]
// CHECK: %[[SCATTERED:.*]] = scf.if %[[SEL]]#0 -> (tensor<4x2xi32>) {
// CHECK: %[[CURRENT:.*]] = tensor.extract %[[ACC]][%[[SEL]]#2, %[[SEL]]#3] : tensor<4x2xi32>
// CHECK: %[[SOURCE:.*]] = tensor.extract %arg1[%[[S0]], %[[S1]]] : tensor<2x2xi32>
// CHECK: %[[SUM:.*]] = arith.addi %[[CURRENT]], %[[SOURCE]] : i32
// CHECK: %[[UPDATED:.*]] = tensor.insert %[[SUM]] into %[[ACC]][%[[SEL]]#2, %[[SEL]]#3]
// CHECK: scf.yield %[[UPDATED]]
// CHECK: } else {
// CHECK: scf.yield %[[ACC]]
// CHECK: scf.yield %[[SCATTERED]]
// CHECK: return %[[RESULT]]
func.func @max_pool_grad(%operand: tensor<4x2xi32>, %source: tensor<2x2xi32>) -> tensor<4x2xi32> {
  %init = stablehlo.constant dense<0> : tensor<i32>
  %0 = "stablehlo.select_and_scatter"(%operand, %source, %init) <{window_dimensions = array<i64: 3, 1>, window_strides = array<i64: 2, 1>, padding = dense<[[0, 1], [0, 0]]> : tensor<2x2xi64>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %1 = stablehlo.compare GE, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }, {
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %1 = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %1 : tensor<i32>
  }) : (tensor<4x2xi32>, tensor<2x2xi32>, tensor<i32>) -> tensor<4x2xi32>
  return %0 : tensor<4x2xi32>
}

// Low padding shifts the window back; unsigned elements select with an
// unsigned compare. Windows of 2 at stride 3 over 1 + 7 padded elements.
// CHECK-LABEL: func.func @low_padding
// CHECK: scf.for %[[S:.*]] = %{{.*}} to %{{.*}}
// CHECK: scf.for %[[W:.*]] = %{{.*}} to %{{.*}}
// CHECK: %[[STRIDE:.*]] = arith.constant 3 : index
// CHECK: %[[LOW:.*]] = arith.constant 1 : index
// CHECK: %[[START:.*]] = arith.muli %[[S]], %[[STRIDE]] : index
// CHECK: %[[PADDED:.*]] = arith.addi %[[START]], %[[W]] : index
// CHECK: %[[I:.*]] = arith.subi %[[PADDED]], %[[LOW]] : index
// CHECK: arith.cmpi ult, %[[I]], %{{.*}} : index
// CHECK: arith.cmpi ugt, %{{.*}}, %{{.*}} : i8
// CHECK: scf.if
// CHECK: arith.muli %{{.*}}, %{{.*}} : i8
func.func @low_padding(%operand: tensor<7xui8>, %source: tensor<3xui8>) -> tensor<7xui8> {
  %init = stablehlo.constant dense<1> : tensor<ui8>
  %0 = "stablehlo.select_and_scatter"(%operand, %source, %init) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 3>, padding = dense<[[1, 0]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<ui8>, %b: tensor<ui8>):
    %1 = stablehlo.compare GT, %a, %b : (tensor<ui8>, tensor<ui8>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }, {
  ^bb0(%a: tensor<ui8>, %b: tensor<ui8>):
    %1 = stablehlo.multiply %a, %b : tensor<ui8>
    stablehlo.return %1 : tensor<ui8>
  }) : (tensor<7xui8>, tensor<3xui8>, tensor<ui8>) -> tensor<7xui8>
  return %0 : tensor<7xui8>
}

// Without operand elements there is nothing to select: the result is init.
// CHECK-LABEL: func.func @empty
// CHECK: %[[FILLED:.*]] = linalg.fill
// CHECK-NOT: scf.for
// CHECK: return %[[FILLED]]
func.func @empty(%operand: tensor<0x3xf32>, %source: tensor<1x3xf32>) -> tensor<0x3xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  %0 = "stablehlo.select_and_scatter"(%operand, %source, %init) <{window_dimensions = array<i64: 2, 1>, padding = dense<[[1, 1], [0, 0]]> : tensor<2x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GE, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<0x3xf32>, tensor<1x3xf32>, tensor<f32>) -> tensor<0x3xf32>
  return %0 : tensor<0x3xf32>
}
