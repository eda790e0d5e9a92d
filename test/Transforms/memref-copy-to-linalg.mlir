// RUN: jaxc-opt %s --jaxc-memref-copy-to-linalg | FileCheck %s

// CHECK-LABEL: func.func @strided_copy
// CHECK-NOT: memref.copy
// CHECK: linalg.copy ins(%{{.*}} : memref<2xf32, strided<[2]>>) outs(%{{.*}} : memref<2xf32>)
func.func @strided_copy(%src: memref<2xf32, strided<[2]>>, %dst: memref<2xf32>) {
  memref.copy %src, %dst : memref<2xf32, strided<[2]>> to memref<2xf32>
  return
}
