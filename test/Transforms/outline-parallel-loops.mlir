// RUN: jaxc-opt %s --split-input-file --jaxc-outline-parallel-loops="min-work=4096 streaming-store-bytes=1048576" | FileCheck %s

// A 2-D loop: the items are the linearized (i, j); each row of the chunk is
// found with one division and runs as an scf.for over j, which asks LLVM
// to interleave four vectors. Constants are cloned into the body, memrefs
// and scalars passed.
// CHECK: #[[INTERLEAVE:.*]] = #llvm.loop_interleave<count = 4 : i32>
// CHECK: #[[ANNOTATION:.*]] = #llvm.loop_annotation<interleave = #[[INTERLEAVE]]>
// CHECK-LABEL: func.func @add_2d
// CHECK-SAME: (%[[A:.*]]: memref<64x128xf32>, %[[B:.*]]: memref<64x128xf32>, %[[S:.*]]: f32)
// CHECK-NOT: scf.parallel
// CHECK: jaxc_rt.parallel_for @add_2d_parallel(%[[A]], %[[S]], %[[B]]) count 8192 grain 1639 : memref<64x128xf32>, f32, memref<64x128xf32>
// CHECK: func.func private @add_2d_parallel(%[[BEGIN:.*]]: index, %[[END:.*]]: index, %[[PA:.*]]: memref<64x128xf32>, %[[PS:.*]]: f32, %[[PB:.*]]: memref<64x128xf32>)
// CHECK: %[[ROW:.*]] = arith.constant 128 : index
// CHECK: %[[ONE:.*]] = arith.constant 1.0
// CHECK: scf.while (%[[ITEM:.*]] = %[[BEGIN]])
// CHECK: arith.cmpi slt, %[[ITEM]], %[[END]]
// CHECK: %[[J0:.*]] = arith.remui %{{.*}}, %[[ROW]]
// CHECK: %[[I:.*]] = arith.divui %{{.*}}, %[[ROW]]
// CHECK: %[[START:.*]] = arith.subi %{{.*}}, %[[J0]]
// CHECK: %[[ROWEND:.*]] = arith.minsi %[[END]], %{{.*}}
// CHECK: %[[JEND:.*]] = arith.subi %[[ROWEND]], %[[START]]
// CHECK: scf.for %[[J:.*]] = %[[J0]] to %[[JEND]]
// CHECK: memref.load %[[PA]][%[[I]], %[[J]]]
// CHECK: arith.addf %{{.*}}, %[[PS]]
// CHECK: arith.addf %{{.*}}, %[[ONE]]
// CHECK: memref.store %{{.*}}, %[[PB]][%[[I]], %[[J]]]
// CHECK: } {loop_annotation = #[[ANNOTATION]]}
// CHECK: scf.yield %[[ROWEND]]
func.func @add_2d(%a: memref<64x128xf32>, %b: memref<64x128xf32>, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  %one = arith.constant 1.0 : f32
  scf.parallel (%i, %j) = (%c0, %c0) to (%c64, %c128) step (%c1, %c1) {
    %x = memref.load %a[%i, %j] : memref<64x128xf32>
    %y = arith.addf %x, %s : f32
    %z = arith.addf %y, %one : f32
    memref.store %z, %b[%i, %j] : memref<64x128xf32>
    scf.reduce
  }
  return
}

// -----

// A 1-D loop runs its chunk as one scf.for; lower bounds and steps other
// than 0 and 1 map the item back to the induction variable. The inner
// reduction loop counts 100 times towards the work (303 per item), so the
// grain is small.
// CHECK-LABEL: func.func @strided_sums
// CHECK: jaxc_rt.parallel_for @strided_sums_parallel(%{{.*}}, %{{.*}}) count 50 grain 28
// CHECK: func.func private @strided_sums_parallel(%[[BEGIN:.*]]: index, %[[END:.*]]: index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NOT: scf.while
// CHECK: scf.for %[[K:.*]] = %[[BEGIN]] to %[[END]]
// CHECK: %[[SCALED:.*]] = arith.muli %[[K]], %[[C2]]
// CHECK: %[[I:.*]] = arith.addi %[[SCALED]], %[[C4]]
// CHECK: scf.for
// CHECK: memref.load %{{.*}}[%[[I]], %{{.*}}]
func.func @strided_sums(%in: memref<104x100xf32>, %out: memref<104xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c100 = arith.constant 100 : index
  %c104 = arith.constant 104 : index
  %zero = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c4) to (%c104) step (%c2) {
    %sum = scf.for %k = %c0 to %c100 step %c1 iter_args(%acc = %zero) -> f32 {
      %x = memref.load %in[%i, %k] : memref<104x100xf32>
      %s = arith.addf %acc, %x : f32
      scf.yield %s : f32
    }
    memref.store %sum, %out[%i] : memref<104xf32>
    scf.reduce
  }
  return
}

