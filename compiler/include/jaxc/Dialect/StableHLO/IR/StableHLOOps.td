//===- StableHLOOps.td - StableHLO ops, as JAX prints them -*- tablegen -*-===//
//
// Written from the public StableHLO spec (docs/spec.md in openxla/stablehlo).
// The assembly formats parse the pretty form JAX prints; every op also
// accepts the generic form ("stablehlo.x"(...) <{...}>), which JAX uses for
// ops without a pretty form (scatter, gather, reduce_window, sort...).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_STABLEHLO_IR_STABLEHLOOPS_TD
#define JAXC_DIALECT_STABLEHLO_IR_STABLEHLOOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/IR/SymbolInterfaces.td"

def StableHLO_Dialect : Dialect {
  let name = "stablehlo";
  let cppNamespace = "::jaxc::stablehlo";
  let summary = "StableHLO: the portable op set JAX exports";
  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let usePropertiesForAttributes = 1;
  // Ops jaxc does not register are refused as unsupported, naming them.
  let extraClassDeclaration = [{
    std::optional<ParseOpHook>
    getParseOperationHook(::llvm::StringRef opName) const override;
  }];
  let hasConstantMaterializer = 1;
}

class StableHLO_Op<string mnemonic, list<Trait> traits = []>
    : Op<StableHLO_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

// Orders side effects; carries no data. jaxc's programs run in program
// order on one device, so tokens are erased before lowering
// (jaxc-erase-tokens).
def HLO_Token : TypeDef<StableHLO_Dialect, "Token"> {
  let mnemonic = "token";
  let summary = "a value that only orders side effects";
}

def HLO_Tensor : RankedTensorOf<[AnyType]>;
def HLO_PredTensor : RankedTensorOf<[I1]>;
def HLO_IntTensor : RankedTensorOf<[AnyInteger]>;

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def HLO_ComparisonDirection : I32EnumAttr<"ComparisonDirection",
    "comparison direction", [
      I32EnumAttrCase<"EQ", 0>, I32EnumAttrCase<"NE", 1>,
      I32EnumAttrCase<"GE", 2>, I32EnumAttrCase<"GT", 3>,
      I32EnumAttrCase<"LE", 4>, I32EnumAttrCase<"LT", 5>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::jaxc::stablehlo";
}
def HLO_ComparisonDirectionAttr
    : EnumAttr<StableHLO_Dialect, HLO_ComparisonDirection,
               "comparison_direction"> {
  let assemblyFormat = "$value";
}

def HLO_ComparisonType : I32EnumAttr<"ComparisonType", "comparison type", [
      I32EnumAttrCase<"NOTYPE", 0>, I32EnumAttrCase<"FLOAT", 1>,
      I32EnumAttrCase<"TOTALORDER", 2>, I32EnumAttrCase<"SIGNED", 3>,
      I32EnumAttrCase<"UNSIGNED", 4>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::jaxc::stablehlo";
}
def HLO_ComparisonTypeAttr
    : EnumAttr<StableHLO_Dialect, HLO_ComparisonType, "comparison_type"> {
  let assemblyFormat = "$value";
}

def HLO_Precision : I32EnumAttr<"Precision", "dot precision", [
      I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"HIGH", 1>,
      I32EnumAttrCase<"HIGHEST", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::jaxc::stablehlo";
}
def HLO_PrecisionAttr
    : EnumAttr<StableHLO_Dialect, HLO_Precision, "precision"> {
  let assemblyFormat = "$value";
}
def HLO_PrecisionConfigAttr : TypedArrayAttrBase<HLO_PrecisionAttr,
                                                 "precision config">;

def HLO_Transpose : I32EnumAttr<"Transpose", "triangular solve transpose", [
      I32EnumAttrCase<"TRANSPOSE_INVALID", 0>,
      I32EnumAttrCase<"NO_TRANSPOSE", 1>, I32EnumAttrCase<"TRANSPOSE", 2>,
      I32EnumAttrCase<"ADJOINT", 3>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::jaxc::stablehlo";
}
def HLO_TransposeAttr
    : EnumAttr<StableHLO_Dialect, HLO_Transpose, "transpose"> {
  let assemblyFormat = "$value";
}

