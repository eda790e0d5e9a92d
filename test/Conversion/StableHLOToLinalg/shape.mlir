// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg | FileCheck %s

// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[STRETCH:.*]] = affine_map<(d0, d1, d2) -> (0, d1)>
// CHECK-DAG: #[[RANK0:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[REVERSED:.*]] = affine_map<(d0, d1) -> (d0, -d1 + 3)>

// A size-1 dimension stretched to 2 reads index 0; rank 0 reads ().
// CHECK-LABEL: func.func @broadcast_in_dim
// CHECK: linalg.generic {indexing_maps = [#[[STRETCH]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x3xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: linalg.yield %[[IN]] : f32
// CHECK: linalg.generic {indexing_maps = [#[[RANK0]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%arg1 : tensor<f32>) outs(%{{.*}} : tensor<2x2xf32>)
func.func @broadcast_in_dim(%x: tensor<1x3xf32>, %s: tensor<f32>) -> (tensor<2x3x4xf32>, tensor<2x2xf32>) {
  %0 = stablehlo.broadcast_in_dim %x, dims = [0, 1] : (tensor<1x3xf32>) -> tensor<2x3x4xf32>
  %1 = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<f32>) -> tensor<2x2xf32>
  return %0, %1 : tensor<2x3x4xf32>, tensor<2x2xf32>
}

