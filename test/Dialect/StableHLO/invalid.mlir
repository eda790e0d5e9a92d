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

// -----

func.func @sort_dimension_out_of_range(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{dimension 1 must lie in [-1, 1) (C4)}}
  %0 = "stablehlo.sort"(%a) <{dimension = 1 : i64, is_stable = true}> ({
  ^bb0(%x: tensor<f32>, %y: tensor<f32>):
    %1 = stablehlo.compare LT, %x, %y : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @sort_dimension_int64_min(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{dimension -9223372036854775808 must lie in [-1, 1) (C4)}}
  %0 = "stablehlo.sort"(%a) <{dimension = -9223372036854775808 : i64, is_stable = true}> ({
  ^bb0(%x: tensor<f32>, %y: tensor<f32>):
    %1 = stablehlo.compare LT, %x, %y : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @sort_comparator_signature(%a: tensor<4xf32>, %b: tensor<4xi32>) -> tensor<4xf32> {
  // expected-error @+1 {{comparator argument 2 is 'tensor<f32>', expected 'tensor<i32>' (C5)}}
  %0:2 = "stablehlo.sort"(%a, %b) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%x: tensor<f32>, %y: tensor<f32>, %p: tensor<f32>, %q: tensor<f32>):
    %1 = stablehlo.compare LT, %x, %y : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<4xf32>, tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>)
  return %0#0 : tensor<4xf32>
}

// -----

func.func @sort_input_shapes(%a: tensor<4xf32>, %b: tensor<5xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{inputs must have one shape (C3)}}
  %0:2 = "stablehlo.sort"(%a, %b) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%x: tensor<f32>, %y: tensor<f32>, %p: tensor<f32>, %q: tensor<f32>):
    %1 = stablehlo.compare LT, %x, %y : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<4xf32>, tensor<5xf32>) -> (tensor<4xf32>, tensor<5xf32>)
  return %0#0 : tensor<4xf32>
}

// -----

