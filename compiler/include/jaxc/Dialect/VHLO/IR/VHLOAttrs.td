//===- VHLOAttrs.td - VHLO attributes and enums ------------*- tablegen -*-===//
//
// VHLO has its own copy of every attribute an op or a function carries:
// the builtin kinds (#vhlo.integer_v1, #vhlo.tensor_v1, #vhlo.array_v1,
// #vhlo.dict_v1...) and StableHLO's enums and structs. The ones whose value
// is a builtin one print it: #vhlo.integer_v1<1 : i64>,
// #vhlo.tensor_v1<dense<[1, 2]> : tensor<2xi64>> (the VHLO type shown as its
// builtin equivalent).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_VHLO_IR_VHLOATTRS_TD
#define JAXC_DIALECT_VHLO_IR_VHLOATTRS_TD

include "VHLOBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums: `#vhlo<comparison_direction_v1 EQ>`. The bytecode stores the case
// value.
//===----------------------------------------------------------------------===//

class VHLO_I32Enum<string name, string summary, list<I32EnumAttrCase> cases>
    : I32EnumAttr<name, summary, cases> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::jaxc::vhlo";
}

class VHLO_EnumAttr<EnumAttrInfo info, string attrMnemonic>
    : EnumAttr<VHLO_Dialect, info, attrMnemonic> {
  let assemblyFormat = "$value";
}

def VHLO_ComparisonDirectionV1 : VHLO_I32Enum<"ComparisonDirectionV1",
    "comparison direction", [
      I32EnumAttrCase<"EQ", 0>, I32EnumAttrCase<"NE", 1>,
      I32EnumAttrCase<"GE", 2>, I32EnumAttrCase<"GT", 3>,
      I32EnumAttrCase<"LE", 4>, I32EnumAttrCase<"LT", 5>]>;
def VHLO_ComparisonDirectionV1Attr
    : VHLO_EnumAttr<VHLO_ComparisonDirectionV1, "comparison_direction_v1">;

def VHLO_ComparisonTypeV1 : VHLO_I32Enum<"ComparisonTypeV1",
    "comparison type", [
      I32EnumAttrCase<"NOTYPE", 0>, I32EnumAttrCase<"FLOAT", 1>,
      I32EnumAttrCase<"TOTALORDER", 2>, I32EnumAttrCase<"SIGNED", 3>,
      I32EnumAttrCase<"UNSIGNED", 4>]>;
def VHLO_ComparisonTypeV1Attr
    : VHLO_EnumAttr<VHLO_ComparisonTypeV1, "comparison_type_v1">;

def VHLO_CustomCallApiVersionV1 : VHLO_I32Enum<"CustomCallApiVersionV1",
    "custom call API version", [
      I32EnumAttrCase<"API_VERSION_UNSPECIFIED", 0>,
      I32EnumAttrCase<"API_VERSION_ORIGINAL", 1>,
      I32EnumAttrCase<"API_VERSION_STATUS_RETURNING", 2>,
      I32EnumAttrCase<"API_VERSION_STATUS_RETURNING_UNIFIED", 3>,
      I32EnumAttrCase<"API_VERSION_TYPED_FFI", 4>]>;
def VHLO_CustomCallApiVersionV1Attr
    : VHLO_EnumAttr<VHLO_CustomCallApiVersionV1, "api_version_v1">;

def VHLO_FftTypeV1 : VHLO_I32Enum<"FftTypeV1", "fft type", [
      I32EnumAttrCase<"FFT", 0>, I32EnumAttrCase<"IFFT", 1>,
      I32EnumAttrCase<"RFFT", 2>, I32EnumAttrCase<"IRFFT", 3>]>;
def VHLO_FftTypeV1Attr : VHLO_EnumAttr<VHLO_FftTypeV1, "fft_type_v1">;

def VHLO_PrecisionV1 : VHLO_I32Enum<"PrecisionV1", "dot precision", [
      I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"HIGH", 1>,
      I32EnumAttrCase<"HIGHEST", 2>]>;
def VHLO_PrecisionV1Attr : VHLO_EnumAttr<VHLO_PrecisionV1, "precision_v1">;

