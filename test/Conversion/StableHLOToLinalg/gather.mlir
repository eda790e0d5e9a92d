// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// A generic over the result reads the operand at the clamped start index
// plus the offset; the collapsed dimension takes no offset.
// CHECK-LABEL: func.func @collapsed
// CHECK-SAME: (%[[OPERAND:.*]]: tensor<5x4xf32>, %[[INDICES:.*]]: tensor<3x2xi32>)
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: %[[BATCH:.*]] = linalg.index 0 : index
// CHECK: %[[OFFSET:.*]] = linalg.index 1 : index
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK: %[[RAW0:.*]] = tensor.extract %[[INDICES]][%[[BATCH]], %[[ZERO]]] : tensor<3x2xi32>
// CHECK: %[[START0:.*]] = arith.index_cast %[[RAW0]] : i32 to index
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: %[[RAW1:.*]] = tensor.extract %[[INDICES]][%[[BATCH]], %[[ONE]]] : tensor<3x2xi32>
// CHECK: %[[START1:.*]] = arith.index_cast %[[RAW1]] : i32 to index
// Dimension 0 (size 5, slice 1) clamps into [0, 4], dimension 1 (size 4,
// slice 2) into [0, 2].
// CHECK: %[[MAX0:.*]] = arith.constant 4 : index
// CHECK: %[[LOW0:.*]] = arith.maxsi %[[START0]], %{{.*}} : index
// CHECK: %[[CLAMPED0:.*]] = arith.minsi %[[LOW0]], %[[MAX0]] : index
// CHECK: %[[MAX1:.*]] = arith.constant 2 : index
// CHECK: %[[LOW1:.*]] = arith.maxsi %[[START1]], %{{.*}} : index
// CHECK: %[[CLAMPED1:.*]] = arith.minsi %[[LOW1]], %[[MAX1]] : index
// CHECK: %[[COLUMN:.*]] = arith.addi %[[CLAMPED1]], %[[OFFSET]] : index
// CHECK: %[[ELEMENT:.*]] = tensor.extract %[[OPERAND]][%[[CLAMPED0]], %[[COLUMN]]] : tensor<5x4xf32>
// CHECK: linalg.yield %[[ELEMENT]] : f32
func.func @collapsed(%operand: tensor<5x4xf32>, %indices: tensor<3x2xi32>) -> tensor<3x2xf32> {
  %0 = "stablehlo.gather"(%operand, %indices) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0, 1], index_vector_dim = 1>, slice_sizes = array<i64: 1, 2>}> : (tensor<5x4xf32>, tensor<3x2xi32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// The operand's batching dimension takes the result's index of the
// matching start indices dimension. Unsigned start indices are nonnegative:
// clamping them is one unsigned min.
// CHECK-LABEL: func.func @batching
// CHECK-SAME: (%[[OPERAND:.*]]: tensor<2x5x3xi16>, %[[INDICES:.*]]: tensor<2x4xi32>)
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.*}} : tensor<2x4x3xi16>)
// CHECK: %[[B:.*]] = linalg.index 0 : index
// CHECK: %[[I:.*]] = linalg.index 1 : index
// CHECK: %[[OFFSET:.*]] = linalg.index 2 : index
// CHECK: %[[RAW:.*]] = tensor.extract %[[INDICES]][%[[B]], %[[I]]] : tensor<2x4xi32>
// CHECK: %[[START:.*]] = arith.index_castui %[[RAW]] : i32 to index
// CHECK: %[[MAX:.*]] = arith.constant 4 : index
// CHECK: %[[CLAMPED:.*]] = arith.minui %[[START]], %[[MAX]] : index
// CHECK: %[[ELEMENT:.*]] = tensor.extract %[[OPERAND]][%[[B]], %[[CLAMPED]], %[[OFFSET]]] : tensor<2x5x3xi16>
// CHECK: linalg.yield %[[ELEMENT]] : i16
func.func @batching(%operand: tensor<2x5x3xi16>, %indices: tensor<2x4xui32>) -> tensor<2x4x3xi16> {
  %0 = "stablehlo.gather"(%operand, %indices) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 2>, slice_sizes = array<i64: 1, 1, 3>}> : (tensor<2x5x3xi16>, tensor<2x4xui32>) -> tensor<2x4x3xi16>
  return %0 : tensor<2x4x3xi16>
}
