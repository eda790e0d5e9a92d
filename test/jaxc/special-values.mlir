// End to end: special float inputs that gave wrong answers (NaN payloads
// through tanh, erf, erf_inv and i1e; subnormals through log and lgamma;
// chlo.square). The sweep over every op is test/jax/special_values.py.
// IEEE subnormals: the default (flush, as XLA) reads them as zero.
// RUN: jaxc run-mlir --denormals=ieee %S/Inputs/special_values.mlir 2>&1 | FileCheck %s
// CHECK: EXEC @tanh_nan_payloads
// CHECK-NEXT: EXEC @tanh_tiny_and_large
// CHECK-NEXT: EXEC @log_subnormal
// CHECK-NEXT: EXEC @erf_f64_nan_sign
// CHECK-NEXT: EXEC @erf_inv_f16_nan_sign
// CHECK-NEXT: EXEC @bessel_i1e_nan_sign
// CHECK-NEXT: EXEC @lgamma_subnormal
// CHECK-NEXT: EXEC @square
// CHECK-NEXT: EXEC @max_min_signed_zero
// CHECK-NOT: FAIL
