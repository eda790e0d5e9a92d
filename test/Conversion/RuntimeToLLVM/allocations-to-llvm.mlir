// RUN: jaxc-opt %s --finalize-memref-to-llvm --convert-func-to-llvm=use-bare-ptr-memref-call-conv=1 --jaxc-runtime-to-llvm --reconcile-unrealized-casts | FileCheck %s

// Buffers of code on the entry call's thread come from the context's alloc
// (field 6) and go back through its free (field 7): the device reuses them
// from call to call.
// CHECK-LABEL: llvm.func @main
// CHECK-NOT: llvm.call @malloc
// CHECK: %[[SLOT:.*]] = "llvm.intr.threadlocal.address"
// CHECK: %[[CTX:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[FIELD:.*]] = llvm.getelementptr %[[CTX]][0, 6]
// CHECK: %[[ALLOC:.*]] = llvm.load %[[FIELD]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[BUFFER:.*]] = llvm.call %[[ALLOC]](%[[CTX]], %{{.*}}) : !llvm.ptr, (!llvm.ptr, i64) -> !llvm.ptr
// CHECK: %[[SLOT2:.*]] = "llvm.intr.threadlocal.address"
// CHECK: %[[CTX2:.*]] = llvm.load %[[SLOT2]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[FIELD2:.*]] = llvm.getelementptr %[[CTX2]][0, 7]
// CHECK: %[[FREE:.*]] = llvm.load %[[FIELD2]] : !llvm.ptr -> !llvm.ptr
// CHECK: llvm.call %[[FREE]](%[[CTX2]], %{{.*}}) : !llvm.ptr, (!llvm.ptr, !llvm.ptr) -> ()
// CHECK-NOT: llvm.call @free
// CHECK: llvm.return
func.func @main(%out: memref<4096xf32>) {
  %tmp = memref.alloc() : memref<4096xf32>
  memref.copy %tmp, %out : memref<4096xf32> to memref<4096xf32>
  memref.dealloc %tmp : memref<4096xf32>
  jaxc_rt.parallel_for @body(%out) count 4096 grain 64 : memref<4096xf32>
  return
}

// A parallel_for body runs on the pool's threads, where the context is not
// set: it keeps malloc and free.
// CHECK: llvm.func internal @body(
// CHECK: llvm.call @malloc
// CHECK: llvm.call @free
func.func private @body(%begin: index, %end: index, %a: memref<4096xf32>) {
  %tmp = memref.alloc() : memref<16xf32>
  memref.dealloc %tmp : memref<16xf32>
  return
}
