// f32 tanh, exp, expm1 and log run as jaxc-vectorizable-math's polynomial
// expansions: within 3 ULP of the correctly rounded result on edge cases
// (signed zeros, infinities, NaN, overflow, gradual underflow) and sample
// points (Inputs/gen_vectorizable_math.py writes the expected values), with
// IEEE subnormals (the default, flush, reads them as zero).
// RUN: jaxc run-mlir --denormals=ieee %S/Inputs/vectorizable_math.mlir 2>&1 | FileCheck %s
// CHECK: EXEC @tanh
// CHECK-NEXT: EXEC @exp
// CHECK-NEXT: EXEC @expm1
// CHECK-NEXT: EXEC @log
// CHECK-NOT: FAIL
