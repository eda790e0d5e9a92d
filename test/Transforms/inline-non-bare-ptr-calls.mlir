// RUN: jaxc-opt %s --jaxc-inline-non-bare-ptr-calls | FileCheck %s

// The dynamically shaped helper is inlined and erased; the static one, which
// bare pointers can call, stays a call.
// CHECK-LABEL: func.func @main
// CHECK-NOT: call @dynamic_helper
// CHECK: memref.dim
// CHECK: call @static_helper
// CHECK-NOT: func.func private @dynamic_helper
// CHECK: func.func private @static_helper
func.func @main(%a: memref<3xindex>, %b: memref<3xi1>) {
  %dynamic = memref.cast %a : memref<3xindex> to memref<?xindex>
  call @dynamic_helper(%dynamic) : (memref<?xindex>) -> ()
  call @static_helper(%b) : (memref<3xi1>) -> ()
  return
}
func.func private @dynamic_helper(%a: memref<?xindex>) {
  %c0 = arith.constant 0 : index
  %size = memref.dim %a, %c0 : memref<?xindex>
  memref.store %size, %a[%c0] : memref<?xindex>
  return
}
func.func private @static_helper(%b: memref<3xi1>) {
  %c0 = arith.constant 0 : index
  %true = arith.constant true
  memref.store %true, %b[%c0] : memref<3xi1>
  return
}
