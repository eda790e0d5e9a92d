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

// -----

func.func @dot_algorithm_integer_type(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{algorithm types must be floats, got 'i32'}}
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], algorithm = <lhs_precision_type = f32, rhs_precision_type = f32, accumulation_type = i32, lhs_component_count = 1, rhs_component_count = 1, num_primitive_operations = 1, allow_imprecise_accumulation = false> : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @dot_algorithm_zero_products(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{algorithm component counts and num_primitive_operations must be >= 1, got 0}}
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], algorithm = <lhs_precision_type = f32, rhs_precision_type = f32, accumulation_type = f32, lhs_component_count = 1, rhs_component_count = 1, num_primitive_operations = 0, allow_imprecise_accumulation = false> : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @bitcast_needs_trailing_ratio(%a: tensor<4xui64>) -> tensor<4x2xui16> {
  // expected-error @+1 {{needs the result to have the shape of the operand and a trailing dimension of 4}}
  %0 = stablehlo.bitcast_convert %a : (tensor<4xui64>) -> tensor<4x2xui16>
  return %0 : tensor<4x2xui16>
}

// -----

func.func @bitcast_join_shape(%a: tensor<3x2xi16>) -> tensor<2xf32> {
  // expected-error @+1 {{needs the operand to have the shape of the result and a trailing dimension of 2}}
  %0 = stablehlo.bitcast_convert %a : (tensor<3x2xi16>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @bitcast_same_width_shape(%a: tensor<4xf32>) -> tensor<2x2xi32> {
  // expected-error @+1 {{needs the operand's shape for a type of its width}}
  %0 = stablehlo.bitcast_convert %a : (tensor<4xf32>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// -----

func.func @bitcast_complex(%a: tensor<2xcomplex<f32>>) -> tensor<2xi64> {
  // expected-error @+1 {{cannot bitcast between complex and other types}}
  %0 = stablehlo.bitcast_convert %a : (tensor<2xcomplex<f32>>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

func.func @batch_norm_feature_index(%x: tensor<2x3xf32>, %f: tensor<3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{feature_index 2 out of range for rank 2}}
  %0:3 = "stablehlo.batch_norm_training"(%x, %f, %f) <{epsilon = 1.000000e-03 : f32, feature_index = 2 : i64}> : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0#0 : tensor<2x3xf32>
}

// -----

func.func @batch_norm_per_feature(%x: tensor<2x3xf32>, %f: tensor<3xf32>, %g: tensor<2xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{needs 'tensor<2xf32>' to have one element per feature (3)}}
  %0 = "stablehlo.batch_norm_inference"(%x, %f, %f, %g, %f) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<2xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @batch_norm_grad_shape(%x: tensor<2x3xf32>, %f: tensor<3xf32>, %dy: tensor<3x2xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{needs 'tensor<3x2xf32>' to have the operand's shape}}
  %0:3 = "stablehlo.batch_norm_grad"(%x, %f, %f, %f, %dy) <{epsilon = 1.000000e-03 : f32, feature_index = 1 : i64}> : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3x2xf32>) -> (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0#0 : tensor<2x3xf32>
}
