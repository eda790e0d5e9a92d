//===- VHLOTypes.td - VHLO types ---------------------------*- tablegen -*-===//
//
// One type per StableHLO element or container type and version. The text
// syntax is VHLO's: !vhlo.f32_v1, !vhlo.tensor_v1<2x?x!vhlo.i32_v1>.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_VHLO_IR_VHLOTYPES_TD
#define JAXC_DIALECT_VHLO_IR_VHLOTYPES_TD

include "VHLOBase.td"

class VHLO_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<VHLO_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

// Element types without parameters.
class VHLO_ScalarType<string name, string typeMnemonic>
    : VHLO_Type<name, typeMnemonic>;

def VHLO_BooleanV1 : VHLO_ScalarType<"BooleanV1", "bool_v1">;
def VHLO_IndexV1 : VHLO_ScalarType<"IndexV1", "index_v1">;
def VHLO_NoneV1 : VHLO_ScalarType<"NoneV1", "none_v1">;
def VHLO_TokenV1 : VHLO_ScalarType<"TokenV1", "token_v1">;
def VHLO_WitnessV1 : VHLO_ScalarType<"WitnessV1", "witness_v1">;

// Signless (iN) and unsigned (uiN) integers.
def VHLO_IntegerSI2V1 : VHLO_ScalarType<"IntegerSI2V1", "i2_v1">;
def VHLO_IntegerSI4V1 : VHLO_ScalarType<"IntegerSI4V1", "i4_v1">;
def VHLO_IntegerSI8V1 : VHLO_ScalarType<"IntegerSI8V1", "i8_v1">;
def VHLO_IntegerSI16V1 : VHLO_ScalarType<"IntegerSI16V1", "i16_v1">;
def VHLO_IntegerSI32V1 : VHLO_ScalarType<"IntegerSI32V1", "i32_v1">;
def VHLO_IntegerSI64V1 : VHLO_ScalarType<"IntegerSI64V1", "i64_v1">;
def VHLO_IntegerUI2V1 : VHLO_ScalarType<"IntegerUI2V1", "ui2_v1">;
def VHLO_IntegerUI4V1 : VHLO_ScalarType<"IntegerUI4V1", "ui4_v1">;
def VHLO_IntegerUI8V1 : VHLO_ScalarType<"IntegerUI8V1", "ui8_v1">;
def VHLO_IntegerUI16V1 : VHLO_ScalarType<"IntegerUI16V1", "ui16_v1">;
def VHLO_IntegerUI32V1 : VHLO_ScalarType<"IntegerUI32V1", "ui32_v1">;
def VHLO_IntegerUI64V1 : VHLO_ScalarType<"IntegerUI64V1", "ui64_v1">;

// Floating-point types.
def VHLO_FloatBF16V1 : VHLO_ScalarType<"FloatBF16V1", "bf16_v1">;
def VHLO_FloatF16V1 : VHLO_ScalarType<"FloatF16V1", "f16_v1">;
def VHLO_FloatF32V1 : VHLO_ScalarType<"FloatF32V1", "f32_v1">;
def VHLO_FloatF64V1 : VHLO_ScalarType<"FloatF64V1", "f64_v1">;
def VHLO_FloatTF32V1 : VHLO_ScalarType<"FloatTF32V1", "tf32_v1">;
def VHLO_FloatF4E2M1FNV1 : VHLO_ScalarType<"FloatF4E2M1FNV1", "f4E2M1FN_v1">;
def VHLO_FloatF6E2M3FNV1 : VHLO_ScalarType<"FloatF6E2M3FNV1", "f6E2M3FN_v1">;
def VHLO_FloatF6E3M2FNV1 : VHLO_ScalarType<"FloatF6E3M2FNV1", "f6E3M2FN_v1">;
def VHLO_FloatF8E3M4V1 : VHLO_ScalarType<"FloatF8E3M4V1", "f8E3M4_v1">;
def VHLO_FloatF8E4M3V1 : VHLO_ScalarType<"FloatF8E4M3V1", "f8E4M3_v1">;
def VHLO_FloatF8E4M3FNV1 : VHLO_ScalarType<"FloatF8E4M3FNV1", "f8E4M3FN_v1">;
def VHLO_FloatF8E5M2V1 : VHLO_ScalarType<"FloatF8E5M2V1", "f8E5M2_v1">;
def VHLO_FloatF8E4M3FNUZV1
    : VHLO_ScalarType<"FloatF8E4M3FNUZV1", "f8E4M3FNUZ_v1">;
