// VHLO's types and attributes print as they parse, in text and through
// bytecode (VHLO's own encoding of each kind, and the ops' attributes as
// properties in the order of their names).
// RUN: jaxc-opt %s | jaxc-opt | FileCheck %s
// RUN: jaxc-opt %s --emit-bytecode | jaxc-opt | FileCheck %s
// RUN: jaxc-opt %s --emit-bytecode | jaxc-opt --emit-bytecode | jaxc-opt | FileCheck %s

// CHECK-LABEL: "vhlo.func_v1"
// CHECK-SAME: arg_attrs = #vhlo.array_v1<[#vhlo.dict_v1<{}>, #vhlo.dict_v1<{#vhlo.string_v1<"mhlo.sharding"> = #vhlo.string_v1<"{replicated}">}>]>
// CHECK-SAME: function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.ui32_v1>) -> (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.ui32_v1>)>>
// CHECK-SAME: res_attrs = #vhlo.array_v1<[#vhlo.dict_v1<{#vhlo.string_v1<"jax.result_info"> = #vhlo.string_v1<"result[0]">}>, #vhlo.dict_v1<{}>]>
// CHECK-SAME: sym_name = #vhlo.string_v1<"main">, sym_visibility = #vhlo.string_v1<"public">
// CHECK: ^bb0(%[[X:.*]]: !vhlo.tensor_v1<2x3x!vhlo.f32_v1>, %[[N:.*]]: !vhlo.tensor_v1<!vhlo.ui32_v1>):
// CHECK: %[[C:.*]] = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>>}>
// CHECK: "vhlo.broadcast_in_dim_v1"(%[[C]]) <{broadcast_dimensions = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>}>
// CHECK: "vhlo.compare_v1"(%[[X]], %{{.*}}) <{compare_type = #vhlo<comparison_type_v1 FLOAT>, comparison_direction = #vhlo<comparison_direction_v1 LT>}>
// CHECK-SAME: -> !vhlo.tensor_v1<2x3x!vhlo.bool_v1>
// CHECK: "vhlo.sine_v2"(%[[X]]) <{result_accuracy = #vhlo.result_accuracy_v1<atol = 0.000000e+00, rtol = 0.000000e+00, ulps = 0, mode = #vhlo<result_accuracy_mode_v1 DEFAULT>>}>
// CHECK: "vhlo.reduce_v1"(%[[X]], %{{.*}}) <{dimensions = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>}> ({
// CHECK-NEXT: ^bb0(%{{.*}}: !vhlo.tensor_v1<!vhlo.f32_v1>, %{{.*}}: !vhlo.tensor_v1<!vhlo.f32_v1>):
// CHECK: "vhlo.return_v1"
// CHECK: "vhlo.return_v1"(%{{.*}}, %[[N]])
"vhlo.func_v1"() <{arg_attrs = #vhlo.array_v1<[#vhlo.dict_v1<{}>, #vhlo.dict_v1<{#vhlo.string_v1<"mhlo.sharding"> = #vhlo.string_v1<"{replicated}">}>]>, function_type = #vhlo.type_v1<!vhlo.func_v1<(!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.ui32_v1>) -> (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.ui32_v1>)>>, res_attrs = #vhlo.array_v1<[#vhlo.dict_v1<{#vhlo.string_v1<"jax.result_info"> = #vhlo.string_v1<"result[0]">}>, #vhlo.dict_v1<{}>]>, sym_name = #vhlo.string_v1<"main">, sym_visibility = #vhlo.string_v1<"public">}> ({
^bb0(%x: !vhlo.tensor_v1<2x3x!vhlo.f32_v1>, %n: !vhlo.tensor_v1<!vhlo.ui32_v1>):
  %c = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<[1.0, 2.0, 3.0]> : tensor<3xf32>>}> : () -> !vhlo.tensor_v1<3x!vhlo.f32_v1>
  %b = "vhlo.broadcast_in_dim_v1"(%c) <{broadcast_dimensions = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>}> : (!vhlo.tensor_v1<3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.f32_v1>
  %p = "vhlo.compare_v1"(%x, %b) <{compare_type = #vhlo<comparison_type_v1 FLOAT>, comparison_direction = #vhlo<comparison_direction_v1 LT>}> : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.bool_v1>
  %s = "vhlo.sine_v2"(%x) <{result_accuracy = #vhlo.result_accuracy_v1<atol = 0.000000e+00, rtol = 0.000000e+00, ulps = 0, mode = #vhlo<result_accuracy_mode_v1 DEFAULT>>}> : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.f32_v1>
  %z = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<0.0> : tensor<f32>>}> : () -> !vhlo.tensor_v1<!vhlo.f32_v1>
  %r = "vhlo.reduce_v1"(%x, %z) <{dimensions = #vhlo.tensor_v1<dense<1> : tensor<1xi64>>}> ({
  ^bb0(%a: !vhlo.tensor_v1<!vhlo.f32_v1>, %e: !vhlo.tensor_v1<!vhlo.f32_v1>):
    %sum = "vhlo.add_v1"(%a, %e) : (!vhlo.tensor_v1<!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.f32_v1>) -> !vhlo.tensor_v1<!vhlo.f32_v1>
    "vhlo.return_v1"(%sum) : (!vhlo.tensor_v1<!vhlo.f32_v1>) -> ()
  }) : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x!vhlo.f32_v1>
  %sel = "vhlo.select_v1"(%p, %s, %x) : (!vhlo.tensor_v1<2x3x!vhlo.bool_v1>, !vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<2x3x!vhlo.f32_v1>) -> !vhlo.tensor_v1<2x3x!vhlo.f32_v1>
  "vhlo.return_v1"(%sel, %n) : (!vhlo.tensor_v1<2x3x!vhlo.f32_v1>, !vhlo.tensor_v1<!vhlo.ui32_v1>) -> ()
}) : () -> ()

