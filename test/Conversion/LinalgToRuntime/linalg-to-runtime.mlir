// RUN: jaxc-opt %s --split-input-file --jaxc-linalg-to-runtime | FileCheck %s

// A matrix product: unit batch dimensions are added by expand_shape views,
// and the zero fill of the output, which the kernel overwrites, goes.
#lhs = affine_map<(d0, d1, d2) -> (d0, d2)>
#rhs = affine_map<(d0, d1, d2) -> (d2, d1)>
#out = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: memref<4x8xf32>, %[[B:.*]]: memref<8x16xf32>, %[[C:.*]]: memref<4x16xf32>)
// CHECK-NOT: linalg.fill
// CHECK-DAG: %[[A3:.*]] = memref.expand_shape %[[A]] {{\[}}[0, 1], [2]] output_shape [1, 4, 8]
// CHECK-DAG: %[[B3:.*]] = memref.expand_shape %[[B]] {{\[}}[0, 1], [2]] output_shape [1, 8, 16]
// CHECK-DAG: %[[C3:.*]] = memref.expand_shape %[[C]] {{\[}}[0, 1], [2]] output_shape [1, 4, 16]
// CHECK: jaxc_rt.matmul_f32 %[[A3]], %[[B3]], %[[C3]] : memref<1x4x8xf32>, memref<1x8x16xf32>, memref<1x4x16xf32>
// CHECK-NOT: linalg.generic
func.func @matmul(%a: memref<4x8xf32>, %b: memref<8x16xf32>, %c: memref<4x16xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%c : memref<4x16xf32>)
  linalg.generic {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : memref<4x8xf32>, memref<8x16xf32>) outs(%c : memref<4x16xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Batched, both operands transposed (contracting lhs dim 1 and rhs dim 2):
// transpose views, strided, no copies. The output's zero comes from a copy
// of a shared zero-filled buffer; that copy goes.
#lhs = affine_map<(d0, d1, d2, d3) -> (d0, d3, d1)>
#rhs = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
#out = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @batched_transposed
// CHECK: linalg.fill
// CHECK-NOT: linalg.copy
// CHECK-DAG: %[[BT:.*]] = memref.transpose %arg1 (d0, d1, d2) -> (d0, d2, d1) : memref<3x16x8xf32> to memref<3x8x16xf32, strided<[128, 1, 8]>>
// CHECK-DAG: %[[AT:.*]] = memref.transpose %arg0 (d0, d1, d2) -> (d0, d2, d1) : memref<3x8x4xf32> to memref<3x4x8xf32, strided<[32, 1, 4]>>
// CHECK: jaxc_rt.matmul_f32 %[[AT]], %[[BT]], %arg2
// CHECK-NOT: linalg.generic
func.func @batched_transposed(%a: memref<3x8x4xf32>, %b: memref<3x16x8xf32>, %c: memref<3x4x16xf32>, %d: memref<3x4x16xf32>) {
  %zero = arith.constant 0.0 : f32
  %zeros = memref.alloc() : memref<3x4x16xf32>
  linalg.fill ins(%zero : f32) outs(%zeros : memref<3x4x16xf32>)
  linalg.copy ins(%zeros : memref<3x4x16xf32>) outs(%c : memref<3x4x16xf32>)
  linalg.generic {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : memref<3x8x4xf32>, memref<3x16x8xf32>) outs(%c : memref<3x4x16xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %p, %acc : f32
    linalg.yield %s : f32
  }
  linalg.copy ins(%zeros : memref<3x4x16xf32>) outs(%d : memref<3x4x16xf32>)
  return
}

// -----

// Two contracting dimensions collapse into one k when they are adjacent in
// memory; an lhs read by the output's fill in between keeps that fill.
#lhs = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
#rhs = affine_map<(d0, d1, d2, d3) -> (d2, d3, d1)>
#out = affine_map<(d0, d1) -> (d0, d1)>
#out4 = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-LABEL: func.func @collapsed_k_fill_kept
// CHECK: linalg.fill
// CHECK: linalg.generic
// CHECK-DAG: memref.collapse_shape %arg0 {{\[}}[0], [1, 2]] : memref<4x2x3xf32> into memref<4x6xf32>
// CHECK-DAG: memref.collapse_shape %arg1 {{\[}}[0, 1], [2]] : memref<2x3x5xf32> into memref<6x5xf32>
// CHECK: jaxc_rt.matmul_f32 {{.*}} : memref<1x4x6xf32>, memref<1x6x5xf32>, memref<1x4x5xf32>
func.func @collapsed_k_fill_kept(%a: memref<4x2x3xf32>, %b: memref<2x3x5xf32>, %c: memref<4x5xf32>, %d: memref<4x5xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%c : memref<4x5xf32>)
  linalg.generic {indexing_maps = [#out, #out], iterator_types = ["parallel", "parallel"]}
      ins(%c : memref<4x5xf32>) outs(%d : memref<4x5xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  linalg.generic {indexing_maps = [#lhs, #rhs, #out4], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
      ins(%a, %b : memref<4x2x3xf32>, memref<2x3x5xf32>) outs(%c : memref<4x5xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %y, %x : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Left alone: f64; an output that does not start at +0; contracting
// dimensions whose order differs between lhs and memory (no collapse
// without a copy).
#lhs = affine_map<(d0, d1, d2) -> (d0, d2)>
#rhs = affine_map<(d0, d1, d2) -> (d2, d1)>
#out = affine_map<(d0, d1, d2) -> (d0, d1)>
#lhs4 = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
#rhs4 = affine_map<(d0, d1, d2, d3) -> (d2, d3, d1)>
#out4 = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-LABEL: func.func @left_alone
// CHECK-NOT: jaxc_rt
// CHECK-COUNT-3: linalg.generic
// CHECK-NOT: jaxc_rt
func.func @left_alone(%a: memref<4x8xf64>, %b: memref<8x16xf64>, %c: memref<4x16xf64>,
                      %e: memref<4x8xf32>, %f: memref<8x16xf32>, %g: memref<4x16xf32>,
                      %h: memref<4x3x2xf32>, %i: memref<2x3x5xf32>, %j: memref<4x5xf32>) {
  %zero = arith.constant 0.0 : f64
  linalg.fill ins(%zero : f64) outs(%c : memref<4x16xf64>)
  linalg.generic {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : memref<4x8xf64>, memref<8x16xf64>) outs(%c : memref<4x16xf64>) {
  ^bb0(%x: f64, %y: f64, %acc: f64):
    %p = arith.mulf %x, %y : f64
    %s = arith.addf %acc, %p : f64
    linalg.yield %s : f64
  }
  %one = arith.constant 1.0 : f32
  linalg.fill ins(%one : f32) outs(%g : memref<4x16xf32>)
  linalg.generic {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%e, %f : memref<4x8xf32>, memref<8x16xf32>) outs(%g : memref<4x16xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  %zero32 = arith.constant 0.0 : f32
  linalg.fill ins(%zero32 : f32) outs(%j : memref<4x5xf32>)
  linalg.generic {indexing_maps = [#lhs4, #rhs4, #out4], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
      ins(%h, %i : memref<4x3x2xf32>, memref<2x3x5xf32>) outs(%j : memref<4x5xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// ConvolutionToLinalg's NHWC x HWIO form, stride 2, on the spec's
// padded_lhs: the kernel pads on the fly, and the padded copy goes.
#in = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 * 2 + d5, d2 * 2 + d6, d4)>
#filter = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d5, d6, d4, d3)>
#out = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_padded
// CHECK-NOT: memref.
// CHECK-NOT: linalg.
// CHECK: jaxc_rt.conv2d_f32 %arg0, %arg1, %arg2 strides [2, 2] padding [1, 2] dilation [1, 1] groups 1 : memref<1x9x9x4xf32>, memref<3x3x4x8xf32>, memref<1x5x5x8xf32>
// CHECK-NEXT: return
func.func @conv_padded(%x: memref<1x9x9x4xf32>, %w: memref<3x3x4x8xf32>, %y: memref<1x5x5x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %padded = memref.alloc() : memref<1x11x12x4xf32>
  linalg.fill ins(%zero : f32) outs(%padded : memref<1x11x12x4xf32>)
  %interior = memref.subview %padded[0, 1, 2, 0] [1, 9, 9, 4] [1, 1, 1, 1] : memref<1x11x12x4xf32> to memref<1x9x9x4xf32, strided<[528, 48, 4, 1], offset: 56>>
  linalg.copy ins(%x : memref<1x9x9x4xf32>) outs(%interior : memref<1x9x9x4xf32, strided<[528, 48, 4, 1], offset: 56>>)
  linalg.fill ins(%zero : f32) outs(%y : memref<1x5x5x8xf32>)
  linalg.generic {indexing_maps = [#in, #filter, #out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
      ins(%padded, %w : memref<1x11x12x4xf32>, memref<3x3x4x8xf32>) outs(%y : memref<1x5x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Feature groups and dilation; a padded buffer that something else reads
// stays, and so does an input written after the copy (the kernel then
// reads the padded buffer).
#in = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d5 * 2, d2 + d6 * 3, (d3 floordiv 4) * 2 + d4)>
#filter = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d5, d6, d4, d3)>
#out = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_groups
// CHECK: linalg.copy
// CHECK: jaxc_rt.conv2d_f32 %arg0, %arg1, %arg2 strides [1, 1] padding [1, 1] dilation [2, 3] groups 2
// CHECK: linalg.copy
// CHECK: jaxc_rt.conv2d_f32 %[[PADDED:.*]], %arg1, %arg3 strides [1, 1] padding [0, 0] dilation [2, 3] groups 2
// CHECK-NOT: linalg.generic
func.func @conv_groups(%x: memref<1x6x8x4xf32>, %w: memref<3x3x2x8xf32>, %y: memref<1x4x4x8xf32>,
                       %z: memref<1x4x4x8xf32>, %keep: memref<1x8x10x4xf32>) {
  %zero = arith.constant 0.0 : f32
  %padded = memref.alloc() : memref<1x8x10x4xf32>
  linalg.fill ins(%zero : f32) outs(%padded : memref<1x8x10x4xf32>)
  %interior = memref.subview %padded[0, 1, 1, 0] [1, 6, 8, 4] [1, 1, 1, 1] : memref<1x8x10x4xf32> to memref<1x6x8x4xf32, strided<[320, 40, 4, 1], offset: 44>>
  linalg.copy ins(%x : memref<1x6x8x4xf32>) outs(%interior : memref<1x6x8x4xf32, strided<[320, 40, 4, 1], offset: 44>>)
  linalg.fill ins(%zero : f32) outs(%y : memref<1x4x4x8xf32>)
  linalg.generic {indexing_maps = [#in, #filter, #out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
      ins(%padded, %w : memref<1x8x10x4xf32>, memref<3x3x2x8xf32>) outs(%y : memref<1x4x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  linalg.copy ins(%padded : memref<1x8x10x4xf32>) outs(%keep : memref<1x8x10x4xf32>)

  %padded2 = memref.alloc() : memref<1x8x10x4xf32>
  linalg.fill ins(%zero : f32) outs(%padded2 : memref<1x8x10x4xf32>)
  %interior2 = memref.subview %padded2[0, 1, 1, 0] [1, 6, 8, 4] [1, 1, 1, 1] : memref<1x8x10x4xf32> to memref<1x6x8x4xf32, strided<[320, 40, 4, 1], offset: 44>>
  linalg.copy ins(%x : memref<1x6x8x4xf32>) outs(%interior2 : memref<1x6x8x4xf32, strided<[320, 40, 4, 1], offset: 44>>)
  linalg.fill ins(%zero : f32) outs(%x : memref<1x6x8x4xf32>)
  linalg.fill ins(%zero : f32) outs(%z : memref<1x4x4x8xf32>)
  linalg.generic {indexing_maps = [#in, #filter, #out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
      ins(%padded2, %w : memref<1x8x10x4xf32>, memref<3x3x2x8xf32>) outs(%z : memref<1x4x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A reversed window (kernel index 2 - ky) is not the kernel's convolution.
#in = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 - d5 + 2, d2 + d6, d4)>
#filter = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d5, d6, d4, d3)>
#out = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_reversed
// CHECK-NOT: jaxc_rt
// CHECK: linalg.generic
func.func @conv_reversed(%x: memref<1x5x5x2xf32>, %w: memref<3x3x2x4xf32>, %y: memref<1x3x3x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%y : memref<1x3x3x4xf32>)
  linalg.generic {indexing_maps = [#in, #filter, #out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
      ins(%x, %w : memref<1x5x5x2xf32>, memref<3x3x2x4xf32>) outs(%y : memref<1x3x3x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// The padded buffer's zeros may come from a copy of a shared zero-filled
// buffer (CSE merges equal fills); that copy goes with the padded buffer.
#in = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d5, d2 + d6, d4)>
#filter = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d5, d6, d4, d3)>
#out = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_padded_from_shared_zeros
// CHECK: %[[ZEROS:.*]] = memref.alloc() : memref<1x6x6x2xf32>
// CHECK-NEXT: linalg.fill ins(%{{.*}} : f32) outs(%[[ZEROS]] : memref<1x6x6x2xf32>)
// CHECK-NEXT: jaxc_rt.conv2d_f32 %arg0, %arg1, %arg2 strides [1, 1] padding [1, 1] dilation [1, 1] groups 1
// CHECK-NEXT: memref.copy %[[ZEROS]], %arg3
// CHECK-NEXT: return
func.func @conv_padded_from_shared_zeros(%x: memref<1x4x4x2xf32>, %w: memref<3x3x2x3xf32>,
    %y: memref<1x4x4x3xf32>, %other: memref<1x6x6x2xf32>) {
  %zero = arith.constant 0.0 : f32
  %zeros = memref.alloc() : memref<1x6x6x2xf32>
  linalg.fill ins(%zero : f32) outs(%zeros : memref<1x6x6x2xf32>)
  %padded = memref.alloc() : memref<1x6x6x2xf32>
  memref.copy %zeros, %padded : memref<1x6x6x2xf32> to memref<1x6x6x2xf32>
  %interior = memref.subview %padded[0, 1, 1, 0] [1, 4, 4, 2] [1, 1, 1, 1] : memref<1x6x6x2xf32> to memref<1x4x4x2xf32, strided<[72, 12, 2, 1], offset: 14>>
  linalg.copy ins(%x : memref<1x4x4x2xf32>) outs(%interior : memref<1x4x4x2xf32, strided<[72, 12, 2, 1], offset: 14>>)
  linalg.fill ins(%zero : f32) outs(%y : memref<1x4x4x3xf32>)
  linalg.generic {indexing_maps = [#in, #filter, #out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
      ins(%padded, %w : memref<1x6x6x2xf32>, memref<3x3x2x3xf32>) outs(%y : memref<1x4x4x3xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  memref.copy %zeros, %other : memref<1x6x6x2xf32> to memref<1x6x6x2xf32>
  return
}

// -----

// bf16 operands the body extends to f32 (DotToLinalg's half-float matmul)
// are widened into f32 buffers, which the f32 kernel then reads; an f32
// operand beside them is read as it is.
#lhs = affine_map<(d0, d1, d2) -> (d0, d2)>
#rhs = affine_map<(d0, d1, d2) -> (d2, d1)>
#out = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @bf16_matmul
// CHECK-SAME: (%[[A:.*]]: memref<4x8xbf16>, %[[B:.*]]: memref<8x16xf32>, %[[C:.*]]: memref<4x16xf32>)
// CHECK: %[[WIDE:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4x8xf32>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[A]] : memref<4x8xbf16>) outs(%[[WIDE]] : memref<4x8xf32>)
// CHECK: arith.extf %{{.*}} : bf16 to f32
// CHECK-DAG: %[[A3:.*]] = memref.expand_shape %[[WIDE]]
// CHECK-DAG: %[[B3:.*]] = memref.expand_shape %[[B]]
// CHECK: jaxc_rt.matmul_f32 %[[A3]], %[[B3]], %{{.*}} : memref<1x4x8xf32>, memref<1x8x16xf32>, memref<1x4x16xf32>
// CHECK-NOT: linalg.generic
func.func @bf16_matmul(%a: memref<4x8xbf16>, %b: memref<8x16xf32>, %c: memref<4x16xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%c : memref<4x16xf32>)
  linalg.generic {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : memref<4x8xbf16>, memref<8x16xf32>) outs(%c : memref<4x16xf32>) {
  ^bb0(%x: bf16, %y: f32, %acc: f32):
    %wx = arith.extf %x : bf16 to f32
    %p = arith.mulf %wx, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// An f16 operand used without extension is not a matmul the kernel runs.
// CHECK-LABEL: func.func @f16_unextended
// CHECK-NOT: jaxc_rt.matmul_f32
// CHECK: linalg.generic
func.func @f16_unextended(%a: memref<4x8xf16>, %b: memref<8x16xf16>, %c: memref<4x16xf16>) {
  %zero = arith.constant 0.0 : f16
  linalg.fill ins(%zero : f16) outs(%c : memref<4x16xf16>)
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : memref<4x8xf16>, memref<8x16xf16>) outs(%c : memref<4x16xf16>) {
  ^bb0(%x: f16, %y: f16, %acc: f16):
    %p = arith.mulf %x, %y : f16
    %s = arith.addf %acc, %p : f16
    linalg.yield %s : f16
  }
  return
}
