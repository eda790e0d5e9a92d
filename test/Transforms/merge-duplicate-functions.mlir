// RUN: jaxc-opt %s --jaxc-merge-duplicate-functions | FileCheck %s

// @b and @b_body duplicate @a and @a_body once @b_body's callee is merged:
// the second round merges the callers. @c differs in a constant, @d in an
// argument attribute, and the public @e is an entry; all three stay.
// CHECK-LABEL: func.func @main
// CHECK: call @a(%{{.*}})
// CHECK: call @a(%{{.*}})
// CHECK: call @c(%{{.*}})
// CHECK: call @d(%{{.*}})
// CHECK: call @e(%{{.*}})
// CHECK-NOT: @b
// CHECK: func.func private @a_body
// CHECK: func.func private @a(
// CHECK: call @a_body
// CHECK: func.func private @c(
// CHECK: func.func private @d(
// CHECK: func.func @e(
func.func @main(%x: memref<8xf32>) {
  call @a(%x) : (memref<8xf32>) -> ()
  call @b(%x) : (memref<8xf32>) -> ()
  call @c(%x) : (memref<8xf32>) -> ()
  call @d(%x) : (memref<8xf32>) -> ()
  call @e(%x) : (memref<8xf32>) -> ()
  return
}
func.func private @a_body(%x: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.0 : f32
  memref.store %one, %x[%c0] : memref<8xf32>
  return
}
func.func private @b_body(%x: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.0 : f32
  memref.store %one, %x[%c0] : memref<8xf32>
  return
}
func.func private @a(%x: memref<8xf32>) {
  call @a_body(%x) : (memref<8xf32>) -> ()
  return
}
func.func private @b(%x: memref<8xf32>) {
  call @b_body(%x) : (memref<8xf32>) -> ()
  return
}
func.func private @c(%x: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %two = arith.constant 2.0 : f32
  memref.store %two, %x[%c0] : memref<8xf32>
  return
}
func.func private @d(%x: memref<8xf32> {llvm.noalias}) {
  call @a_body(%x) : (memref<8xf32>) -> ()
  return
}
func.func @e(%x: memref<8xf32>) {
  call @a_body(%x) : (memref<8xf32>) -> ()
  return
}
