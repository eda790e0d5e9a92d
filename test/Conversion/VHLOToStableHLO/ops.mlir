// VHLO ops become jaxc's StableHLO ops, with the attributes JAX's text
// would give them: structures put back together, integer lists as dense
// arrays, defaults left out.
// RUN: jaxc-opt %s --jaxc-vhlo-to-stablehlo --split-input-file | FileCheck %s

// CHECK-LABEL: func.func public @main(
// CHECK-SAME: %[[X:.*]]: tensor<2x3xf32>, %[[N:.*]]: tensor<ui32> {mhlo.sharding = "{replicated}"})
// CHECK-SAME: -> (tensor<2x3xf32> {jax.result_info = "result[0]"}, tensor<ui32>)
// CHECK: %[[C:.*]] = stablehlo.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK: %[[B:.*]] = stablehlo.broadcast_in_dim %[[C]], dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[P:.*]] = stablehlo.compare LT, %[[X]], %[[B]], FLOAT : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: %[[S:.*]] = stablehlo.sine %[[X]] : tensor<2x3xf32>
// CHECK: %[[E:.*]] = stablehlo.exponential %[[X]] {result_accuracy = #stablehlo.result_accuracy<ulps = 2, mode = <TOLERANCE>>} : tensor<2x3xf32>
// CHECK: %[[R:.*]] = stablehlo.reduce(%[[X]] init: %{{.*}}) applies stablehlo.add across dimensions = [1] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
// CHECK: %[[SEL:.*]] = stablehlo.select %[[P]], %[[S]], %[[E]] : tensor<2x3xi1>, tensor<2x3xf32>
// CHECK: return %[[SEL]], %[[N]] : tensor<2x3xf32>, tensor<ui32>
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[#vhlo.dict_v1<{}>, #vhlo.dict_v1<{#vhlo.string_v1<"mhlo.sharding"> = #vhlo.string_v1<"{replicated}">}>]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.ui32_v1>) -> (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.ui32_v1>)>>, res_attrs = #vhlo.array_v1<[#vhlo.dict_v1<{#vhlo.string_v1<"jax.result_info"> = #vhlo.string_v1<"result[0]">}>, #vhlo.dict_v1<{}>]>, sym_name = #vhlo.string_v1<"main">, sym_visibility = #vhlo.string_v1<"public">}> ({
^bb0(%x: !vhlo.tensor_v1<2x3x!vhlo.f32_v1>, %n: !vhlo.tensor_v1<!vhlo.ui32_v1>):
  %c = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<[1.0, 2.0, 3.0]> : tensor<3xf32>>}> : () -> !vhlo.tensor_v1<3x!vhlo.f32_v1>
  %b = "vhlo.broadcast_in_dim_v1"(%c) <{broadcast_dimensions = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>}> : (!vhlo.tensor_v1<3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.f32_v1>
  %p = "vhlo.compare_v1"(%x, %b) <{compare_type = #vhlo<comparison_type_v1 FLOAT>, comparison_direction = #vhlo<comparison_direction_v1 LT>}> : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.bool_v1>
  %s = "vhlo.sine_v2"(%x) <{result_accuracy = #vhlo.result_accuracy_v1<atol = 0.0, rtol = 0.0, ulps = 0, mode = #vhlo<result_accuracy_mode_v1 DEFAULT>>}> : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.f32_v1>
  %e = "vhlo.exponential_v2"(%x) <{result_accuracy = #vhlo.result_accuracy_v1<atol = 0.0, rtol = 0.0, ulps = 2, mode = #vhlo<result_accuracy_mode_v1 TOLERANCE>>}> : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.f32_v1>
  %z = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<0.0> : tensor<f32>>}> : () -> !vhlo.tensor_v1<!vhlo.f32_v1>
  %r = "vhlo.reduce_v1"(%x, %z) <{dimensions = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>}> ({
  ^bb0(%a: !vhlo.tensor_v1<!vhlo.f32_v1>, %v: !vhlo.tensor_v1<!vhlo.f32_v1>):
    %sum = "vhlo.add_v1"(%a, %v) : (!vhlo.tensor_v1<!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.f32_v1>) -> !vhlo.tensor_v1<!vhlo.f32_v1>
    "vhlo.return_v1"(%sum) : (!vhlo.tensor_v1<!vhlo.f32_v1>) -> ()
  }) : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x!vhlo.f32_v1>
  %sel = "vhlo.select_v1"(%p, %s, %e) : (!vhlo.tensor_v1<2x3x!vhlo.bool_v1>, !vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.f32_v1>
  "vhlo.return_v1"(%sel, %n) : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.ui32_v1>) -> ()
}) : () -> ()

// -----

// Contractions: the flattened dimension numbers back in one attribute,
// default precisions and windows left out.
// CHECK-LABEL: func.func private @contractions
// CHECK: stablehlo.dot_general %{{.*}}, %{{.*}}, batching_dims = [0] x [0], contracting_dims = [2] x [1], precision = [HIGHEST, DEFAULT] : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
// CHECK: stablehlo.dot_general %{{.*}}, %{{.*}}, contracting_dims = [1] x [0] : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
// CHECK: stablehlo.convolution(%{{.*}}, %{{.*}}) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {stride = [2, 1], pad = {{\[\[}}1, 2], [0, 1]], rhs_dilate = [1, 2]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<2x4x7x6xf32>, tensor<6x2x3x2xf32>) -> tensor<2x6x4x5xf32>
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<2x3x4x!vhlo.f32_v1>, !vhlo.tensor_v1<2x4x5x!vhlo.f32_v1>, !vhlo.tensor_v1<3x4x!vhlo.f32_v1>, !vhlo.tensor_v1<4x5x!vhlo.f32_v1>, !vhlo.tensor_v1<2x4x7x6x!vhlo.f32_v1>, !vhlo.tensor_v1<6x2x3x2x!vhlo.f32_v1>) -> (!vhlo.tensor_v1<2x3x5x!vhlo.f32_v1>, !vhlo.tensor_v1<3x5x!vhlo.f32_v1>, !vhlo.tensor_v1<2x6x4x5x!vhlo.f32_v1>)>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"contractions">, sym_visibility = #vhlo.string_v1<"private">}> ({
^bb0(%a: !vhlo.tensor_v1<2x3x4x!vhlo.f32_v1>, %b: !vhlo.tensor_v1<2x4x5x!vhlo.f32_v1>, %c: !vhlo.tensor_v1<3x4x!vhlo.f32_v1>, %d: !vhlo.tensor_v1<4x5x!vhlo.f32_v1>, %x: !vhlo.tensor_v1<2x4x7x6x!vhlo.f32_v1>, %w: !vhlo.tensor_v1<6x2x3x2x!vhlo.f32_v1>):
  %0 = "vhlo.dot_general_v2"(%a, %b) <{accumulation_type = #vhlo.type_v1<!vhlo.none_v1>, allow_imprecise_accumulation = #vhlo.type_v1<!vhlo.none_v1>, lhs_batching_dimensions = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>, lhs_component_count = #vhlo.type_v1<!vhlo.none_v1>, lhs_contracting_dimensions = #vhlo.tensor_v1<dense<2> : tensor<1xi64>>, lhs_precision_type = #vhlo.type_v1<!vhlo.none_v1>, num_primitive_operations = #vhlo.type_v1<!vhlo.none_v1>, precision_config = #vhlo.array_v1<[#vhlo<precision_v1 HIGHEST>, #vhlo<precision_v1 DEFAULT>]>, rhs_batching_dimensions = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>, rhs_component_count = #vhlo.type_v1<!vhlo.none_v1>, rhs_contracting_dimensions = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>, rhs_precision_type = #vhlo.type_v1<!vhlo.none_v1>}> : (!vhlo.tensor_v1<2x3x4x!vhlo.f32_v1>, !vhlo.tensor_v1<2x4x5x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x5x!vhlo.f32_v1>
  %1 = "vhlo.dot_general_v1"(%c, %d) <{lhs_batching_dimensions = #vhlo.tensor_v1<dense<> : tensor<0xi64>>, lhs_contracting_dimensions = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>, precision_config = #vhlo.array_v1<[#vhlo<precision_v1 DEFAULT>, #vhlo<precision_v1 DEFAULT>]>, rhs_batching_dimensions = #vhlo.tensor_v1<dense<> : tensor<0xi64>>, rhs_contracting_dimensions = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>}> : (!vhlo.tensor_v1<3x4x!vhlo.f32_v1>, !vhlo.tensor_v1<4x5x!vhlo.f32_v1>) -> !vhlo.tensor_v1<3x5x!vhlo.f32_v1>
  %2 = "vhlo.convolution_v1"(%x, %w) <{batch_group_count = #vhlo.integer_v1<1 : i64>, feature_group_count = #vhlo.integer_v1<2 : i64>, input_batch_dimension = #vhlo.integer_v1<0 : i64>, input_feature_dimension = #vhlo.integer_v1<1 : i64>, input_spatial_dimensions = #vhlo.tensor_v1<dense<[2, 3]> : tensor<2xi64>>, kernel_input_feature_dimension = #vhlo.integer_v1<1 : i64>, kernel_output_feature_dimension = #vhlo.integer_v1<0 : i64>, kernel_spatial_dimensions = #vhlo.tensor_v1<dense<[2, 3]> : tensor<2xi64>>, lhs_dilation = #vhlo.tensor_v1<dense<1> : tensor<2xi64>>, output_batch_dimension = #vhlo.integer_v1<0 : i64>, output_feature_dimension = #vhlo.integer_v1<1 : i64>, output_spatial_dimensions = #vhlo.tensor_v1<dense<[2, 3]> : tensor<2xi64>>, padding = #vhlo.tensor_v1<dense<[[1, 2], [0, 1]]> : tensor<2x2xi64>>, precision_config = #vhlo.array_v1<[#vhlo<precision_v1 DEFAULT>, #vhlo<precision_v1 DEFAULT>]>, rhs_dilation = #vhlo.tensor_v1<dense<[1, 2]> : tensor<2xi64>>, window_reversal = #vhlo.tensor_v1<dense<false> : tensor<2xi1>>, window_strides = #vhlo.tensor_v1<dense<[2, 1]> : tensor<2xi64>>}> : (!vhlo.tensor_v1<2x4x7x6x!vhlo.f32_v1>, !vhlo.tensor_v1<6x2x3x2x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x6x4x5x!vhlo.f32_v1>
  "vhlo.return_v1"(%0, %1, %2) : (!vhlo.tensor_v1<2x3x5x!vhlo.f32_v1>, !vhlo.tensor_v1<3x5x!vhlo.f32_v1>, !vhlo.tensor_v1<2x6x4x5x!vhlo.f32_v1>) -> ()
}) : () -> ()

// -----

// Gather and scatter (v1 has no batching dimensions, v2 does), control
// flow, calls and a custom call.
// CHECK-LABEL: func.func @indexing
// CHECK: "stablehlo.gather"(%{{.*}}, %{{.*}}) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = true, slice_sizes = array<i64: 1, 3>}>
// CHECK: "stablehlo.gather"(%{{.*}}, %{{.*}}) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 1>, slice_sizes = array<i64: 1, 3>}>
// CHECK: "stablehlo.scatter"(%{{.*}}, %{{.*}}, %{{.*}}) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = true}> ({
// CHECK-NEXT: ^bb0(%[[OLD:.*]]: tensor<f32>, %[[NEW:.*]]: tensor<f32>):
// CHECK-NEXT: stablehlo.return %[[NEW]] : tensor<f32>
// CHECK: stablehlo.while(%{{.*}} = %{{.*}}) : tensor<i32>
// CHECK: stablehlo.compare LT,
// CHECK: stablehlo.return
// CHECK: } do {
// CHECK: %[[SUM:.*]] = func.call @increment(
// CHECK: stablehlo.return %[[SUM]] : tensor<i32>
// CHECK: "stablehlo.if"(%{{.*}}) ({
// CHECK: "stablehlo.case"(%{{.*}}) ({
// CHECK: stablehlo.custom_call @lapack_sgetrf_ffi(%{{.*}}) {api_version = 4 : i32, backend_config = {uplo = 76 : ui8}, has_side_effect = true, operand_layouts = [dense<[0, 1]> : tensor<2xindex>], result_layouts = [dense<[0, 1]> : tensor<2xindex>]} : (tensor<10x3xf32>) -> tensor<10x3xf32>
// CHECK-LABEL: func.func private @increment
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<10x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x1x!vhlo.i32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<!vhlo.bool_v1>) -> (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<10x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<10x3x!vhlo.f32_v1>)>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"indexing">, sym_visibility = #vhlo.string_v1<"">}> ({
^bb0(%x: !vhlo.tensor_v1<10x3x!vhlo.f32_v1>, %i: !vhlo.tensor_v1<2x1x!vhlo.i32_v1>, %k: !vhlo.tensor_v1<!vhlo.i32_v1>, %p: !vhlo.tensor_v1<!vhlo.bool_v1>):
  %0 = "vhlo.gather_v1"(%x, %i) <{collapsed_slice_dims = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>, index_vector_dim = #vhlo.integer_v1<1 : i64>, indices_are_sorted = #vhlo.bool_v1<true>, offset_dims = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>, slice_sizes = #vhlo.tensor_v1<dense<[1, 3]> : tensor<2xi64>>, start_index_map = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>}> : (!vhlo.tensor_v1<10x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x1x!vhlo.i32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.f32_v1>
  %1 = "vhlo.gather_v2"(%0, %i) <{collapsed_slice_dims = #vhlo.tensor_v1<dense<> : tensor<0xi64>>, index_vector_dim = #vhlo.integer_v1<1 : i64>, indices_are_sorted = #vhlo.bool_v1<false>, offset_dims = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>, operand_batching_dims = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>, slice_sizes = #vhlo.tensor_v1<dense<[1, 3]> : tensor<2xi64>>, start_index_map = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>, start_indices_batching_dims = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>}> : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x1x!vhlo.i32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.f32_v1>
  %2 = "vhlo.scatter_v2"(%x, %i, %0) <{index_vector_dim = #vhlo.integer_v1<1 : i64>, indices_are_sorted = #vhlo.bool_v1<false>, input_batching_dims = #vhlo.tensor_v1<dense<> : tensor<0xi64>>, inserted_window_dims = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>, scatter_dims_to_operand_dims = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>, scatter_indices_batching_dims = #vhlo.tensor_v1<dense<> : tensor<0xi64>>, unique_indices = #vhlo.bool_v1<true>, update_window_dims = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>}> ({
  ^bb0(%old: !vhlo.tensor_v1<!vhlo.f32_v1>, %new: !vhlo.tensor_v1<!vhlo.f32_v1>):
    "vhlo.return_v1"(%new) : (!vhlo.tensor_v1<!vhlo.f32_v1>) -> ()
  }) : (!vhlo.tensor_v1<10x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x1x!vhlo.i32_v1>, !vhlo.tensor_v1<2x3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<10x3x!vhlo.f32_v1>
  %3 = "vhlo.while_v1"(%k) ({
  ^bb0(%c: !vhlo.tensor_v1<!vhlo.i32_v1>):
    %lt = "vhlo.compare_v1"(%c, %k) <{compare_type = #vhlo<comparison_type_v1 SIGNED>, comparison_direction = #vhlo<comparison_direction_v1 LT>}> : (!vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.bool_v1>
    "vhlo.return_v1"(%lt) : (!vhlo.tensor_v1<!vhlo.bool_v1>) -> ()
  }, {
  ^bb0(%c: !vhlo.tensor_v1<!vhlo.i32_v1>):
    %next = "vhlo.call_v1"(%c) <{callee = #vhlo.string_v1<"increment">}> : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>
    "vhlo.return_v1"(%next) : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> ()
  }) : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>
  %4 = "vhlo.if_v1"(%p) ({
    "vhlo.return_v1"(%k) : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> ()
  }, {
    "vhlo.return_v1"(%3) : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> ()
  }) : (!vhlo.tensor_v1<!vhlo.bool_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>
  %5 = "vhlo.case_v1"(%k) ({
    "vhlo.return_v1"(%k) : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> ()
  }) : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>
  %6 = "vhlo.custom_call_v1"(%x) <{api_version = #vhlo<api_version_v1 API_VERSION_TYPED_FFI>, backend_config = #vhlo.dict_v1<{#vhlo.string_v1<"uplo"> = #vhlo.integer_v1<76 : ui8>}>, call_target_name = #vhlo.string_v1<"lapack_sgetrf_ffi">, called_computations = #vhlo.array_v1<[]>, has_side_effect = #vhlo.bool_v1<true>, operand_layouts = #vhlo.array_v1<[#vhlo.tensor_v1<dense<[0, 1]> : tensor<2xindex>>]>, output_operand_aliases = #vhlo.array_v1<[]>, result_layouts = #vhlo.array_v1<[#vhlo.tensor_v1<dense<[0, 1]> : tensor<2xindex>>]>}> : (!vhlo.tensor_v1<10x3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<10x3x!vhlo.f32_v1>
  "vhlo.return_v1"(%0, %1, %2, %3, %4, %5, %6) : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<10x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<10x3x!vhlo.f32_v1>) -> ()
}) : () -> ()
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"increment">, sym_visibility = #vhlo.string_v1<"private">}> ({
^bb0(%v: !vhlo.tensor_v1<!vhlo.i32_v1>):
  %one = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<1> : tensor<i32>>}> : () -> !vhlo.tensor_v1<!vhlo.i32_v1>
  %sum = "vhlo.add_v1"(%v, %one) : (!vhlo.tensor_v1<!vhlo.i32_v1>, !vhlo.tensor_v1<!vhlo.i32_v1>) -> !vhlo.tensor_v1<!vhlo.i32_v1>
  "vhlo.return_v1"(%sum) : (!vhlo.tensor_v1<!vhlo.i32_v1>) -> ()
}) : () -> ()

