// Three 16 MiB results of elementwise ops: large enough for streaming
// stores (test/StreamingStores). The third one's compare, maximum and
// select check that the vector ops keep their attributes.
func.func public @main(%x: tensor<4194304xf32>) -> (tensor<4194304xf32>, tensor<4194304xf32>, tensor<4194304xf32>) {
  %three = stablehlo.constant dense<3.000000e+00> : tensor<4194304xf32>
  %one = stablehlo.constant dense<1.000000e+00> : tensor<4194304xf32>
  %scale = stablehlo.constant dense<1.000000e-06> : tensor<4194304xf32>
  %0 = stablehlo.multiply %x, %three : tensor<4194304xf32>
  %affine = stablehlo.add %0, %one : tensor<4194304xf32>
  %1 = stablehlo.multiply %x, %scale : tensor<4194304xf32>
  %tanh = stablehlo.tanh %1 : tensor<4194304xf32>
  %million = stablehlo.constant dense<1.000000e+06> : tensor<4194304xf32>
  %cap = stablehlo.constant dense<3.000000e+06> : tensor<4194304xf32>
  %zero = stablehlo.constant dense<0.000000e+00> : tensor<4194304xf32>
  %2 = stablehlo.subtract %x, %million : tensor<4194304xf32>
  %3 = stablehlo.maximum %2, %zero : tensor<4194304xf32>
  %over = stablehlo.compare GT, %x, %cap : (tensor<4194304xf32>, tensor<4194304xf32>) -> tensor<4194304xi1>
  %clamped = stablehlo.select %over, %cap, %3 : tensor<4194304xi1>, tensor<4194304xf32>
  return %affine, %tanh, %clamped : tensor<4194304xf32>, tensor<4194304xf32>, tensor<4194304xf32>
}
