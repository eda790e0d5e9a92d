// End to end: the spec's examples of sort, select_and_scatter and
// convolution, a stable sort with ties and a grouped convolution with
// stride, padding and a reversed window; the program checks its own results.
// RUN: jaxc run-mlir %S/Inputs/sort_select_and_scatter_convolution.mlir | FileCheck %s
// CHECK: 2x3xi64=[3 2 3][1 2 1]
// CHECK: 5xi32=0 1 1 2 2
// CHECK: 4x2xi32=[0 0][0 0][5 14][7 0]
// CHECK: 1x2x2x1xi32={{\[\[\[}}10][26]]{{\[\[}}46][62]]]
// CHECK: 1x4x3xi32={{\[\[}}22 28 6][14 27 24][10 63 87][24 72 22]]
