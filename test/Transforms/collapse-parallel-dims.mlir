// RUN: jaxc-opt %s --split-input-file --jaxc-collapse-parallel-dims | FileCheck %s

// Elementwise on 20x20 (with a scalar operand): one loop of 400.
// CHECK-LABEL: func.func @elementwise
// CHECK-DAG: %[[A:.*]] = memref.collapse_shape %arg0 {{\[\[}}0, 1]] : memref<20x20xf32> into memref<400xf32>
// CHECK-DAG: %[[OUT:.*]] = memref.collapse_shape %arg2 {{\[\[}}0, 1]] : memref<20x20xf32> into memref<400xf32>
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel"]} ins(%[[A]], %arg1 : memref<400xf32>, memref<f32>) outs(%[[OUT]] : memref<400xf32>)
#id = affine_map<(d0, d1) -> (d0, d1)>
#scalar = affine_map<(d0, d1) -> ()>
func.func @elementwise(%a: memref<20x20xf32>, %s: memref<f32>, %out: memref<20x20xf32>) {
  linalg.generic {indexing_maps = [#id, #scalar, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a, %s : memref<20x20xf32>, memref<f32>) outs(%out : memref<20x20xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %sum = arith.addf %x, %y : f32
    linalg.yield %sum : f32
  }
  return
}

// -----

// A broadcast along d1 keeps d0 and d1 apart; d1 and d2 merge.
// CHECK-LABEL: func.func @broadcast
// CHECK-DAG: memref.collapse_shape %arg0 {{\[\[}}0], [1, 2]] : memref<2x3x4xf32> into memref<2x12xf32>
// CHECK-DAG: memref.collapse_shape %arg1 {{\[\[}}0], [1, 2]] : memref<2x3x4xf32> into memref<2x12xf32>
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]}
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#bcast = affine_map<(d0, d1, d2) -> (d0)>
func.func @broadcast(%a: memref<2x3x4xf32>, %b: memref<2x3x4xf32>, %v: memref<2xf32>) {
  linalg.generic {indexing_maps = [#id3, #bcast, #id3], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%a, %v : memref<2x3x4xf32>, memref<2xf32>) outs(%b : memref<2x3x4xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %sum = arith.addf %x, %y : f32
    linalg.yield %sum : f32
  }
  return
}

// -----

// Left alone: a transpose (no adjacent run), a broadcast from a size-1
// dimension, a reduction and a strided operand.
// CHECK-LABEL: func.func @unchanged
// CHECK-NOT: memref.collapse_shape
#t = affine_map<(d0, d1) -> (d1, d0)>
#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (0, d1)>
#red = affine_map<(d0, d1) -> (d0)>
func.func @unchanged(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %r: memref<1x4xf32>, %v: memref<4xf32>, %s: memref<4x4xf32, strided<[8, 1]>>) {
  linalg.generic {indexing_maps = [#t, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a : memref<4x4xf32>) outs(%b : memref<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  }
  linalg.generic {indexing_maps = [#row, #id], iterator_types = ["parallel", "parallel"]}
      ins(%r : memref<1x4xf32>) outs(%b : memref<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  }
  linalg.generic {indexing_maps = [#id, #red], iterator_types = ["parallel", "reduction"]}
      ins(%a : memref<4x4xf32>) outs(%v : memref<4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %sum = arith.addf %x, %o : f32
    linalg.yield %sum : f32
  }
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%s : memref<4x4xf32, strided<[8, 1]>>) outs(%b : memref<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  }
  return
}