def VHLO_RngAlgorithmV1 : VHLO_I32Enum<"RngAlgorithmV1", "rng algorithm", [
      I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"THREE_FRY", 1>,
      I32EnumAttrCase<"PHILOX", 2>]>;
def VHLO_RngAlgorithmV1Attr
    : VHLO_EnumAttr<VHLO_RngAlgorithmV1, "rng_algorithm_v1">;

def VHLO_RngDistributionV1 : VHLO_I32Enum<"RngDistributionV1",
    "rng distribution", [
      I32EnumAttrCase<"UNIFORM", 1>, I32EnumAttrCase<"NORMAL", 2>]>;
def VHLO_RngDistributionV1Attr
    : VHLO_EnumAttr<VHLO_RngDistributionV1, "rng_distribution_v1">;

def VHLO_TransposeV1 : VHLO_I32Enum<"TransposeV1", "triangular solve transpose", [
      I32EnumAttrCase<"TRANSPOSE_INVALID", 0>,
      I32EnumAttrCase<"NO_TRANSPOSE", 1>, I32EnumAttrCase<"TRANSPOSE", 2>,
      I32EnumAttrCase<"ADJOINT", 3>]>;
def VHLO_TransposeV1Attr : VHLO_EnumAttr<VHLO_TransposeV1, "transpose_v1">;

def VHLO_ResultAccuracyModeV1 : VHLO_I32Enum<"ResultAccuracyModeV1",
    "result accuracy mode", [
      I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"HIGHEST", 1>,
      I32EnumAttrCase<"TOLERANCE", 2>]>;
def VHLO_ResultAccuracyModeV1Attr
    : VHLO_EnumAttr<VHLO_ResultAccuracyModeV1, "result_accuracy_mode_v1">;

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

class VHLO_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<VHLO_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

// `[0, 1]`, `[]`: a bracketed integer list.
def VHLO_DimList : ArrayRefParameter<"int64_t", "dimension list"> {
  let parser = "::jaxc::vhlo::parseDimList($_parser)";
  let printer = "::jaxc::vhlo::printDimList($_printer, $_self)";
}

// A bracketed list of VHLO attributes: `<[#vhlo.string_v1<"a">, ...]>`.
def VHLO_ArrayV1Attr : VHLO_Attr<"ArrayV1", "array_v1"> {
  let parameters = (ins OptionalArrayRefParameter<"::mlir::Attribute">:$value);
  let assemblyFormat = "`<` `[` (`]`) : ($value^ `]`)? `>`";
}

def VHLO_BooleanV1Attr : VHLO_Attr<"BooleanV1", "bool_v1"> {
  let parameters = (ins "bool":$value);
  let assemblyFormat = "`<` custom<Bool>($value) `>`";
}

def VHLO_StringV1Attr : VHLO_Attr<"StringV1", "string_v1"> {
  let parameters = (ins StringRefParameter<"string">:$value);
  let assemblyFormat = "`<` $value `>`";
}

def VHLO_TypeV1Attr : VHLO_Attr<"TypeV1", "type_v1"> {
  let parameters = (ins "::mlir::Type":$value);
  let assemblyFormat = "`<` $value `>`";
}

// `<{#vhlo.string_v1<"key"> = value, ...}>`: keys are attributes too.
def VHLO_DictionaryV1Attr : VHLO_Attr<"DictionaryV1", "dict_v1"> {
  let parameters = (ins ArrayRefParameter<
      "std::pair<::mlir::Attribute, ::mlir::Attribute>", "entries">:$value);
  let assemblyFormat = "`<` custom<Dictionary>($value) `>`";
}

// `<42 : i32>`: an integer of a VHLO integer or index type, shown with its
// builtin type.
def VHLO_IntegerV1Attr : VHLO_Attr<"IntegerV1", "integer_v1"> {
  let parameters = (ins "::mlir::Type":$type, APIntParameter<"">:$value);
  let assemblyFormat = "`<` custom<Integer>($type, $value) `>`";
}

