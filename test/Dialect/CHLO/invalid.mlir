// CHLO's verifiers reject bad IR with the op's location.
// RUN: jaxc-opt %s --split-input-file --verify-diagnostics

func.func @erf_result_type(%x: tensor<4xf32>) -> tensor<4xi32> {
  // expected-error @+1 {{all of {operand, result} have same type}}
  %0 = chlo.erf %x : tensor<4xf32> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @is_inf_result(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{result #0 must be ranked tensor of 1-bit signless integer values}}
  %0 = chlo.is_inf %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @next_after_types(%x: tensor<4xf32>, %y: tensor<4xf64>) -> tensor<4xf32> {
  // expected-error @+1 {{all of {x, y, result} have same type}}
  %0 = chlo.next_after %x, %y : tensor<4xf32>, tensor<4xf64> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @top_k_too_many(%x: tensor<5x8xf32>) -> tensor<5x9xf32> {
  // expected-error @+1 {{k = 9 must lie in [0, 8]}}
  %values, %indices = chlo.top_k(%x, k = 9) : tensor<5x8xf32> -> (tensor<5x9xf32>, tensor<5x9xi32>)
  return %values : tensor<5x9xf32>
}

// -----

func.func @top_k_results(%x: tensor<5x8xf32>) -> tensor<5x3xf32> {
  // expected-error @+1 {{results must be 'tensor<5x3xf32>' and 'tensor<5x3xi32>'}}
  %values, %indices = chlo.top_k(%x, k = 3) : tensor<5x8xf32> -> (tensor<5x3xf32>, tensor<5x3xi64>)
  return %values : tensor<5x3xf32>
}
