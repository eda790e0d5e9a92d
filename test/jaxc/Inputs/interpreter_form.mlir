// The StableHLO interpreter's test form: zero-argument functions, check
// dialect ops, sections split by `// -----`.
func.func @add_op_test_ui8() {
  %0 = stablehlo.constant dense<[0, 16, 255]> : tensor<3xui8>
  %1 = stablehlo.constant dense<[255, 16, 1]> : tensor<3xui8>
  %2 = stablehlo.add %0, %1 : tensor<3xui8>
  check.expect_eq_const %2, dense<[255, 32, 0]> : tensor<3xui8>
  func.return
}

// -----

func.func @divide_op_test_f64() {
  %lhs = stablehlo.constant dense<[17.1, -17.1]> : tensor<2xf64>
  %rhs = stablehlo.constant dense<[3.0, 3.0]> : tensor<2xf64>
  %result = stablehlo.divide %lhs, %rhs : tensor<2xf64>
  check.expect_almost_eq_const %result, dense<[5.700000e+00, -5.700000e+00]> : tensor<2xf64>
  func.return
}

func.func @sqrt_close() {
  %x = stablehlo.constant dense<[2.0, 9.0]> : tensor<2xf32>
  %y = stablehlo.sqrt %x : tensor<2xf32>
  %e = stablehlo.constant dense<[1.41421354, 3.0]> : tensor<2xf32>
  check.expect_close %y, %e, max_ulp_difference = 1 : tensor<2xf32>, tensor<2xf32>
  check.expect_eq %y, %y : tensor<2xf32>
  func.return
}

// -----

func.func @wrong_on_purpose() {
  %0 = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
  check.expect_eq_const %0, dense<[1, 3]> : tensor<2xi32>
  func.return
}
