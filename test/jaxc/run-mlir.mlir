// run-mlir compiles in memory and runs; self-checking programs report checks.
// RUN: not jaxc run-mlir %S/Inputs/self_check.mlir 2>&1 | FileCheck %s --check-prefix=FAILED
// RUN: jaxc run-mlir %S/Inputs/self_check.mlir; test $? = 1
// FAILED: check.expect_close failed at index [2]
// FAILED-SAME: actual 3, expected 3.5

// Rank 2 prints in IREE's bracketed form; results keep their order.
// RUN: jaxc run-mlir %S/Inputs/rank2.mlir --input=3x2xf32=1,4,2,5,3,6 --input=2xi32=5,-7 | FileCheck %s --check-prefix=RANK2
// RANK2: 2x3xf32=[1 2 3][4 5 6]
// RANK2: i32=-2

// conformance: one line per file, the family table, and the closing line.
// RUN: not jaxc conformance %S/Inputs/self_check.mlir %S/Inputs/unsupported.mlir %S/Inputs/malformed.mlir --jobs=2 | FileCheck %s --check-prefix=CONF
// CONF-DAG: FAIL {{.*}}self_check.mlir
// CONF-DAG: UNSUPPORTED {{.*}}unsupported.mlir: stablehlo.custom_call
// CONF-DAG: ERROR {{.*}}malformed.mlir
// CONF: 0 passed, 3 failed
