//===- VHLOOps.td - VHLO ops --------------------------------*- tablegen -*-===//
//
// Every VHLO op of StableHLO 1.x, by name, with the names of its attributes.
// VHLO ops keep their attributes as properties, and the bytecode stores an
// op's properties as its attributes in the order of their names, with no
// names: reading an artifact needs each op's attribute names, which is all
// these definitions give. Operands, results and regions are untyped lists
// (the conversion to StableHLO knows what each op's mean); every attribute
// is required, as in VHLO (absent StableHLO attributes are written as their
// defaults). An op missing here is read as an unknown op without its
// attributes, and the conversion refuses it by name.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_VHLO_IR_VHLOOPS_TD
#define JAXC_DIALECT_VHLO_IR_VHLOOPS_TD

include "VHLOBase.td"

class VHLO_Op<string mnemonic, list<string> attrNames = [],
              list<Trait> traits = []>
    : Op<VHLO_Dialect, mnemonic, traits> {
  let arguments = !con((ins Variadic<AnyType>:$vhlo_operands),
                       !dag(ins, !listsplat(AnyAttr, !size(attrNames)),
                            attrNames));
  let results = (outs Variadic<AnyType>:$vhlo_results);
  let regions = (region VariadicRegion<AnyRegion>:$vhlo_regions);
  // Built generically (the bytecode reader, the parser): one small builder
  // instead of ODS's set.
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::mlir::TypeRange":$resultTypes,
                                 "::mlir::ValueRange":$operands), [{
    $_state.addTypes(resultTypes);
    $_state.addOperands(operands);
  }]>];
}

def VHLO_AbsV1Op : VHLO_Op<"abs_v1">;
def VHLO_AddV1Op : VHLO_Op<"add_v1">;
def VHLO_AfterAllV1Op : VHLO_Op<"after_all_v1">;
def VHLO_AllGatherV1Op : VHLO_Op<"all_gather_v1", [
    "all_gather_dim", "channel_id", "replica_groups", "use_global_device_ids"]>;
def VHLO_AllGatherV2Op : VHLO_Op<"all_gather_v2", [
    "all_gather_dim", "channel_id", "replica_groups", "use_global_device_ids"]>;
def VHLO_AllReduceV1Op : VHLO_Op<"all_reduce_v1", [
    "channel_id", "replica_groups", "use_global_device_ids"]>;
def VHLO_AllReduceV2Op : VHLO_Op<"all_reduce_v2", [
    "channel_id", "replica_groups", "use_global_device_ids"]>;
def VHLO_AllToAllV1Op : VHLO_Op<"all_to_all_v1", [
    "channel_id", "concat_dimension", "replica_groups", "split_count",
    "split_dimension"]>;
def VHLO_AllToAllV2Op : VHLO_Op<"all_to_all_v2", [
    "channel_id", "concat_dimension", "replica_groups", "split_count",
    "split_dimension"]>;
def VHLO_AndV1Op : VHLO_Op<"and_v1">;
def VHLO_AsyncDoneV1Op : VHLO_Op<"async_done_v1">;
def VHLO_AsyncStartV1Op : VHLO_Op<"async_start_v1">;
def VHLO_Atan2V1Op : VHLO_Op<"atan2_v1">;
def VHLO_BatchNormGradV1Op : VHLO_Op<"batch_norm_grad_v1", [
    "epsilon", "feature_index"]>;
def VHLO_BatchNormInferenceV1Op : VHLO_Op<"batch_norm_inference_v1", [
    "epsilon", "feature_index"]>;
def VHLO_BatchNormTrainingV1Op : VHLO_Op<"batch_norm_training_v1", [
    "epsilon", "feature_index"]>;
def VHLO_BitcastConvertV1Op : VHLO_Op<"bitcast_convert_v1">;
def VHLO_BroadcastInDimV1Op : VHLO_Op<"broadcast_in_dim_v1", [
    "broadcast_dimensions"]>;
