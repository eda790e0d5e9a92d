// RUN: jaxc-opt %s --jaxc-chlo-to-stablehlo --split-input-file --verify-diagnostics

// The special functions are real only.
func.func @erf_complex(%z: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  // expected-error @+1 {{'chlo.erf' op is not supported by jaxc yet on 'complex<f32>'}}
  %0 = chlo.erf %z : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// -----

func.func @lgamma_integer(%x: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @+1 {{'chlo.lgamma' op is not supported by jaxc yet on 'i32'}}
  %0 = chlo.lgamma %x : tensor<4xi32> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @conj_real(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'chlo.conj' op is not supported by jaxc yet on 'f32'}}
  %0 = chlo.conj %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @dynamic(%x: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{'chlo.asin' op is not supported by jaxc yet on dynamic shapes}}
  %0 = chlo.asin %x : tensor<?xf32> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
