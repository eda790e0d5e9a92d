// if and case branches that yield a constant or a fresh buffer, beside
// another allocation: ownership-based deallocation calls a helper on dynamic
// memrefs, which must still compile under the bare-pointer convention. The
// program checks each branch result; the lines below check the sum.
// RUN: jaxc run-mlir %S/Inputs/branch_buffers.mlir --input=i1=1 --input=i32=0 --input=4xf32=1,2,3,4 | FileCheck %s --check-prefix=CONST
// CONST: 4xf32=11 21 31 41
// CONST: 4xf32=0.5 0.5 0.5 0.5
// RUN: jaxc run-mlir %S/Inputs/branch_buffers.mlir --input=i1=0 --input=i32=1 --input=4xf32=1,2,3,4 | FileCheck %s --check-prefix=FRESH
// FRESH: 4xf32=43 86 129 172
// FRESH: 4xf32=2 4 6 8
// RUN: jaxc run-mlir %S/Inputs/branch_buffers.mlir --input=i1=1 --input=i32=5 --input=4xf32=1,2,3,4 | FileCheck %s --check-prefix=DEFAULT
// DEFAULT: 4xf32=0 0 0 0
