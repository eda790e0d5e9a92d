// RUN: jaxc-opt %s --expand-strided-metadata --finalize-memref-to-llvm --convert-func-to-llvm=use-bare-ptr-memref-call-conv=1 --jaxc-runtime-to-llvm --reconcile-unrealized-casts --canonicalize | FileCheck %s

// jaxc_matmul_f32_args_t is filled from the memref descriptors (sizes,
// element pointer = aligned pointer + offset, strides) in a stack struct,
// then the context's matmul_f32 (field 3) gets it.
// CHECK-LABEL: llvm.func @matmul
// CHECK-SAME: (%[[A:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr, %[[C:.*]]: !llvm.ptr)
// CHECK-DAG: %[[N32:.*]] = llvm.mlir.constant(32 : index)
// CHECK-DAG: %[[N8:.*]] = llvm.mlir.constant(8 : index)
// CHECK-DAG: %[[N128:.*]] = llvm.mlir.constant(128 : index)
// CHECK-DAG: %[[N1:.*]] = llvm.mlir.constant(1 : index)
// CHECK-DAG: %[[N16:.*]] = llvm.mlir.constant(16 : index)
// CHECK-DAG: %[[N4:.*]] = llvm.mlir.constant(4 : index)
// CHECK-DAG: %[[N64:.*]] = llvm.mlir.constant(64 : index)
// CHECK-DAG: %[[N2:.*]] = llvm.mlir.constant(2 : index)
// CHECK: %[[ARGS:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(i64, i64, i64, i64, ptr, i64, i64, i64, ptr, i64, i64, i64, ptr, i64, i64, i64)>
// CHECK: llvm.insertvalue %[[N2]], %{{.*}}[0]
// CHECK: llvm.insertvalue %[[N4]], %{{.*}}[1]
// CHECK: llvm.insertvalue %[[N16]], %{{.*}}[2]
// CHECK: llvm.insertvalue %[[N8]], %{{.*}}[3]
// CHECK: llvm.insertvalue %[[A]], %{{.*}}[4]
// CHECK: llvm.insertvalue %[[N32]], %{{.*}}[5]
// CHECK: llvm.insertvalue %[[N8]], %{{.*}}[6]
// CHECK: llvm.insertvalue %[[N1]], %{{.*}}[7]
// CHECK: llvm.insertvalue %[[B]], %{{.*}}[8]
// CHECK: llvm.insertvalue %[[N128]], %{{.*}}[9]
// CHECK: llvm.insertvalue %[[N1]], %{{.*}}[10]
// CHECK: llvm.insertvalue %[[N8]], %{{.*}}[11]
// CHECK: llvm.insertvalue %[[C]], %{{.*}}[12]
// CHECK: llvm.insertvalue %[[N64]], %{{.*}}[13]
// CHECK: llvm.insertvalue %[[N16]], %{{.*}}[14]
// CHECK: %[[VALUE:.*]] = llvm.insertvalue %[[N1]], %{{.*}}[15]
// CHECK: llvm.store %[[VALUE]], %[[ARGS]]
// CHECK: %[[SLOT:.*]] = "llvm.intr.threadlocal.address"
// CHECK: %[[CTX:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[FIELD:.*]] = llvm.getelementptr %[[CTX]][0, 3]
// CHECK: %[[FN:.*]] = llvm.load %[[FIELD]] : !llvm.ptr -> !llvm.ptr
// CHECK: llvm.call %[[FN]](%[[CTX]], %[[ARGS]]) : !llvm.ptr, (!llvm.ptr, !llvm.ptr) -> ()
func.func @matmul(%a: memref<2x4x8xf32>, %b: memref<2x16x8xf32>, %c: memref<2x4x16xf32>) {
  %bt = memref.transpose %b (d0, d1, d2) -> (d0, d2, d1)
      : memref<2x16x8xf32> to memref<2x8x16xf32, strided<[128, 1, 8]>>
  jaxc_rt.matmul_f32 %a, %bt, %c
      : memref<2x4x8xf32>, memref<2x8x16xf32, strided<[128, 1, 8]>>, memref<2x4x16xf32>
  return
}

