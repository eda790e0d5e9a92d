// RUN: jaxc-opt %s --split-input-file --verify-diagnostics

func.func public @missing(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{decomposition @nowhere is not a function of the module}}
  %0 = stablehlo.composite "x.y" %arg0 {decomposition = @nowhere} : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func public @mismatch(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{does not match the composite's operands and results}}
  %0 = stablehlo.composite "x.y" %arg0 {decomposition = @f} : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}
func.func private @f(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  return %arg0 : tensor<4xf32>
}

// -----

func.func public @barrier(%arg0: tensor<8xf32>) -> tensor<8xi32> {
  // expected-error @+1 {{result types must equal the operand types}}
  %0 = "stablehlo.optimization_barrier"(%arg0) : (tensor<8xf32>) -> tensor<8xi32>
  return %0 : tensor<8xi32>
}