// -----

// Too little work to be worth a thread handoff.
// CHECK-LABEL: func.func @small
// CHECK: scf.parallel
// CHECK-NOT: jaxc_rt.parallel_for
func.func @small(%a: memref<100xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c100 = arith.constant 100 : index
  %one = arith.constant 1.0 : f32
  scf.parallel (%i) = (%c0) to (%c100) step (%c1) {
    memref.store %one, %a[%i] : memref<100xf32>
    scf.reduce
  }
  return
}

// -----

// A dynamically shaped capture stays serial, and so do dynamic bounds.
// CHECK-LABEL: func.func @dynamic
// CHECK-COUNT-2: scf.parallel
// CHECK-NOT: jaxc_rt.parallel_for
func.func @dynamic(%a: memref<?xf32>, %b: memref<100000xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c100000 = arith.constant 100000 : index
  %one = arith.constant 1.0 : f32
  scf.parallel (%i) = (%c0) to (%c100000) step (%c1) {
    memref.store %one, %a[%i] : memref<?xf32>
    scf.reduce
  }
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    memref.store %one, %b[%i] : memref<100000xf32>
    scf.reduce
  }
  return
}

// -----

// A body calling a function of the module might reach the runtime, which a
// pool thread cannot: it stays serial. A libm declaration is fine.
// CHECK-LABEL: func.func @calls
// CHECK: scf.parallel
// CHECK: call @defined
// CHECK: jaxc_rt.parallel_for @calls_parallel
// CHECK: func.func private @calls_parallel
// CHECK: call @helper
func.func private @helper(f32) -> f32
func.func private @defined(%x: f32) -> f32 {
  return %x : f32
}
func.func @calls(%a: memref<100000xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c100000 = arith.constant 100000 : index
  scf.parallel (%i) = (%c0) to (%c100000) step (%c1) {
    %x = memref.load %a[%i] : memref<100000xf32>
    %y = func.call @defined(%x) : (f32) -> f32
    memref.store %y, %a[%i] : memref<100000xf32>
    scf.reduce
  }
  scf.parallel (%i) = (%c0) to (%c100000) step (%c1) {
    %x = memref.load %a[%i] : memref<100000xf32>
    %y = func.call @helper(%x) : (f32) -> f32
    memref.store %y, %a[%i] : memref<100000xf32>
    scf.reduce
  }
  return
}

// -----

// A 1-D loop that stores a buffer of at least streaming-store-bytes: items
// up to the first 64-byte line of the stored buffer (from its address) and
// after the last whole block of four vectors run as the scalar row; the
// blocks in between run on vector<16xf32> with non-temporal stores, then a
// fence orders those stores before the chunk ends.
// CHECK-LABEL: func.func private @streaming_parallel
// CHECK-SAME: (%[[BEGIN:.*]]: index, %[[END:.*]]: index, %[[A:.*]]: memref<262144xf32>, %[[S:.*]]: f32, %[[B:.*]]: memref<262144xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C63:.*]] = arith.constant 63 : index
// CHECK-DAG: %[[C64:.*]] = arith.constant 64 : index
// CHECK-DAG: %[[C16:.*]] = arith.constant 16 : index
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.0
// CHECK: %[[BYTES:.*]] = arith.muli %{{.*}}, %[[C4]]
// CHECK: %[[BASE:.*]] = memref.extract_aligned_pointer_as_index %[[B]]
// CHECK: %[[ADDRESS:.*]] = arith.addi %[[BASE]], %[[BYTES]]
// CHECK: %[[NEG:.*]] = arith.subi %[[C0]], %[[ADDRESS]]
// CHECK: %[[GAP:.*]] = arith.andi %[[NEG]], %[[C63]]
// CHECK: %[[REM:.*]] = arith.remui %[[GAP]], %[[C4]]
// CHECK: %[[REACHABLE:.*]] = arith.cmpi eq, %[[REM]], %[[C0]]
// CHECK: %[[GAPITEMS:.*]] = arith.divui %[[GAP]], %[[C4]]
// CHECK: %[[FIRST:.*]] = arith.addi %[[BEGIN]], %[[GAPITEMS]]
// CHECK: %[[CLAMPED:.*]] = arith.minui %[[FIRST]], %[[END]]
// CHECK: %[[VBEGIN:.*]] = arith.select %[[REACHABLE]], %[[CLAMPED]], %[[END]]
// CHECK: %[[LEFT:.*]] = arith.subi %[[END]], %[[VBEGIN]]
// CHECK: %[[BLOCKS:.*]] = arith.divui %[[LEFT]], %[[C64]]
// CHECK: %[[SPAN:.*]] = arith.muli %[[BLOCKS]], %[[C64]]
// CHECK: %[[VEND:.*]] = arith.addi %[[VBEGIN]], %[[SPAN]]
// CHECK: scf.for %[[I:.*]] = %[[BEGIN]] to %[[VBEGIN]]
// CHECK: memref.store %{{.*}}, %[[B]][%[[I]]]
// CHECK: } {loop_annotation
// CHECK-DAG: %[[SV:.*]] = vector.broadcast %[[S]] : f32 to vector<16xf32>
// CHECK-DAG: %[[ONEV:.*]] = vector.broadcast %[[ONE]] : f32 to vector<16xf32>
// CHECK: scf.for %[[V:.*]] = %[[VBEGIN]] to %[[VEND]] step %[[C64]]
// CHECK: %[[X:.*]] = vector.load %[[A]][%[[V]]] : memref<262144xf32>, vector<16xf32>
// CHECK: %[[Y:.*]] = arith.addf %[[X]], %[[SV]] : vector<16xf32>
// CHECK: %[[T:.*]] = math.tanh %[[Y]] : vector<16xf32>
// CHECK: %[[Z:.*]] = arith.addf %[[T]], %[[ONEV]] : vector<16xf32>
// CHECK: vector.store %[[Z]], %[[B]][%[[V]]] {alignment = 64 : i64, nontemporal = true}
// CHECK: %[[V16:.*]] = arith.addi %[[V]], %[[C16]]
// CHECK: vector.load %[[A]][%[[V16]]]
// CHECK: vector.store %{{.*}}, %[[B]][%[[V16]]] {alignment = 64 : i64, nontemporal = true}
// CHECK-COUNT-2: vector.store {{.*}} {alignment = 64 : i64, nontemporal = true}
// CHECK-NOT: vector.store
// CHECK: scf.for %[[J:.*]] = %[[VEND]] to %[[END]]
// CHECK: memref.store %{{.*}}, %[[B]][%[[J]]]
// CHECK: llvm.call_intrinsic "llvm.x86.sse.sfence"()
// CHECK-NEXT: return
func.func @streaming(%a: memref<262144xf32>, %b: memref<262144xf32>, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant 262144 : index
  %one = arith.constant 1.0 : f32
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %x = memref.load %a[%i] : memref<262144xf32>
    %y = arith.addf %x, %s : f32
    %t = math.tanh %y : f32
    %z = arith.addf %t, %one : f32
    memref.store %z, %b[%i] : memref<262144xf32>
    scf.reduce
  }
  return
}

