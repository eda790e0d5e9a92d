// --compile-to stops after a phase and prints its IR.
// RUN: jaxc compile %examples/sin_add.mlir --compile-to=input | FileCheck %s --check-prefix=INPUT
// INPUT: stablehlo.sine
// RUN: jaxc compile %examples/sin_add.mlir --compile-to=linalg | FileCheck %s --check-prefix=LINALG
// LINALG: linalg.generic
// LINALG-NOT: stablehlo.
// RUN: jaxc compile %examples/sin_add.mlir --compile-to=bufferized | FileCheck %s --check-prefix=BUF
// BUF: func.func public @main(%arg0: memref<3xf32> {{.*}}, %arg1: memref<3xf32> {{.*}}, %arg2: memref<3xf32>)
// RUN: jaxc compile %examples/sin_add.mlir --compile-to=llvm | FileCheck %s --check-prefix=LLVM
// LLVM: llvm.func @jaxc_entry_main
// RUN: jaxc compile %examples/sin_add.mlir --compile-to=llvmir | FileCheck %s --check-prefix=IR
// IR: define void @jaxc_entry_main(ptr
// RUN: not jaxc compile %examples/sin_add.mlir --compile-to=assembly 2>&1 | FileCheck %s --check-prefix=PHASE
// PHASE: unknown phase 'assembly'; phases: input, linalg, bufferized, llvm, llvmir, module
// MLIR's IR printing works through the phases.
// RUN: jaxc compile %examples/sin_add.mlir --compile-to=linalg --mlir-print-ir-after-all 2>&1 >/dev/null | FileCheck %s --check-prefix=PRINT
// PRINT: IR Dump After ExtractChecksPass
