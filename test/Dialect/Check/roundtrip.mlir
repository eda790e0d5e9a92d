// Both spellings of the check ops parse; they print in the interpreter's.
// RUN: jaxc-opt %s | jaxc-opt | FileCheck %s

// CHECK-LABEL: func.func @checks
func.func @checks(%a: tensor<2xf32>, %b: tensor<2xf32>) {
  // CHECK: %[[C:.*]] = util.unfoldable_constant dense<1.000000e+00> : tensor<2xf32>
  %c = util.unfoldable_constant dense<1.0> : tensor<2xf32>
  // CHECK: check.expect_eq %{{.*}}, %{{.*}} : tensor<2xf32>, tensor<2xf32>
  check.expect_eq %a, %b : tensor<2xf32>
  // CHECK: check.expect_eq %{{.*}}, %{{.*}} : tensor<2xf32>, tensor<2xf32>
  check.expect_eq(%a, %c) : tensor<2xf32>
  // CHECK: check.expect_close %{{.*}}, %{{.*}}, max_ulp_difference = 10, min_ulp_difference = 0 : tensor<2xf32>, tensor<2xf32>
  check.expect_close %a, %b, max_ulp_difference = 10, min_ulp_difference = 0 : tensor<2xf32>, tensor<2xf32>
  // CHECK: check.expect_almost_eq_const %{{.*}}, dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  check.expect_almost_eq_const(%a, dense<[1.0, 2.0]> : tensor<2xf32>) : tensor<2xf32>
  // CHECK: check.expect_eq_const %{{.*}}, dense<3.000000e+00> : tensor<2xf32>
  check.expect_eq_const %a, dense<3.0> : tensor<2xf32>
  return
}