// -----

// Types: unsigned, half and 8-bit floats, complex, bool constants.
// CHECK-LABEL: func.func @types
// CHECK-SAME: (%{{.*}}: tensor<4xbf16>, %{{.*}}: tensor<4xf16>, %{{.*}}: tensor<4xf8E4M3FN>, %{{.*}}: tensor<2xcomplex<f64>>, %{{.*}}: tensor<3xui8>)
// CHECK: stablehlo.constant dense<[true, false, false, false, false, false, false, false, false, true]> : tensor<10xi1>
// CHECK: stablehlo.constant dense<(1.000000e+00,2.000000e+00)> : tensor<2xcomplex<f64>>
// CHECK: stablehlo.constant dense<[1, 255, 7]> : tensor<3xui8>
// CHECK: stablehlo.convert %{{.*}} : (tensor<4xf8E4M3FN>) -> tensor<4xbf16>
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<4x!vhlo.bf16_v1>, !vhlo.tensor_v1<4x!vhlo.f16_v1>, !vhlo.tensor_v1<4x!vhlo.f8E4M3FN_v1>, !vhlo.tensor_v1<2x!vhlo.complex_v1<!vhlo.f64_v1>>, !vhlo.tensor_v1<3x!vhlo.ui8_v1>) -> (!vhlo.tensor_v1<10x!vhlo.bool_v1>, !vhlo.tensor_v1<2x!vhlo.complex_v1<!vhlo.f64_v1>>, !vhlo.tensor_v1<3x!vhlo.ui8_v1>, !vhlo.tensor_v1<4x!vhlo.bf16_v1>)>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"types">, sym_visibility = #vhlo.string_v1<"">}> ({
^bb0(%a: !vhlo.tensor_v1<4x!vhlo.bf16_v1>, %b: !vhlo.tensor_v1<4x!vhlo.f16_v1>, %c: !vhlo.tensor_v1<4x!vhlo.f8E4M3FN_v1>, %d: !vhlo.tensor_v1<2x!vhlo.complex_v1<!vhlo.f64_v1>>, %e: !vhlo.tensor_v1<3x!vhlo.ui8_v1>):
  %0 = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<[true, false, false, false, false, false, false, false, false, true]> : tensor<10xi1>>}> : () -> !vhlo.tensor_v1<10x!vhlo.bool_v1>
  %1 = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<(1.0, 2.0)> : tensor<2xcomplex<f64>>>}> : () -> !vhlo.tensor_v1<2x!vhlo.complex_v1<!vhlo.f64_v1>>
  %2 = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<[1, 255, 7]> : tensor<3xui8>>}> : () -> !vhlo.tensor_v1<3x!vhlo.ui8_v1>
  %3 = "vhlo.convert_v1"(%c) : (!vhlo.tensor_v1<4x!vhlo.f8E4M3FN_v1>) -> !vhlo.tensor_v1<4x!vhlo.bf16_v1>
  "vhlo.return_v1"(%0, %1, %2, %3) : (!vhlo.tensor_v1<10x!vhlo.bool_v1>, !vhlo.tensor_v1<2x!vhlo.complex_v1<!vhlo.f64_v1>>, !vhlo.tensor_v1<3x!vhlo.ui8_v1>, !vhlo.tensor_v1<4x!vhlo.bf16_v1>) -> ()
}) : () -> ()

