// Each workload (StableHLO as JAX prints it: sgemm, GELU, a transformer
// block) compiles and runs with shape-only (zero-filled)
// inputs to finite results (--expected_output fails on NaN and infinity),
// and to the known value of an input of splats.

// RUN: jaxc compile %S/Inputs/workloads/sgemm_256.mlir -o %t.sgemm_256.vmfb
// RUN: jaxc run --module=%t.sgemm_256.vmfb --input=256x256xf32 --input=256x256xf32 --expected_output=256x256xf32=0 | FileCheck %s
// RUN: jaxc run --module=%t.sgemm_256.vmfb --input=256x256xf32=1 --input=256x256xf32=0.5 --expected_output=256x256xf32=128 | FileCheck %s
// CHECK: [SUCCESS]

// RUN: jaxc compile %S/Inputs/workloads/sgemm_1024.mlir -o %t.sgemm_1024.vmfb
// RUN: jaxc run --module=%t.sgemm_1024.vmfb --input=1024x1024xf32 --input=1024x1024xf32 --expected_output=1024x1024xf32=0 | FileCheck %s

// gelu(1) = 0.5 * (1 + tanh(sqrt(2 / pi) * (1 + 0.044715))).
// RUN: jaxc compile %S/Inputs/workloads/gelu_16m.mlir -o %t.gelu_16m.vmfb
// RUN: jaxc run --module=%t.gelu_16m.vmfb --input=16777216xf32 --expected_output=16777216xf32=0 | FileCheck %s
// RUN: jaxc run --module=%t.gelu_16m.vmfb --input=16777216xf32=1 --expected_output=16777216xf32=0.841192 | FileCheck %s

// With x = 0, layer norm 1 gives its bias (1), every token the same
// q = k = v = 1 * 256 * 0.01 = 2.56, so attention averages equal rows:
// x1 = 2.56 * 256 * 0.01 = 6.5536. Layer norm 2 gives its bias (0.5), the
// MLP gelu(0.5 * 256 * 0.01) * 1024 * 0.01 = gelu(1.28) * 10.24 = 11.7906,
// and the block x1 + 11.7906 = 18.3442.
// RUN: jaxc compile %S/Inputs/workloads/transformer_block.mlir -o %t.transformer_block.vmfb
// RUN: jaxc run --module=%t.transformer_block.vmfb --input=1x128x256xf32 --input=256xf32 --input=256xf32 --input=256x256xf32 --input=256xf32 --input=256x256xf32 --input=256xf32 --input=256x256xf32 --input=256xf32 --input=256x256xf32 --input=256xf32 --input=256xf32 --input=256xf32 --input=256x1024xf32 --input=1024xf32 --input=1024x256xf32 --input=256xf32 --expected_output=1x128x256xf32=0 | FileCheck %s
// RUN: jaxc run --module=%t.transformer_block.vmfb --input=1x128x256xf32 --input=256xf32 --input=256xf32=1 --input=256x256xf32=0.01 --input=256xf32 --input=256x256xf32=0.01 --input=256xf32 --input=256x256xf32=0.01 --input=256xf32 --input=256x256xf32=0.01 --input=256xf32 --input=256xf32 --input=256xf32=0.5 --input=256x1024xf32=0.01 --input=1024xf32 --input=1024x256xf32=0.01 --input=256xf32 --expected_output=1x128x256xf32=18.3442 --expected_f32_threshold=0.001 | FileCheck %s
