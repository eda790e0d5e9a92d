// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg --split-input-file --verify-diagnostics

// Custom calls jaxc cannot run are refused naming the target, and for a
// LAPACK target the attribute or type at fault.

func.func @unknown_target(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'stablehlo.custom_call' op target 'foo_bar' is not supported by jaxc yet}}
  %0 = stablehlo.custom_call @foo_bar(%x) : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// gesdd's 'O' mode overwrites the input with U; JAX's kernel refuses it too.
func.func @gesdd_overwrite(%a: tensor<3x3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{target 'lapack_sgesdd_ffi': attribute 'mode' = 79 ('O') (jaxc takes one of 'ASN') is not supported by jaxc yet}}
  %0:5 = stablehlo.custom_call @lapack_sgesdd_ffi(%a) {mhlo.backend_config = {mode = 79 : ui8}, mhlo.frontend_attributes = {num_batch_dims = "0"}} : (tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<3xf32>, tensor<3x3xf32>, tensor<3x3xf32>, tensor<i32>)
  return %0#1 : tensor<3xf32>
}

// -----

// Sorting the Schur form needs a selection function.
func.func @gees_sorted(%a: tensor<3x3xcomplex<f64>>) -> tensor<3xcomplex<f64>> {
  // expected-error @+1 {{target 'lapack_zgees_ffi': attribute 'sort' = 83 ('S') (jaxc takes one of 'N') is not supported by jaxc yet}}
  %0:5 = stablehlo.custom_call @lapack_zgees_ffi(%a) {mhlo.backend_config = {mode = 86 : ui8, sort = 83 : ui8}} : (tensor<3x3xcomplex<f64>>) -> (tensor<3x3xcomplex<f64>>, tensor<3x3xcomplex<f64>>, tensor<3xcomplex<f64>>, tensor<i32>, tensor<i32>)
  return %0#2 : tensor<3xcomplex<f64>>
}

// -----

func.func @unknown_attribute(%a: tensor<3x3xf32>) -> tensor<3x3xf32> {
  // expected-error @+1 {{target 'lapack_spotrf_ffi': attribute 'pivot' is not supported by jaxc yet}}
  %0:2 = stablehlo.custom_call @lapack_spotrf_ffi(%a) {mhlo.backend_config = {pivot = 1 : ui8, uplo = 76 : ui8}} : (tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<i32>)
  return %0#0 : tensor<3x3xf32>
}

// -----

// The precision letter must match the operands.
func.func @wrong_precision(%a: tensor<3x3xf64>) -> tensor<3x3xf64> {
  // expected-error @+1 {{target 'lapack_spotrf_ffi': an operand of tensor<3x3xf64> (the target's precision is f32) is not supported by jaxc yet}}
  %0:2 = stablehlo.custom_call @lapack_spotrf_ffi(%a) {mhlo.backend_config = {uplo = 76 : ui8}} : (tensor<3x3xf64>) -> (tensor<3x3xf64>, tensor<i32>)
  return %0#0 : tensor<3x3xf64>
}

// -----

func.func @wrong_results(%a: tensor<3x3xf32>) -> tensor<3x3xf32> {
  // expected-error @+1 {{target 'lapack_spotrf_ffi': operand or result types (potrf on f32 has 2 results, got 1) is not supported by jaxc yet}}
  %0 = stablehlo.custom_call @lapack_spotrf_ffi(%a) {mhlo.backend_config = {uplo = 76 : ui8}} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}