def VHLO_BroadcastV1Op : VHLO_Op<"broadcast_v1", ["broadcast_sizes"]>;
def VHLO_CallV1Op : VHLO_Op<"call_v1", ["callee"]>;
def VHLO_CaseV1Op : VHLO_Op<"case_v1">;
def VHLO_CbrtV1Op : VHLO_Op<"cbrt_v1">;
def VHLO_CbrtV2Op : VHLO_Op<"cbrt_v2", ["result_accuracy"]>;
def VHLO_CeilV1Op : VHLO_Op<"ceil_v1">;
def VHLO_CholeskyV1Op : VHLO_Op<"cholesky_v1", ["lower"]>;
def VHLO_ClampV1Op : VHLO_Op<"clamp_v1">;
def VHLO_CollectiveBroadcastV1Op : VHLO_Op<"collective_broadcast_v1", [
    "channel_id", "replica_groups"]>;
def VHLO_CollectiveBroadcastV2Op : VHLO_Op<"collective_broadcast_v2", [
    "channel_id", "has_dynamic_root", "replica_groups"]>;
def VHLO_CollectivePermuteV1Op : VHLO_Op<"collective_permute_v1", [
    "channel_id", "source_target_pairs"]>;
def VHLO_CollectiveReduceV1Op : VHLO_Op<"collective_reduce_v1", [
    "channel_id", "has_dynamic_root", "replica_groups", "use_global_device_ids"]>;
def VHLO_CompareV1Op : VHLO_Op<"compare_v1", [
    "compare_type", "comparison_direction"]>;
def VHLO_ComplexV1Op : VHLO_Op<"complex_v1">;
def VHLO_CompositeV1Op : VHLO_Op<"composite_v1", [
    "composite_attributes", "decomposition", "name", "version"]>;
def VHLO_CompositeV2Op : VHLO_Op<"composite_v2", [
    "composite_attributes", "decomposition", "name", "version"]>;
def VHLO_ConcatenateV1Op : VHLO_Op<"concatenate_v1", ["dimension"]>;
def VHLO_ConstantV1Op : VHLO_Op<"constant_v1", ["value"]>;
def VHLO_ConvertV1Op : VHLO_Op<"convert_v1">;
def VHLO_ConvolutionV1Op : VHLO_Op<"convolution_v1", [
    "batch_group_count", "feature_group_count", "input_batch_dimension",
    "input_feature_dimension", "input_spatial_dimensions",
    "kernel_input_feature_dimension", "kernel_output_feature_dimension",
    "kernel_spatial_dimensions", "lhs_dilation", "output_batch_dimension",
    "output_feature_dimension", "output_spatial_dimensions", "padding",
    "precision_config", "rhs_dilation", "window_reversal", "window_strides"]>;
def VHLO_CosineV1Op : VHLO_Op<"cosine_v1">;
def VHLO_CosineV2Op : VHLO_Op<"cosine_v2", ["result_accuracy"]>;
def VHLO_CountLeadingZerosV1Op : VHLO_Op<"count_leading_zeros_v1">;
def VHLO_CreateTokenV1Op : VHLO_Op<"create_token_v1">;
def VHLO_CrossReplicaSumV1Op : VHLO_Op<"cross-replica-sum_v1", [
    "replica_groups"]>;
def VHLO_CustomCallV1Op : VHLO_Op<"custom_call_v1", [
    "api_version", "backend_config", "call_target_name",
    "called_computations", "has_side_effect", "operand_layouts",
    "output_operand_aliases", "result_layouts"]>;
def VHLO_CustomCallV2Op : VHLO_Op<"custom_call_v2", [
    "api_version", "backend_config", "call_target_name",
    "called_computations", "has_side_effect", "operand_layouts",
    "output_operand_aliases", "result_layouts", "result_tilings"]>;
def VHLO_DivideV1Op : VHLO_Op<"divide_v1">;
def VHLO_DotGeneralV1Op : VHLO_Op<"dot_general_v1", [
    "lhs_batching_dimensions", "lhs_contracting_dimensions",
    "precision_config", "rhs_batching_dimensions", "rhs_contracting_dimensions"]>;
def VHLO_DotGeneralV2Op : VHLO_Op<"dot_general_v2", [
    "accumulation_type", "allow_imprecise_accumulation",
    "lhs_batching_dimensions", "lhs_component_count",
    "lhs_contracting_dimensions", "lhs_precision_type",
    "num_primitive_operations", "precision_config", "rhs_batching_dimensions",
    "rhs_component_count", "rhs_contracting_dimensions", "rhs_precision_type"]>;
