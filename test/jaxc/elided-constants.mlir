// A JAX export without its weights: `jaxc compile` names the elided constant
// and the flag, and exits 3 (an error, not an unsupported op); with
// --fill-elided-constants it compiles, and the filled values are the same
// every time.

// RUN: rm -f %t.vmfb
// RUN: not jaxc compile %s -o %t.vmfb 2>&1 | FileCheck %s --check-prefix=ERROR
// ERROR: elided-constants.mlir:[[@LINE+12]]:12: error: 'stablehlo.constant' op constant's data was elided from the export (dense_resource<__elided__>); pass --fill-elided-constants to fill it
// RUN: jaxc compile %s -o %t.vmfb; test $? = 3
// RUN: not test -e %t.vmfb

// RUN: jaxc compile %s --fill-elided-constants -o %t.vmfb
// RUN: jaxc run --module=%t.vmfb --input=4xf32 | FileCheck %s
// RUN: jaxc compile %s --fill-elided-constants -o %t.again.vmfb
// RUN: jaxc run --module=%t.again.vmfb --input=4xf32 | FileCheck %s
// CHECK: 4xf32=0.383311 -0.068472 -0.473566 0.470882

module @jit_f attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<4xf32>) -> (tensor<4xf32> {jax.result_info = ""}) {
    %cst = stablehlo.constant dense_resource<__elided__> : tensor<4xf32>
    %0 = stablehlo.add %arg0, %cst : tensor<4xf32>
    return %0 : tensor<4xf32>
  }
}
