// End to end: bitcast_convert between element types of different widths,
// both directions, integers and floats, rank 0 and empty; the program checks
// its own results, so a wrong one fails the run.
// RUN: jaxc run-mlir %S/Inputs/bitcast_convert.mlir | FileCheck %s
// CHECK: EXEC @ui64_to_ui32
// CHECK: EXEC @ui32_to_ui64
// CHECK: EXEC @f32_to_i16
// CHECK: EXEC @i8_groups
// CHECK: EXEC @f64_to_f16
// CHECK: EXEC @to_wide_floats
// CHECK: EXEC @rank0_and_empty