def HLO_RngAlgorithm : I32EnumAttr<"RngAlgorithm", "rng algorithm", [
      I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"THREE_FRY", 1>,
      I32EnumAttrCase<"PHILOX", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::jaxc::stablehlo";
}
def HLO_RngAlgorithmAttr
    : EnumAttr<StableHLO_Dialect, HLO_RngAlgorithm, "rng_algorithm"> {
  let assemblyFormat = "$value";
}

def HLO_FftType : I32EnumAttr<"FftType", "fft type", [
      I32EnumAttrCase<"FFT", 0>, I32EnumAttrCase<"IFFT", 1>,
      I32EnumAttrCase<"RFFT", 2>, I32EnumAttrCase<"IRFFT", 3>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::jaxc::stablehlo";
}
def HLO_FftTypeAttr : EnumAttr<StableHLO_Dialect, HLO_FftType, "fft_type"> {
  let assemblyFormat = "$value";
}

def HLO_ResultAccuracyMode : I32EnumAttr<"ResultAccuracyMode",
    "result accuracy mode", [
      I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"HIGHEST", 1>,
      I32EnumAttrCase<"TOLERANCE", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::jaxc::stablehlo";
}
def HLO_ResultAccuracyModeAttr
    : EnumAttr<StableHLO_Dialect, HLO_ResultAccuracyMode,
               "result_accuracy_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

//===----------------------------------------------------------------------===//
// Structured attributes
//===----------------------------------------------------------------------===//

// `[0, 1]`: a bracketed dimension list, possibly empty.
def HLO_DimList : OptionalArrayRefParameter<"int64_t"> {
  let parser = "::jaxc::stablehlo::parseDimList($_parser)";
  let printer = "::jaxc::stablehlo::printDimList($_printer, $_self)";
}

class StableHLO_Attr<string name, string attrMnemonic>
    : AttrDef<StableHLO_Dialect, name> {
  let mnemonic = attrMnemonic;
}

// The accuracy JAX may ask of a transcendental op (exponential, log, sqrt,
// tanh...). It rides on the op as a discardable attribute: the lowering
// computes DEFAULT accuracy whatever it asks.
def HLO_ResultAccuracyAttr
    : StableHLO_Attr<"ResultAccuracy", "result_accuracy"> {
  let parameters = (ins
    DefaultValuedParameter<"::mlir::FloatAttr", "::mlir::FloatAttr()">:$atol,
    DefaultValuedParameter<"::mlir::FloatAttr", "::mlir::FloatAttr()">:$rtol,
    DefaultValuedParameter<"int64_t", "0">:$ulps,
    "::jaxc::stablehlo::ResultAccuracyModeAttr":$mode);
  let assemblyFormat = "`<` struct(params) `>`";
}

// An element of custom_call's output_operand_aliases: the result may reuse
// the operand's buffer (XLA's hint; jaxc gives every result its own).
def HLO_OutputOperandAlias
    : StableHLO_Attr<"OutputOperandAlias", "output_operand_alias"> {
  let parameters = (ins
    HLO_DimList:$output_tuple_indices,
    "int64_t":$operand_index,
    HLO_DimList:$operand_tuple_indices);
  let assemblyFormat = "`<` struct(params) `>`";
}

def HLO_DotDimensionNumbers : StableHLO_Attr<"DotDimensionNumbers", "dot"> {
  let parameters = (ins
    HLO_DimList:$lhs_batching_dimensions,
    HLO_DimList:$rhs_batching_dimensions,
    HLO_DimList:$lhs_contracting_dimensions,
    HLO_DimList:$rhs_contracting_dimensions);
  let assemblyFormat = "`<` struct(params) `>`";
}

// dot_general's `algorithm` (the spec's DotAlgorithm): operands rounded to
// the precision types, products summed in the accumulation type, each
// operand split into component_count parts for num_primitive_operations
// products. Which algorithms a backend runs is its choice (spec C22); jaxc
// runs the one it always computes (DotToLinalg.cpp) and refuses the others
// naming them.
def HLO_DotAlgorithm : StableHLO_Attr<"DotAlgorithm", "dot_algorithm"> {
  let parameters = (ins
    "::mlir::Type":$lhs_precision_type,
    "::mlir::Type":$rhs_precision_type,
    "::mlir::Type":$accumulation_type,
    "int64_t":$lhs_component_count,
    "int64_t":$rhs_component_count,
    "int64_t":$num_primitive_operations,
    "bool":$allow_imprecise_accumulation);
  let assemblyFormat = "`<` struct(params) `>`";
}

