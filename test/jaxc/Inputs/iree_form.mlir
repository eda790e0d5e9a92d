// IREE's e2e test form: util.unfoldable_constant inputs, parenthesized
// check ops, one zero-argument function per case.
func.func @tensor() {
  %lhs = util.unfoldable_constant dense<[1.0, 2.0, 7.0, 4.0]> : tensor<4xf32>
  %rhs = util.unfoldable_constant dense<[5.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %result = stablehlo.minimum %lhs, %rhs : tensor<4xf32>
  check.expect_almost_eq_const(%result, dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>) : tensor<4xf32>
  return
}

func.func @scalar() {
  %lhs = util.unfoldable_constant dense<3> : tensor<i32>
  %rhs = util.unfoldable_constant dense<-2> : tensor<i32>
  %result = stablehlo.multiply %lhs, %rhs : tensor<i32>
  %expected = util.unfoldable_constant dense<-6> : tensor<i32>
  check.expect_eq(%result, %expected) : tensor<i32>
  check.expect_eq_const(%result, dense<-6> : tensor<i32>) : tensor<i32>
  return
}
