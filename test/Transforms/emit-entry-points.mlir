// RUN: jaxc-opt %s --jaxc-emit-entry-points | FileCheck %s

// The user function becomes internal; the exported entry unpacks the buffer
// array into its pointer arguments in order and makes its context this
// thread's __jaxc_context for the duration of the call.
// CHECK: llvm.mlir.global internal thread_local @__jaxc_context()
// CHECK: llvm.mlir.zero : !llvm.ptr
// CHECK: llvm.func internal @main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK: llvm.func @jaxc_entry_main(%[[CTX:.*]]: !llvm.ptr, %[[BUFS:.*]]: !llvm.ptr)
// CHECK: %[[P0:.*]] = llvm.getelementptr %[[BUFS]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK: %[[A0:.*]] = llvm.load %[[P0]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[P1:.*]] = llvm.getelementptr %[[BUFS]][1] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK: %[[A1:.*]] = llvm.load %[[P1]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[ADDR:.*]] = llvm.mlir.addressof @__jaxc_context
// CHECK: %[[SLOT:.*]] = "llvm.intr.threadlocal.address"(%[[ADDR]])
// CHECK: %[[PREV:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> !llvm.ptr
// CHECK: llvm.store %[[CTX]], %[[SLOT]]
// CHECK: llvm.call @main(%[[A0]], %[[A1]])
// CHECK: llvm.store %[[PREV]], %[[SLOT]]
// CHECK: llvm.return
// Declarations (libm) are left alone.
// CHECK: llvm.func @sinf(f32) -> f32
// CHECK-NOT: jaxc_entry_sinf
llvm.func @main(%in: !llvm.ptr, %out: !llvm.ptr) {
  llvm.return
}
llvm.func @sinf(f32) -> f32

// A private function (an outlined loop nest, which may take scalars)
// becomes internal, without an entry.
// CHECK: llvm.func internal @main_loop(%{{.*}}: !llvm.ptr, %{{.*}}: i64) attributes {sym_visibility = "private"}
// CHECK-NOT: jaxc_entry_main_loop
llvm.func @main_loop(%buffer: !llvm.ptr, %count: i64) attributes {sym_visibility = "private"} {
  llvm.return
}
