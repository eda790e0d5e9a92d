// Byte-per-element i1 hex constants (as JAX prints them) are repacked before
// parsing; the program checks their values.
// RUN: jaxc run-mlir %S/Inputs/bool_hex.mlir --function=main | FileCheck %s
// CHECK: i1=1