// Through a rank-1 tensor; rank 0 with empty reassociations.
// CHECK-LABEL: func.func @reshape
// CHECK: %[[R0_TO_1:.*]] = tensor.expand_shape %arg0 [] output_shape [1] : tensor<f32> into tensor<1xf32>
// CHECK: %[[R1_TO_0:.*]] = tensor.collapse_shape %arg1 [] : tensor<1xf32> into tensor<f32>
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %arg2 {{\[}}[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK: %[[R3X2:.*]] = tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>
// CHECK: %[[R2X3:.*]] = tensor.expand_shape %arg3 {{\[}}[0, 1]] output_shape [2, 3] : tensor<6xf32> into tensor<2x3xf32>
// CHECK: return %[[R0_TO_1]], %[[R1_TO_0]], %[[R3X2]], %[[R2X3]], %arg3
func.func @reshape(%a: tensor<f32>, %b: tensor<1xf32>, %c: tensor<2x3xf32>, %d: tensor<6xf32>) -> (tensor<1xf32>, tensor<f32>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<6xf32>) {
  %0 = stablehlo.reshape %a : (tensor<f32>) -> tensor<1xf32>
  %1 = stablehlo.reshape %b : (tensor<1xf32>) -> tensor<f32>
  %2 = stablehlo.reshape %c : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %3 = stablehlo.reshape %d : (tensor<6xf32>) -> tensor<2x3xf32>
  %4 = stablehlo.reshape %d : (tensor<6xf32>) -> tensor<6xf32>
  return %0, %1, %2, %3, %4 : tensor<1xf32>, tensor<f32>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<6xf32>
}

// CHECK-LABEL: func.func @transpose
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<4x2x3xf32>
// CHECK: linalg.transpose ins(%arg0 : tensor<2x3x4xf32>) outs(%[[INIT]] : tensor<4x2x3xf32>) permutation = [2, 0, 1]
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = stablehlo.transpose %x, dims = [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// An identity permutation, rank 0's included, moves nothing.
// CHECK-LABEL: func.func @transpose_identity(%arg0: tensor<i32>, %arg1: tensor<2x3xf32>)
// CHECK-NEXT: return %arg0, %arg1
func.func @transpose_identity(%s: tensor<i32>, %x: tensor<2x3xf32>) -> (tensor<i32>, tensor<2x3xf32>) {
  %0 = stablehlo.transpose %s, dims = [] : (tensor<i32>) -> tensor<i32>
  %1 = stablehlo.transpose %x, dims = [0, 1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<i32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @slice
// CHECK: tensor.extract_slice %arg0[1, 0] [3, 4] [3, 2] : tensor<10x8xf32> to tensor<3x4xf32>
func.func @slice(%x: tensor<10x8xf32>) -> tensor<3x4xf32> {
  %0 = stablehlo.slice %x [1:8:3, 0:8:2] : (tensor<10x8xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// Empty windows read and write nothing (tensor's slice ops would reject a
// start at the end of a dimension): a static or dynamic slice at the end is
// an empty tensor, an empty update leaves the operand.
// CHECK-LABEL: func.func @empty_slices
// CHECK-NEXT: %[[SLICE:.*]] = tensor.empty() : tensor<0xi32>
// CHECK-NEXT: %[[DYNAMIC:.*]] = tensor.empty() : tensor<0xi32>
// CHECK-NEXT: return %[[SLICE]], %[[DYNAMIC]], %arg3
func.func @empty_slices(%x: tensor<5xi32>, %i: tensor<i32>, %u: tensor<0x2xi32>, %m: tensor<2x5xi32>) -> (tensor<0xi32>, tensor<0xi32>, tensor<2x5xi32>) {
  %0 = stablehlo.slice %x [5:5] : (tensor<5xi32>) -> tensor<0xi32>
  %1 = stablehlo.dynamic_slice %x, %i, sizes = [0] : (tensor<5xi32>, tensor<i32>) -> tensor<0xi32>
  %2 = stablehlo.dynamic_update_slice %m, %u, %i, %i : (tensor<2x5xi32>, tensor<0x2xi32>, tensor<i32>, tensor<i32>) -> tensor<2x5xi32>
  return %0, %1, %2 : tensor<0xi32>, tensor<0xi32>, tensor<2x5xi32>
}

// CHECK-LABEL: func.func @concatenate
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<2x9xi8>
// CHECK: %[[FIRST:.*]] = tensor.insert_slice %arg0 into %[[EMPTY]][0, 0] [2, 3] [1, 1]
// CHECK: %[[SECOND:.*]] = tensor.insert_slice %arg1 into %[[FIRST]][0, 3] [2, 5] [1, 1]
// CHECK: %[[THIRD:.*]] = tensor.insert_slice %arg2 into %[[SECOND]][0, 8] [2, 1] [1, 1]
// CHECK: return %[[THIRD]]
func.func @concatenate(%x: tensor<2x3xui8>, %y: tensor<2x5xui8>, %z: tensor<2x1xui8>) -> tensor<2x9xui8> {
  %0 = stablehlo.concatenate %x, %y, %z, dim = 1 : (tensor<2x3xui8>, tensor<2x5xui8>, tensor<2x1xui8>) -> tensor<2x9xui8>
  return %0 : tensor<2x9xui8>
}

// An empty input is not inserted.
// CHECK-LABEL: func.func @concatenate_empty
// CHECK: %[[INSERTED:.*]] = tensor.insert_slice %arg0 into %{{.*}}[0, 0] [2, 2] [1, 1]
// CHECK-NEXT: return %[[INSERTED]]
func.func @concatenate_empty(%a: tensor<2x2xi32>, %e: tensor<2x0xi32>) -> tensor<2x2xi32> {
  %0 = stablehlo.concatenate %a, %e, dim = 1 : (tensor<2x2xi32>, tensor<2x0xi32>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// CHECK-LABEL: func.func @reverse
// CHECK: linalg.generic {indexing_maps = [#[[REVERSED]], #[[ID2]]]
func.func @reverse(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = stablehlo.reverse %x, dims = [1] : tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// Interior padding is a strided insert into the filled tensor, negative
// padding a slice of it: 3x4 with low [1, -1], high [0, -2], interior
// [1, 1] fills 6x7, inserts at [1, 0] with strides [2, 2], keeps columns
// 1..4.
// CHECK-LABEL: func.func @pad
// CHECK: %[[VALUE:.*]] = tensor.extract %arg1[] : tensor<f32>
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<6x7xf32>
// CHECK: %[[FILLED:.*]] = linalg.fill ins(%[[VALUE]] : f32) outs(%[[EMPTY]] : tensor<6x7xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %arg0 into %[[FILLED]][1, 0] [3, 4] [2, 2] : tensor<3x4xf32> into tensor<6x7xf32>
// CHECK: %[[CROPPED:.*]] = tensor.extract_slice %[[PADDED]][0, 1] [6, 4] [1, 1] : tensor<6x7xf32> to tensor<6x4xf32>
// CHECK: return %[[CROPPED]]
func.func @pad(%x: tensor<3x4xf32>, %v: tensor<f32>) -> tensor<6x4xf32> {
  %0 = stablehlo.pad %x, %v, low = [1, -1], high = [0, -2], interior = [1, 1] : (tensor<3x4xf32>, tensor<f32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// Without negative padding there is nothing to crop.
// CHECK-LABEL: func.func @pad_edges
// CHECK: tensor.insert_slice %arg0 into %{{.*}}[2] [3] [1] : tensor<3xi32> into tensor<6xi32>
// CHECK-NOT: tensor.extract_slice
func.func @pad_edges(%x: tensor<3xi32>, %v: tensor<i32>) -> tensor<6xi32> {
  %0 = stablehlo.pad %x, %v, low = [2], high = [1], interior = [0] : (tensor<3xi32>, tensor<i32>) -> tensor<6xi32>
  return %0 : tensor<6xi32>
}

// An empty operand is all padding, nothing inserted; cropping everything
// leaves an empty tensor, nothing sliced.
// CHECK-LABEL: func.func @pad_empty
// CHECK: %[[FILLED:.*]] = linalg.fill ins(%{{.*}} : i32) outs(%{{.*}} : tensor<3xi32>)
// CHECK-NOT: tensor.insert_slice
// CHECK: %[[CROPPED:.*]] = tensor.empty() : tensor<0xi32>
// CHECK-NEXT: return %[[FILLED]], %[[CROPPED]]
func.func @pad_empty(%e: tensor<0xi32>, %x: tensor<3xi32>, %v: tensor<i32>) -> (tensor<3xi32>, tensor<0xi32>) {
  %0 = stablehlo.pad %e, %v, low = [3], high = [0], interior = [0] : (tensor<0xi32>, tensor<i32>) -> tensor<3xi32>
  %1 = stablehlo.pad %x, %v, low = [-3], high = [0], interior = [0] : (tensor<3xi32>, tensor<i32>) -> tensor<0xi32>
  return %0, %1 : tensor<3xi32>, tensor<0xi32>
}

// Start indices are clamped into [0, dim - size]; unsigned ones are cast
// as unsigned.
// CHECK-LABEL: func.func @dynamic_slice
// CHECK: %[[I:.*]] = tensor.extract %arg1[] : tensor<i32>
// CHECK: %[[I_INDEX:.*]] = arith.index_cast %[[I]] : i32 to index
// CHECK: %[[C7:.*]] = arith.constant 7 : index
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[I_LOW:.*]] = arith.maxsi %[[I_INDEX]], %[[C0]] : index
// CHECK: %[[I_CLAMPED:.*]] = arith.minsi %[[I_LOW]], %[[C7]] : index
// CHECK: tensor.extract_slice %arg0[%[[I_CLAMPED]], %{{.*}}] [3, 4] [1, 1] : tensor<10x8xf32> to tensor<3x4xf32>
func.func @dynamic_slice(%x: tensor<10x8xf32>, %i: tensor<i32>, %j: tensor<i32>) -> tensor<3x4xf32> {
  %0 = stablehlo.dynamic_slice %x, %i, %j, sizes = [3, 4] : (tensor<10x8xf32>, tensor<i32>, tensor<i32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// CHECK-LABEL: func.func @dynamic_slice_unsigned
// CHECK: %[[J:.*]] = tensor.extract %arg2[] : tensor<i32>
// CHECK: %[[J_INDEX:.*]] = arith.index_castui %[[J]] : i32 to index
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: %[[J_CLAMPED:.*]] = arith.minui %[[J_INDEX]], %[[C4]] : index
// CHECK: tensor.extract_slice %arg0[%{{.*}}, %[[J_CLAMPED]]] [3, 4] [1, 1] : tensor<10x8xf32> to tensor<3x4xf32>
func.func @dynamic_slice_unsigned(%x: tensor<10x8xf32>, %i: tensor<ui32>, %j: tensor<ui32>) -> tensor<3x4xf32> {
  %0 = stablehlo.dynamic_slice %x, %i, %j, sizes = [3, 4] : (tensor<10x8xf32>, tensor<ui32>, tensor<ui32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// CHECK-LABEL: func.func @dynamic_update_slice
// CHECK: %[[I:.*]] = arith.minsi %{{.*}}, %c7 : index
// CHECK: %[[J:.*]] = arith.minsi %{{.*}}, %c4 : index
// CHECK: tensor.insert_slice %arg1 into %arg0[%[[I]], %[[J]]] [3, 4] [1, 1] : tensor<3x4xf32> into tensor<10x8xf32>
func.func @dynamic_update_slice(%x: tensor<10x8xf32>, %u: tensor<3x4xf32>, %i: tensor<i64>, %j: tensor<i64>) -> tensor<10x8xf32> {
  %0 = stablehlo.dynamic_update_slice %x, %u, %i, %j : (tensor<10x8xf32>, tensor<3x4xf32>, tensor<i64>, tensor<i64>) -> tensor<10x8xf32>
  return %0 : tensor<10x8xf32>
}

// Nothing to keep apart once lowered: the barrier forwards its operands.
// CHECK-LABEL: func.func @optimization_barrier(%arg0: tensor<4xf32>, %arg1: tensor<4xi32>)
// CHECK-NEXT: return %arg1, %arg0 : tensor<4xi32>, tensor<4xf32>
func.func @optimization_barrier(%x: tensor<4xf32>, %u: tensor<4xui32>) -> (tensor<4xui32>, tensor<4xf32>) {
  %0:2 = "stablehlo.optimization_barrier"(%x, %u) : (tensor<4xf32>, tensor<4xui32>) -> (tensor<4xf32>, tensor<4xui32>)
  return %0#1, %0#0 : tensor<4xui32>, tensor<4xf32>
}