def VHLO_DotV1Op : VHLO_Op<"dot_v1", ["precision_config"]>;
def VHLO_DynamicBroadcastInDimV1Op : VHLO_Op<"dynamic_broadcast_in_dim_v1", [
    "broadcast_dimensions", "known_expanding_dimensions",
    "known_nonexpanding_dimensions"]>;
def VHLO_DynamicConvV1Op : VHLO_Op<"dynamic_conv_v1", [
    "batch_group_count", "feature_group_count", "input_batch_dimension",
    "input_feature_dimension", "input_spatial_dimensions",
    "kernel_input_feature_dimension", "kernel_output_feature_dimension",
    "kernel_spatial_dimensions", "lhs_dilation", "output_batch_dimension",
    "output_feature_dimension", "output_spatial_dimensions", "padding",
    "precision_config", "rhs_dilation", "window_reversal", "window_strides"]>;
def VHLO_DynamicConvV2Op : VHLO_Op<"dynamic_conv_v2", [
    "batch_group_count", "feature_group_count", "input_batch_dimension",
    "input_feature_dimension", "input_spatial_dimensions",
    "kernel_input_feature_dimension", "kernel_output_feature_dimension",
    "kernel_spatial_dimensions", "lhs_dilation", "output_batch_dimension",
    "output_feature_dimension", "output_spatial_dimensions",
    "precision_config", "rhs_dilation", "window_reversal", "window_strides"]>;
def VHLO_DynamicGatherV1Op : VHLO_Op<"dynamic_gather_v1", [
    "collapsed_slice_dims", "index_vector_dim", "indices_are_sorted",
    "offset_dims", "start_index_map"]>;
def VHLO_DynamicGatherV2Op : VHLO_Op<"dynamic_gather_v2", [
    "collapsed_slice_dims", "index_vector_dim", "indices_are_sorted",
    "offset_dims", "operand_batching_dims", "start_index_map",
    "start_indices_batching_dims"]>;
def VHLO_DynamicIotaV1Op : VHLO_Op<"dynamic_iota_v1", ["iota_dimension"]>;
def VHLO_DynamicPadV1Op : VHLO_Op<"dynamic_pad_v1">;
def VHLO_DynamicReshapeV1Op : VHLO_Op<"dynamic_reshape_v1">;
def VHLO_DynamicSliceV1Op : VHLO_Op<"dynamic_slice_v1", ["slice_sizes"]>;
def VHLO_DynamicUpdateSliceV1Op : VHLO_Op<"dynamic_update_slice_v1">;
def VHLO_EinsumV1Op : VHLO_Op<"einsum_v1", ["einsum_config"]>;
def VHLO_ExponentialMinusOneV1Op : VHLO_Op<"exponential_minus_one_v1">;
def VHLO_ExponentialMinusOneV2Op : VHLO_Op<"exponential_minus_one_v2", [
    "result_accuracy"]>;
def VHLO_ExponentialV1Op : VHLO_Op<"exponential_v1">;
def VHLO_ExponentialV2Op : VHLO_Op<"exponential_v2", ["result_accuracy"]>;
def VHLO_FftV1Op : VHLO_Op<"fft_v1", ["fft_length", "fft_type"]>;
def VHLO_FloorV1Op : VHLO_Op<"floor_v1">;
def VHLO_FuncV1Op : VHLO_Op<"func_v1", [
    "arg_attrs", "function_type", "res_attrs", "sym_name", "sym_visibility"]>;
def VHLO_GatherV1Op : VHLO_Op<"gather_v1", [
    "collapsed_slice_dims", "index_vector_dim", "indices_are_sorted",
    "offset_dims", "slice_sizes", "start_index_map"]>;
def VHLO_GatherV2Op : VHLO_Op<"gather_v2", [
    "collapsed_slice_dims", "index_vector_dim", "indices_are_sorted",
    "offset_dims", "operand_batching_dims", "slice_sizes", "start_index_map",
    "start_indices_batching_dims"]>;