// Every element type, in type_v1 attributes.
// CHECK-LABEL: "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<true> : tensor<i1>>}>
// CHECK-SAME: types = [
// CHECK-SAME: #vhlo.type_v1<!vhlo.bool_v1>, #vhlo.type_v1<!vhlo.i2_v1>, #vhlo.type_v1<!vhlo.i4_v1>, #vhlo.type_v1<!vhlo.i8_v1>, #vhlo.type_v1<!vhlo.i16_v1>, #vhlo.type_v1<!vhlo.i32_v1>, #vhlo.type_v1<!vhlo.i64_v1>
// CHECK-SAME: #vhlo.type_v1<!vhlo.ui2_v1>, #vhlo.type_v1<!vhlo.ui4_v1>, #vhlo.type_v1<!vhlo.ui8_v1>, #vhlo.type_v1<!vhlo.ui16_v1>, #vhlo.type_v1<!vhlo.ui32_v1>, #vhlo.type_v1<!vhlo.ui64_v1>, #vhlo.type_v1<!vhlo.index_v1>
// CHECK-SAME: #vhlo.type_v1<!vhlo.bf16_v1>, #vhlo.type_v1<!vhlo.f16_v1>, #vhlo.type_v1<!vhlo.f32_v1>, #vhlo.type_v1<!vhlo.f64_v1>, #vhlo.type_v1<!vhlo.tf32_v1>
// CHECK-SAME: #vhlo.type_v1<!vhlo.f4E2M1FN_v1>, #vhlo.type_v1<!vhlo.f6E2M3FN_v1>, #vhlo.type_v1<!vhlo.f6E3M2FN_v1>, #vhlo.type_v1<!vhlo.f8E3M4_v1>, #vhlo.type_v1<!vhlo.f8E4M3_v1>, #vhlo.type_v1<!vhlo.f8E4M3FN_v1>, #vhlo.type_v1<!vhlo.f8E5M2_v1>
// CHECK-SAME: #vhlo.type_v1<!vhlo.f8E4M3FNUZ_v1>, #vhlo.type_v1<!vhlo.f8E5M2FNUZ_v1>, #vhlo.type_v1<!vhlo.f8E4M3B11FNUZ_v1>, #vhlo.type_v1<!vhlo.f8E8M0FNU_v1>
// CHECK-SAME: #vhlo.type_v1<!vhlo.complex_v1<!vhlo.f32_v1>>, #vhlo.type_v1<!vhlo.none_v1>, #vhlo.type_v1<!vhlo.token_v1>, #vhlo.type_v1<!vhlo.witness_v1>
// CHECK-SAME: #vhlo.type_v1<!vhlo.tensor_v1<?x4x!vhlo.f32_v1, #vhlo.type_extensions_v1<bounds = [8, -9223372036854775808]>>>
// CHECK-SAME: #vhlo.type_v1<!vhlo.unranked_tensor_v1<!vhlo.i8_v1>>, #vhlo.type_v1<!vhlo.buffer_v1<2x!vhlo.f32_v1>>
// CHECK-SAME: #vhlo.type_v1<!vhlo.tuple_v1<>>, #vhlo.type_v1<!vhlo.tuple_v1<!vhlo.token_v1, !vhlo.tensor_v1<!vhlo.f32_v1>>>, #vhlo.type_v1<!vhlo.future_v1<!vhlo.tensor_v1<!vhlo.f32_v1>>>
// CHECK-SAME: #vhlo.type_v1<!vhlo.func_v1<() -> ()>>
// CHECK-SAME: #vhlo.type_v1<!vhlo.quant_v1<flags = 1, storageType = !vhlo.i8_v1, expressedType = !vhlo.f32_v1, scale = 5.000000e-01 : f64, zeroPoint = -3, storageTypeMin = -128, storageTypeMax = 127>>
// CHECK-SAME: #vhlo.type_v1<!vhlo.quant_per_axis_v1<flags = 1, storageType = !vhlo.i8_v1, expressedType = !vhlo.f32_v1, quantizedDimension = 1, scales = [5.000000e-01, 2.500000e-01], zeroPoints = [0, 1], storageTypeMin = -128, storageTypeMax = 127>>
%t = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<true> : tensor<i1>>}> {types = [
  #vhlo.type_v1<!vhlo.bool_v1>, #vhlo.type_v1<!vhlo.i2_v1>, #vhlo.type_v1<!vhlo.i4_v1>, #vhlo.type_v1<!vhlo.i8_v1>, #vhlo.type_v1<!vhlo.i16_v1>, #vhlo.type_v1<!vhlo.i32_v1>, #vhlo.type_v1<!vhlo.i64_v1>,
  #vhlo.type_v1<!vhlo.ui2_v1>, #vhlo.type_v1<!vhlo.ui4_v1>, #vhlo.type_v1<!vhlo.ui8_v1>, #vhlo.type_v1<!vhlo.ui16_v1>, #vhlo.type_v1<!vhlo.ui32_v1>, #vhlo.type_v1<!vhlo.ui64_v1>, #vhlo.type_v1<!vhlo.index_v1>,
  #vhlo.type_v1<!vhlo.bf16_v1>, #vhlo.type_v1<!vhlo.f16_v1>, #vhlo.type_v1<!vhlo.f32_v1>, #vhlo.type_v1<!vhlo.f64_v1>, #vhlo.type_v1<!vhlo.tf32_v1>,
  #vhlo.type_v1<!vhlo.f4E2M1FN_v1>, #vhlo.type_v1<!vhlo.f6E2M3FN_v1>, #vhlo.type_v1<!vhlo.f6E3M2FN_v1>, #vhlo.type_v1<!vhlo.f8E3M4_v1>, #vhlo.type_v1<!vhlo.f8E4M3_v1>, #vhlo.type_v1<!vhlo.f8E4M3FN_v1>, #vhlo.type_v1<!vhlo.f8E5M2_v1>,
  #vhlo.type_v1<!vhlo.f8E4M3FNUZ_v1>, #vhlo.type_v1<!vhlo.f8E5M2FNUZ_v1>, #vhlo.type_v1<!vhlo.f8E4M3B11FNUZ_v1>, #vhlo.type_v1<!vhlo.f8E8M0FNU_v1>,
  #vhlo.type_v1<!vhlo.complex_v1<!vhlo.f32_v1>>, #vhlo.type_v1<!vhlo.none_v1>, #vhlo.type_v1<!vhlo.token_v1>, #vhlo.type_v1<!vhlo.witness_v1>,
  #vhlo.type_v1<!vhlo.tensor_v1<?x4x!vhlo.f32_v1, #vhlo.type_extensions_v1<bounds = [8, -9223372036854775808]>>>,
  #vhlo.type_v1<!vhlo.unranked_tensor_v1<!vhlo.i8_v1>>, #vhlo.type_v1<!vhlo.buffer_v1<2x!vhlo.f32_v1>>,
  #vhlo.type_v1<!vhlo.tuple_v1<>>, #vhlo.type_v1<!vhlo.tuple_v1<!vhlo.token_v1, !vhlo.tensor_v1<!vhlo.f32_v1>>>, #vhlo.type_v1<!vhlo.future_v1<!vhlo.tensor_v1<!vhlo.f32_v1>>>,
  #vhlo.type_v1<!vhlo.func_v1<() -> ()>>,
  #vhlo.type_v1<!vhlo.quant_v1<flags = 1, storageType = !vhlo.i8_v1, expressedType = !vhlo.f32_v1, scale = 5.000000e-01 : f64, zeroPoint = -3, storageTypeMin = -128, storageTypeMax = 127>>,
  #vhlo.type_v1<!vhlo.quant_per_axis_v1<flags = 1, storageType = !vhlo.i8_v1, expressedType = !vhlo.f32_v1, quantizedDimension = 1, scales = [0.5, 0.25], zeroPoints = [0, 1], storageTypeMin = -128, storageTypeMax = 127>>
]} : () -> !vhlo.tensor_v1<!vhlo.bool_v1>