def HLO_GatherDimensionNumbers
    : StableHLO_Attr<"GatherDimensionNumbers", "gather"> {
  let parameters = (ins
    HLO_DimList:$offset_dims,
    HLO_DimList:$collapsed_slice_dims,
    HLO_DimList:$operand_batching_dims,
    HLO_DimList:$start_indices_batching_dims,
    HLO_DimList:$start_index_map,
    DefaultValuedParameter<"int64_t", "0">:$index_vector_dim);
  let assemblyFormat = "`<` struct(params) `>`";
}

def HLO_ScatterDimensionNumbers
    : StableHLO_Attr<"ScatterDimensionNumbers", "scatter"> {
  let parameters = (ins
    HLO_DimList:$update_window_dims,
    HLO_DimList:$inserted_window_dims,
    HLO_DimList:$input_batching_dims,
    HLO_DimList:$scatter_indices_batching_dims,
    HLO_DimList:$scatter_dims_to_operand_dims,
    DefaultValuedParameter<"int64_t", "0">:$index_vector_dim);
  let assemblyFormat = "`<` struct(params) `>`";
}

// JAX prints this one in its own bracket notation:
//   dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]
def HLO_ConvDimensionNumbers : StableHLO_Attr<"ConvDimensionNumbers", "conv"> {
  let parameters = (ins
    "int64_t":$input_batch_dimension,
    "int64_t":$input_feature_dimension,
    ArrayRefParameter<"int64_t">:$input_spatial_dimensions,
    "int64_t":$kernel_input_feature_dimension,
    "int64_t":$kernel_output_feature_dimension,
    ArrayRefParameter<"int64_t">:$kernel_spatial_dimensions,
    "int64_t":$output_batch_dimension,
    "int64_t":$output_feature_dimension,
    ArrayRefParameter<"int64_t">:$output_spatial_dimensions);
  let hasCustomAssemblyFormat = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise ops: one line each. Types print as a single type when operands
// and result agree, as a function type otherwise.
//===----------------------------------------------------------------------===//

class HLO_UnaryElementwiseOp<string mnemonic, list<Trait> traits = []>
    : StableHLO_Op<mnemonic, traits # [Pure, Elementwise,
                                        SameOperandsAndResultShape]> {
  let arguments = (ins HLO_Tensor:$operand);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:`
      custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
}

class HLO_BinaryElementwiseOp<string mnemonic, list<Trait> traits = []>
    : StableHLO_Op<mnemonic, traits # [Pure, Elementwise,
                                        SameOperandsAndResultShape]> {
  let arguments = (ins HLO_Tensor:$lhs, HLO_Tensor:$rhs);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:`
      custom<SameOperandsAndResultType>(type($lhs), type($rhs), type($result))
  }];
}

def StableHLO_AbsOp : HLO_UnaryElementwiseOp<"abs">;
def StableHLO_CbrtOp : HLO_UnaryElementwiseOp<"cbrt">;
def StableHLO_CeilOp : HLO_UnaryElementwiseOp<"ceil">;
def StableHLO_ClzOp : HLO_UnaryElementwiseOp<"count_leading_zeros">;
def StableHLO_ConvertOp : HLO_UnaryElementwiseOp<"convert">;
def StableHLO_CosineOp : HLO_UnaryElementwiseOp<"cosine">;
def StableHLO_ExpOp : HLO_UnaryElementwiseOp<"exponential">;
def StableHLO_Expm1Op : HLO_UnaryElementwiseOp<"exponential_minus_one">;
def StableHLO_FloorOp : HLO_UnaryElementwiseOp<"floor">;
def StableHLO_ImagOp : HLO_UnaryElementwiseOp<"imag">;
def StableHLO_IsFiniteOp : HLO_UnaryElementwiseOp<"is_finite">;
def StableHLO_LogOp : HLO_UnaryElementwiseOp<"log">;
def StableHLO_Log1pOp : HLO_UnaryElementwiseOp<"log_plus_one">;
def StableHLO_LogisticOp : HLO_UnaryElementwiseOp<"logistic">;
def StableHLO_NegOp : HLO_UnaryElementwiseOp<"negate">;
def StableHLO_NotOp : HLO_UnaryElementwiseOp<"not">;
def StableHLO_PopcntOp : HLO_UnaryElementwiseOp<"popcnt">;
def StableHLO_RealOp : HLO_UnaryElementwiseOp<"real">;
def StableHLO_RoundOp : HLO_UnaryElementwiseOp<"round_nearest_afz">;
def StableHLO_RoundEvenOp : HLO_UnaryElementwiseOp<"round_nearest_even">;
def StableHLO_RsqrtOp : HLO_UnaryElementwiseOp<"rsqrt">;
def StableHLO_SignOp : HLO_UnaryElementwiseOp<"sign">;
def StableHLO_SineOp : HLO_UnaryElementwiseOp<"sine">;
def StableHLO_SqrtOp : HLO_UnaryElementwiseOp<"sqrt">;
def StableHLO_TanOp : HLO_UnaryElementwiseOp<"tan">;
def StableHLO_TanhOp : HLO_UnaryElementwiseOp<"tanh">;