def VHLO_GetDimensionSizeV1Op : VHLO_Op<"get_dimension_size_v1", ["dimension"]>;
def VHLO_GetTupleElementV1Op : VHLO_Op<"get_tuple_element_v1", ["index"]>;
def VHLO_IfV1Op : VHLO_Op<"if_v1">;
def VHLO_ImagV1Op : VHLO_Op<"imag_v1">;
def VHLO_InfeedV1Op : VHLO_Op<"infeed_v1", ["infeed_config", "layout"]>;
def VHLO_IotaV1Op : VHLO_Op<"iota_v1", ["iota_dimension"]>;
def VHLO_IsFiniteV1Op : VHLO_Op<"is_finite_v1">;
def VHLO_LogPlusOneV1Op : VHLO_Op<"log_plus_one_v1">;
def VHLO_LogPlusOneV2Op : VHLO_Op<"log_plus_one_v2", ["result_accuracy"]>;
def VHLO_LogV1Op : VHLO_Op<"log_v1">;
def VHLO_LogV2Op : VHLO_Op<"log_v2", ["result_accuracy"]>;
def VHLO_LogisticV1Op : VHLO_Op<"logistic_v1">;
def VHLO_LogisticV2Op : VHLO_Op<"logistic_v2", ["result_accuracy"]>;
def VHLO_MapV1Op : VHLO_Op<"map_v1", ["dimensions"]>;
def VHLO_MaximumV1Op : VHLO_Op<"maximum_v1">;
def VHLO_MinimumV1Op : VHLO_Op<"minimum_v1">;
def VHLO_MultiplyV1Op : VHLO_Op<"multiply_v1">;
def VHLO_NegateV1Op : VHLO_Op<"negate_v1">;
def VHLO_NotV1Op : VHLO_Op<"not_v1">;
def VHLO_OptimizationBarrierV1Op : VHLO_Op<"optimization_barrier_v1">;
def VHLO_OrV1Op : VHLO_Op<"or_v1">;
def VHLO_OutfeedV1Op : VHLO_Op<"outfeed_v1", ["outfeed_config"]>;
def VHLO_PadV1Op : VHLO_Op<"pad_v1", [
    "edge_padding_high", "edge_padding_low", "interior_padding"]>;
def VHLO_PartitionIdV1Op : VHLO_Op<"partition_id_v1">;
def VHLO_PopcntV1Op : VHLO_Op<"popcnt_v1">;
def VHLO_PowerV1Op : VHLO_Op<"power_v1">;
def VHLO_RealDynamicSliceV1Op : VHLO_Op<"real_dynamic_slice_v1">;
def VHLO_RealV1Op : VHLO_Op<"real_v1">;
def VHLO_RecvV1Op : VHLO_Op<"recv_v1", [
    "channel_id", "channel_type", "is_host_transfer"]>;
def VHLO_RecvV2Op : VHLO_Op<"recv_v2", [
    "channel_id", "channel_type", "is_host_transfer", "source_target_pairs"]>;
def VHLO_ReducePrecisionV1Op : VHLO_Op<"reduce_precision_v1", [
    "exponent_bits", "mantissa_bits"]>;
def VHLO_ReduceScatterV1Op : VHLO_Op<"reduce_scatter_v1", [
    "channel_id", "replica_groups", "scatter_dimension",
    "use_global_device_ids"]>;
def VHLO_ReduceV1Op : VHLO_Op<"reduce_v1", ["dimensions"]>;
def VHLO_ReduceWindowV1Op : VHLO_Op<"reduce_window_v1", [
    "base_dilations", "padding", "window_dilations", "window_dimensions",
    "window_strides"]>;
def VHLO_RemainderV1Op : VHLO_Op<"remainder_v1">;
def VHLO_ReplicaIdV1Op : VHLO_Op<"replica_id_v1">;
def VHLO_ReshapeV1Op : VHLO_Op<"reshape_v1">;
def VHLO_ReturnV1Op : VHLO_Op<"return_v1", [], [Terminator]>;
def VHLO_ReverseV1Op : VHLO_Op<"reverse_v1", ["dimensions"]>;
def VHLO_RngBitGeneratorV1Op : VHLO_Op<"rng_bit_generator_v1", [
    "rng_algorithm"]>;