def VHLO_FloatF8E5M2FNUZV1
    : VHLO_ScalarType<"FloatF8E5M2FNUZV1", "f8E5M2FNUZ_v1">;
def VHLO_FloatF8E4M3B11FNUZV1
    : VHLO_ScalarType<"FloatF8E4M3B11FNUZV1", "f8E4M3B11FNUZ_v1">;
def VHLO_FloatF8E8M0FNUV1 : VHLO_ScalarType<"FloatF8E8M0FNUV1", "f8E8M0FNU_v1">;

// A dimension list `2x?x` (sizes, `?` dynamic) before an element type.
def VHLO_Shape : ArrayRefParameter<"int64_t", "dimension sizes">;

def VHLO_ComplexV1 : VHLO_Type<"ComplexV1", "complex_v1"> {
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

// `<2x3x!vhlo.f32_v1>`, `<!vhlo.f32_v1>` (rank 0), `<?x!vhlo.f32_v1,
// #vhlo.type_extensions_v1<bounds = [4]>>` (a bounded dynamic dimension).
def VHLO_RankedTensorV1 : VHLO_Type<"RankedTensorV1", "tensor_v1"> {
  let parameters = (ins VHLO_Shape:$shape, "::mlir::Type":$elementType,
                        OptionalParameter<"::mlir::Attribute">:$encoding);
  let assemblyFormat = [{
    `<` custom<ShapedElement>($shape, $elementType) (`,` $encoding^)? `>`
  }];
  let extraClassDeclaration = [{
    int64_t getNumElements() const;
  }];
}

def VHLO_RankedBufferV1 : VHLO_Type<"RankedBufferV1", "buffer_v1"> {
  let parameters = (ins VHLO_Shape:$shape, "::mlir::Type":$elementType);
  let assemblyFormat = "`<` custom<ShapedElement>($shape, $elementType) `>`";
}

def VHLO_UnrankedTensorV1
    : VHLO_Type<"UnrankedTensorV1", "unranked_tensor_v1"> {
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def VHLO_TupleV1 : VHLO_Type<"TupleV1", "tuple_v1"> {
  let parameters = (ins OptionalArrayRefParameter<"::mlir::Type">:$types);
  let assemblyFormat = "`<` (`>`) : ($types^ `>`)?";
}

def VHLO_FutureV1 : VHLO_Type<"FutureV1", "future_v1"> {
  let parameters = (ins OptionalArrayRefParameter<"::mlir::Type">:$types);
  let assemblyFormat = "`<` (`>`) : ($types^ `>`)?";
}

// `<(!vhlo.f32_v1, ...) -> !vhlo.f32_v1>` or `-> (...)`.
def VHLO_FunctionV1 : VHLO_Type<"FunctionV1", "func_v1"> {
  let parameters = (ins OptionalArrayRefParameter<"::mlir::Type">:$inputs,
                        OptionalArrayRefParameter<"::mlir::Type">:$outputs);
  let assemblyFormat = "`<` custom<FunctionType>($inputs, $outputs) `>`";
}

// Uniform quantization: storage:expressed types, the scale(s) and zero
// point(s), the storage range, flags (1: signed storage).
def VHLO_UniformQuantizedV1 : VHLO_Type<"UniformQuantizedV1", "quant_v1"> {
  let parameters = (ins "uint64_t":$flags, "::mlir::Type":$storageType,
                        "::mlir::Type":$expressedType,
                        "::mlir::FloatAttr":$scale, "int64_t":$zeroPoint,
                        "int64_t":$storageTypeMin, "int64_t":$storageTypeMax);
  let assemblyFormat = "`<` struct(params) `>`";
}

def VHLO_UniformQuantizedPerAxisV1
    : VHLO_Type<"UniformQuantizedPerAxisV1", "quant_per_axis_v1"> {
  let parameters = (ins "uint64_t":$flags, "::mlir::Type":$storageType,
                        "::mlir::Type":$expressedType,
                        "int64_t":$quantizedDimension,
                        "::mlir::DenseF64ArrayAttr":$scales,
                        "::mlir::DenseI64ArrayAttr":$zeroPoints,
                        "int64_t":$storageTypeMin, "int64_t":$storageTypeMax);
  let assemblyFormat = "`<` struct(params) `>`";
}

#endif // JAXC_DIALECT_VHLO_IR_VHLOTYPES_TD