def StableHLO_AddOp : HLO_BinaryElementwiseOp<"add", [Commutative]>;
def StableHLO_AndOp : HLO_BinaryElementwiseOp<"and", [Commutative]>;
def StableHLO_Atan2Op : HLO_BinaryElementwiseOp<"atan2">;
def StableHLO_ComplexOp : StableHLO_Op<"complex",
    [Pure, Elementwise, SameOperandsAndResultShape]> {
  let arguments = (ins HLO_Tensor:$lhs, HLO_Tensor:$rhs);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:`
      custom<ComplexOpType>(type($lhs), type($rhs), type($result))
  }];
}
def StableHLO_DivOp : HLO_BinaryElementwiseOp<"divide">;
def StableHLO_MaxOp : HLO_BinaryElementwiseOp<"maximum", [Commutative]>;
def StableHLO_MinOp : HLO_BinaryElementwiseOp<"minimum", [Commutative]>;
def StableHLO_MulOp : HLO_BinaryElementwiseOp<"multiply", [Commutative]>;
def StableHLO_OrOp : HLO_BinaryElementwiseOp<"or", [Commutative]>;
def StableHLO_PowOp : HLO_BinaryElementwiseOp<"power">;
def StableHLO_RemOp : HLO_BinaryElementwiseOp<"remainder">;
def StableHLO_ShiftLeftOp : HLO_BinaryElementwiseOp<"shift_left">;
def StableHLO_ShiftRightArithmeticOp
    : HLO_BinaryElementwiseOp<"shift_right_arithmetic">;
def StableHLO_ShiftRightLogicalOp
    : HLO_BinaryElementwiseOp<"shift_right_logical">;
def StableHLO_SubtractOp : HLO_BinaryElementwiseOp<"subtract">;
def StableHLO_XorOp : HLO_BinaryElementwiseOp<"xor", [Commutative]>;

// Changes the shape when the bit widths differ: the narrower side has a
// trailing dimension of the width ratio.
def StableHLO_BitcastConvertOp : StableHLO_Op<"bitcast_convert", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:`
      custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
  let hasVerifier = 1;
}

def StableHLO_ReducePrecisionOp : StableHLO_Op<"reduce_precision",
    [Pure, Elementwise, SameOperandsAndResultType]> {
  let arguments = (ins HLO_Tensor:$operand, I32Attr:$exponent_bits,
                       I32Attr:$mantissa_bits);
  let results = (outs HLO_Tensor:$output);
  let hasCustomAssemblyFormat = 1;
}

