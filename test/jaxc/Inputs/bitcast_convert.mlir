// bitcast_convert between element types of different widths: the narrower
// side has a trailing dimension of the width ratio whose element 0 holds the
// lowest bits (little-endian). Expected values computed by hand (Python's
// struct module).

func.func @ui64_to_ui32() {
  %x = stablehlo.constant dense<[81985529216486895, 1, 18446744069414584320, 9223372036854775808]> : tensor<4xui64>
  %y = stablehlo.bitcast_convert %x : (tensor<4xui64>) -> tensor<4x2xui32>
  check.expect_eq_const %y, dense<[[2309737967, 19088743], [1, 0], [0, 4294967295], [0, 2147483648]]> : tensor<4x2xui32>
  func.return
}

func.func @ui32_to_ui64() {
  %x = stablehlo.constant dense<[[2309737967, 19088743], [1, 0], [0, 4294967295], [0, 2147483648]]> : tensor<4x2xui32>
  %y = stablehlo.bitcast_convert %x : (tensor<4x2xui32>) -> tensor<4xui64>
  check.expect_eq_const %y, dense<[81985529216486895, 1, 18446744069414584320, 9223372036854775808]> : tensor<4xui64>
  func.return
}

// 1.0 is 0x3F800000, -2.5 0xC0200000, 3.14159 0x40490FD0.
func.func @f32_to_i16() {
  %x = stablehlo.constant dense<[[1.0, -2.5, 3.14159]]> : tensor<1x3xf32>
  %y = stablehlo.bitcast_convert %x : (tensor<1x3xf32>) -> tensor<1x3x2xi16>
  check.expect_eq_const %y, dense<[[[0, 16256], [0, -16352], [4048, 16457]]]> : tensor<1x3x2xi16>
  %z = stablehlo.bitcast_convert %y : (tensor<1x3x2xi16>) -> tensor<1x3xf32>
  check.expect_eq_const %z, dense<[[1.0, -2.5, 3.14159]]> : tensor<1x3xf32>
  func.return
}

// Signed bytes: sign bits neither spread nor get lost.
func.func @i8_groups() {
  %x = stablehlo.constant dense<[67305985, -2147483393]> : tensor<2xi32>
  %y = stablehlo.bitcast_convert %x : (tensor<2xi32>) -> tensor<2x4xi8>
  check.expect_eq_const %y, dense<[[1, 2, 3, 4], [-1, 0, 0, -128]]> : tensor<2x4xi8>
  %z = stablehlo.bitcast_convert %y : (tensor<2x4xi8>) -> tensor<2xi32>
  check.expect_eq_const %z, dense<[67305985, -2147483393]> : tensor<2xi32>
  func.return
}

// The spec's example, 0x0123456789ABCDEF as f64 to f16, through floats on
// both sides; the halves compared as their bits.
func.func @f64_to_f16() {
  %bits = stablehlo.constant dense<81985529216486895> : tensor<ui64>
  %x = stablehlo.bitcast_convert %bits : (tensor<ui64>) -> tensor<f64>
  %y = stablehlo.bitcast_convert %x : (tensor<f64>) -> tensor<4xf16>
  %z = stablehlo.bitcast_convert %y : (tensor<4xf16>) -> tensor<4xui16>
  check.expect_eq_const %z, dense<[52719, 35243, 17767, 291]> : tensor<4xui16>
  func.return
}

// Narrow floats to a wide float and a wide int to a float: f16 1.0 and 2.0
// (0x3C00, 0x4000) make f32 0x40003C00; 0x3FF0 in the top i16 of an f64 is
// 1.0; bytes 0x80, 0x3F are bf16 1.0.
func.func @to_wide_floats() {
  %halves = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf16>
  %f = stablehlo.bitcast_convert %halves : (tensor<2xf16>) -> tensor<f32>
  check.expect_eq_const %f, dense<2.003662109375> : tensor<f32>
  %words = stablehlo.constant dense<[[0, 0, 0, 16368], [0, 0, 0, -16400]]> : tensor<2x4xi16>
  %d = stablehlo.bitcast_convert %words : (tensor<2x4xi16>) -> tensor<2xf64>
  check.expect_eq_const %d, dense<[1.0, -1.0]> : tensor<2xf64>
  %bytes = stablehlo.constant dense<[128, 63]> : tensor<2xui8>
  %b = stablehlo.bitcast_convert %bytes : (tensor<2xui8>) -> tensor<bf16>
  check.expect_eq_const %b, dense<1.0> : tensor<bf16>
  func.return
}

// Rank 0 on the wide side, and empty tensors.
func.func @rank0_and_empty() {
  %x = stablehlo.constant dense<4294967298> : tensor<ui64>
  %y = stablehlo.bitcast_convert %x : (tensor<ui64>) -> tensor<2xui32>
  check.expect_eq_const %y, dense<[2, 1]> : tensor<2xui32>
  %z = stablehlo.bitcast_convert %y : (tensor<2xui32>) -> tensor<ui64>
  check.expect_eq_const %z, dense<4294967298> : tensor<ui64>
  %e = stablehlo.constant dense<> : tensor<0xui64>
  %f = stablehlo.bitcast_convert %e : (tensor<0xui64>) -> tensor<0x8xi8>
  check.expect_eq_const %f, dense<> : tensor<0x8xi8>
  %g = stablehlo.bitcast_convert %f : (tensor<0x8xi8>) -> tensor<0xf64>
  check.expect_eq_const %g, dense<> : tensor<0xf64>
  func.return
}
