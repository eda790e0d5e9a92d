// Each bad input gives one clear error with the file, line and op, and a
// non-zero exit (2: unsupported, 3: error).

// RUN: not jaxc compile %S/Inputs/malformed.mlir -o %t.vmfb 2>&1 | FileCheck %s --check-prefix=MALFORMED
// MALFORMED: malformed.mlir:3:{{[0-9]+}}: error:
// RUN: not test -e %t.vmfb

// RUN: not jaxc compile %S/Inputs/unsupported.mlir -o %t.vmfb 2>&1 | FileCheck %s --check-prefix=UNSUP
// UNSUP: unsupported.mlir:3:10: error: 'stablehlo.custom_call' op target 'lapack_sgeqrf' is not supported by jaxc yet
// RUN: jaxc compile %S/Inputs/unsupported.mlir -o %t.vmfb; test $? = 2

// RUN: not jaxc compile %S/Inputs/unknown_op.mlir -o %t.vmfb 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: unknown_op.mlir:3:10: error: custom op 'stablehlo.frobnicate' is not supported by jaxc yet (jaxc does not know this op)
// RUN: jaxc compile %S/Inputs/unknown_op.mlir -o %t.vmfb; test $? = 2

// Verifiers refuse what the spec forbids before any lowering reads it.
// RUN: not jaxc run-mlir %S/Inputs/mutated_scatter.mlir --function=main --input=5x2xf32=0 --input=3x1xi32=0 --input=3x2xf32=0 2>&1 | FileCheck %s --check-prefix=MUTATED
// MUTATED: mutated_scatter.mlir:4:8: error: 'stablehlo.scatter' op update_window_dims [2147483648] must lie in [0, 2) (C7, C8)

// RUN: not jaxc compile %S/Inputs/does_not_exist.mlir -o %t.vmfb 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: does_not_exist.mlir: error: {{.*}}No such file or directory

// An existing output survives a failed compile; the input is never the output.
// RUN: echo keep > %t.keep
// RUN: not jaxc compile %S/Inputs/malformed.mlir -o %t.keep
// RUN: grep -q keep %t.keep
// RUN: cp %examples/sin_add.mlir %t.in.mlir
// RUN: not jaxc compile %t.in.mlir -o %t.in.mlir 2>&1 | FileCheck %s --check-prefix=SAME
// SAME: --output would overwrite the input
