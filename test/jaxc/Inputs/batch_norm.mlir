// batch_norm_training and batch_norm_grad: the spec's examples, a feature
// dimension in the middle with epsilon, a 1-d operand (each element its own
// feature), f16, and an empty batch. Expected values computed by hand
// (Python, in f64, from the spec's formulas).

func.func @training_spec_example() {
  %x = stablehlo.constant dense<[[[1.0, 2.0], [3.0, 4.0]], [[3.0, 4.0], [1.0, 2.0]]]> : tensor<2x2x2xf64>
  %ones = stablehlo.constant dense<1.0> : tensor<2xf64>
  %out:3 = "stablehlo.batch_norm_training"(%x, %ones, %ones) <{epsilon = 0.0 : f32, feature_index = 2 : i64}> : (tensor<2x2x2xf64>, tensor<2xf64>, tensor<2xf64>) -> (tensor<2x2x2xf64>, tensor<2xf64>, tensor<2xf64>)
  check.expect_eq_const %out#0, dense<[[[0.0, 0.0], [2.0, 2.0]], [[2.0, 2.0], [0.0, 0.0]]]> : tensor<2x2x2xf64>
  check.expect_eq_const %out#1, dense<[2.0, 3.0]> : tensor<2xf64>
  check.expect_eq_const %out#2, dense<[1.0, 1.0]> : tensor<2xf64>
  func.return
}

func.func @grad_spec_example() {
  %x = stablehlo.constant dense<[[[1.0, 2.0], [3.0, 4.0]], [[3.0, 4.0], [1.0, 2.0]]]> : tensor<2x2x2xf64>
  %scale = stablehlo.constant dense<1.0> : tensor<2xf64>
  %mean = stablehlo.constant dense<[2.0, 3.0]> : tensor<2xf64>
  %variance = stablehlo.constant dense<1.0> : tensor<2xf64>
  %grad_output = stablehlo.constant dense<0.1> : tensor<2x2x2xf64>
  %out:3 = "stablehlo.batch_norm_grad"(%x, %scale, %mean, %variance, %grad_output) <{epsilon = 0.0 : f32, feature_index = 2 : i64}> : (tensor<2x2x2xf64>, tensor<2xf64>, tensor<2xf64>, tensor<2xf64>, tensor<2x2x2xf64>) -> (tensor<2x2x2xf64>, tensor<2xf64>, tensor<2xf64>)
  check.expect_almost_eq_const %out#0, dense<0.0> : tensor<2x2x2xf64>
  check.expect_almost_eq_const %out#1, dense<0.0> : tensor<2xf64>
  check.expect_almost_eq_const %out#2, dense<0.4> : tensor<2xf64>
  func.return
}

func.func @training_middle_feature() {
  %x = stablehlo.constant dense<[[[1.0, 2.0], [3.0, 5.0], [-1.0, 0.5]], [[4.0, -2.0], [0.0, 1.0], [2.0, 2.5]]]> : tensor<2x3x2xf32>
  %scale = stablehlo.constant dense<[1.5, -0.5, 2.0]> : tensor<3xf32>
  %offset = stablehlo.constant dense<[0.1, 0.0, -1.0]> : tensor<3xf32>
  %out:3 = "stablehlo.batch_norm_training"(%x, %scale, %offset) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>)
  check.expect_almost_eq_const %out#0, dense<[[[-0.073187, 0.61956], [-0.195257, -0.715942], [-3.920408, -1.730102]], [[2.005053, -2.151426], [0.585771, 0.325428], [0.460204, 1.190306]]]> : tensor<2x3x2xf32>
  check.expect_almost_eq_const %out#1, dense<[1.25, 2.25, 1.0]> : tensor<3xf32>
  check.expect_almost_eq_const %out#2, dense<[4.6875, 3.6875, 1.875]> : tensor<3xf32>
  func.return
}