// -----

// No streaming stores: a buffer below streaming-store-bytes, a math op that
// becomes a libm call (sin), an i1 buffer (bits in a vector, bytes in
// memory), a load at another index.
// CHECK-LABEL: func.func @not_streaming
// CHECK-COUNT-4: jaxc_rt.parallel_for
// CHECK-NOT: vector.
// CHECK-NOT: llvm.call_intrinsic
func.func @not_streaming(%small: memref<200000xf32>, %a: memref<262144xf32>,
                         %b: memref<262144xf32>, %p: memref<2097152xi1>,
                         %c: memref<262145xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c200000 = arith.constant 200000 : index
  %n = arith.constant 262144 : index
  %bits = arith.constant 2097152 : index
  %one = arith.constant 1.0 : f32
  %true = arith.constant true
  scf.parallel (%i) = (%c0) to (%c200000) step (%c1) {
    %x = memref.load %small[%i] : memref<200000xf32>
    %y = arith.addf %x, %one : f32
    memref.store %y, %small[%i] : memref<200000xf32>
    scf.reduce
  }
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %x = memref.load %a[%i] : memref<262144xf32>
    %y = math.sin %x : f32
    memref.store %y, %b[%i] : memref<262144xf32>
    scf.reduce
  }
  scf.parallel (%i) = (%c0) to (%bits) step (%c1) {
    memref.store %true, %p[%i] : memref<2097152xi1>
    scf.reduce
  }
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %next = arith.addi %i, %c1 : index
    %x = memref.load %c[%next] : memref<262145xf32>
    memref.store %x, %b[%i] : memref<262144xf32>
    scf.reduce
  }
  return
}

// -----

// A buffer allocated here and passed once is noalias in the body; the
// caller's argument is not.
// CHECK-LABEL: func.func @fresh_buffer
// CHECK: func.func private @fresh_buffer_parallel(%{{.*}}: index, %{{.*}}: index, %{{.*}}: memref<64x128xf32>, %{{.*}}: memref<64x128xf32> {llvm.noalias})
func.func @fresh_buffer(%a: memref<64x128xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  %b = memref.alloc() : memref<64x128xf32>
  scf.parallel (%i, %j) = (%c0, %c0) to (%c64, %c128) step (%c1, %c1) {
    %x = memref.load %a[%i, %j] : memref<64x128xf32>
    memref.store %x, %b[%i, %j] : memref<64x128xf32>
  }
  memref.dealloc %b : memref<64x128xf32>
  return
}
