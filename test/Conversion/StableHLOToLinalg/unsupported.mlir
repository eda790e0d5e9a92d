// RUN: jaxc-opt %s --jaxc-stablehlo-to-linalg --split-input-file --verify-diagnostics
// RUN: not jaxc-opt %s --jaxc-stablehlo-to-linalg --split-input-file 2>&1 | FileCheck %s --implicit-check-not="failed to legalize"

// Each op without a lowering is reported once, at its location, with no
// other error (--verify-diagnostics fails on any unexpected one); the pass
// fails.

// CHECK: unsupported.mlir:[[@LINE+2]]:8: error: 'stablehlo.custom_call' op target 'lapack_sgeqrf' is not supported by jaxc yet
func.func @custom_call(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = stablehlo.custom_call @lapack_sgeqrf(%x) : (tensor<8xf32>) -> tensor<8xf32> // expected-error {{'stablehlo.custom_call' op target 'lapack_sgeqrf' is not supported by jaxc yet}}
  return %0 : tensor<8xf32>
}

// -----

// Every unsupported op is reported, also after a first one.
func.func @two(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'chlo.erf' op is not supported by jaxc yet}}
  %0 = chlo.erf %x : tensor<4xf32> -> tensor<4xf32>
  %1 = stablehlo.add %0, %0 : tensor<4xf32>
  // expected-error @+1 {{'chlo.lgamma' op is not supported by jaxc yet}}
  %2 = chlo.lgamma %1 : tensor<4xf32> -> tensor<4xf32>
  return %2 : tensor<4xf32>
}

// -----

// An elementwise op on a type its rule has no case for.
func.func @complex_cbrt(%x: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  // expected-error @+1 {{'stablehlo.cbrt' op is not supported by jaxc yet}}
  %0 = stablehlo.cbrt %x : tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// -----

// Constants without their data.
func.func @elided() -> tensor<4xf32> {
  // expected-error @+1 {{'stablehlo.constant' op is not supported by jaxc yet}}
  %0 = stablehlo.constant dense_resource<__elided__> : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A bitcast between complex types of different widths.
func.func @bitcast_complex_resize(%x: tensor<2xcomplex<f32>>) -> tensor<complex<f64>> {
  // expected-error @+1 {{'stablehlo.bitcast_convert' op is not supported by jaxc yet}}
  %0 = stablehlo.bitcast_convert %x : (tensor<2xcomplex<f32>>) -> tensor<complex<f64>>
  return %0 : tensor<complex<f64>>
}

// -----

// A reducer with an op that has no scalar rule fails the whole reduce.
func.func @reduce_with_unsupported_body(%x: tensor<4xf32>, %init: tensor<f32>) -> tensor<f32> {
  // expected-error @+1 {{'stablehlo.reduce' op is not supported by jaxc yet}}
  %0 = stablehlo.reduce(%x init: %init) across dimensions = [0] : (tensor<4xf32>, tensor<f32>) -> tensor<f32>
   reducer(%a: tensor<f32>, %b: tensor<f32>) {
    %1 = chlo.erf %a : tensor<f32> -> tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }
  return %0 : tensor<f32>
}

// -----

// A dot algorithm jaxc does not compute (bf16 products of f32 operands,
// three of them: XLA's BF16_BF16_F32_X3) is refused, not approximated.
func.func @dot_algorithm_x3(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'stablehlo.dot_general' op with this algorithm is not supported by jaxc yet (#stablehlo.dot_algorithm<lhs_precision_type = bf16, rhs_precision_type = bf16, accumulation_type = f32, lhs_component_count = 1, rhs_component_count = 1, num_primitive_operations = 3, allow_imprecise_accumulation = false>; jaxc multiplies}}
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], algorithm = <lhs_precision_type = bf16, rhs_precision_type = bf16, accumulation_type = f32, lhs_component_count = 1, rhs_component_count = 1, num_primitive_operations = 3, allow_imprecise_accumulation = false> : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
