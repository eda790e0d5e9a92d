// RUN: jaxc-opt %s --jaxc-outline-loop-nests | FileCheck %s

// Each outermost loop left in @main becomes a noinline private function
// called in its place; constants are recreated inside, buffers passed.
// The loop inside a while with results is outlined from the while's body.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[A:.*]]: memref<768xf32>, %[[B:.*]]: memref<768xf32>)
// CHECK: call @main_loop(%[[A]], %[[B]]) : (memref<768xf32>, memref<768xf32>) -> ()
// CHECK-NEXT: scf.while
// CHECK: call @main_loop_0(%[[B]])
// CHECK: return
// CHECK: func.func private @main_loop_0(%{{.*}}: memref<768xf32>) attributes {passthrough = ["noinline"]}
// CHECK: func.func private @main_loop(%[[X:.*]]: memref<768xf32>, %[[Y:.*]]: memref<768xf32>) attributes {passthrough = ["noinline"]}
// CHECK-DAG: arith.constant 768 : index
// CHECK: scf.for
// CHECK: memref.load %[[X]]
// CHECK: memref.store %{{.*}}, %[[Y]]
// CHECK: return
func.func @main(%a: memref<768xf32>, %b: memref<768xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c768 = arith.constant 768 : index
  %two = arith.constant 2.0 : f32
  scf.for %i = %c0 to %c768 step %c1 {
    %x = memref.load %a[%i] : memref<768xf32>
    %y = arith.mulf %x, %two : f32
    memref.store %y, %b[%i] : memref<768xf32>
  }
  %n = scf.while (%k = %c0) : (index) -> index {
    %more = arith.cmpi slt, %k, %c1 : index
    scf.condition(%more) %k : index
  } do {
  ^bb0(%k: index):
    scf.for %i = %c0 to %c768 step %c1 {
      memref.store %two, %b[%i] : memref<768xf32>
    }
    %next = arith.addi %k, %c1 : index
    scf.yield %next : index
  }
  return
}

// A thread-pool body keeps its loops.
// CHECK-LABEL: func.func private @body
// CHECK-NOT: call
// CHECK: scf.for
func.func private @body(%begin: index, %end: index, %b: memref<768xf32>) {
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %begin to %end step %c1 {
    memref.store %zero, %b[%i] : memref<768xf32>
  }
  return
}
func.func @pool(%b: memref<768xf32>) {
  jaxc_rt.parallel_for @body(%b) count 768 grain 64 : memref<768xf32>
  return
}

// A capture that is the only view of a buffer allocated here is noalias;
// two views of one buffer are not, nor is a caller's argument.
// CHECK-LABEL: func.func @views
// CHECK: func.func private @views_loop(%{{.*}}: memref<8xf32> {llvm.noalias}, %{{.*}}: memref<4xf32, strided<[1]>>, %{{.*}}: memref<4xf32, strided<[1], offset: 4>>, %{{.*}}: memref<8xf32>)
func.func @views(%arg: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %fresh = memref.alloc() : memref<8xf32>
  %shared = memref.alloc() : memref<8xf32>
  %low = memref.subview %shared[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
  %high = memref.subview %shared[4] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 4>>
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.load %fresh[%i] : memref<8xf32>
    %y = memref.load %low[%i] : memref<4xf32, strided<[1]>>
    %z = arith.addf %x, %y : f32
    memref.store %z, %high[%i] : memref<4xf32, strided<[1], offset: 4>>
    memref.store %z, %arg[%i] : memref<8xf32>
  }
  memref.dealloc %fresh : memref<8xf32>
  memref.dealloc %shared : memref<8xf32>
  return
}
