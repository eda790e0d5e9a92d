// End to end: if and case on runtime operands; map, batch_norm_inference
// and result_accuracy check themselves.
// case takes branch i for i in [0, 3) and the last for any other index.
// RUN: jaxc run-mlir %S/Inputs/control_flow_and_more.mlir --input=i1=0 --input=i32=0 | FileCheck %s --check-prefix=ZERO
// ZERO: f32=-1.5
// ZERO: i32=10
// RUN: jaxc run-mlir %S/Inputs/control_flow_and_more.mlir --input=i1=1 --input=i32=1 | FileCheck %s --check-prefix=ONE
// ONE: f32=1.5
// ONE: i32=20
// RUN: jaxc run-mlir %S/Inputs/control_flow_and_more.mlir --input=i1=1 --input=i32=2 | FileCheck %s --check-prefix=TWO
// TWO: f32=1.5
// TWO: i32=32
// RUN: jaxc run-mlir %S/Inputs/control_flow_and_more.mlir --input=i1=0 --input=i32=7 | FileCheck %s --check-prefix=ABOVE
// ABOVE: f32=-1.5
// ABOVE: i32=37
// RUN: jaxc run-mlir %S/Inputs/control_flow_and_more.mlir --input=i1=1 --input=i32=-3 | FileCheck %s --check-prefix=BELOW
// BELOW: f32=1.5
// BELOW: i32=27
