// Out-of-bounds scatter updates are skipped element by element (an unsigned
// start index never wraps back into bounds) and gather start indices are
// clamped; the program checks its own results.
// RUN: jaxc run-mlir %S/Inputs/scatter_gather_bounds.mlir | FileCheck %s
// CHECK: 5xi32=21 2 3 54 95
// CHECK: 4xf32=1 20 30 31
// CHECK: 3x2xi32=[0 10][30 40][20 30]
// CHECK: 1x2xi32=[30 40]