// `<1.000000e+00 : f32>`.
def VHLO_FloatV1Attr : VHLO_Attr<"FloatV1", "float_v1"> {
  let parameters = (ins "::mlir::Type":$type, APFloatParameter<"">:$value);
  let assemblyFormat = "`<` custom<Float>($type, $value) `>`";
}

// Dense tensor data: `<dense<[1, 2]> : tensor<2xi64>>`. The data is
// DenseElementsAttr's raw layout (a single element when a splat) with one
// byte per i1.
def VHLO_TensorV1Attr : VHLO_Attr<"TensorV1", "tensor_v1"> {
  let parameters = (ins "::mlir::Type":$type,
                        StringRefParameter<"raw data">:$data);
  let assemblyFormat = "`<` custom<Tensor>($type, $data) `>`";
  let genVerifyDecl = 0;
}

// Bounds of a tensor's dynamic dimensions (the tensor_v1 type's encoding).
def VHLO_TypeExtensionsV1Attr
    : VHLO_Attr<"TypeExtensionsV1", "type_extensions_v1"> {
  let parameters = (ins VHLO_DimList:$bounds);
  let assemblyFormat = "`<` struct(params) `>`";
}

def VHLO_OutputOperandAliasV1Attr
    : VHLO_Attr<"OutputOperandAliasV1", "output_operand_alias_v1"> {
  let parameters = (ins VHLO_DimList:$outputTupleIndices,
                        "int64_t":$operandIndex,
                        VHLO_DimList:$operandTupleIndices);
  let assemblyFormat = "`<` struct(params) `>`";
}

// Printed whole (`#vhlo<result_accuracy_mode_v1 DEFAULT>`), as VHLO does.
def VHLO_ModeParameter
    : AttrParameter<"::jaxc::vhlo::ResultAccuracyModeV1Attr", "mode"> {
  let printer = "$_printer.printAttribute($_self)";
}

def VHLO_ResultAccuracyV1Attr
    : VHLO_Attr<"ResultAccuracyV1", "result_accuracy_v1"> {
  let parameters = (ins APFloatParameter<"">:$atol, APFloatParameter<"">:$rtol,
                        "int64_t":$ulps,
                        VHLO_ModeParameter:$mode);
  let assemblyFormat = [{
    `<` `atol` `=` custom<F64>($atol) `,` `rtol` `=` custom<F64>($rtol) `,`
        `ulps` `=` $ulps `,` `mode` `=` $mode `>`
  }];
}

// Mesh-based replica groups of collectives (VHLO 1.16). jaxc refuses the
// collectives that carry them, but reads them to name those.
def VHLO_SubAxisInfoV1Attr : VHLO_Attr<"SubAxisInfoV1", "sub_axis_info_v1"> {
  let parameters = (ins "int64_t":$pre_size, "int64_t":$size);
  let assemblyFormat = "`<` struct(params) `>`";
}

def VHLO_AxisRefV1Attr : VHLO_Attr<"AxisRefV1", "axis_ref_v1"> {
  let parameters = (ins "::mlir::Attribute":$name,
                        OptionalParameter<"::mlir::Attribute">:$sub_axis_info);
  let assemblyFormat = "`<` struct(params) `>`";
}

def VHLO_ReplicaGroupMeshAxesV1Attr
    : VHLO_Attr<"ReplicaGroupMeshAxesV1", "replica_group_mesh_axes_v1"> {
  let parameters = (ins "::mlir::Attribute":$mesh, "::mlir::Attribute":$axes);
  let assemblyFormat = "`<` struct(params) `>`";
}

def VHLO_MeshAxisV1Attr : VHLO_Attr<"MeshAxisV1", "mesh_axis_v1"> {
  let parameters = (ins "::mlir::Attribute":$name, "int64_t":$size);
  let assemblyFormat = "`<` struct(params) `>`";
}

def VHLO_MeshV1Attr : VHLO_Attr<"MeshV1", "mesh_v1"> {
  let parameters = (ins "::mlir::Attribute":$axes,
                        OptionalParameter<"::mlir::Attribute">:$device_ids);
  let assemblyFormat = "`<` struct(params) `>`";
}

#endif // JAXC_DIALECT_VHLO_IR_VHLOATTRS_TD
