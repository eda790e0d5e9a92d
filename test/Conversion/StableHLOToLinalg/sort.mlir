// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// Two operands sorted along dimension 0 by the first (the spec's example):
// one loop per column carries both results; each iteration sorts the
// column's slices together with a merge sort and inserts them back.
// CHECK-LABEL: func.func @sort_pairs
// CHECK: %[[PAIRS:.*]]:2 = scf.for %[[COL:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[KEYS:.*]] = %arg0, %[[VALUES:.*]] = %arg1) -> (tensor<2x3xi64>, tensor<2x3xi64>)
// CHECK: %[[KEY_COL:.*]] = tensor.extract_slice %[[KEYS]][0, %[[COL]]] [2, 1] [1, 1] : tensor<2x3xi64> to tensor<2xi64>
// CHECK: %[[VALUE_COL:.*]] = tensor.extract_slice %[[VALUES]][0, %[[COL]]] [2, 1] [1, 1] : tensor<2x3xi64> to tensor<2xi64>
// One merge pass (2 elements) into new vectors, pair by pair.
// CHECK: %[[KEY_MERGED:.*]] = tensor.empty() : tensor<2xi64>
// CHECK: %[[VALUE_MERGED:.*]] = tensor.empty() : tensor<2xi64>
// CHECK: %[[SORTED:.*]]:2 = scf.for %[[START:.*]] = %{{.*}} iter_args(%{{.*}} = %[[KEY_MERGED]], %{{.*}} = %[[VALUE_MERGED]])
// CHECK: %[[MIDDLE:.*]] = arith.minui
// CHECK: %[[END:.*]] = arith.minui
// CHECK: scf.for %[[POS:.*]] = %[[START]] to %[[END]] step %{{.*}} iter_args(%[[LEFT:.*]] = %[[START]], %[[RIGHT:.*]] = %[[MIDDLE]], %[[KEY_OUT:.*]] = %{{.*}}, %[[VALUE_OUT:.*]] = %{{.*}})
// CHECK: %[[LEFT_KEY:.*]] = tensor.extract %[[KEY_COL]]
// CHECK: %[[LEFT_VALUE:.*]] = tensor.extract %[[VALUE_COL]]
// CHECK: %[[RIGHT_KEY:.*]] = tensor.extract %[[KEY_COL]]
// CHECK: %[[RIGHT_VALUE:.*]] = tensor.extract %[[VALUE_COL]]
// CHECK: %[[LEFT_DONE:.*]] = arith.cmpi uge, %[[LEFT]], %[[MIDDLE]] : index
// CHECK: %[[RIGHT_REMAINS:.*]] = arith.cmpi ult, %[[RIGHT]], %[[END]] : index
// The comparator asks whether the right element is less than the left one:
// only then does it go first, so that equal elements keep their order.
// CHECK: %[[LESS:.*]] = arith.cmpi sgt, %[[RIGHT_KEY]], %[[LEFT_KEY]] : i64
// CHECK: %[[EITHER:.*]] = arith.ori %[[LEFT_DONE]], %[[LESS]] : i1
// CHECK: %[[RIGHT_FIRST:.*]] = arith.andi %[[RIGHT_REMAINS]], %[[EITHER]] : i1
// CHECK: %[[KEY:.*]] = arith.select %[[RIGHT_FIRST]], %[[RIGHT_KEY]], %[[LEFT_KEY]] : i64
// CHECK: tensor.insert %[[KEY]] into %[[KEY_OUT]][%[[POS]]]
// CHECK: %[[VALUE:.*]] = arith.select %[[RIGHT_FIRST]], %[[RIGHT_VALUE]], %[[LEFT_VALUE]] : i64
// CHECK: tensor.insert %[[VALUE]] into %[[VALUE_OUT]][%[[POS]]]
// CHECK: %[[KEYS_OUT:.*]] = tensor.insert_slice %[[SORTED]]#0 into %[[KEYS]][0, %[[COL]]] [2, 1] [1, 1] : tensor<2xi64> into tensor<2x3xi64>
// CHECK: %[[VALUES_OUT:.*]] = tensor.insert_slice %[[SORTED]]#1 into %[[VALUES]][0, %[[COL]]] [2, 1] [1, 1] : tensor<2xi64> into tensor<2x3xi64>
// CHECK: scf.yield %[[KEYS_OUT]], %[[VALUES_OUT]]
// CHECK: return %[[PAIRS]]#0, %[[PAIRS]]#1
func.func @sort_pairs(%keys: tensor<2x3xi64>, %values: tensor<2x3xi64>) -> (tensor<2x3xi64>, tensor<2x3xi64>) {
  %0:2 = "stablehlo.sort"(%keys, %values) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<i64>, %b: tensor<i64>, %c: tensor<i64>, %d: tensor<i64>):
    %1 = stablehlo.compare GT, %a, %b : (tensor<i64>, tensor<i64>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<2x3xi64>, tensor<2x3xi64>) -> (tensor<2x3xi64>, tensor<2x3xi64>)
  return %0#0, %0#1 : tensor<2x3xi64>, tensor<2x3xi64>
}