func.func @gather_offset_dims_negative(%x: tensor<4x3xf32>, %i: tensor<2x1xi32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{offset_dims [-1] must lie in [0, 2) (C4, C5)}}
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [-1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 3>}> : (tensor<4x3xf32>, tensor<2x1xi32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @gather_collapsed_negative(%x: tensor<4x3xf32>, %i: tensor<2x1xi32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{collapsed_slice_dims [-1] must lie in [0, 2) (C7, C8)}}
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [-1], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 3>}> : (tensor<4x3xf32>, tensor<2x1xi32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @gather_start_index_map_out_of_range(%x: tensor<4x3xf32>, %i: tensor<2x1xi32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{start_index_map [2] must lie in [0, 2) (C19)}}
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [2], index_vector_dim = 1>, slice_sizes = array<i64: 1, 3>}> : (tensor<4x3xf32>, tensor<2x1xi32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @gather_dimension_count(%x: tensor<4x3xf32>, %i: tensor<2x1xi32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{must count the operand's 2 dimensions (C1)}}
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 3>}> : (tensor<4x3xf32>, tensor<2x1xi32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @gather_index_vector_dim(%x: tensor<4x3xf32>, %i: tensor<2x1xi32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{index_vector_dim 3 must lie in [0, 2] (C2)}}
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 3>, slice_sizes = array<i64: 1, 3>}> : (tensor<4x3xf32>, tensor<2x1xi32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @gather_slice_too_large(%x: tensor<4x3xf32>, %i: tensor<2x1xi32>) -> tensor<2x5xf32> {
  // expected-error @+1 {{slice size 5 of dimension 1 is out of range (C9, C12, C21)}}
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 5>}> : (tensor<4x3xf32>, tensor<2x1xi32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @gather_result_shape(%x: tensor<4x3xf32>, %i: tensor<2x1xi32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{result dimension 1 has size 2, expected 3 (C22)}}
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 3>}> : (tensor<4x3xf32>, tensor<2x1xi32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @scatter_update_window_dims_huge(%x: tensor<5x2xf32>, %i: tensor<3x1xi32>, %u: tensor<3x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{update_window_dims [2147483648] must lie in [0, 2) (C7, C8)}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [2147483648], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<5x2xf32>, tensor<3x1xi32>, tensor<3x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @scatter_inserted_deleted(%x: tensor<5x2xf32>, %i: tensor<3x1xi32>, %u: tensor<3x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{must count the input's 2 dimensions (C2)}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<5x2xf32>, tensor<3x1xi32>, tensor<3x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @scatter_dims_to_operand_out_of_range(%x: tensor<5x2xf32>, %i: tensor<3x1xi32>, %u: tensor<3x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{scatter_dims_to_operand_dims [7] must lie in [0, 2) (C21)}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [7], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<5x2xf32>, tensor<3x1xi32>, tensor<3x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @scatter_index_vector_dim(%x: tensor<5x2xf32>, %i: tensor<3x1xi32>, %u: tensor<3x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{index_vector_dim -1 must lie in [0, 2] (C22)}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = -1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<5x2xf32>, tensor<3x1xi32>, tensor<3x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @scatter_operands_swapped(%x: tensor<5x2xf32>, %i: tensor<3x1xi32>, %u: tensor<3x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{operand #1 must be ranked tensor of integer values, but got 'tensor<3x2xf32>'}}
  %0 = "stablehlo.scatter"(%x, %u, %i) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<5x2xf32>, tensor<3x2xf32>, tensor<3x1xi32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @scatter_update_too_large(%x: tensor<5x2xf32>, %i: tensor<3x1xi32>, %u: tensor<3x4xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{update dimension 1 has size 4, which the input and indices do not allow (C4)}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<5x2xf32>, tensor<3x1xi32>, tensor<3x4xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @scatter_region_signature(%x: tensor<5x2xf32>, %i: tensor<3x1xi32>, %u: tensor<3x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{update_computation takes 1 arguments, expected 2 (C23)}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<5x2xf32>, tensor<3x1xi32>, tensor<3x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

// THREE_FRY takes two state words only.
func.func @rng_three_fry_three_words(%state: tensor<3xui64>) -> (tensor<3xui64>, tensor<4xui32>) {
  // expected-error @+1 {{initial_state of 3 words does not fit algorithm THREE_FRY (2 words) (C2)}}
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<3xui64>) -> (tensor<3xui64>, tensor<4xui32>)
  return %0#0, %0#1 : tensor<3xui64>, tensor<4xui32>
}

// -----

func.func @rng_state_type_changed(%state: tensor<2xui64>) -> (tensor<3xui64>, tensor<4xui32>) {
  // expected-error @+1 {{output_state 'tensor<3xui64>' must have initial_state's type 'tensor<2xui64>' (C1)}}
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = PHILOX : (tensor<2xui64>) -> (tensor<3xui64>, tensor<4xui32>)
  return %0#0, %0#1 : tensor<3xui64>, tensor<4xui32>
}

// -----

func.func @rng_state_rank_0(%state: tensor<ui64>) -> (tensor<ui64>, tensor<4xui32>) {
  // expected-error @+1 {{initial_state 'tensor<ui64>' must be a 1-d tensor of 64-bit integers}}
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = PHILOX : (tensor<ui64>) -> (tensor<ui64>, tensor<4xui32>)
  return %0#0, %0#1 : tensor<ui64>, tensor<4xui32>
}

// -----

func.func @compare_complex_retyped(%a: tensor<3xcomplex<f32>>, %b: tensor<3xf32>) -> tensor<3xi1> {
  // expected-error @+1 {{lhs and rhs must have one element type, not 'tensor<3xcomplex<f32>>' and 'tensor<3xf32>' (C1)}}
  %0 = stablehlo.compare LT, %a, %b, FLOAT : (tensor<3xcomplex<f32>>, tensor<3xf32>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

func.func @compare_type_mismatch(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xi1> {
  // expected-error @+1 {{compare_type SIGNED does not fit element type 'f32' (C3)}}
  %0 = stablehlo.compare LT, %a, %b, SIGNED : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

func.func @reduce_window_padding_2_31(%x: tensor<8x3xf32>) -> tensor<8x3xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{result dimension 0 has size 8, expected 2147483656 (C15)}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{padding = dense<[[2147483648, 0], [0, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x3xf32>, tensor<f32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}

// -----

func.func @reduce_window_padding_overflow(%x: tensor<8x3xf32>) -> tensor<8x3xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{the window over dimension 0 overflows 64 bits (C15)}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{padding = dense<[[9223372036854775807, 9223372036854775807], [0, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x3xf32>, tensor<f32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}

// -----

func.func @reduce_window_zero_stride(%x: tensor<8x3xf32>) -> tensor<8x3xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{window_strides [0, 1] must be at least 1 (C6, C7)}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 1, 1>, window_strides = array<i64: 0, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x3xf32>, tensor<f32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}

// -----

func.func @reduce_window_window_rank(%x: tensor<8x3xf32>) -> tensor<8x3xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{window_dimensions [1] must have 2 entries (C4, C5)}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x3xf32>, tensor<f32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}

// -----

func.func @reduce_window_padding_shape(%x: tensor<8x3xf32>) -> tensor<8x3xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{padding must have shape [2, 2] (C12)}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{padding = dense<0> : tensor<1x2xi64>, window_dimensions = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x3xf32>, tensor<f32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}

// -----

func.func @select_and_scatter_source_shape(%x: tensor<4x4xf32>, %s: tensor<3x2xf32>) -> tensor<4x4xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{source dimension 0 has size 3, not the number of windows (C2)}}
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GE, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4x4xf32>, tensor<3x2xf32>, tensor<f32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

func.func @pad_negative_interior(%a: tensor<3xf32>, %v: tensor<f32>) -> tensor<3xf32> {
  // expected-error @+1 {{interior_padding [-1] must not be negative (C3)}}
  %0 = stablehlo.pad %a, %v, low = [0], high = [2], interior = [-1] : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @pad_result_shape(%a: tensor<3xf32>, %v: tensor<f32>) -> tensor<8xf32> {
  // expected-error @+1 {{result dimension 0 has size 8, which the padding does not give (C4)}}
  %0 = stablehlo.pad %a, %v, low = [1], high = [1], interior = [1] : (tensor<3xf32>, tensor<f32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @pad_value_not_scalar(%a: tensor<3xf32>, %v: tensor<1xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{padding_value must be a 0-d tensor, not 'tensor<1xf32>' (C1)}}
  %0 = stablehlo.pad %a, %v, low = [0], high = [0], interior = [0] : (tensor<3xf32>, tensor<1xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @dynamic_slice_too_large(%a: tensor<4xf32>, %i: tensor<i32>) -> tensor<5xf32> {
  // expected-error @+1 {{slice_sizes [5] must lie within the operand's shape (C4)}}
  %0 = stablehlo.dynamic_slice %a, %i, sizes = [5] : (tensor<4xf32>, tensor<i32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @dynamic_slice_index_count(%a: tensor<4x4xf32>, %i: tensor<i32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{needs 2 start indices, not 1 (C2, C3)}}
  %0 = stablehlo.dynamic_slice %a, %i, sizes = [2, 2] : (tensor<4x4xf32>, tensor<i32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @dynamic_update_slice_too_large(%a: tensor<4xf32>, %u: tensor<5xf32>, %i: tensor<i32>) -> tensor<4xf32> {
  // expected-error @+1 {{update dimension 0 of size 5 exceeds the operand's 4 (C6)}}
  %0 = stablehlo.dynamic_update_slice %a, %u, %i : (tensor<4xf32>, tensor<5xf32>, tensor<i32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @select_pred_shape(%p: tensor<2xi1>, %a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{pred must be 0-d or have on_true's shape (C1)}}
  %0 = stablehlo.select %p, %a, %a : (tensor<2xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @clamp_bound_type(%lo: tensor<i32>, %a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{min must have the operand's element type (C3)}}
  %0 = stablehlo.clamp %lo, %a, %a : (tensor<i32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @map_dimensions(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{dimensions [1, 0] must be [0, 2) in order (C3)}}
  %0 = "stablehlo.map"(%x) <{dimensions = array<i64: 1, 0>}> ({
  ^bb0(%arg0: tensor<f32>):
    stablehlo.return %arg0 : tensor<f32>
  }) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @while_body_type(%x: tensor<i32>) -> tensor<i32> {
  // expected-error @+1 {{body result 0 is 'tensor<f32>', expected 'tensor<i32>' (C2)}}
  %0 = stablehlo.while(%i = %x) : tensor<i32>
   cond {
    %c = stablehlo.compare LT, %i, %i : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %c : tensor<i1>
  } do {
    %f = stablehlo.constant dense<1.0> : tensor<f32>
    stablehlo.return %f : tensor<f32>
  }
  return %0 : tensor<i32>
}

// -----

func.func @while_cond_result(%x: tensor<i32>) -> tensor<i32> {
  // expected-error @+1 {{cond result 0 is 'tensor<i32>', expected 'tensor<i1>' (C1)}}
  %0 = stablehlo.while(%i = %x) : tensor<i32>
   cond {
    stablehlo.return %i : tensor<i32>
  } do {
    stablehlo.return %i : tensor<i32>
  }
  return %0 : tensor<i32>
}

// -----

func.func @if_branch_types(%p: tensor<i1>, %x: tensor<4xf32>, %y: tensor<3xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{false_branch result 0 is 'tensor<3xf32>', expected 'tensor<4xf32>' (C1, C2, C3)}}
  %0 = "stablehlo.if"(%p) ({
    stablehlo.return %x : tensor<4xf32>
  }, {
    stablehlo.return %y : tensor<3xf32>
  }) : (tensor<i1>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @if_pred_rank(%p: tensor<2xi1>, %x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{pred must be a 0-d tensor, not 'tensor<2xi1>' (C4)}}
  %0 = "stablehlo.if"(%p) ({
    stablehlo.return %x : tensor<4xf32>
  }, {
    stablehlo.return %x : tensor<4xf32>
  }) : (tensor<2xi1>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @case_branch_count(%i: tensor<i32>, %x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{branch returns 0 values, expected 1 (C2, C3, C4)}}
  %0 = "stablehlo.case"(%i) ({
    stablehlo.return %x : tensor<4xf32>
  }, {
    stablehlo.return
  }) : (tensor<i32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @convolution_result_shape(%a: tensor<1x4x4x2xf32>, %b: tensor<3x3x2x5xf32>) -> tensor<1x3x2x5xf32> {
  // expected-error @+1 {{result dimension 1 has size 3, expected 2 (C25)}}
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x4x2xf32>, tensor<3x3x2x5xf32>) -> tensor<1x3x2x5xf32>
  return %0 : tensor<1x3x2x5xf32>
}

// -----

func.func @convolution_kernel_features(%a: tensor<1x4x4x2xf32>, %b: tensor<3x3x3x5xf32>) -> tensor<1x2x2x5xf32> {
  // expected-error @+1 {{kernel input feature size 3 must be 2 (C14)}}
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x4x2xf32>, tensor<3x3x3x5xf32>) -> tensor<1x2x2x5xf32>
  return %0 : tensor<1x2x2x5xf32>
}

// -----

func.func @convolution_zero_stride(%a: tensor<1x4x4x2xf32>, %b: tensor<3x3x2x5xf32>) -> tensor<1x2x2x5xf32> {
  // expected-error @+1 {{window_strides [0, 1] must be at least 1 (C2, C3)}}
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [0, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x4x2xf32>, tensor<3x3x2x5xf32>) -> tensor<1x2x2x5xf32>
  return %0 : tensor<1x2x2x5xf32>
}

// -----

func.func @convolution_groups(%a: tensor<1x4x4x2xf32>, %b: tensor<3x3x2x5xf32>) -> tensor<1x2x2x5xf32> {
  // expected-error @+1 {{feature_group_count 2 and batch_group_count 2 must be positive, one of them 1 (C21, C22, C23)}}
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1]} {batch_group_count = 2 : i64, feature_group_count = 2 : i64} : (tensor<1x4x4x2xf32>, tensor<3x3x2x5xf32>) -> tensor<1x2x2x5xf32>
  return %0 : tensor<1x2x2x5xf32>
}

// -----

func.func @reverse_dimension(%a: tensor<3x4xf32>) -> tensor<3x4xf32> {
  // expected-error @+1 {{dimensions [0, 2] must lie in [0, 2) (C2, C3)}}
  %0 = stablehlo.reverse %a, dims = [0, 2] : tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @dot_contraction(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error @+1 {{lhs dimension 1 and rhs dimension 0 differ in size}}
  %0 = stablehlo.dot %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @fft_length(%a: tensor<8xcomplex<f32>>) -> tensor<8xcomplex<f32>> {
  // expected-error @+1 {{dimension 0 of sizes 8 and 8 does not fit fft_length [4] (C4, C5)}}
  %0 = stablehlo.fft %a, type = FFT, length = [4] : (tensor<8xcomplex<f32>>) -> tensor<8xcomplex<f32>>
  return %0 : tensor<8xcomplex<f32>>
}

// -----

func.func @rfft_result(%a: tensor<8xf32>) -> tensor<8xcomplex<f32>> {
  // expected-error @+1 {{dimension 0 of sizes 8 and 8 does not fit fft_length [8] (C4, C5)}}
  %0 = stablehlo.fft %a, type = RFFT, length = [8] : (tensor<8xf32>) -> tensor<8xcomplex<f32>>
  return %0 : tensor<8xcomplex<f32>>
}

// -----

func.func @fft_element_types(%a: tensor<8xf32>) -> tensor<8xcomplex<f32>> {
  // expected-error @+1 {{FFT takes complex and gives complex elements (C2)}}
  %0 = stablehlo.fft %a, type = FFT, length = [8] : (tensor<8xf32>) -> tensor<8xcomplex<f32>>
  return %0 : tensor<8xcomplex<f32>>
}

// -----

func.func @triangular_solve_not_square(%a: tensor<3x4xf32>, %b: tensor<3x2xf32>) -> tensor<3x2xf32> {
  // expected-error @+1 {{a must be square in its last two dimensions (C4)}}
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<3x4xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