def StableHLO_CompareOp : StableHLO_Op<"compare",
    [Pure, Elementwise, SameOperandsAndResultShape]> {
  let arguments = (ins HLO_Tensor:$lhs, HLO_Tensor:$rhs,
                       HLO_ComparisonDirectionAttr:$comparison_direction,
                       OptionalAttr<HLO_ComparisonTypeAttr>:$compare_type);
  let results = (outs HLO_PredTensor:$result);
  let assemblyFormat = [{
    $comparison_direction `,` $lhs `,` $rhs (`,` $compare_type^)? attr-dict
      `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

// pred may be rank 0 while the values are not.
def StableHLO_SelectOp : StableHLO_Op<"select", [Pure]> {
  let arguments = (ins HLO_PredTensor:$pred, HLO_Tensor:$on_true,
                       HLO_Tensor:$on_false);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    operands attr-dict `:`
      custom<SelectOpType>(type($pred), type($on_true), type($on_false),
                           type($result))
  }];
  let hasVerifier = 1;
}

// min and max may be rank 0 while operand is not.
def StableHLO_ClampOp : StableHLO_Op<"clamp", [Pure]> {
  let arguments = (ins HLO_Tensor:$min, HLO_Tensor:$operand,
                       HLO_Tensor:$max);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $min `,` $operand `,` $max attr-dict `:`
      custom<SameOperandsAndResultType>(type($min), type($operand),
                                        type($max), type($result))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Constants and shapes
//===----------------------------------------------------------------------===//

def StableHLO_ConstantOp : StableHLO_Op<"constant",
    [Pure, ConstantLike]> {
  let arguments = (ins ElementsAttr:$value);
  let results = (outs HLO_Tensor:$output);
  let hasCustomAssemblyFormat = 1;
  let hasFolder = 1;
  let builders = [OpBuilder<(ins "::mlir::ElementsAttr":$value)>];
}

def StableHLO_IotaOp : StableHLO_Op<"iota", [Pure]> {
  let arguments = (ins I64Attr:$iota_dimension);
  let results = (outs HLO_Tensor:$output);
  let assemblyFormat = "`dim` `=` $iota_dimension attr-dict `:` type($output)";
  let hasVerifier = 1;
}

def StableHLO_BroadcastInDimOp : StableHLO_Op<"broadcast_in_dim", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand,
                       DenseI64ArrayAttr:$broadcast_dimensions);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` `dims` `=` $broadcast_dimensions attr-dict
      `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_ReshapeOp : StableHLO_Op<"reshape", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def StableHLO_TransposeOp : StableHLO_Op<"transpose", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand, DenseI64ArrayAttr:$permutation);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` `dims` `=` $permutation attr-dict
      `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_ReverseOp : StableHLO_Op<"reverse", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand, DenseI64ArrayAttr:$dimensions);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` `dims` `=` $dimensions attr-dict
      `:` custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
  let hasVerifier = 1;
}

def StableHLO_SliceOp : StableHLO_Op<"slice", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand,
                       DenseI64ArrayAttr:$start_indices,
                       DenseI64ArrayAttr:$limit_indices,
                       DenseI64ArrayAttr:$strides);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $operand custom<SliceRanges>($start_indices, $limit_indices, $strides)
      attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_DynamicSliceOp : StableHLO_Op<"dynamic_slice", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand,
                       Variadic<HLO_IntTensor>:$start_indices,
                       DenseI64ArrayAttr:$slice_sizes);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` custom<VariadicOperandWithAttribute>($start_indices)
      `sizes` `=` $slice_sizes attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_DynamicUpdateSliceOp
    : StableHLO_Op<"dynamic_update_slice", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand, HLO_Tensor:$update,
                       Variadic<HLO_IntTensor>:$start_indices);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    operands attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_ConcatenateOp : StableHLO_Op<"concatenate", [Pure]> {
  let arguments = (ins Variadic<HLO_Tensor>:$inputs, I64Attr:$dimension);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    custom<VariadicOperandWithAttribute>($inputs) `dim` `=` $dimension
      attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_PadOp : StableHLO_Op<"pad", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand, HLO_Tensor:$padding_value,
                       DenseI64ArrayAttr:$edge_padding_low,
                       DenseI64ArrayAttr:$edge_padding_high,
                       DenseI64ArrayAttr:$interior_padding);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` $padding_value `,` `low` `=` $edge_padding_low `,`
      `high` `=` $edge_padding_high `,` `interior` `=` $interior_padding
      attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_GetTupleElementOp : StableHLO_Op<"get_tuple_element", [Pure]> {
  let arguments = (ins AnyTuple:$operand, I32Attr:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $operand `[` $index `]` attr-dict `:` functional-type(operands, results)
  }];
}

