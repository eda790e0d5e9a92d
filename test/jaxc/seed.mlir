// The seed program through the CLI, as README shows it.
// RUN: jaxc compile %examples/sin_add.mlir --output=%t.vmfb --iree-hal-target-backends=llvm-cpu
// RUN: jaxc run --module=%t.vmfb --function=main --input=3xf32=1,2,3 --input=3xf32=4,5,6 | FileCheck %s
// CHECK: EXEC @main
// CHECK-NEXT: result[0]: hal.buffer_view
// CHECK-NEXT: 3xf32=4.84147 5.9093 6.14112

// -o is --output; local-task as a backend compiles for llvm-cpu with a note.
// RUN: jaxc compile %examples/sin_add.mlir -o %t.task.vmfb --iree-hal-target-backends=local-task 2>&1 | FileCheck %s --check-prefix=TASK
// TASK: note: local-task is a runtime device {{.*}} compiling for llvm-cpu
// RUN: jaxc run --module=%t.task.vmfb --device=local-task --input=3xf32=1,2,3 --input=3xf32=4,5,6 | FileCheck %s

// RUN: not jaxc compile %examples/sin_add.mlir -o %t.bad.vmfb --iree-hal-target-backends=vulkan 2>&1 | FileCheck %s --check-prefix=BACKEND
// BACKEND: error: unknown target backend 'vulkan'; jaxc has: llvm-cpu

// --expected_output compares instead of printing.
// RUN: jaxc run --module=%t.vmfb --input=3xf32=1,2,3 --input=3xf32=4,5,6 --expected_output=3xf32=4.84147,5.9093,6.14112 | FileCheck %s --check-prefix=MATCH
// MATCH: [SUCCESS]
// RUN: not jaxc run --module=%t.vmfb --input=3xf32=1,2,3 --input=3xf32=4,5,6 --expected_output=3xf32=4.84147,5.9,6.14112 2>&1 | FileCheck %s --check-prefix=MISMATCH
// MISMATCH: mismatch at [1]

// NumPy files in and out.
// RUN: jaxc run --module=%t.vmfb --input=3xf32=1,2,3 --input=3xf32=4,5,6 --output=@%t.npy
// RUN: jaxc run --module=%t.vmfb --input=@%t.npy --input=3xf32=0,0,0 | FileCheck %s --check-prefix=NPY
// NPY: 3xf32=-0.991681 -0.365237 -0.141588

// inspect shows the signature and JAX's result name.
// RUN: jaxc inspect %t.vmfb | FileCheck %s --check-prefix=INSPECT
// INSPECT: format 5
// INSPECT: denormals flush
// INSPECT: @main(3xf32, 3xf32) -> (3xf32 "result")