// Every attribute kind. i1 tensors travel bit-packed: 9 and 17 elements
// cross byte boundaries, a splat of more than 8 is one byte.
// CHECK-LABEL: "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<[true, false, true, true, false, false, false, true, true]> : tensor<9xi1>>}>
// CHECK-SAME: array = #vhlo.array_v1<[]>
// CHECK-SAME: bools = #vhlo.array_v1<[#vhlo.bool_v1<true>, #vhlo.bool_v1<false>]>
// CHECK-SAME: dict = #vhlo.dict_v1<{#vhlo.string_v1<"a"> = #vhlo.integer_v1<76 : ui8>, #vhlo.string_v1<"b"> = #vhlo.dict_v1<{}>}>
// CHECK-SAME: enums = #vhlo.array_v1<[#vhlo<comparison_direction_v1 NE>, #vhlo<comparison_type_v1 TOTALORDER>, #vhlo<api_version_v1 API_VERSION_TYPED_FFI>, #vhlo<fft_type_v1 IRFFT>, #vhlo<precision_v1 HIGHEST>, #vhlo<rng_algorithm_v1 PHILOX>, #vhlo<rng_distribution_v1 NORMAL>, #vhlo<transpose_v1 ADJOINT>, #vhlo<result_accuracy_mode_v1 TOLERANCE>]>
// CHECK-SAME: floats = #vhlo.array_v1<[#vhlo.float_v1<1.500000e+00 : f32>, #vhlo.float_v1<-2.500000e-01 : bf16>, #vhlo.float_v1<1.000000e-01 : f64>, #vhlo.float_v1<4.480000e+02 : f8E4M3FN>]>
// CHECK-SAME: integers = #vhlo.array_v1<[#vhlo.integer_v1<-1 : i64>, #vhlo.integer_v1<3 : i32>, #vhlo.integer_v1<4294967295 : ui32>, #vhlo.integer_v1<7 : index>, #vhlo.integer_v1<-2 : i4>]>
// CHECK-SAME: mesh = #vhlo.array_v1<[#vhlo.replica_group_mesh_axes_v1<mesh = #vhlo.mesh_v1<axes = #vhlo.array_v1<[#vhlo.mesh_axis_v1<name = #vhlo.string_v1<"x">, size = 2>]>, device_ids = #vhlo.array_v1<[]>>, axes = #vhlo.array_v1<[#vhlo.axis_ref_v1<name = #vhlo.string_v1<"x">, sub_axis_info = #vhlo.sub_axis_info_v1<pre_size = 1, size = 2>>, #vhlo.axis_ref_v1<name = #vhlo.string_v1<"x">>]>>, #vhlo.mesh_v1<axes = #vhlo.array_v1<[]>>]>
// CHECK-SAME: others = #vhlo.array_v1<[#vhlo.output_operand_alias_v1<outputTupleIndices = [0, 1], operandIndex = 2, operandTupleIndices = []>, #vhlo.type_extensions_v1<bounds = [4]>, #vhlo.result_accuracy_v1<atol = 1.000000e-05, rtol = 0.000000e+00, ulps = 2, mode = #vhlo<result_accuracy_mode_v1 TOLERANCE>>, #vhlo.string_v1<"">]>
// CHECK-SAME: tensors = #vhlo.array_v1<[#vhlo.tensor_v1<dense<true> : tensor<17xi1>>, #vhlo.tensor_v1<dense<[false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, true]> : tensor<17xi1>>, #vhlo.tensor_v1<dense<[true, false]> : tensor<2xi1>>, #vhlo.tensor_v1<dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xui16>>, #vhlo.tensor_v1<dense<(1.000000e+00,-2.000000e+00)> : tensor<3xcomplex<f32>>>, #vhlo.tensor_v1<dense<[1.000000e+00, 5.000000e-01]> : tensor<2xbf16>>, #vhlo.tensor_v1<dense<> : tensor<0xf32>>, #vhlo.tensor_v1<dense<[0, 1]> : tensor<2xindex>>]>
%a = "vhlo.constant_v1"() <{value = #vhlo.tensor_v1<dense<[true, false, true, true, false, false, false, true, true]> : tensor<9xi1>>}> {
  array = #vhlo.array_v1<[]>,
  bools = #vhlo.array_v1<[#vhlo.bool_v1<true>, #vhlo.bool_v1<false>]>,
  dict = #vhlo.dict_v1<{#vhlo.string_v1<"a"> = #vhlo.integer_v1<76 : ui8>, #vhlo.string_v1<"b"> = #vhlo.dict_v1<{}>}>,
  enums = #vhlo.array_v1<[#vhlo<comparison_direction_v1 NE>, #vhlo<comparison_type_v1 TOTALORDER>, #vhlo<api_version_v1 API_VERSION_TYPED_FFI>, #vhlo<fft_type_v1 IRFFT>, #vhlo<precision_v1 HIGHEST>, #vhlo<rng_algorithm_v1 PHILOX>, #vhlo<rng_distribution_v1 NORMAL>, #vhlo<transpose_v1 ADJOINT>, #vhlo<result_accuracy_mode_v1 TOLERANCE>]>,
  floats = #vhlo.array_v1<[#vhlo.float_v1<1.5 : f32>, #vhlo.float_v1<-0.25 : bf16>, #vhlo.float_v1<0.1 : f64>, #vhlo.float_v1<448.0 : f8E4M3FN>]>,
  integers = #vhlo.array_v1<[#vhlo.integer_v1<-1 : i64>, #vhlo.integer_v1<3 : i32>, #vhlo.integer_v1<4294967295 : ui32>, #vhlo.integer_v1<7 : index>, #vhlo.integer_v1<-2 : i4>]>,
  mesh = #vhlo.array_v1<[#vhlo.replica_group_mesh_axes_v1<mesh = #vhlo.mesh_v1<axes = #vhlo.array_v1<[#vhlo.mesh_axis_v1<name = #vhlo.string_v1<"x">, size = 2>]>, device_ids = #vhlo.array_v1<[]>>, axes = #vhlo.array_v1<[#vhlo.axis_ref_v1<name = #vhlo.string_v1<"x">, sub_axis_info = #vhlo.sub_axis_info_v1<pre_size = 1, size = 2>>, #vhlo.axis_ref_v1<name = #vhlo.string_v1<"x">>]>>, #vhlo.mesh_v1<axes = #vhlo.array_v1<[]>>]>,
  others = #vhlo.array_v1<[#vhlo.output_operand_alias_v1<outputTupleIndices = [0, 1], operandIndex = 2, operandTupleIndices = []>, #vhlo.type_extensions_v1<bounds = [4]>, #vhlo.result_accuracy_v1<atol = 1.0e-05, rtol = 0.0, ulps = 2, mode = #vhlo<result_accuracy_mode_v1 TOLERANCE>>, #vhlo.string_v1<"">]>,
  tensors = #vhlo.array_v1<[#vhlo.tensor_v1<dense<true> : tensor<17xi1>>, #vhlo.tensor_v1<dense<[false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, true]> : tensor<17xi1>>, #vhlo.tensor_v1<dense<[true, false]> : tensor<2xi1>>, #vhlo.tensor_v1<dense<[[1, 2], [3, 4]]> : tensor<2x2xui16>>, #vhlo.tensor_v1<dense<(1.0, -2.0)> : tensor<3xcomplex<f32>>>, #vhlo.tensor_v1<dense<[1.0, 0.5]> : tensor<2xbf16>>, #vhlo.tensor_v1<dense<> : tensor<0xf32>>, #vhlo.tensor_v1<dense<[0, 1]> : tensor<2xindex>>]>
} : () -> !vhlo.tensor_v1<9x!vhlo.bool_v1>

// An op of a VHLO newer than jaxc knows reads and prints as an unknown op.
// CHECK-LABEL: "vhlo.frobnicate_v9"
// CHECK-SAME: {color = #vhlo.string_v1<"blue">}
"vhlo.frobnicate_v9"() {color = #vhlo.string_v1<"blue">} : () -> ()
