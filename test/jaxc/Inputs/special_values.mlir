// Special float inputs whose answers were wrong (test/jax/special_values.py
// finds them against XLA). NaN results are compared as bits: the sign and
// payload of a NaN input survive (a signalling NaN comes out quiet), as in
// XLA. Run with --denormals=ieee: subnormal inputs get IEEE gradual
// underflow (XLA on CPU, and jaxc by default, flush them to zero); expected
// values are libm's in double precision, rounded.

// tanh's exponent-bit scaling turned NaNs with payloads into finite numbers
// (0x7FFFFFFF gave 1, 0x7FC00001 gave 1/3).
func.func @tanh_nan_payloads() {
  %x = util.unfoldable_constant dense<[0x7FC00000, 0x7FC00001, 0xFFC00000, 0x7FFFFFFF, 0xFFFFFFFF, 0x7F800001, 0xFF800001]> : tensor<7xf32>
  %y = stablehlo.tanh %x : tensor<7xf32>
  %bits = stablehlo.bitcast_convert %y : (tensor<7xf32>) -> tensor<7xui32>
  check.expect_eq_const %bits, dense<[2143289344, 2143289345, 4290772992, 2147483647, 4294967295, 2143289345, 4290772993]> : tensor<7xui32>
  return
}

// Tiny tanh is x itself; 9.25 is the cap, inf is past it.
func.func @tanh_tiny_and_large() {
  %x = util.unfoldable_constant dense<[0x00000001, 0x80000001, 0x007FFFFF, 0x80000000, 9.25, 0x7F800000, 0xFF800000]> : tensor<7xf32>
  %y = stablehlo.tanh %x : tensor<7xf32>
  check.expect_eq_const %y, dense<[0x00000001, 0x80000001, 0x007FFFFF, 0x80000000, 1.0, 1.0, -1.0]> : tensor<7xf32>
  return
}

// MLIR's log approximation read a subnormal's exponent from its bits:
// log(0x00000001) was -87.34.
func.func @log_subnormal() {
  %x = util.unfoldable_constant dense<[0x00000001, 0x00000100, 0x00400000, 0x007FFFFF, 0x00800000, 0x80000001, 0x00000000]> : tensor<7xf32>
  %y = stablehlo.log %x : tensor<7xf32>
  %e = util.unfoldable_constant dense<[-1.032789307e+02, -9.773374939e+01, -8.802969360e+01, -8.733654785e+01, -8.733654785e+01, 0x7FC00000, 0xFF800000]> : tensor<7xf32>
  check.expect_close %y, %e, max_ulp_difference = 1 : tensor<7xf32>, tensor<7xf32>
  return
}

// -x^2 inside erf's f64 formula flipped a NaN's sign.
func.func @erf_f64_nan_sign() {
  %x = util.unfoldable_constant dense<[0x7FF8000000000000, 0xFFF8000000000000, 0x7FF0000000000001]> : tensor<3xf64>
  %y = chlo.erf %x : tensor<3xf64> -> tensor<3xf64>
  %bits = stablehlo.bitcast_convert %y : (tensor<3xf64>) -> tensor<3xui64>
  check.expect_eq_const %bits, dense<[9221120237041090560, 18444492273895866368, 9221120237041090561]> : tensor<3xui64>
  return
}

// erf_inv (here f16, computed in f32) flipped it too.
func.func @erf_inv_f16_nan_sign() {
  %x = util.unfoldable_constant dense<[0x7E00, 0xFE00, 0x7C01, 0xFC01]> : tensor<4xf16>
  %y = chlo.erf_inv %x : tensor<4xf16> -> tensor<4xf16>
  %bits = stablehlo.bitcast_convert %y : (tensor<4xf16>) -> tensor<4xui16>
  check.expect_eq_const %bits, dense<[32256, 65024, 32257, 65025]> : tensor<4xui16>
  return
}

