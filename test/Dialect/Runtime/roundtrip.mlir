// The jaxc_rt ops print and parse back.
// RUN: jaxc-opt %s | jaxc-opt | FileCheck %s

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: memref<2x4x8xf32>,
                  %b: memref<2x16x8xf32>,
                  %c: memref<2x4x16xf32>) {
  %bt = memref.transpose %b (d0, d1, d2) -> (d0, d2, d1)
      : memref<2x16x8xf32> to memref<2x8x16xf32, strided<[128, 1, 8]>>
  // CHECK: jaxc_rt.matmul_f32 %{{.*}}, %{{.*}}, %{{.*}} : memref<2x4x8xf32>, memref<2x8x16xf32, strided<[128, 1, 8]>>, memref<2x4x16xf32>
  jaxc_rt.matmul_f32 %a, %bt, %c
      : memref<2x4x8xf32>, memref<2x8x16xf32, strided<[128, 1, 8]>>,
        memref<2x4x16xf32>
  return
}

// CHECK-LABEL: func.func @conv
func.func @conv(%in: memref<1x9x9x4xf32>, %f: memref<3x3x2x6xf32>,
                %out: memref<1x5x5x6xf32>) {
  // CHECK: jaxc_rt.conv2d_f32 %{{.*}}, %{{.*}}, %{{.*}} strides [2, 2] padding [1, 1] dilation [1, 1] groups 2 : memref<1x9x9x4xf32>, memref<3x3x2x6xf32>, memref<1x5x5x6xf32>
  jaxc_rt.conv2d_f32 %in, %f, %out strides [2, 2] padding [1, 1]
      dilation [1, 1] groups 2
      : memref<1x9x9x4xf32>, memref<3x3x2x6xf32>, memref<1x5x5x6xf32>
  return
}

// CHECK-LABEL: func.func @parallel_for
func.func @parallel_for(%a: memref<1024xf32>, %s: f32) {
  // CHECK: jaxc_rt.parallel_for @body(%{{.*}}, %{{.*}}) count 1024 grain 64 : memref<1024xf32>, f32
  jaxc_rt.parallel_for @body(%a, %s) count 1024 grain 64
      : memref<1024xf32>, f32
  // CHECK: jaxc_rt.parallel_for @no_captures() count 8 grain 1
  jaxc_rt.parallel_for @no_captures() count 8 grain 1
  return
}
func.func private @body(%begin: index, %end: index, %a: memref<1024xf32>,
                        %s: f32)
func.func private @no_captures(%begin: index, %end: index)
