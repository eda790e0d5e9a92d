// jnp.linalg.cholesky as JAX exports it: a lapack_spotrf_ffi custom call
// that the runtime runs on the system's LAPACK. Without the library the
// call fails naming the routine and the library, and the tool says so.

// RUN: jaxc compile %S/Inputs/lapack_cholesky.mlir -o %t.vmfb
// RUN: jaxc run --module=%t.vmfb --function=main --input=2x2xf32=4,2,2,5 | FileCheck %s
// CHECK: 2x2xf32=[2 0][1 2]

// A matrix that is not positive definite: JAX turns LAPACK's info > 0 into
// NaNs (then zeroes the upper triangle).
// RUN: jaxc run --module=%t.vmfb --function=main --input=2x2xf32=1,2,2,1 | FileCheck %s --check-prefix=NOT-SPD
// NOT-SPD: 2x2xf32=[nan 0][nan nan]

// RUN: env JAXC_LAPACK_LIBRARY=libjaxc-no-such-lapack.so.3 not jaxc run --module=%t.vmfb --function=main --input=2x2xf32=4,2,2,5 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: LAPACK routine spotrf: cannot load libjaxc-no-such-lapack.so.3