def StableHLO_OptimizationBarrierOp
    : StableHLO_Op<"optimization_barrier", [Pure]> {
  let arguments = (ins Variadic<AnyType>:$operand);
  let results = (outs Variadic<AnyType>:$result);
  // `%0:2 = stablehlo.optimization_barrier %a, %b : tensor<4xf32>, !stablehlo.token`:
  // one type list for operands and results.
  let assemblyFormat = [{
    attr-dict ($operand^ `:` custom<PairwiseTypes>(type($operand), type($result)))?
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Tokens
//===----------------------------------------------------------------------===//

def StableHLO_AfterAllOp : StableHLO_Op<"after_all", [Pure]> {
  let summary = "a token ordered after all its operands";
  let arguments = (ins Variadic<HLO_Token>:$inputs);
  let results = (outs HLO_Token:$result);
  let assemblyFormat = "$inputs attr-dict `:` type($result)";
}

def StableHLO_CreateTokenOp : StableHLO_Op<"create_token", [Pure]> {
  let summary = "a fresh token (deprecated spelling of after_all())";
  let results = (outs HLO_Token:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Composites
//===----------------------------------------------------------------------===//

// A named op with its meaning given by `decomposition`, a function of the
// module: jaxc runs the decomposition (jaxc-decompose-composites).
def StableHLO_CompositeOp : StableHLO_Op<"composite",
    [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let arguments = (ins Variadic<AnyType>:$inputs, StrAttr:$name,
                       DefaultValuedOptionalAttr<DictionaryAttr, "{}">:
                           $composite_attributes,
                       FlatSymbolRefAttr:$decomposition,
                       DefaultValuedOptionalAttr<I32Attr, "0">:$version);
  let results = (outs Variadic<AnyType>);
  let assemblyFormat = [{
    $name $inputs attr-dict `:` functional-type(operands, results)
  }];
}

// (operand - mean) / sqrt(variance + epsilon) * scale + offset, the 1-d
// scale, offset, mean and variance indexed by dimension `feature_index`.
def StableHLO_BatchNormInferenceOp
    : StableHLO_Op<"batch_norm_inference", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand, HLO_Tensor:$scale,
                       HLO_Tensor:$offset, HLO_Tensor:$mean,
                       HLO_Tensor:$variance, F32Attr:$epsilon,
                       I64Attr:$feature_index);
  let results = (outs HLO_Tensor);
  let hasVerifier = 1;
}

// batch_norm_inference with the mean and the biased variance of the operand
// over every dimension but `feature_index`, which it also returns.
def StableHLO_BatchNormTrainingOp
    : StableHLO_Op<"batch_norm_training", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand, HLO_Tensor:$scale,
                       HLO_Tensor:$offset, F32Attr:$epsilon,
                       I64Attr:$feature_index);
  let results = (outs HLO_Tensor:$output, HLO_Tensor:$batch_mean,
                      HLO_Tensor:$batch_var);
  let hasVerifier = 1;
}

// The gradients of batch_norm_training's operand, scale and offset.
def StableHLO_BatchNormGradOp : StableHLO_Op<"batch_norm_grad", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand, HLO_Tensor:$scale,
                       HLO_Tensor:$mean, HLO_Tensor:$variance,
                       HLO_Tensor:$grad_output, F32Attr:$epsilon,
                       I64Attr:$feature_index);
  let results = (outs HLO_Tensor:$grad_operand, HLO_Tensor:$grad_scale,
                      HLO_Tensor:$grad_offset);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

