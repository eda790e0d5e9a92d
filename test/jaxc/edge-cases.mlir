// End to end: the lowerings' edge cases (empty tensors, rank 0, degenerate
// windows, start indices clamped into bounds); the program checks its own
// results. Out-of-bounds gather and scatter indices are in
// scatter-gather-bounds.mlir.
// RUN: jaxc run-mlir %S/Inputs/edge_cases.mlir | FileCheck %s
// CHECK: EXEC @elementwise_and_shape_ops_empty
// CHECK: EXEC @reduce_edges
// CHECK: EXEC @reduce_window_edges
// CHECK: EXEC @pad_edges
// CHECK: EXEC @slice_edges
// CHECK: EXEC @dynamic_slice_clamping
// CHECK: EXEC @dynamic_update_slice_clamping
// CHECK: EXEC @concatenate_with_empty
// CHECK: EXEC @rank0_shape_ops
// CHECK: EXEC @sort_empty_and_single
// CHECK: EXEC @dot_zero_contraction
// CHECK: EXEC @convolution_degenerate
// CHECK: EXEC @select_and_scatter_windows
// CHECK: EXEC @gather_scatter_empty