// A view's offset moves the element pointer: 10 floats into %a.
// CHECK-LABEL: llvm.func @offset
// CHECK: %[[P:.*]] = llvm.getelementptr %arg0[10] : (!llvm.ptr) -> !llvm.ptr, f32
// CHECK: llvm.insertvalue %[[P]], %{{.*}}[4]
func.func @offset(%a: memref<1x2x20xf32>, %b: memref<1x8x3xf32>, %c: memref<1x2x3xf32>) {
  %sub = memref.subview %a[0, 0, 10] [1, 2, 8] [1, 1, 1]
      : memref<1x2x20xf32> to memref<1x2x8xf32, strided<[40, 20, 1], offset: 10>>
  jaxc_rt.matmul_f32 %sub, %b, %c
      : memref<1x2x8xf32, strided<[40, 20, 1], offset: 10>>, memref<1x8x3xf32>, memref<1x2x3xf32>
  return
}

// jaxc_conv2d_f32_args_t: sixteen sizes and attributes, then the three
// pointers; the context's conv2d_f32 is field 4.
// CHECK-LABEL: llvm.func @conv
// CHECK-SAME: (%[[IN:.*]]: !llvm.ptr, %[[F:.*]]: !llvm.ptr, %[[OUT:.*]]: !llvm.ptr)
// CHECK-DAG: %[[NINE:.*]] = llvm.mlir.constant(9 : i64)
// CHECK-DAG: %[[SIX:.*]] = llvm.mlir.constant(6 : i64)
// CHECK-DAG: %[[FIVE:.*]] = llvm.mlir.constant(5 : i64)
// CHECK-DAG: %[[FOUR:.*]] = llvm.mlir.constant(4 : i64)
// CHECK-DAG: %[[THREE:.*]] = llvm.mlir.constant(3 : i64)
// CHECK-DAG: %[[TWO:.*]] = llvm.mlir.constant(2 : i64)
// CHECK-DAG: %[[ONE:.*]] = llvm.mlir.constant(1 : i64)
// CHECK: %[[ARGS:.*]] = llvm.alloca %[[ONE]] x !llvm.struct<(i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, ptr, ptr, ptr)>
// CHECK: llvm.insertvalue %[[ONE]], %{{.*}}[0]
// CHECK: llvm.insertvalue %[[NINE]], %{{.*}}[1]
// CHECK: llvm.insertvalue %[[NINE]], %{{.*}}[2]
// CHECK: llvm.insertvalue %[[FOUR]], %{{.*}}[3]
// CHECK: llvm.insertvalue %[[THREE]], %{{.*}}[4]
// CHECK: llvm.insertvalue %[[THREE]], %{{.*}}[5]
// CHECK: llvm.insertvalue %[[SIX]], %{{.*}}[6]
// CHECK: llvm.insertvalue %[[FIVE]], %{{.*}}[7]
// CHECK: llvm.insertvalue %[[FIVE]], %{{.*}}[8]
// CHECK: llvm.insertvalue %[[TWO]], %{{.*}}[9]
// CHECK: llvm.insertvalue %[[TWO]], %{{.*}}[10]
// CHECK: llvm.insertvalue %[[ONE]], %{{.*}}[11]
// CHECK: llvm.insertvalue %[[ONE]], %{{.*}}[12]
// CHECK: llvm.insertvalue %[[ONE]], %{{.*}}[13]
// CHECK: llvm.insertvalue %[[ONE]], %{{.*}}[14]
// CHECK: llvm.insertvalue %[[TWO]], %{{.*}}[15]
// CHECK: llvm.insertvalue %[[IN]], %{{.*}}[16]
// CHECK: llvm.insertvalue %[[F]], %{{.*}}[17]
// CHECK: %[[VALUE:.*]] = llvm.insertvalue %[[OUT]], %{{.*}}[18]
// CHECK: llvm.store %[[VALUE]], %[[ARGS]]
// CHECK: %[[FIELD:.*]] = llvm.getelementptr %[[CTX:.*]][0, 4]
// CHECK: %[[FN:.*]] = llvm.load %[[FIELD]]
// CHECK: llvm.call %[[FN]](%[[CTX]], %[[ARGS]])
func.func @conv(%in: memref<1x9x9x4xf32>, %f: memref<3x3x2x6xf32>,
                %out: memref<1x5x5x6xf32>) {
  jaxc_rt.conv2d_f32 %in, %f, %out strides [2, 2] padding [1, 1]
      dilation [1, 1] groups 2
      : memref<1x9x9x4xf32>, memref<3x3x2x6xf32>, memref<1x5x5x6xf32>
  return
}
