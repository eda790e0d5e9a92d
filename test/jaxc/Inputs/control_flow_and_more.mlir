// if and case on runtime operands: `if` picks by %p, `case` by %i (out of
// range: the last branch). map,
// batch_norm_inference and an exponential with result_accuracy check
// themselves.
module @jit_main {
  func.func public @main(%p: tensor<i1>, %i: tensor<i32>) -> (tensor<f32>, tensor<i32>) {
    %if = "stablehlo.if"(%p) ({
      %c = stablehlo.constant dense<1.5> : tensor<f32>
      stablehlo.return %c : tensor<f32>
    }, {
      %c = stablehlo.constant dense<-1.5> : tensor<f32>
      stablehlo.return %c : tensor<f32>
    }) : (tensor<i1>) -> tensor<f32>
    %case = "stablehlo.case"(%i) ({
      %c = stablehlo.constant dense<10> : tensor<i32>
      stablehlo.return %c : tensor<i32>
    }, {
      %c = stablehlo.constant dense<20> : tensor<i32>
      stablehlo.return %c : tensor<i32>
    }, {
      %c = stablehlo.constant dense<30> : tensor<i32>
      %sum = stablehlo.add %c, %i : tensor<i32>
      stablehlo.return %sum : tensor<i32>
    }) : (tensor<i32>) -> tensor<i32>

    %a, %b = call @inputs() : () -> (tensor<3xf32>, tensor<3xf32>)
    %map = "stablehlo.map"(%a, %b) <{dimensions = array<i64: 0>}> ({
    ^bb0(%x: tensor<f32>, %y: tensor<f32>):
      %one = stablehlo.constant dense<1.0> : tensor<f32>
      %product = stablehlo.multiply %x, %y : tensor<f32>
      %sum = stablehlo.add %product, %one : tensor<f32>
      stablehlo.return %sum : tensor<f32>
    }) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
    %expected = stablehlo.constant dense<[5.0, 11.0, 19.0]> : tensor<3xf32>
    stablehlo.custom_call @check.expect_eq(%map, %expected) {has_side_effect = true} : (tensor<3xf32>, tensor<3xf32>) -> ()

    // Feature 1 of 2: sqrt(variance + 1) is [2, 1], so the result is
    // (x - mean) / [2, 1] * scale + offset.
    %x = stablehlo.constant dense<[[3.0, 5.0], [5.0, 1.0]]> : tensor<2x2xf32>
    %scale = stablehlo.constant dense<[2.0, 1.0]> : tensor<2xf32>
    %offset = stablehlo.constant dense<[1.0, 0.0]> : tensor<2xf32>
    %mean = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
    %variance = stablehlo.constant dense<[3.0, 0.0]> : tensor<2xf32>
    %norm = "stablehlo.batch_norm_inference"(%x, %scale, %offset, %mean, %variance) <{epsilon = 1.000000e+00 : f32, feature_index = 1 : i64}> : (tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
    %norm_expected = stablehlo.constant dense<[[3.0, 3.0], [5.0, -1.0]]> : tensor<2x2xf32>
    stablehlo.custom_call @check.expect_eq(%norm, %norm_expected) {has_side_effect = true} : (tensor<2x2xf32>, tensor<2x2xf32>) -> ()

    %exp = stablehlo.exponential %a {result_accuracy = #stablehlo.result_accuracy<mode = #stablehlo.result_accuracy_mode<DEFAULT>>} : tensor<3xf32>
    %log = stablehlo.log %exp {result_accuracy = #stablehlo.result_accuracy<atol = 0.000000e+00, rtol = 0.000000e+00, ulps = 0, mode = #stablehlo.result_accuracy_mode<DEFAULT>>} : tensor<3xf32>
    stablehlo.custom_call @check.expect_close(%log, %a) {has_side_effect = true} : (tensor<3xf32>, tensor<3xf32>) -> ()
    return %if, %case : tensor<f32>, tensor<i32>
  }
  func.func private @inputs() -> (tensor<3xf32>, tensor<3xf32>) {
    %a = stablehlo.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
    %b = stablehlo.constant dense<[4.0, 5.0, 6.0]> : tensor<3xf32>
    return %a, %b : tensor<3xf32>, tensor<3xf32>
  }
}
