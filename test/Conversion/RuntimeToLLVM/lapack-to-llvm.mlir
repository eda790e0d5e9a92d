// RUN: jaxc-opt %s --expand-strided-metadata --finalize-memref-to-llvm --convert-func-to-llvm=use-bare-ptr-memref-call-conv=1 --jaxc-runtime-to-llvm --reconcile-unrealized-casts --canonicalize | FileCheck %s

// jaxc_lapack_args_t (module_format.h): routine, dtype, batch, options[4],
// input and result counts, then per buffer (ten slots, unused ones null
// and zero) its pointer, rows, columns and element size; the context's
// lapack (field 8) gets it.
// CHECK-LABEL: llvm.func @potrf
// CHECK-SAME: (%[[A:.*]]: !llvm.ptr, %[[L:.*]]: !llvm.ptr, %[[INFO:.*]]: !llvm.ptr)
// CHECK-DAG: %[[ROUTINE:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-DAG: %[[F32:.*]] = llvm.mlir.constant(12 : i32) : i32
// CHECK-DAG: %[[BATCH:.*]] = llvm.mlir.constant(2 : i64) : i64
// CHECK-DAG: %[[UPLO:.*]] = llvm.mlir.constant(76 : i64) : i64
// CHECK: %[[ARGS:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(i32, i32, i64, i64, i64, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64)>
// CHECK: llvm.insertvalue %[[ROUTINE]], %{{.*}}[0]
// CHECK: llvm.insertvalue %[[F32]], %{{.*}}[1]
// CHECK: llvm.insertvalue %[[BATCH]], %{{.*}}[2]
// CHECK: llvm.insertvalue %[[UPLO]], %{{.*}}[3]
// CHECK: llvm.insertvalue %[[A]], %{{.*}}[9]
// CHECK: llvm.insertvalue %[[L]], %{{.*}}[10]
// CHECK: llvm.insertvalue %[[INFO]], %{{.*}}[11]
// CHECK: %[[CTX:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK: %[[FIELD:.*]] = llvm.getelementptr %[[CTX]][0, 8]
// CHECK: %[[FN:.*]] = llvm.load %[[FIELD]]
// CHECK: llvm.call %[[FN]](%[[CTX]], %[[ARGS]])
func.func @potrf(%a: memref<2x3x3xf32>, %l: memref<2x3x3xf32>, %info: memref<2xi32>) {
  jaxc_rt.lapack "potrf" (%a) -> (%l, %info) options [76] batch_dims 1
      : memref<2x3x3xf32> -> memref<2x3x3xf32>, memref<2xi32>
  return
}
