// End to end: known answers of fft, triangular_solve and rng_bit_generator
// (Random123's Threefry-2x32 and Philox-4x32 vectors, in XLA's state
// layout); the program checks its own results, so a wrong one fails the run.
// RUN: jaxc run-mlir %S/Inputs/fft_triangular_solve_rng.mlir | FileCheck %s
// CHECK: 2xui32=1797259609 2579123966
// CHECK: 2xui64=0 1
// CHECK: 2x1xf32=[1][2]
// CHECK: 4xcomplex<f32>=10+0j -2+2j -2+0j -2-2j
