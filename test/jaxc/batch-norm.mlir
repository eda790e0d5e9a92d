// End to end: batch_norm_training and batch_norm_grad against values
// computed from the spec's formulas; the program checks its own results.
// RUN: jaxc run-mlir %S/Inputs/batch_norm.mlir | FileCheck %s
// CHECK: EXEC @training_spec_example
// CHECK: EXEC @grad_spec_example
// CHECK: EXEC @training_middle_feature
// CHECK: EXEC @grad_middle_feature
// CHECK: EXEC @training_rank1
// CHECK: EXEC @training_f16
// CHECK: EXEC @training_empty_batch
