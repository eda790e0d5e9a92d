// RUN: jaxc-opt %s --convert-func-to-llvm=use-bare-ptr-memref-call-conv=1 --jaxc-runtime-to-llvm --reconcile-unrealized-casts | FileCheck %s

// The captures go into a stack struct allocated in the entry block; the
// call goes through the context's parallel_for (field 2) with a chunk
// function that unpacks them for the body. Body and chunk function are
// internal.
// CHECK-LABEL: llvm.func @main
// CHECK-SAME: (%[[A:.*]]: !llvm.ptr, %[[S:.*]]: f32,
// CHECK: %[[ONE:.*]] = llvm.mlir.constant(1 : i64)
// CHECK: %[[DATA:.*]] = llvm.alloca %[[ONE]] x !llvm.struct<(ptr, f32)>
// CHECK: %[[DESC:.*]] = llvm.insertvalue %[[A]], %{{.*}}[1]
// CHECK: cf.cond_br
// CHECK: %[[ALIGNED:.*]] = llvm.extractvalue %{{.*}}[1]
// CHECK: %[[F0:.*]] = llvm.getelementptr %[[DATA]][0, 0]
// CHECK: llvm.store %[[ALIGNED]], %[[F0]] : !llvm.ptr, !llvm.ptr
// CHECK: %[[F1:.*]] = llvm.getelementptr %[[DATA]][0, 1]
// CHECK: llvm.store %[[S]], %[[F1]] : f32, !llvm.ptr
// CHECK: %[[SLOT:.*]] = "llvm.intr.threadlocal.address"
// CHECK: %[[CTX:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[FIELD:.*]] = llvm.getelementptr %[[CTX]][0, 2]
// CHECK: %[[PF:.*]] = llvm.load %[[FIELD]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[CHUNK:.*]] = llvm.mlir.addressof @body_chunk
// CHECK: %[[COUNT:.*]] = llvm.mlir.constant(1024 : i64)
// CHECK: %[[GRAIN:.*]] = llvm.mlir.constant(64 : i64)
// CHECK: llvm.call %[[PF]](%[[CTX]], %[[CHUNK]], %[[DATA]], %[[COUNT]], %[[GRAIN]]) : !llvm.ptr, (!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64) -> ()
func.func @main(%a: memref<1024xf32>, %s: f32, %go: i1) {
  cf.cond_br %go, ^run, ^done
^run:
  jaxc_rt.parallel_for @body(%a, %s) count 1024 grain 64
      : memref<1024xf32>, f32
  cf.br ^done
^done:
  return
}

// CHECK: llvm.func internal @body(%{{.*}}: i64, %{{.*}}: i64, %{{.*}}: !llvm.ptr, %{{.*}}: f32)
// CHECK: llvm.func internal @body_chunk(%[[D:.*]]: !llvm.ptr, %[[B:.*]]: i64, %[[E:.*]]: i64)
// CHECK: %[[P0:.*]] = llvm.getelementptr %[[D]][0, 0]
// CHECK: %[[V0:.*]] = llvm.load %[[P0]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[P1:.*]] = llvm.getelementptr %[[D]][0, 1]
// CHECK: %[[V1:.*]] = llvm.load %[[P1]] : !llvm.ptr -> f32
// CHECK: llvm.call @body(%[[B]], %[[E]], %[[V0]], %[[V1]])
// CHECK: llvm.return
func.func private @body(%begin: index, %end: index, %a: memref<1024xf32>,
                        %s: f32) {
  return
}

// Without captures the closure is NULL.
// CHECK-LABEL: llvm.func @no_captures
// CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK: llvm.call %{{.*}}(%{{.*}}, %{{.*}}, %[[NULL]], %{{.*}}, %{{.*}})
func.func @no_captures() {
  jaxc_rt.parallel_for @empty() count 8 grain 1
  return
}
func.func private @empty(%begin: index, %end: index) {
  return
}

// Every parallel_for of one body shares its chunk function; a symbol that
// takes the chunk's name but is not its chunk is left alone.
// CHECK-LABEL: llvm.func @twice
// CHECK: llvm.mlir.addressof @shared_chunk_1
// CHECK: llvm.mlir.addressof @shared_chunk_1
// CHECK-NOT: @shared_chunk_2
func.func @twice(%a: memref<16xf32>) {
  jaxc_rt.parallel_for @shared(%a) count 16 grain 1 : memref<16xf32>
  jaxc_rt.parallel_for @shared(%a) count 16 grain 1 : memref<16xf32>
  return
}
func.func private @shared(%begin: index, %end: index, %a: memref<16xf32>) {
  return
}
func.func private @shared_chunk() {
  return
}
