// RUN: jaxc-opt %s --split-input-file --jaxc-fuse-row-reductions | FileCheck %s

// A row sum and the elementwise op that reads it run as one forall over
// tiles of rows: 64 rows of 32, 4 rows a tile (at least 16 tiles). The
// sum, also returned, is written in place into its filled init; the scale
// is read whole; the tile's sum feeds the tile's elementwise op.
#map = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#col = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @sum_then_scale
// CHECK-SAME: (%[[X:.*]]: tensor<64x32xf32>, %[[SCALE:.*]]: tensor<32xf32>)
// CHECK: %[[FILL:.*]] = linalg.fill
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<64x32xf32>
// CHECK: %[[R:.*]]:2 = scf.forall (%[[I:.*]]) = (0) to (64) step (4) shared_outs(%[[SUMS:.*]] = %[[FILL]], %[[YS:.*]] = %[[EMPTY]])
// CHECK: %[[XT:.*]] = tensor.extract_slice %[[X]][%[[I]], 0] [4, 32] [1, 1]
// CHECK: %[[INIT:.*]] = tensor.extract_slice %[[SUMS]][%[[I]]] [4] [1]
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[XT]] : tensor<4x32xf32>) outs(%[[INIT]] : tensor<4xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[SUM]], %[[SCALE]] : tensor<4x32xf32>, tensor<4xf32>, tensor<32xf32>)
// CHECK: scf.forall.in_parallel
// CHECK-NEXT: tensor.parallel_insert_slice %[[SUM]] into %[[SUMS]][%[[I]]] [4] [1]
// CHECK-NEXT: tensor.parallel_insert_slice %[[Y]] into %[[YS]][%[[I]], 0] [4, 32] [1, 1]
// CHECK: return %[[R]]#1, %[[R]]#0
func.func @sum_then_scale(%x: tensor<64x32xf32>, %scale: tensor<32xf32>) -> (tensor<64x32xf32>, tensor<64xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<64xf32>) -> tensor<64xf32>
  %sum = linalg.generic {indexing_maps = [#map, #row], iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<64x32xf32>) outs(%init : tensor<64xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %a = arith.addf %acc, %in : f32
    linalg.yield %a : f32
  } -> tensor<64xf32>
  %e2 = tensor.empty() : tensor<64x32xf32>
  %y = linalg.generic {indexing_maps = [#map, #row, #col, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x, %sum, %scale : tensor<64x32xf32>, tensor<64xf32>, tensor<32xf32>) outs(%e2 : tensor<64x32xf32>) {
  ^bb0(%in: f32, %s: f32, %c: f32, %out: f32):
    %d = arith.divf %in, %s : f32
    %m = arith.mulf %d, %c : f32
    linalg.yield %m : f32
  } -> tensor<64x32xf32>
  return %y, %sum : tensor<64x32xf32>, tensor<64xf32>
}

// -----

// Softmax's shape: a max, exp(x - max), a sum of that and a division; the
// intermediates live only in the tile (fresh tensors and fills there), and
// the rows of [1, 12, 8, 8] are the 12 heads, one a tile.
#map4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#red4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @softmax
// CHECK: scf.forall (%[[H:.*]]) in (12)
// CHECK: tensor.extract_slice %{{.*}}[0, %[[H]], 0, 0] [1, 1, 8, 8] [1, 1, 1, 1]
// CHECK: %[[MAXINIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x1x8xf32>)
// CHECK: linalg.generic {{.*}} outs(%[[MAXINIT]] : tensor<1x1x8xf32>)
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
// CHECK: scf.forall.in_parallel
// CHECK-NEXT: tensor.parallel_insert_slice
// CHECK-NOT: linalg.generic
func.func @softmax(%x: tensor<1x12x8x8xf32>) -> tensor<1x12x8x8xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x12x8xf32>
  %minit = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x12x8xf32>) -> tensor<1x12x8xf32>
  %max = linalg.generic {indexing_maps = [#map4, #red4], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x : tensor<1x12x8x8xf32>) outs(%minit : tensor<1x12x8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %m = arith.maximumf %acc, %in : f32
    linalg.yield %m : f32
  } -> tensor<1x12x8xf32>
  %e4 = tensor.empty() : tensor<1x12x8x8xf32>
  %exp = linalg.generic {indexing_maps = [#map4, #red4, #map4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %max : tensor<1x12x8x8xf32>, tensor<1x12x8xf32>) outs(%e4 : tensor<1x12x8x8xf32>) {
  ^bb0(%in: f32, %m: f32, %out: f32):
    %s = arith.subf %in, %m : f32
    %ex = math.exp %s : f32
    linalg.yield %ex : f32
  } -> tensor<1x12x8x8xf32>
  %sinit = linalg.fill ins(%zero : f32) outs(%e : tensor<1x12x8xf32>) -> tensor<1x12x8xf32>
  %sum = linalg.generic {indexing_maps = [#map4, #red4], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%exp : tensor<1x12x8x8xf32>) outs(%sinit : tensor<1x12x8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %a = arith.addf %acc, %in : f32
    linalg.yield %a : f32
  } -> tensor<1x12x8xf32>
  %y = linalg.generic {indexing_maps = [#map4, #red4, #map4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%exp, %sum : tensor<1x12x8x8xf32>, tensor<1x12x8xf32>) outs(%e4 : tensor<1x12x8x8xf32>) {
  ^bb0(%in: f32, %s: f32, %out: f32):
    %d = arith.divf %in, %s : f32
    linalg.yield %d : f32
  } -> tensor<1x12x8x8xf32>
  return %y : tensor<1x12x8x8xf32>
}

// -----

// The total of the row sums needs every row: the consumer reduces over
// the row loop, so no group of two forms and nothing changes.
#map = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#all = affine_map<(d0) -> (d0)>
#scalar = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @total_of_rows
// CHECK-NOT: scf.forall
func.func @total_of_rows(%x: tensor<32x32xf32>) -> tensor<f32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<32xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<32xf32>) -> tensor<32xf32>
  %sum = linalg.generic {indexing_maps = [#map, #row], iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<32x32xf32>) outs(%init : tensor<32xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %a = arith.addf %acc, %in : f32
    linalg.yield %a : f32
  } -> tensor<32xf32>
  %e0 = tensor.empty() : tensor<f32>
  %init0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<f32>) -> tensor<f32>
  %total = linalg.generic {indexing_maps = [#all, #scalar], iterator_types = ["reduction"]}
      ins(%sum : tensor<32xf32>) outs(%init0 : tensor<f32>) {
  ^bb0(%in: f32, %acc: f32):
    %a = arith.addf %acc, %in : f32
    linalg.yield %a : f32
  } -> tensor<f32>
  return %total : tensor<f32>
}

// -----

// A contraction stays out of the group (the runtime's kernels compute it):
// only the reduction and its consumer are fused.
#lhs = affine_map<(d0, d1, d2) -> (d0, d2)>
#rhs = affine_map<(d0, d1, d2) -> (d2, d1)>
#out = affine_map<(d0, d1, d2) -> (d0, d1)>
#map = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @matmul_stays_out
// CHECK: %[[MM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK: scf.forall
// CHECK: tensor.extract_slice %[[MM]]
func.func @matmul_stays_out(%a: tensor<32x16xf32>, %b: tensor<16x32xf32>) -> tensor<32x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<32x32xf32>
  %minit = linalg.fill ins(%zero : f32) outs(%e : tensor<32x32xf32>) -> tensor<32x32xf32>
  %mm = linalg.generic {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<32x16xf32>, tensor<16x32xf32>) outs(%minit : tensor<32x32xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<32x32xf32>
  %e1 = tensor.empty() : tensor<32xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e1 : tensor<32xf32>) -> tensor<32xf32>
  %sum = linalg.generic {indexing_maps = [#map, #row], iterator_types = ["parallel", "reduction"]}
      ins(%mm : tensor<32x32xf32>) outs(%init : tensor<32xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %a2 = arith.addf %acc, %in : f32
    linalg.yield %a2 : f32
  } -> tensor<32xf32>
  %y = linalg.generic {indexing_maps = [#map, #row, #map], iterator_types = ["parallel", "parallel"]}
      ins(%mm, %sum : tensor<32x32xf32>, tensor<32xf32>) outs(%e : tensor<32x32xf32>) {
  ^bb0(%in: f32, %s: f32, %out: f32):
    %d = arith.divf %in, %s : f32
    linalg.yield %d : f32
  } -> tensor<32x32xf32>
  return %y : tensor<32x32xf32>
}

// -----

// A convolution (a window's map, d0 + d2) stays out, for the runtime's
// kernel: the pooling reduction after it has no partner, nothing changes.
#input = affine_map<(d0, d1, d2) -> (d0 + d2, d1)>
#filter = affine_map<(d0, d1, d2) -> (d2, d1)>
#conv_out = affine_map<(d0, d1, d2) -> (d0, d1)>
#map = affine_map<(d0, d1) -> (d0, d1)>
#col = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @convolution_stays_out
// CHECK-NOT: scf.forall
func.func @convolution_stays_out(%x: tensor<10x8xf32>, %w: tensor<3x8xf32>) -> tensor<8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %conv = linalg.generic {indexing_maps = [#input, #filter, #conv_out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<10x8xf32>, tensor<3x8xf32>) outs(%init : tensor<8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<8x8xf32>
  %e1 = tensor.empty() : tensor<8xf32>
  %init1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<8xf32>) -> tensor<8xf32>
  %pool = linalg.generic {indexing_maps = [#map, #col], iterator_types = ["reduction", "parallel"]}
      ins(%conv : tensor<8x8xf32>) outs(%init1 : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %s = arith.addf %acc, %in : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  return %pool : tensor<8xf32>
}
