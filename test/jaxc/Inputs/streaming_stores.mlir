// Two 16 MiB results of elementwise ops: large enough for streaming stores
// (test/StreamingStores).
func.func public @main(%x: tensor<4194304xf32>) -> (tensor<4194304xf32>, tensor<4194304xf32>) {
  %three = stablehlo.constant dense<3.000000e+00> : tensor<4194304xf32>
  %one = stablehlo.constant dense<1.000000e+00> : tensor<4194304xf32>
  %scale = stablehlo.constant dense<1.000000e-06> : tensor<4194304xf32>
  %0 = stablehlo.multiply %x, %three : tensor<4194304xf32>
  %affine = stablehlo.add %0, %one : tensor<4194304xf32>
  %1 = stablehlo.multiply %x, %scale : tensor<4194304xf32>
  %tanh = stablehlo.tanh %1 : tensor<4194304xf32>
  return %affine, %tanh : tensor<4194304xf32>, tensor<4194304xf32>
}
