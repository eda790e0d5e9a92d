// Verifiers reject bad IR with the op's location.
// RUN: jaxc-opt %s --split-input-file --verify-diagnostics

func.func @bad_broadcast(%a: tensor<3xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{operand dimension 0 of size 3 cannot broadcast to 4}}
  %0 = stablehlo.broadcast_in_dim %a, dims = [1] : (tensor<3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @bad_reshape(%a: tensor<3xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{operand has 3 elements, result has 4}}
  %0 = stablehlo.reshape %a : (tensor<3xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @bad_slice(%a: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{invalid range 2:4:1 for dimension 0}}
  %0 = stablehlo.slice %a [2:4] : (tensor<3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @bad_iota() -> tensor<2xi32> {
  // expected-error @+1 {{iota dimension 1 out of range for rank 1}}
  %0 = stablehlo.iota dim = 1 : tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @bad_dot(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error @+1 {{lhs dimension 1 and rhs dimension 0 differ in size}}
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}