// i1e multiplied by sign(x): a negative NaN came out positive.
func.func @bessel_i1e_nan_sign() {
  %x = util.unfoldable_constant dense<[0xFFC00000, 0xFFFFFFFF, 0xFF800001]> : tensor<3xf32>
  %y = chlo.bessel_i1e %x : tensor<3xf32> -> tensor<3xf32>
  %bits = stablehlo.bitcast_convert %y : (tensor<3xf32>) -> tensor<3xui32>
  check.expect_eq_const %bits, dense<[4290772992, 4294967295, 4290772993]> : tensor<3xui32>
  return
}

// lgamma(x) = -log|x| for tiny x; pi x rounded a subnormal x to a few bits
// (lgamma(5e-324) was 744.486).
func.func @lgamma_subnormal() {
  %x = util.unfoldable_constant dense<[4.9406564584124654e-324, -4.9406564584124654e-324, 1.0e-300]> : tensor<3xf64>
  %y = chlo.lgamma %x : tensor<3xf64> -> tensor<3xf64>
  %e = util.unfoldable_constant dense<[744.44007192138122, 744.44007192138122, 690.77552789821368]> : tensor<3xf64>
  check.expect_close %y, %e, max_ulp_difference = 4 : tensor<3xf64>, tensor<3xf64>
  %x32 = util.unfoldable_constant dense<[0x00000001]> : tensor<1xf32>
  %y32 = chlo.lgamma %x32 : tensor<1xf32> -> tensor<1xf32>
  %e32 = util.unfoldable_constant dense<[1.032789307e+02]> : tensor<1xf32>
  check.expect_close %y32, %e32, max_ulp_difference = 4 : tensor<1xf32>, tensor<1xf32>
  return
}

// jnp.square of floats is chlo.square.
func.func @square() {
  %x = util.unfoldable_constant dense<[0x80000000, 3.0, -0.5, 0xFF800000, 0x7FC00000]> : tensor<5xf32>
  %y = chlo.square %x : tensor<5xf32> -> tensor<5xf32>
  check.expect_eq_const %y, dense<[0.0, 9.0, 0.25, 0x7F800000, 0x7FC00000]> : tensor<5xf32>
  %z = util.unfoldable_constant dense<[(1.0, 2.0), (0.0, -3.0)]> : tensor<2xcomplex<f32>>
  %zz = chlo.square %z : tensor<2xcomplex<f32>> -> tensor<2xcomplex<f32>>
  check.expect_eq_const %zz, dense<[(-3.0, 4.0), (-9.0, 0.0)]> : tensor<2xcomplex<f32>>
  return
}

// max and min order -0 below +0 (arith-expand-ops' expansion of maximumf
// gave max(+0, -0) = -0 and min(-0, +0) = +0); a NaN operand gives NaN.
func.func @max_min_signed_zero() {
  %a = util.unfoldable_constant dense<[0.0, -0.0, -0.0, 0.0, 0x7FF8000000000000, 1.0]> : tensor<6xf64>
  %b = util.unfoldable_constant dense<[-0.0, 0.0, -0.0, 0.0, 1.0, 0x7FF8000000000000]> : tensor<6xf64>
  %max = stablehlo.maximum %a, %b : tensor<6xf64>
  %min = stablehlo.minimum %a, %b : tensor<6xf64>
  %max_bits = stablehlo.bitcast_convert %max : (tensor<6xf64>) -> tensor<6xui64>
  %min_bits = stablehlo.bitcast_convert %min : (tensor<6xf64>) -> tensor<6xui64>
  check.expect_eq_const %max_bits, dense<[0, 0, 9223372036854775808, 0, 9221120237041090560, 9221120237041090560]> : tensor<6xui64>
  check.expect_eq_const %min_bits, dense<[9223372036854775808, 9223372036854775808, 9223372036854775808, 0, 9221120237041090560, 9221120237041090560]> : tensor<6xui64>
  return
}
