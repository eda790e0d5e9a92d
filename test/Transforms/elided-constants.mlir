// Constants whose data JAX elided: one error at the first by default; with
// fill, the same pseudo-random data on every run (splitmix64 seeded 0, 1, 2,
// ... in walk order; floats in [-0.5, 0.5), small integers).

// RUN: not jaxc-opt %s --jaxc-elided-constants 2>&1 | FileCheck %s --check-prefix=ERROR
// ERROR: elided-constants.mlir:[[@LINE+12]]:8: error: 'stablehlo.constant' op constant's data was elided from the export (dense_resource<__elided__>); pass --fill-elided-constants to fill it with deterministic pseudo-random values for benchmarking (4 more elided constants follow)

// RUN: jaxc-opt %s --jaxc-elided-constants=fill=true | FileCheck %s
// CHECK: stablehlo.constant dense<[0.383310795, -0.0684720278, -0.473566234, 0.470881939]> : tensor<4xf32>
// CHECK: stablehlo.constant dense<[0.0665615201, 0.24578172, 0.471002698, -0.0556408167]> : tensor<4xf32>
// CHECK: stablehlo.constant dense<[1, 3, 1, 4, -4, -3]> : tensor<6xi32>
// CHECK: stablehlo.constant dense<[false, true, true, false]> : tensor<4xi1>
// CHECK: stablehlo.constant dense<[-6.835930e-02, 3.925780e-01]> : tensor<2xbf16>
// Data that is there is kept.
// CHECK: stablehlo.constant dense<1.000000e+00> : tensor<2xf32>

func.func @main() -> (tensor<4xf32>, tensor<4xf32>, tensor<6xi32>, tensor<4xi1>, tensor<2xbf16>, tensor<2xf32>) {
  %0 = stablehlo.constant dense_resource<__elided__> : tensor<4xf32>
  %1 = stablehlo.constant dense_resource<__elided__> : tensor<4xf32>
  %2 = stablehlo.constant dense_resource<__elided__> : tensor<6xi32>
  %3 = stablehlo.constant dense_resource<__elided__> : tensor<4xi1>
  %4 = stablehlo.constant dense_resource<__elided__> : tensor<2xbf16>
  %5 = stablehlo.constant dense<1.0> : tensor<2xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<4xf32>, tensor<4xf32>, tensor<6xi32>, tensor<4xi1>, tensor<2xbf16>, tensor<2xf32>
}
