// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// Loops over the scatter indices outside the window; the start index is
// read once per window, each element bounds-checked and combined with the
// update computation (current value first) into the loop-carried result.
// CHECK-LABEL: func.func @add
// CHECK-SAME: (%[[INPUT:.*]]: tensor<5x3xf32>, %[[INDICES:.*]]: tensor<2x1xi32>, %[[UPDATES:.*]]: tensor<2x3xf32>)
// CHECK: %[[RESULT:.*]] = scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[OUTER:.*]] = %[[INPUT]]) -> (tensor<5x3xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK: %[[RAW:.*]] = tensor.extract %[[INDICES]][%[[I]], %[[ZERO]]] : tensor<2x1xi32>
// CHECK: %[[START:.*]] = arith.index_cast %[[RAW]] : i32 to index
// CHECK: %[[THREE:.*]] = arith.constant 3 : index
// CHECK: scf.for %[[J:.*]] = %{{.*}} to %[[THREE]] step %{{.*}} iter_args(%[[ACC:.*]] = %[[OUTER]]) -> (tensor<5x3xf32>)
// CHECK: %[[FIVE:.*]] = arith.constant 5 : index
// CHECK: %[[IN_BOUNDS:.*]] = arith.cmpi ult, %[[START]], %[[FIVE]] : index
// CHECK: %[[UPDATED:.*]] = scf.if %[[IN_BOUNDS]] -> (tensor<5x3xf32>)
// CHECK: %[[OLD:.*]] = tensor.extract %[[ACC]][%[[START]], %[[J]]] : tensor<5x3xf32>
// CHECK: %[[NEW:.*]] = tensor.extract %[[UPDATES]][%[[I]], %[[J]]] : tensor<2x3xf32>
// CHECK: %[[SUM:.*]] = arith.addf %[[OLD]], %[[NEW]] : f32
// CHECK: %[[INSERTED:.*]] = tensor.insert %[[SUM]] into %[[ACC]][%[[START]], %[[J]]] : tensor<5x3xf32>
// CHECK: scf.yield %[[INSERTED]] : tensor<5x3xf32>
// CHECK: } else {
// CHECK: scf.yield %[[ACC]] : tensor<5x3xf32>
// CHECK: scf.yield %[[UPDATED]] : tensor<5x3xf32>
// CHECK: return %[[RESULT]] : tensor<5x3xf32>
func.func @add(%input: tensor<5x3xf32>, %indices: tensor<2x1xi32>, %updates: tensor<2x3xf32>) -> tensor<5x3xf32> {
  %0 = "stablehlo.scatter"(%input, %indices, %updates) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%old: tensor<f32>, %new: tensor<f32>):
    %1 = stablehlo.add %old, %new : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<5x3xf32>, tensor<2x1xi32>, tensor<2x3xf32>) -> tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}

// index_vector_dim = rank: each index is a whole start index. Unsigned
// indices zero-extend and are capped at the dimension, so that adding a
// window index cannot wrap them back into bounds. Replace inserts the
// update.
// CHECK-LABEL: func.func @replace_implicit_index_vector
// CHECK-SAME: (%[[INPUT:.*]]: tensor<4xi8>, %[[INDICES:.*]]: tensor<3xi32>, %[[UPDATES:.*]]: tensor<3xi8>)
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[INPUT]]) -> (tensor<4xi8>)
// CHECK: %[[RAW:.*]] = tensor.extract %[[INDICES]][%[[I]]] : tensor<3xi32>
// CHECK: %[[WIDE:.*]] = arith.index_castui %[[RAW]] : i32 to index
// CHECK: %[[START:.*]] = arith.minui %[[WIDE]], %{{.*}} : index
// CHECK: %[[IN_BOUNDS:.*]] = arith.cmpi ult, %[[START]], %{{.*}} : index
// CHECK: scf.if %[[IN_BOUNDS]] -> (tensor<4xi8>)
// CHECK: %[[NEW:.*]] = tensor.extract %[[UPDATES]][%[[I]]] : tensor<3xi8>
// CHECK: tensor.insert %[[NEW]] into %[[ACC]][%[[START]]] : tensor<4xi8>
func.func @replace_implicit_index_vector(%input: tensor<4xui8>, %indices: tensor<3xui32>, %updates: tensor<3xui8>) -> tensor<4xui8> {
  %0 = "stablehlo.scatter"(%input, %indices, %updates) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%old: tensor<ui8>, %new: tensor<ui8>):
    stablehlo.return %new : tensor<ui8>
  }) : (tensor<4xui8>, tensor<3xui32>, tensor<3xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// The batching dimension of the input takes the index of the matching
// scatter indices dimension; only the start index is bounds-checked.
// CHECK-LABEL: func.func @batching
// CHECK-SAME: (%[[INPUT:.*]]: tensor<2x5xi32>, %[[INDICES:.*]]: tensor<2x3x1xi64>, %[[UPDATES:.*]]: tensor<2x3xi32>)
// CHECK: scf.for %[[B:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[OUTER:.*]] = %[[INPUT]])
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[OUTER]])
// CHECK: %[[RAW:.*]] = tensor.extract %[[INDICES]][%[[B]], %[[I]], %{{.*}}] : tensor<2x3x1xi64>
// CHECK: %[[START:.*]] = arith.index_cast %[[RAW]] : i64 to index
// CHECK: %[[IN_BOUNDS:.*]] = arith.cmpi ult, %[[START]], %{{.*}} : index
// CHECK-NOT: arith.cmpi
// CHECK: scf.if %[[IN_BOUNDS]]
// CHECK: %[[OLD:.*]] = tensor.extract %[[ACC]][%[[B]], %[[START]]] : tensor<2x5xi32>
// CHECK: %[[NEW:.*]] = tensor.extract %[[UPDATES]][%[[B]], %[[I]]] : tensor<2x3xi32>
// CHECK: %[[MAX:.*]] = arith.maxsi %[[OLD]], %[[NEW]] : i32
// CHECK: tensor.insert %[[MAX]] into %[[ACC]][%[[B]], %[[START]]] : tensor<2x5xi32>
func.func @batching(%input: tensor<2x5xi32>, %indices: tensor<2x3x1xi64>, %updates: tensor<2x3xi32>) -> tensor<2x5xi32> {
  %0 = "stablehlo.scatter"(%input, %indices, %updates) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 2>}> ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    %1 = stablehlo.maximum %old, %new : tensor<i32>
    stablehlo.return %1 : tensor<i32>
  }) : (tensor<2x5xi32>, tensor<2x3x1xi64>, tensor<2x3xi32>) -> tensor<2x5xi32>
  return %0 : tensor<2x5xi32>
}

