// Test files in the StableHLO interpreter's and IREE's forms run with
// run-mlir: every zero-argument function of every `// -----` section.

// RUN: not jaxc run-mlir %S/Inputs/interpreter_form.mlir > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=INTERP < %t.out
// RUN: FileCheck %s --check-prefix=INTERP-ERR < %t.err
// INTERP: EXEC @add_op_test_ui8
// INTERP: EXEC @divide_op_test_f64
// INTERP: EXEC @sqrt_close
// INTERP: EXEC @wrong_on_purpose
// INTERP-ERR-NOT: FAIL @add_op_test_ui8
// INTERP-ERR: FAIL @wrong_on_purpose: {{.*}}interpreter_form.mlir:34:3: check.expect_eq failed at index [1] (flat 1): actual 2, expected 3
// RUN: jaxc run-mlir %S/Inputs/interpreter_form.mlir; test $? = 1

// RUN: jaxc run-mlir %S/Inputs/iree_form.mlir | FileCheck %s --check-prefix=IREE
// IREE: EXEC @tensor
// IREE: EXEC @scalar

// A single module file holds one section.
// RUN: not jaxc compile %S/Inputs/interpreter_form.mlir -o %t.vmfb 2>&1 | FileCheck %s --check-prefix=SPLIT
// SPLIT: has 3 sections split by `// -----`

// conformance reports each file once.
// RUN: not jaxc conformance %S/Inputs/interpreter_form.mlir %S/Inputs/iree_form.mlir | FileCheck %s --check-prefix=CONF
// CONF-DAG: FAIL {{.*}}interpreter_form.mlir
// CONF-DAG: PASS {{.*}}iree_form.mlir
// CONF: 1 passed, 1 failed