// -----

// Other dialects' ops between casts from and to VHLO types: the casts go.
// CHECK-LABEL: func.func @mixed(
// CHECK-SAME: %[[X:.*]]: tensor<4xf32>
// CHECK-NEXT: %[[E:.*]] = chlo.erf %[[X]] : tensor<4xf32> -> tensor<4xf32>
// CHECK-NEXT: return %[[E]] : tensor<4xf32>
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> !vhlo.tensor_v1<4x!vhlo.f32_v1>>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"mixed">, sym_visibility = #vhlo.string_v1<"">}> ({
^bb0(%x: !vhlo.tensor_v1<4x!vhlo.f32_v1>):
  %0 = "builtin.unrealized_conversion_cast"(%x) : (!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> tensor<4xf32>
  %1 = "chlo.erf"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "builtin.unrealized_conversion_cast"(%1) : (tensor<4xf32>) -> !vhlo.tensor_v1<4x!vhlo.f32_v1>
  "vhlo.return_v1"(%2) : (!vhlo.tensor_v1<4x!vhlo.f32_v1>) -> ()
}) : () -> ()

// -----

// dot_general_v2's algorithm fields become one #stablehlo.dot_algorithm.
// CHECK-LABEL: func.func public @dot_algorithm
// CHECK: stablehlo.dot_general %{{.*}}, %{{.*}}, contracting_dims = [1] x [0], algorithm = <lhs_precision_type = bf16, rhs_precision_type = bf16, accumulation_type = f32, lhs_component_count = 1, rhs_component_count = 1, num_primitive_operations = 1, allow_imprecise_accumulation = false> : (tensor<2x2xbf16>, tensor<2x2xbf16>) -> tensor<2x2xf32>
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<2x2x!vhlo.bf16_v1>) -> !vhlo.tensor_v1<2x2x!vhlo.f32_v1>>>, res_attrs = #vhlo.array_v1<[]>, sym_name = #vhlo.string_v1<"dot_algorithm">, sym_visibility = #vhlo.string_v1<"public">}> ({
^bb0(%x: !vhlo.tensor_v1<2x2x!vhlo.bf16_v1>):
  %0 = "vhlo.dot_general_v2"(%x, %x) <{accumulation_type = #vhlo.type_v1<!vhlo.f32_v1>, allow_imprecise_accumulation = #vhlo.bool_v1<false>, lhs_batching_dimensions = #vhlo.tensor_v1<dense<> : tensor<0xi64>>, lhs_component_count = #vhlo.integer_v1<1 : i64>, lhs_contracting_dimensions = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>, lhs_precision_type = #vhlo.type_v1<!vhlo.bf16_v1>, num_primitive_operations = #vhlo.integer_v1<1 : i64>, precision_config = #vhlo.array_v1<[]>, rhs_batching_dimensions = #vhlo.tensor_v1<dense<> : tensor<0xi64>>, rhs_component_count = #vhlo.integer_v1<1 : i64>, rhs_contracting_dimensions = #vhlo.tensor_v1<dense<0> : tensor<1xi64>>, rhs_precision_type = #vhlo.type_v1<!vhlo.bf16_v1>}> : (!vhlo.tensor_v1<2x2x!vhlo.bf16_v1>, !vhlo.tensor_v1<2x2x!vhlo.bf16_v1>) -> !vhlo.tensor_v1<2x2x!vhlo.f32_v1>
  "vhlo.return_v1"(%0) : (!vhlo.tensor_v1<2x2x!vhlo.f32_v1>) -> ()
}) : () -> ()

