// RUN: jaxc-opt %s --jaxc-memref-copy-to-linalg | FileCheck %s

// CHECK-LABEL: func.func @strided_copy
// CHECK-NOT: memref.copy
// CHECK: linalg.copy ins(%{{.*}} : memref<2xf32, strided<[2]>>) outs(%{{.*}} : memref<2xf32>)
func.func @strided_copy(%src: memref<2xf32, strided<[2]>>, %dst: memref<2xf32>) {
  memref.copy %src, %dst : memref<2xf32, strided<[2]>> to memref<2xf32>
  return
}

// Between identity layouts the copy stays: it lowers to memcpy.
// CHECK-LABEL: func.func @contiguous_copy
// CHECK: memref.copy %{{.*}}, %{{.*}} : memref<2x3xf32> to memref<2x3xf32>
// CHECK-NOT: linalg.copy
func.func @contiguous_copy(%src: memref<2x3xf32>, %dst: memref<2x3xf32>) {
  memref.copy %src, %dst : memref<2x3xf32> to memref<2x3xf32>
  return
}