// A negative dimension counts from the end. 5 elements take ceil(log2 5) = 3
// unrolled merge passes, over pairs of runs of 1, 2 and 4 elements, each
// reading the previous one's result. Unsigned keys compare unsigned.
// CHECK-LABEL: func.func @last_dim
// CHECK: scf.for %[[ROW:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ROWS:.*]] = %arg0)
// CHECK: %[[VECTOR:.*]] = tensor.extract_slice %[[ROWS]][%[[ROW]], 0] [1, 5] [1, 1] : tensor<4x5xi32> to tensor<5xi32>
// CHECK: %[[STEP1:.*]] = arith.constant 2 : index
// CHECK: %[[PASS1:.*]] = scf.for %{{.*}} step %[[STEP1]]
// CHECK: tensor.extract %[[VECTOR]]
// CHECK: arith.cmpi ult, %{{.*}}, %{{.*}} : i32
// CHECK: %[[STEP2:.*]] = arith.constant 4 : index
// CHECK: %[[PASS2:.*]] = scf.for %{{.*}} step %[[STEP2]]
// CHECK: tensor.extract %[[PASS1]]
// CHECK: %[[STEP3:.*]] = arith.constant 8 : index
// CHECK: %[[PASS3:.*]] = scf.for %{{.*}} step %[[STEP3]]
// CHECK: tensor.extract %[[PASS2]]
// CHECK-NOT: scf.for
// CHECK: tensor.insert_slice %[[PASS3]] into %[[ROWS]][%[[ROW]], 0] [1, 5] [1, 1]
func.func @last_dim(%x: tensor<4x5xui32>) -> tensor<4x5xui32> {
  %0 = "stablehlo.sort"(%x) <{dimension = -1 : i64}> ({
  ^bb0(%a: tensor<ui32>, %b: tensor<ui32>):
    %1 = stablehlo.compare LT, %a, %b : (tensor<ui32>, tensor<ui32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<4x5xui32>) -> tensor<4x5xui32>
  return %0 : tensor<4x5xui32>
}

// A dimension of one element, or none, is sorted already.
// CHECK-LABEL: func.func @single
// CHECK-NOT: scf.for
// CHECK: return %arg0, %arg1
func.func @single(%x: tensor<3x1xf32>, %e: tensor<0xf32>) -> (tensor<3x1xf32>, tensor<0xf32>) {
  %0 = "stablehlo.sort"(%x) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare LT, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<3x1xf32>) -> tensor<3x1xf32>
  %2 = "stablehlo.sort"(%e) <{dimension = 0 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %3 = stablehlo.compare LT, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %3 : tensor<i1>
  }) : (tensor<0xf32>) -> tensor<0xf32>
  return %0, %2 : tensor<3x1xf32>, tensor<0xf32>
}