def VHLO_RngV1Op : VHLO_Op<"rng_v1", ["rng_distribution"]>;
def VHLO_RoundNearestAfzV1Op : VHLO_Op<"round_nearest_afz_v1">;
def VHLO_RoundNearestEvenV1Op : VHLO_Op<"round_nearest_even_v1">;
def VHLO_RsqrtV1Op : VHLO_Op<"rsqrt_v1">;
def VHLO_RsqrtV2Op : VHLO_Op<"rsqrt_v2", ["result_accuracy"]>;
def VHLO_ScatterV1Op : VHLO_Op<"scatter_v1", [
    "index_vector_dim", "indices_are_sorted", "inserted_window_dims",
    "scatter_dims_to_operand_dims", "unique_indices", "update_window_dims"]>;
def VHLO_ScatterV2Op : VHLO_Op<"scatter_v2", [
    "index_vector_dim", "indices_are_sorted", "input_batching_dims",
    "inserted_window_dims", "scatter_dims_to_operand_dims",
    "scatter_indices_batching_dims", "unique_indices", "update_window_dims"]>;
def VHLO_SelectAndScatterV1Op : VHLO_Op<"select_and_scatter_v1", [
    "padding", "window_dimensions", "window_strides"]>;
def VHLO_SelectV1Op : VHLO_Op<"select_v1">;
def VHLO_SendV1Op : VHLO_Op<"send_v1", [
    "channel_id", "channel_type", "is_host_transfer"]>;
def VHLO_SendV2Op : VHLO_Op<"send_v2", [
    "channel_id", "channel_type", "is_host_transfer", "source_target_pairs"]>;
def VHLO_SetDimensionSizeV1Op : VHLO_Op<"set_dimension_size_v1", ["dimension"]>;
def VHLO_ShiftLeftV1Op : VHLO_Op<"shift_left_v1">;
def VHLO_ShiftRightArithmeticV1Op : VHLO_Op<"shift_right_arithmetic_v1">;
def VHLO_ShiftRightLogicalV1Op : VHLO_Op<"shift_right_logical_v1">;
def VHLO_SignV1Op : VHLO_Op<"sign_v1">;
def VHLO_SineV1Op : VHLO_Op<"sine_v1">;
def VHLO_SineV2Op : VHLO_Op<"sine_v2", ["result_accuracy"]>;
def VHLO_SliceV1Op : VHLO_Op<"slice_v1", [
    "limit_indices", "start_indices", "strides"]>;
def VHLO_SortV1Op : VHLO_Op<"sort_v1", ["dimension", "is_stable"]>;
def VHLO_SqrtV1Op : VHLO_Op<"sqrt_v1">;
def VHLO_SqrtV2Op : VHLO_Op<"sqrt_v2", ["result_accuracy"]>;
def VHLO_SubtractV1Op : VHLO_Op<"subtract_v1">;
def VHLO_TanV1Op : VHLO_Op<"tan_v1">;
def VHLO_TanV2Op : VHLO_Op<"tan_v2", ["result_accuracy"]>;
def VHLO_TanhV1Op : VHLO_Op<"tanh_v1">;
def VHLO_TanhV2Op : VHLO_Op<"tanh_v2", ["result_accuracy"]>;
def VHLO_TorchIndexSelectV1Op : VHLO_Op<"torch_index_select_v1", [
    "batch_dims", "dim"]>;
def VHLO_TransposeV1Op : VHLO_Op<"transpose_v1", ["permutation"]>;
def VHLO_TriangularSolveV1Op : VHLO_Op<"triangular_solve_v1", [
    "left_side", "lower", "transpose_a", "unit_diagonal"]>;
def VHLO_TupleV1Op : VHLO_Op<"tuple_v1">;
def VHLO_UnaryEinsumV1Op : VHLO_Op<"unary_einsum_v1", ["einsum_config"]>;
def VHLO_UniformDequantizeV1Op : VHLO_Op<"uniform_dequantize_v1">;
def VHLO_UniformQuantizeV1Op : VHLO_Op<"uniform_quantize_v1">;
def VHLO_WhileV1Op : VHLO_Op<"while_v1">;
def VHLO_XorV1Op : VHLO_Op<"xor_v1">;

#endif // JAXC_DIALECT_VHLO_IR_VHLOOPS_TD