def StableHLO_DotGeneralOp : StableHLO_Op<"dot_general", [Pure]> {
  let arguments = (ins HLO_Tensor:$lhs, HLO_Tensor:$rhs,
                       HLO_DotDimensionNumbers:$dot_dimension_numbers,
                       OptionalAttr<HLO_PrecisionConfigAttr>:$precision_config,
                       OptionalAttr<HLO_DotAlgorithm>:$algorithm);
  let results = (outs HLO_Tensor:$result);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def StableHLO_DotOp : StableHLO_Op<"dot", [Pure]> {
  let arguments = (ins HLO_Tensor:$lhs, HLO_Tensor:$rhs,
                       OptionalAttr<HLO_PrecisionConfigAttr>:$precision_config);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_ConvolutionOp : StableHLO_Op<"convolution", [Pure]> {
  let arguments = (ins HLO_Tensor:$lhs, HLO_Tensor:$rhs,
                       OptionalAttr<DenseI64ArrayAttr>:$window_strides,
                       OptionalAttr<I64ElementsAttr>:$padding,
                       OptionalAttr<DenseI64ArrayAttr>:$lhs_dilation,
                       OptionalAttr<DenseI64ArrayAttr>:$rhs_dilation,
                       OptionalAttr<DenseBoolArrayAttr>:$window_reversal,
                       HLO_ConvDimensionNumbers:$dimension_numbers,
                       I64Attr:$feature_group_count,
                       I64Attr:$batch_group_count,
                       OptionalAttr<HLO_PrecisionConfigAttr>:$precision_config);
  let results = (outs HLO_Tensor:$result);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Ops with regions
//===----------------------------------------------------------------------===//

def StableHLO_ReturnOp : StableHLO_Op<"return", [Pure, Terminator,
                                                  ReturnLike]> {
  let arguments = (ins Variadic<AnyType>:$results);
  let assemblyFormat = "$results attr-dict (`:` type($results)^)?";
}

def StableHLO_ReduceOp : StableHLO_Op<"reduce", [RecursiveMemoryEffects,
    SameVariadicOperandSize]> {
  let arguments = (ins Variadic<HLO_Tensor>:$inputs,
                       Variadic<HLO_Tensor>:$init_values,
                       DenseI64ArrayAttr:$dimensions);
  let results = (outs Variadic<HLO_Tensor>);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def StableHLO_ReduceWindowOp : StableHLO_Op<"reduce_window", [
    RecursiveMemoryEffects, SameVariadicOperandSize]> {
  let arguments = (ins Variadic<HLO_Tensor>:$inputs,
                       Variadic<HLO_Tensor>:$init_values,
                       DenseI64ArrayAttr:$window_dimensions,
                       OptionalAttr<DenseI64ArrayAttr>:$window_strides,
                       OptionalAttr<DenseI64ArrayAttr>:$base_dilations,
                       OptionalAttr<DenseI64ArrayAttr>:$window_dilations,
                       OptionalAttr<I64ElementsAttr>:$padding);
  let results = (outs Variadic<HLO_Tensor>);
  let regions = (region SizedRegion<1>:$body);
  let hasVerifier = 1;
}

def StableHLO_SelectAndScatterOp : StableHLO_Op<"select_and_scatter",
    [RecursiveMemoryEffects]> {
  let arguments = (ins HLO_Tensor:$operand, HLO_Tensor:$source,
                       HLO_Tensor:$init_value,
                       OptionalAttr<DenseI64ArrayAttr>:$window_dimensions,
                       OptionalAttr<DenseI64ArrayAttr>:$window_strides,
                       OptionalAttr<I64ElementsAttr>:$padding);
  let results = (outs HLO_Tensor);
  let regions = (region SizedRegion<1>:$select, SizedRegion<1>:$scatter);
  let hasVerifier = 1;
}

def StableHLO_ScatterOp : StableHLO_Op<"scatter", [RecursiveMemoryEffects,
                                                    SameVariadicOperandSize]> {
  let arguments = (ins Variadic<HLO_Tensor>:$inputs,
                       HLO_IntTensor:$scatter_indices,
                       Variadic<HLO_Tensor>:$updates,
                       HLO_ScatterDimensionNumbers:$scatter_dimension_numbers,
                       DefaultValuedOptionalAttr<BoolAttr, "false">:$indices_are_sorted,
                       DefaultValuedOptionalAttr<BoolAttr, "false">:$unique_indices);
  let results = (outs Variadic<HLO_Tensor>);
  let regions = (region SizedRegion<1>:$update_computation);
  let hasVerifier = 1;
}

def StableHLO_GatherOp : StableHLO_Op<"gather", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand, HLO_IntTensor:$start_indices,
                       HLO_GatherDimensionNumbers:$dimension_numbers,
                       DenseI64ArrayAttr:$slice_sizes,
                       DefaultValuedOptionalAttr<BoolAttr, "false">:$indices_are_sorted);
  let results = (outs HLO_Tensor);
  let hasVerifier = 1;
}

// The region computes one result element from the inputs' elements, as 0-d
// tensors; `dimensions` is all of them in order (the spec allows no other).
def StableHLO_MapOp : StableHLO_Op<"map", [RecursiveMemoryEffects,
                                            SameOperandsAndResultShape]> {
  let arguments = (ins Variadic<HLO_Tensor>:$inputs,
                       DenseI64ArrayAttr:$dimensions);
  let results = (outs HLO_Tensor);
  let regions = (region SizedRegion<1>:$computation);
  let hasVerifier = 1;
}

def StableHLO_SortOp : StableHLO_Op<"sort", [RecursiveMemoryEffects]> {
  let arguments = (ins Variadic<HLO_Tensor>:$inputs,
                       DefaultValuedAttr<I64Attr, "-1">:$dimension,
                       DefaultValuedAttr<BoolAttr, "false">:$is_stable);
  let results = (outs Variadic<HLO_Tensor>);
  let regions = (region SizedRegion<1>:$comparator);
  let hasVerifier = 1;
}

def StableHLO_WhileOp : StableHLO_Op<"while", [RecursiveMemoryEffects]> {
  let arguments = (ins Variadic<AnyType>:$operand);
  let results = (outs Variadic<AnyType>);
  let regions = (region SizedRegion<1>:$cond, SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def StableHLO_CaseOp : StableHLO_Op<"case", [RecursiveMemoryEffects]> {
  let arguments = (ins HLO_IntTensor:$index);
  let results = (outs Variadic<AnyType>);
  let regions = (region VariadicRegion<SizedRegion<1>>:$branches);
  let hasVerifier = 1;
}

def StableHLO_IfOp : StableHLO_Op<"if", [RecursiveMemoryEffects]> {
  let arguments = (ins HLO_PredTensor:$pred);
  let results = (outs Variadic<AnyType>);
  let regions = (region SizedRegion<1>:$true_branch,
                        SizedRegion<1>:$false_branch);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Other ops JAX emits
//===----------------------------------------------------------------------===//

def StableHLO_FftOp : StableHLO_Op<"fft", [Pure]> {
  let arguments = (ins HLO_Tensor:$operand, HLO_FftTypeAttr:$fft_type,
                       DenseI64ArrayAttr:$fft_length);
  let results = (outs HLO_Tensor);
  let assemblyFormat = [{
    $operand `,` `type` `=` $fft_type `,` `length` `=` $fft_length
      attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_TriangularSolveOp : StableHLO_Op<"triangular_solve", [Pure]> {
  let arguments = (ins HLO_Tensor:$a, HLO_Tensor:$b, BoolAttr:$left_side,
                       BoolAttr:$lower, BoolAttr:$unit_diagonal,
                       HLO_TransposeAttr:$transpose_a);
  let results = (outs HLO_Tensor);
  let hasVerifier = 1;
}

def StableHLO_RngBitGeneratorOp : StableHLO_Op<"rng_bit_generator", [Pure]> {
  let arguments = (ins HLO_RngAlgorithmAttr:$rng_algorithm,
                       HLO_Tensor:$initial_state);
  let results = (outs HLO_Tensor:$output_state, HLO_Tensor:$output);
  let assemblyFormat = [{
    $initial_state `,` `algorithm` `=` $rng_algorithm attr-dict
      `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def StableHLO_CustomCallOp : StableHLO_Op<"custom_call", []> {
  let arguments = (ins Variadic<AnyType>:$inputs,
                       StrAttr:$call_target_name,
                       DefaultValuedOptionalAttr<BoolAttr, "false">:$has_side_effect,
                       OptionalAttr<AnyAttr>:$backend_config,
                       OptionalAttr<AnyAttr>:$api_version,
                       OptionalAttr<AnyAttr>:$called_computations,
                       OptionalAttr<AnyAttr>:$operand_layouts,
                       OptionalAttr<AnyAttr>:$result_layouts,
                       OptionalAttr<AnyAttr>:$output_operand_aliases);
  let results = (outs Variadic<AnyType>);
  let assemblyFormat = [{
    custom<CustomCallTarget>($call_target_name) `(` $inputs `)` attr-dict
      `:` functional-type(operands, results)
  }];
}

#endif // JAXC_DIALECT_STABLEHLO_IR_STABLEHLOOPS_TD
