module @jit_f {
  func.func public @main(%a: tensor<3x2xf32>, %n: tensor<2xi32>) -> (tensor<2x3xf32> {jax.result_info = "t"}, tensor<i32> {jax.result_info = "sum"}) {
    %0 = stablehlo.transpose %a, dims = [1, 0] : (tensor<3x2xf32>) -> tensor<2x3xf32>
    %z = stablehlo.constant dense<0> : tensor<i32>
    %1 = stablehlo.reduce(%n init: %z) applies stablehlo.add across dimensions = [0] : (tensor<2xi32>, tensor<i32>) -> tensor<i32>
    return %0, %1 : tensor<2x3xf32>, tensor<i32>
  }
}