// Two inputs and two updates: the loops carry both results; the update
// computation takes (current values..., updates...). The window index is
// added to the start index and the sum bounds-checked.
// CHECK-LABEL: func.func @two_operands
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xi32>, %[[INDICES:.*]]: tensor<1xi32>, %[[UA:.*]]: tensor<2xf32>, %[[UB:.*]]: tensor<2xi32>)
// CHECK: %[[RAW:.*]] = tensor.extract %[[INDICES]][%{{.*}}] : tensor<1xi32>
// CHECK: %[[START:.*]] = arith.index_cast %[[RAW]] : i32 to index
// CHECK: %[[RESULTS:.*]]:2 = scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC_A:.*]] = %[[A]], %[[ACC_B:.*]] = %[[B]]) -> (tensor<4xf32>, tensor<4xi32>)
// CHECK: %[[INDEX:.*]] = arith.addi %[[START]], %[[J]] : index
// CHECK: %[[IN_BOUNDS:.*]] = arith.cmpi ult, %[[INDEX]], %{{.*}} : index
// CHECK: scf.if %[[IN_BOUNDS]] -> (tensor<4xf32>, tensor<4xi32>)
// CHECK: %[[OLD_A:.*]] = tensor.extract %[[ACC_A]][%[[INDEX]]] : tensor<4xf32>
// CHECK: %[[OLD_B:.*]] = tensor.extract %[[ACC_B]][%[[INDEX]]] : tensor<4xi32>
// CHECK: %[[NEW_A:.*]] = tensor.extract %[[UA]][%[[J]]] : tensor<2xf32>
// CHECK: %[[NEW_B:.*]] = tensor.extract %[[UB]][%[[J]]] : tensor<2xi32>
// CHECK: %[[SUM:.*]] = arith.addf %[[OLD_A]], %[[NEW_A]] : f32
// CHECK: %[[PRODUCT:.*]] = arith.muli %[[OLD_B]], %[[NEW_B]] : i32
// CHECK: %[[INSERTED_A:.*]] = tensor.insert %[[SUM]] into %[[ACC_A]][%[[INDEX]]] : tensor<4xf32>
// CHECK: %[[INSERTED_B:.*]] = tensor.insert %[[PRODUCT]] into %[[ACC_B]][%[[INDEX]]] : tensor<4xi32>
// CHECK: scf.yield %[[INSERTED_A]], %[[INSERTED_B]] : tensor<4xf32>, tensor<4xi32>
// CHECK: return %[[RESULTS]]#0, %[[RESULTS]]#1
func.func @two_operands(%a: tensor<4xf32>, %b: tensor<4xi32>, %indices: tensor<1xi32>, %ua: tensor<2xf32>, %ub: tensor<2xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0:2 = "stablehlo.scatter"(%a, %b, %indices, %ua, %ub) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [0], scatter_dims_to_operand_dims = [0]>}> ({
  ^bb0(%olda: tensor<f32>, %oldb: tensor<i32>, %newa: tensor<f32>, %newb: tensor<i32>):
    %1 = stablehlo.add %olda, %newa : tensor<f32>
    %2 = stablehlo.multiply %oldb, %newb : tensor<i32>
    stablehlo.return %1, %2 : tensor<f32>, tensor<i32>
  }) : (tensor<4xf32>, tensor<4xi32>, tensor<1xi32>, tensor<2xf32>, tensor<2xi32>) -> (tensor<4xf32>, tensor<4xi32>)
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xi32>
}

// Nothing to bounds-check without a start index: the update is applied
// unconditionally.
// CHECK-LABEL: func.func @no_start_index
// CHECK-NOT: scf.if
// CHECK: %[[OLD:.*]] = tensor.extract %arg0[] : tensor<f32>
// CHECK: %[[NEW:.*]] = tensor.extract %arg2[] : tensor<f32>
// CHECK: %[[SUM:.*]] = arith.addf %[[OLD]], %[[NEW]] : f32
// CHECK: %[[INSERTED:.*]] = tensor.insert %[[SUM]] into %arg0[] : tensor<f32>
// CHECK: return %[[INSERTED]]
func.func @no_start_index(%input: tensor<f32>, %indices: tensor<0xi32>, %update: tensor<f32>) -> tensor<f32> {
  %0 = "stablehlo.scatter"(%input, %indices, %update) <{scatter_dimension_numbers = #stablehlo.scatter<index_vector_dim = 0>}> ({
  ^bb0(%old: tensor<f32>, %new: tensor<f32>):
    %1 = stablehlo.add %old, %new : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<f32>, tensor<0xi32>, tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}
