// Constant globals of at least min-bytes move into the module's
// jaxc.constants blob, 64-byte aligned, in order; their uses read the
// exported jaxc_constants pointer and add the offset. Splats are expanded;
// smaller globals, i1 data (bits in MLIR, bytes in memory), mutable
// globals and globals used other than by address stay.

// RUN: jaxc-opt %s --jaxc-externalize-constants=min-bytes=8 | FileCheck %s

// CHECK: module attributes {jaxc.constants = dense_resource<jaxc_constants> : tensor<144xi8>}
// CHECK: llvm.mlir.global external @jaxc_constants() {{.*}}dso_local{{.*}} : !llvm.ptr
// CHECK-NEXT: llvm.mlir.zero : !llvm.ptr
// CHECK-NOT: @weights
// CHECK-NOT: @splat
// CHECK: llvm.mlir.global private constant @small(dense<1.000000e+00> : tensor<1xf32>)
// CHECK: llvm.mlir.global private constant @bits(
// CHECK: llvm.mlir.global private @mutable(
// CHECK-NOT: @ints

// CHECK-LABEL: llvm.func @read
// CHECK: %[[SLOT:.*]] = llvm.mlir.addressof @jaxc_constants : !llvm.ptr
// CHECK: %[[BASE:.*]] = llvm.load %[[SLOT]] invariant {alignment = 8 : i64} : !llvm.ptr -> !llvm.ptr
// CHECK: %[[OFFSET:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK: %[[W:.*]] = llvm.getelementptr inbounds %[[BASE]][%[[OFFSET]]] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK: llvm.load %[[W]] : !llvm.ptr -> f32
// CHECK: llvm.mlir.constant(64 : i64) : i64
// CHECK: llvm.mlir.constant(128 : i64) : i64
// CHECK: llvm.mlir.addressof @small
// CHECK: llvm.mlir.addressof @bits
// CHECK: llvm.mlir.addressof @mutable

// The blob: the four floats, zeros to offset 64, the splat's 12 bytes,
// zeros to 128, then the i16s (little-endian).
// CHECK: jaxc_constants: "0x40000000
// CHECK-SAME: 0000803F000000400000404000008040{{(00)+}}000020C1000020C1000020C1{{(00)+}}010002000300040005000600FFFF0080"

module {
  llvm.mlir.global private constant @weights(dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>) {alignment = 64 : i64} : !llvm.array<4 x f32>
  llvm.mlir.global private constant @splat(dense<-10.0> : tensor<3xf32>) : !llvm.array<3 x f32>
  llvm.mlir.global private constant @small(dense<1.0> : tensor<1xf32>) : !llvm.array<1 x f32>
  llvm.mlir.global private constant @ints(dense<[1, 2, 3, 4, 5, 6, -1, -32768]> : tensor<8xi16>) : !llvm.array<8 x i16>
  llvm.mlir.global private constant @bits(dense<[true, false, true, true, false, false, true, true, false, true]> : tensor<10xi1>) : !llvm.array<10 x i1>
  llvm.mlir.global private @mutable(dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>) : !llvm.array<4 x f32>

  llvm.func @read() -> f32 {
    %0 = llvm.mlir.addressof @weights : !llvm.ptr
    %1 = llvm.load %0 : !llvm.ptr -> f32
    %2 = llvm.mlir.addressof @splat : !llvm.ptr
    %3 = llvm.load %2 : !llvm.ptr -> f32
    %4 = llvm.mlir.addressof @ints : !llvm.ptr
    %5 = llvm.load %4 : !llvm.ptr -> i16
    %6 = llvm.mlir.addressof @small : !llvm.ptr
    %7 = llvm.load %6 : !llvm.ptr -> f32
    %8 = llvm.mlir.addressof @bits : !llvm.ptr
    %9 = llvm.load %8 : !llvm.ptr -> i1
    %10 = llvm.mlir.addressof @mutable : !llvm.ptr
    %11 = llvm.load %10 : !llvm.ptr -> f32
    %12 = llvm.fadd %1, %3 : f32
    %13 = llvm.fadd %12, %7 : f32
    %14 = llvm.fadd %13, %11 : f32
    llvm.return %14 : f32
  }
}