func.func @grad_middle_feature() {
  %x = stablehlo.constant dense<[[[1.0, 2.0], [3.0, 5.0], [-1.0, 0.5]], [[4.0, -2.0], [0.0, 1.0], [2.0, 2.5]]]> : tensor<2x3x2xf32>
  %scale = stablehlo.constant dense<[1.5, -0.5, 2.0]> : tensor<3xf32>
  %mean = stablehlo.constant dense<[1.0, 2.0, 0.5]> : tensor<3xf32>
  %variance = stablehlo.constant dense<[4.0, 1.0, 0.25]> : tensor<3xf32>
  %grad_output = stablehlo.constant dense<[[[0.5, -1.0], [2.0, 0.25], [1.0, 1.0]], [[-0.5, 1.5], [0.0, -1.0], [3.0, -2.0]]]> : tensor<2x3x2xf32>
  %out:3 = "stablehlo.batch_norm_grad"(%x, %scale, %mean, %variance, %grad_output) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<2x3x2xf32>) -> (tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>)
  check.expect_almost_eq_const %out#0, dense<[[[0.281215, -0.515643], [-0.375281, 1.435378], [-4.966173, 0.998006]], [[0.515315, 0.047115], [-0.779924, 0.187874], [14.946233, -3.025827]]]> : tensor<2x3x2xf32>
  check.expect_almost_eq_const %out#1, dense<[-3.499563, 3.748126, -1.996012]> : tensor<3xf32>
  check.expect_almost_eq_const %out#2, dense<[0.5, 1.25, 3.0]> : tensor<3xf32>
  func.return
}

// Each element is its own feature: the mean is the element, the variance 0,
// the output the offset.
func.func @training_rank1() {
  %x = stablehlo.constant dense<[3.0, -1.0, 7.0]> : tensor<3xf32>
  %scale = stablehlo.constant dense<2.0> : tensor<3xf32>
  %offset = stablehlo.constant dense<[0.5, -0.5, 1.0]> : tensor<3xf32>
  %out:3 = "stablehlo.batch_norm_training"(%x, %scale, %offset) <{epsilon = 1.000000e-02 : f32, feature_index = 0 : i64}> : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>)
  check.expect_eq_const %out#0, dense<[0.5, -0.5, 1.0]> : tensor<3xf32>
  check.expect_eq_const %out#1, dense<[3.0, -1.0, 7.0]> : tensor<3xf32>
  check.expect_eq_const %out#2, dense<0.0> : tensor<3xf32>
  func.return
}

// Values chosen so that every step is exact in f16: variance 3.5, plus
// epsilon 0.5, has the square root 2.
func.func @training_f16() {
  %x = stablehlo.constant dense<[[1.0, 2.0, 3.0, 6.0], [11.0, 12.0, 13.0, 16.0]]> : tensor<2x4xf16>
  %scale = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf16>
  %offset = stablehlo.constant dense<[0.0, 1.0]> : tensor<2xf16>
  %out:3 = "stablehlo.batch_norm_training"(%x, %scale, %offset) <{epsilon = 5.000000e-01 : f32, feature_index = 0 : i64}> : (tensor<2x4xf16>, tensor<2xf16>, tensor<2xf16>) -> (tensor<2x4xf16>, tensor<2xf16>, tensor<2xf16>)
  check.expect_eq_const %out#0, dense<[[-1.0, -0.5, 0.0, 1.5], [-1.0, 0.0, 1.0, 4.0]]> : tensor<2x4xf16>
  check.expect_eq_const %out#1, dense<[3.0, 13.0]> : tensor<2xf16>
  check.expect_eq_const %out#2, dense<3.5> : tensor<2xf16>
  func.return
}

// No elements per feature: the mean and variance are 0 / 0, NaN.
func.func @training_empty_batch() {
  %x = stablehlo.constant dense<> : tensor<0x2xf32>
  %scale = stablehlo.constant dense<1.0> : tensor<2xf32>
  %out:3 = "stablehlo.batch_norm_training"(%x, %scale, %scale) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<0x2xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<0x2xf32>, tensor<2xf32>, tensor<2xf32>)
  check.expect_eq_const %out#1, dense<0x7FC00000> : tensor<2xf32>
  check.expect_eq_const %out#2, dense<0x7FC00000> : tensor<2xf32>
  func.return
}
