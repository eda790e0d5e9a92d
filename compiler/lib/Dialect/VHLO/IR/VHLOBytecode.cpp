//===- VHLOBytecode.cpp - VHLO's types and attributes in MLIR bytecode ----===//
//
// A portable artifact is MLIR bytecode; VHLO's types and attributes are
// written with their own encoding: a varint code naming the kind, then its
// fields. The codes and the fields' order are fixed by the format (StableHLO
// never renumbers them), as its VhloBytecode.cpp documents:
//
//   attribute                 code  fields
//   array_v1                    1   attribute list
//   bool_v1                     2   varint 0/1
//   comparison_direction_v1     3   varint case
//   comparison_type_v1          4   varint case
//   api_version_v1              5   varint case
//   dict_v1                     6   list of (key attribute, value attribute)
//   fft_type_v1                 7   varint case
//   float_v1                    8   type, APFloat of the type's semantics
//   integer_v1                  9   type, APInt of the type's width
//   output_operand_alias_v1    10   svarints, svarint, svarints
//   precision_v1               11   varint case
//   rng_algorithm_v1           12   varint case
//   rng_distribution_v1        13   varint case
//   string_v1                  14   string
//   tensor_v1                  15   type, blob (i1: bit-packed)
//   transpose_v1               16   varint case
//   type_v1                    17   type
//   type_extensions_v1         18   svarints
//   result_accuracy_mode_v1    19   varint case
//   result_accuracy_v1         20   f64 atol, f64 rtol, svarint ulps, mode
//   sub_axis_info_v1           21   svarint pre_size, svarint size
//   axis_ref_v1                22   name, varint 0/1, sub_axis_info if 1
//   replica_group_mesh_axes_v1 23   mesh, axes attributes
//   mesh_axis_v1               24   name attribute, svarint size
//   mesh_v1                    25   axes, optional device_ids attribute
//
// Types: bool 0, complex 1 (element type), bf16 2, f16 3, f32 4, f64 5,
// f8E4M3FN 6, f8E5M2 7, func 8 (input types, output types), index 9,
// i4..i64 10-14, ui4..ui64 15-19, tensor 20 (svarint shape, element type),
// tensor with encoding 21 (encoding attribute first), token 22, tuple 23
// (types), quant 24, unranked tensor 25 (element type), witness 26,
// f8E4M3FNUZ 27, f8E5M2FNUZ 28, f8E4M3B11FNUZ 29, quant per axis 30, i2 31,
// ui2 32, none 33, tf32 34, f8E4M3 35, f8E3M4 36, f4E2M1FN 37, f6E2M3FN 38,
// f6E3M2FN 39, f8E8M0FNU 40, buffer 41 (shape, element type), future 42
// (types).
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/VHLO/IR/VHLOOps.h"

#include "mlir/Bytecode/BytecodeImplementation.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace jaxc::vhlo;

namespace {

enum AttributeCode : uint64_t {
  kArrayV1Attr = 1,
  kBooleanV1Attr = 2,
  kComparisonDirectionV1Attr = 3,
  kComparisonTypeV1Attr = 4,
  kCustomCallApiVersionV1Attr = 5,
  kDictionaryV1Attr = 6,
  kFftTypeV1Attr = 7,
  kFloatV1Attr = 8,
  kIntegerV1Attr = 9,
  kOutputOperandAliasV1Attr = 10,
  kPrecisionV1Attr = 11,
  kRngAlgorithmV1Attr = 12,
  kRngDistributionV1Attr = 13,
  kStringV1Attr = 14,
  kTensorV1Attr = 15,
  kTransposeV1Attr = 16,
  kTypeV1Attr = 17,
  kTypeExtensionsV1Attr = 18,
  kResultAccuracyModeV1Attr = 19,
  kResultAccuracyV1Attr = 20,
  kSubAxisInfoV1Attr = 21,
  kAxisRefV1Attr = 22,
  kReplicaGroupMeshAxesV1Attr = 23,
  kMeshAxisV1Attr = 24,
  kMeshV1Attr = 25,
};

enum TypeCode : uint64_t {
  kBooleanV1Type = 0,
  kComplexV1Type = 1,
  kFloatBF16V1Type = 2,
  kFloatF16V1Type = 3,
  kFloatF32V1Type = 4,
  kFloatF64V1Type = 5,
  kFloatF8E4M3FNV1Type = 6,
  kFloatF8E5M2V1Type = 7,
  kFunctionV1Type = 8,
  kIndexV1Type = 9,
  kIntegerSI4V1Type = 10,
  kIntegerSI8V1Type = 11,
  kIntegerSI16V1Type = 12,
  kIntegerSI32V1Type = 13,
  kIntegerSI64V1Type = 14,
  kIntegerUI4V1Type = 15,
  kIntegerUI8V1Type = 16,
  kIntegerUI16V1Type = 17,
  kIntegerUI32V1Type = 18,
  kIntegerUI64V1Type = 19,
  kRankedTensorV1Type = 20,
  kRankedTensorV1TypeWithEncoding = 21,
  kTokenV1Type = 22,
  kTupleV1Type = 23,
  kUniformQuantizedV1Type = 24,
  kUnrankedTensorV1Type = 25,
  kWitnessV1Type = 26,
  kFloatF8E4M3FNUZV1Type = 27,
  kFloatF8E5M2FNUZV1Type = 28,
  kFloatF8E4M3B11FNUZV1Type = 29,
  kUniformQuantizedPerAxisV1Type = 30,
  kIntegerSI2V1Type = 31,
  kIntegerUI2V1Type = 32,
  kNoneV1Type = 33,
  kFloatTF32V1Type = 34,
  kFloatF8E4M3V1Type = 35,
  kFloatF8E3M4V1Type = 36,
  kFloatF4E2M1FNV1Type = 37,
  kFloatF6E2M3FNV1Type = 38,
  kFloatF6E3M2FNV1Type = 39,
  kFloatF8E8M0FNUV1Type = 40,
  kRankedBufferV1Type = 41,
  kFutureV1Type = 42,
};

// The element count of a static tensor_v1 type of i1, or -1.
int64_t booleanTensorSize(Type type) {
  auto tensor = dyn_cast<RankedTensorV1Type>(type);
  if (!tensor || !isa<BooleanV1Type>(tensor.getElementType()))
    return -1;
  return tensor.getNumElements();
}

class VHLOBytecodeInterface : public BytecodeDialectInterface {
public:
  VHLOBytecodeInterface(Dialect *dialect) : BytecodeDialectInterface(dialect) {}

  //===--------------------------------------------------------------------===//
  // Attributes

  Attribute readAttribute(DialectBytecodeReader &reader) const override {
    uint64_t code;
    if (failed(reader.readVarInt(code)))
      return {};
    MLIRContext *ctx = getContext();
    switch (code) {
    case kArrayV1Attr: {
      SmallVector<Attribute> elements;
      if (failed(reader.readAttributes(elements)))
        return {};
      return ArrayV1Attr::get(ctx, elements);
    }
    case kBooleanV1Attr: {
      uint64_t value;
      if (failed(reader.readVarInt(value)))
        return {};
      if (value > 1) {
        reader.emitError() << "vhlo.bool_v1 of value " << value;
        return {};
      }
      return BooleanV1Attr::get(ctx, value == 1);
    }
    case kComparisonDirectionV1Attr:
      return readEnum<ComparisonDirectionV1Attr>(
          reader, [](uint32_t v) { return symbolizeComparisonDirectionV1(v); },
          "comparison_direction_v1");
    case kComparisonTypeV1Attr:
      return readEnum<ComparisonTypeV1Attr>(
          reader, [](uint32_t v) { return symbolizeComparisonTypeV1(v); },
          "comparison_type_v1");
    case kCustomCallApiVersionV1Attr:
      return readEnum<CustomCallApiVersionV1Attr>(
          reader, [](uint32_t v) { return symbolizeCustomCallApiVersionV1(v); },
          "api_version_v1");
    case kDictionaryV1Attr: {
      SmallVector<std::pair<Attribute, Attribute>> entries;
      auto readEntry = [&]() -> FailureOr<std::pair<Attribute, Attribute>> {
        Attribute key, value;
        if (failed(reader.readAttribute(key)) ||
            failed(reader.readAttribute(value)))
          return failure();
        return std::make_pair(key, value);
      };
      if (failed(reader.readList(entries, readEntry)))
        return {};
      return DictionaryV1Attr::get(ctx, entries);
    }
    case kFftTypeV1Attr:
      return readEnum<FftTypeV1Attr>(
          reader, [](uint32_t v) { return symbolizeFftTypeV1(v); },
          "fft_type_v1");
    case kFloatV1Attr: {
      Type type;
      if (failed(reader.readType(type)))
        return {};
      const llvm::fltSemantics *semantics = getFloatSemantics(type);
      if (!semantics) {
        reader.emitError() << "vhlo.float_v1 of non-float type " << type;
        return {};
      }
      FailureOr<APFloat> value =
          reader.readAPFloatWithKnownSemantics(*semantics);
      if (failed(value))
        return {};
      return FloatV1Attr::get(ctx, type, *value);
    }
    case kIntegerV1Attr: {
      Type type;
      if (failed(reader.readType(type)))
        return {};
      unsigned width = getIntegerBitWidth(type);
      if (!width) {
        reader.emitError() << "vhlo.integer_v1 of non-integer type " << type;
        return {};
      }
      FailureOr<APInt> value = reader.readAPIntWithKnownWidth(width);
      if (failed(value))
        return {};
      return IntegerV1Attr::get(ctx, type, *value);
    }
    case kOutputOperandAliasV1Attr: {
      SmallVector<int64_t> outputTupleIndices, operandTupleIndices;
      int64_t operandIndex;
      if (failed(reader.readSignedVarInts(outputTupleIndices)) ||
          failed(reader.readSignedVarInt(operandIndex)) ||
          failed(reader.readSignedVarInts(operandTupleIndices)))
        return {};
      return OutputOperandAliasV1Attr::get(ctx, outputTupleIndices,
                                           operandIndex, operandTupleIndices);
    }
    case kPrecisionV1Attr:
      return readEnum<PrecisionV1Attr>(
          reader, [](uint32_t v) { return symbolizePrecisionV1(v); },
          "precision_v1");
    case kRngAlgorithmV1Attr:
      return readEnum<RngAlgorithmV1Attr>(
          reader, [](uint32_t v) { return symbolizeRngAlgorithmV1(v); },
          "rng_algorithm_v1");
    case kRngDistributionV1Attr:
      return readEnum<RngDistributionV1Attr>(
          reader, [](uint32_t v) { return symbolizeRngDistributionV1(v); },
          "rng_distribution_v1");
    case kStringV1Attr: {
      StringRef value;
      if (failed(reader.readString(value)))
        return {};
      return StringV1Attr::get(ctx, value);
    }
    case kTensorV1Attr:
      return readTensor(reader);
    case kTransposeV1Attr:
      return readEnum<TransposeV1Attr>(
          reader, [](uint32_t v) { return symbolizeTransposeV1(v); },
          "transpose_v1");
    case kTypeV1Attr: {
      Type type;
      if (failed(reader.readType(type)))
        return {};
      return TypeV1Attr::get(ctx, type);
    }
    case kTypeExtensionsV1Attr: {
      SmallVector<int64_t> bounds;
      if (failed(reader.readSignedVarInts(bounds)))
        return {};
      return TypeExtensionsV1Attr::get(ctx, bounds);
    }
    case kResultAccuracyModeV1Attr:
      return readEnum<ResultAccuracyModeV1Attr>(
          reader, [](uint32_t v) { return symbolizeResultAccuracyModeV1(v); },
          "result_accuracy_mode_v1");
    case kResultAccuracyV1Attr: {
      FailureOr<APFloat> atol =
          reader.readAPFloatWithKnownSemantics(APFloat::IEEEdouble());
      if (failed(atol))
        return {};
      FailureOr<APFloat> rtol =
          reader.readAPFloatWithKnownSemantics(APFloat::IEEEdouble());
      int64_t ulps;
      ResultAccuracyModeV1Attr mode;
      if (failed(rtol) || failed(reader.readSignedVarInt(ulps)) ||
          failed(reader.readAttribute(mode)))
        return {};
      return ResultAccuracyV1Attr::get(ctx, *atol, *rtol, ulps, mode);
    }
    case kSubAxisInfoV1Attr: {
      int64_t preSize, size;
      if (failed(reader.readSignedVarInt(preSize)) ||
          failed(reader.readSignedVarInt(size)))
        return {};
      return SubAxisInfoV1Attr::get(ctx, preSize, size);
    }
    case kAxisRefV1Attr: {
      Attribute name, subAxisInfo;
      uint64_t hasSubAxisInfo;
      if (failed(reader.readAttribute(name)) ||
          failed(reader.readVarInt(hasSubAxisInfo)) ||
          (hasSubAxisInfo && failed(reader.readAttribute(subAxisInfo))))
        return {};
      return AxisRefV1Attr::get(ctx, name, subAxisInfo);
    }
    case kReplicaGroupMeshAxesV1Attr: {
      Attribute mesh, axes;
      if (failed(reader.readAttribute(mesh)) ||
          failed(reader.readAttribute(axes)))
        return {};
      return ReplicaGroupMeshAxesV1Attr::get(ctx, mesh, axes);
    }
    case kMeshV1Attr: {
      Attribute axes, deviceIds;
      if (failed(reader.readAttribute(axes)) ||
          failed(reader.readOptionalAttribute(deviceIds)))
        return {};
      return MeshV1Attr::get(ctx, axes, deviceIds);
    }
    case kMeshAxisV1Attr: {
      Attribute name;
      int64_t size;
      if (failed(reader.readAttribute(name)) ||
          failed(reader.readSignedVarInt(size)))
        return {};
      return MeshAxisV1Attr::get(ctx, name, size);
    }
    default:
      reader.emitError() << "unknown vhlo attribute code " << code
                         << " (an attribute of a newer VHLO than jaxc reads)";
      return {};
    }
  }

  LogicalResult writeAttribute(Attribute attr,
                               DialectBytecodeWriter &writer) const override {
    return TypeSwitch<Attribute, LogicalResult>(attr)
        .Case([&](ArrayV1Attr a) {
          writer.writeVarInt(kArrayV1Attr);
          writer.writeAttributes(a.getValue());
          return success();
        })
        .Case([&](BooleanV1Attr a) {
          writer.writeVarInt(kBooleanV1Attr);
          writer.writeVarInt(a.getValue() ? 1 : 0);
          return success();
        })
        .Case([&](ComparisonDirectionV1Attr a) {
          return writeEnum(writer, kComparisonDirectionV1Attr, a.getValue());
        })
        .Case([&](ComparisonTypeV1Attr a) {
          return writeEnum(writer, kComparisonTypeV1Attr, a.getValue());
        })
        .Case([&](CustomCallApiVersionV1Attr a) {
          return writeEnum(writer, kCustomCallApiVersionV1Attr, a.getValue());
        })
        .Case([&](DictionaryV1Attr a) {
          writer.writeVarInt(kDictionaryV1Attr);
          writer.writeList(a.getValue(), [&](const auto &entry) {
            writer.writeAttribute(entry.first);
            writer.writeAttribute(entry.second);
          });
          return success();
        })
        .Case([&](FftTypeV1Attr a) {
          return writeEnum(writer, kFftTypeV1Attr, a.getValue());
        })
        .Case([&](FloatV1Attr a) {
          writer.writeVarInt(kFloatV1Attr);
          writer.writeType(a.getType());
          writer.writeAPFloatWithKnownSemantics(a.getValue());
          return success();
        })
        .Case([&](IntegerV1Attr a) {
          writer.writeVarInt(kIntegerV1Attr);
          writer.writeType(a.getType());
          writer.writeAPIntWithKnownWidth(a.getValue());
          return success();
        })
        .Case([&](OutputOperandAliasV1Attr a) {
          writer.writeVarInt(kOutputOperandAliasV1Attr);
          writer.writeSignedVarInts(a.getOutputTupleIndices());
          writer.writeSignedVarInt(a.getOperandIndex());
          writer.writeSignedVarInts(a.getOperandTupleIndices());
          return success();
        })
        .Case([&](PrecisionV1Attr a) {
          return writeEnum(writer, kPrecisionV1Attr, a.getValue());
        })
        .Case([&](RngAlgorithmV1Attr a) {
          return writeEnum(writer, kRngAlgorithmV1Attr, a.getValue());
        })
        .Case([&](RngDistributionV1Attr a) {
          return writeEnum(writer, kRngDistributionV1Attr, a.getValue());
        })
        .Case([&](StringV1Attr a) {
          writer.writeVarInt(kStringV1Attr);
          writer.writeOwnedString(a.getValue());
          return success();
        })
        .Case([&](TensorV1Attr a) {
          writeTensor(a, writer);
          return success();
        })
        .Case([&](TransposeV1Attr a) {
          return writeEnum(writer, kTransposeV1Attr, a.getValue());
        })
        .Case([&](TypeV1Attr a) {
          writer.writeVarInt(kTypeV1Attr);
          writer.writeType(a.getValue());
          return success();
        })
        .Case([&](TypeExtensionsV1Attr a) {
          writer.writeVarInt(kTypeExtensionsV1Attr);
          writer.writeSignedVarInts(a.getBounds());
          return success();
        })
        .Case([&](ResultAccuracyModeV1Attr a) {
          return writeEnum(writer, kResultAccuracyModeV1Attr, a.getValue());
        })
        .Case([&](ResultAccuracyV1Attr a) {
          writer.writeVarInt(kResultAccuracyV1Attr);
          writer.writeAPFloatWithKnownSemantics(a.getAtol());
          writer.writeAPFloatWithKnownSemantics(a.getRtol());
          writer.writeSignedVarInt(a.getUlps());
          writer.writeAttribute(a.getMode());
          return success();
        })
        .Case([&](SubAxisInfoV1Attr a) {
          writer.writeVarInt(kSubAxisInfoV1Attr);
          writer.writeSignedVarInt(a.getPreSize());
          writer.writeSignedVarInt(a.getSize());
          return success();
        })
        .Case([&](AxisRefV1Attr a) {
          writer.writeVarInt(kAxisRefV1Attr);
          writer.writeAttribute(a.getName());
          writer.writeVarInt(a.getSubAxisInfo() ? 1 : 0);
          if (a.getSubAxisInfo())
            writer.writeAttribute(a.getSubAxisInfo());
          return success();
        })
        .Case([&](ReplicaGroupMeshAxesV1Attr a) {
          writer.writeVarInt(kReplicaGroupMeshAxesV1Attr);
          writer.writeAttribute(a.getMesh());
          writer.writeAttribute(a.getAxes());
          return success();
        })
        .Case([&](MeshAxisV1Attr a) {
          writer.writeVarInt(kMeshAxisV1Attr);
          writer.writeAttribute(a.getName());
          writer.writeSignedVarInt(a.getSize());
          return success();
        })
        .Case([&](MeshV1Attr a) {
          writer.writeVarInt(kMeshV1Attr);
          writer.writeAttribute(a.getAxes());
          writer.writeOptionalAttribute(a.getDeviceIds());
          return success();
        })
        .Default([](Attribute) { return failure(); });
  }

  //===--------------------------------------------------------------------===//
  // Types

  Type readType(DialectBytecodeReader &reader) const override {
    uint64_t code;
    if (failed(reader.readVarInt(code)))
      return {};
    MLIRContext *ctx = getContext();
    switch (code) {
    case kBooleanV1Type:
      return BooleanV1Type::get(ctx);
    case kComplexV1Type: {
      Type element;
      if (failed(reader.readType(element)))
        return {};
      return ComplexV1Type::get(ctx, element);
    }
    case kFloatBF16V1Type:
      return FloatBF16V1Type::get(ctx);
    case kFloatF16V1Type:
      return FloatF16V1Type::get(ctx);
    case kFloatF32V1Type:
      return FloatF32V1Type::get(ctx);
    case kFloatF64V1Type:
      return FloatF64V1Type::get(ctx);
    case kFloatF8E4M3FNV1Type:
      return FloatF8E4M3FNV1Type::get(ctx);
    case kFloatF8E5M2V1Type:
      return FloatF8E5M2V1Type::get(ctx);
    case kFunctionV1Type: {
      SmallVector<Type> inputs, outputs;
      if (failed(reader.readTypes(inputs)) || failed(reader.readTypes(outputs)))
        return {};
      return FunctionV1Type::get(ctx, inputs, outputs);
    }
    case kIndexV1Type:
      return IndexV1Type::get(ctx);
    case kIntegerSI2V1Type:
      return IntegerSI2V1Type::get(ctx);
    case kIntegerSI4V1Type:
      return IntegerSI4V1Type::get(ctx);
    case kIntegerSI8V1Type:
      return IntegerSI8V1Type::get(ctx);
    case kIntegerSI16V1Type:
      return IntegerSI16V1Type::get(ctx);
    case kIntegerSI32V1Type:
      return IntegerSI32V1Type::get(ctx);
    case kIntegerSI64V1Type:
      return IntegerSI64V1Type::get(ctx);
    case kIntegerUI2V1Type:
      return IntegerUI2V1Type::get(ctx);
    case kIntegerUI4V1Type:
      return IntegerUI4V1Type::get(ctx);
    case kIntegerUI8V1Type:
      return IntegerUI8V1Type::get(ctx);
    case kIntegerUI16V1Type:
      return IntegerUI16V1Type::get(ctx);
    case kIntegerUI32V1Type:
      return IntegerUI32V1Type::get(ctx);
    case kIntegerUI64V1Type:
      return IntegerUI64V1Type::get(ctx);
    case kRankedTensorV1Type:
    case kRankedTensorV1TypeWithEncoding: {
      Attribute encoding;
      if (code == kRankedTensorV1TypeWithEncoding &&
          failed(reader.readAttribute(encoding)))
        return {};
      SmallVector<int64_t> shape;
      Type element;
      if (failed(reader.readSignedVarInts(shape)) ||
          failed(reader.readType(element)))
        return {};
      return RankedTensorV1Type::get(ctx, shape, element, encoding);
    }
    case kTokenV1Type:
      return TokenV1Type::get(ctx);
    case kTupleV1Type: {
      SmallVector<Type> types;
      if (failed(reader.readTypes(types)))
        return {};
      return TupleV1Type::get(ctx, types);
    }
    case kUniformQuantizedV1Type: {
      uint64_t flags;
      Type storageType, expressedType;
      int64_t zeroPoint, storageMin, storageMax;
      if (failed(reader.readVarInt(flags)) ||
          failed(reader.readType(storageType)) ||
          failed(reader.readType(expressedType)))
        return {};
      FailureOr<APFloat> scale =
          reader.readAPFloatWithKnownSemantics(APFloat::IEEEdouble());
      if (failed(scale) || failed(reader.readSignedVarInt(zeroPoint)) ||
          failed(reader.readSignedVarInt(storageMin)) ||
          failed(reader.readSignedVarInt(storageMax)))
        return {};
      return UniformQuantizedV1Type::get(
          ctx, flags, storageType, expressedType,
          FloatAttr::get(Float64Type::get(ctx), *scale), zeroPoint, storageMin,
          storageMax);
    }
    case kUniformQuantizedPerAxisV1Type: {
      uint64_t flags, quantizedDimension;
      Type storageType, expressedType;
      int64_t storageMin, storageMax;
      SmallVector<double> scales;
      SmallVector<int64_t> zeroPoints;
      auto readScale = [&]() -> FailureOr<double> {
        FailureOr<APFloat> scale =
            reader.readAPFloatWithKnownSemantics(APFloat::IEEEdouble());
        if (failed(scale))
          return failure();
        return scale->convertToDouble();
      };
      auto readZeroPoint = [&]() -> FailureOr<int64_t> {
        int64_t value;
        if (failed(reader.readSignedVarInt(value)))
          return failure();
        return value;
      };
      if (failed(reader.readVarInt(flags)) ||
          failed(reader.readType(storageType)) ||
          failed(reader.readType(expressedType)) ||
          failed(reader.readVarInt(quantizedDimension)) ||
          failed(reader.readSignedVarInt(storageMin)) ||
          failed(reader.readSignedVarInt(storageMax)) ||
          failed(reader.readList(scales, readScale)) ||
          failed(reader.readList(zeroPoints, readZeroPoint)))
        return {};
      return UniformQuantizedPerAxisV1Type::get(
          ctx, flags, storageType, expressedType, quantizedDimension,
          DenseF64ArrayAttr::get(ctx, scales),
          DenseI64ArrayAttr::get(ctx, zeroPoints), storageMin, storageMax);
    }
    case kUnrankedTensorV1Type: {
      Type element;
      if (failed(reader.readType(element)))
        return {};
      return UnrankedTensorV1Type::get(ctx, element);
    }
    case kWitnessV1Type:
      return WitnessV1Type::get(ctx);
    case kFloatF8E4M3FNUZV1Type:
      return FloatF8E4M3FNUZV1Type::get(ctx);
    case kFloatF8E5M2FNUZV1Type:
      return FloatF8E5M2FNUZV1Type::get(ctx);
    case kFloatF8E4M3B11FNUZV1Type:
      return FloatF8E4M3B11FNUZV1Type::get(ctx);
    case kNoneV1Type:
      return NoneV1Type::get(ctx);
    case kFloatTF32V1Type:
      return FloatTF32V1Type::get(ctx);
    case kFloatF8E4M3V1Type:
      return FloatF8E4M3V1Type::get(ctx);
    case kFloatF8E3M4V1Type:
      return FloatF8E3M4V1Type::get(ctx);
    case kFloatF4E2M1FNV1Type:
      return FloatF4E2M1FNV1Type::get(ctx);
    case kFloatF6E2M3FNV1Type:
      return FloatF6E2M3FNV1Type::get(ctx);
    case kFloatF6E3M2FNV1Type:
      return FloatF6E3M2FNV1Type::get(ctx);
    case kFloatF8E8M0FNUV1Type:
      return FloatF8E8M0FNUV1Type::get(ctx);
    case kRankedBufferV1Type: {
      SmallVector<int64_t> shape;
      Type element;
      if (failed(reader.readSignedVarInts(shape)) ||
          failed(reader.readType(element)))
        return {};
      return RankedBufferV1Type::get(ctx, shape, element);
    }
    case kFutureV1Type: {
      SmallVector<Type> types;
      if (failed(reader.readTypes(types)))
        return {};
      return FutureV1Type::get(ctx, types);
    }
    default:
      reader.emitError() << "unknown vhlo type code " << code
                         << " (a type of a newer VHLO than jaxc reads)";
      return {};
    }
  }

  LogicalResult writeType(Type type,
                          DialectBytecodeWriter &writer) const override {
    auto code = [&](uint64_t value) {
      writer.writeVarInt(value);
      return success();
    };
    return TypeSwitch<Type, LogicalResult>(type)
        .Case([&](BooleanV1Type) { return code(kBooleanV1Type); })
        .Case([&](ComplexV1Type t) {
          writer.writeVarInt(kComplexV1Type);
          writer.writeType(t.getElementType());
          return success();
        })
        .Case([&](FloatBF16V1Type) { return code(kFloatBF16V1Type); })
        .Case([&](FloatF16V1Type) { return code(kFloatF16V1Type); })
        .Case([&](FloatF32V1Type) { return code(kFloatF32V1Type); })
        .Case([&](FloatF64V1Type) { return code(kFloatF64V1Type); })
        .Case([&](FloatF8E4M3FNV1Type) { return code(kFloatF8E4M3FNV1Type); })
        .Case([&](FloatF8E5M2V1Type) { return code(kFloatF8E5M2V1Type); })
        .Case([&](FunctionV1Type t) {
          writer.writeVarInt(kFunctionV1Type);
          writer.writeTypes(t.getInputs());
          writer.writeTypes(t.getOutputs());
          return success();
        })
        .Case([&](IndexV1Type) { return code(kIndexV1Type); })
        .Case([&](IntegerSI2V1Type) { return code(kIntegerSI2V1Type); })
        .Case([&](IntegerSI4V1Type) { return code(kIntegerSI4V1Type); })
        .Case([&](IntegerSI8V1Type) { return code(kIntegerSI8V1Type); })
        .Case([&](IntegerSI16V1Type) { return code(kIntegerSI16V1Type); })
        .Case([&](IntegerSI32V1Type) { return code(kIntegerSI32V1Type); })
        .Case([&](IntegerSI64V1Type) { return code(kIntegerSI64V1Type); })
        .Case([&](IntegerUI2V1Type) { return code(kIntegerUI2V1Type); })
        .Case([&](IntegerUI4V1Type) { return code(kIntegerUI4V1Type); })
        .Case([&](IntegerUI8V1Type) { return code(kIntegerUI8V1Type); })
        .Case([&](IntegerUI16V1Type) { return code(kIntegerUI16V1Type); })
        .Case([&](IntegerUI32V1Type) { return code(kIntegerUI32V1Type); })
        .Case([&](IntegerUI64V1Type) { return code(kIntegerUI64V1Type); })
        .Case([&](RankedTensorV1Type t) {
          if (Attribute encoding = t.getEncoding()) {
            writer.writeVarInt(kRankedTensorV1TypeWithEncoding);
            writer.writeAttribute(encoding);
          } else {
            writer.writeVarInt(kRankedTensorV1Type);
          }
          writer.writeSignedVarInts(t.getShape());
          writer.writeType(t.getElementType());
          return success();
        })
        .Case([&](TokenV1Type) { return code(kTokenV1Type); })
        .Case([&](TupleV1Type t) {
          writer.writeVarInt(kTupleV1Type);
          writer.writeTypes(t.getTypes());
          return success();
        })
        .Case([&](UniformQuantizedV1Type t) {
          writer.writeVarInt(kUniformQuantizedV1Type);
          writer.writeVarInt(t.getFlags());
          writer.writeType(t.getStorageType());
          writer.writeType(t.getExpressedType());
          writer.writeAPFloatWithKnownSemantics(
              APFloat(t.getScale().getValueAsDouble()));
          writer.writeSignedVarInt(t.getZeroPoint());
          writer.writeSignedVarInt(t.getStorageTypeMin());
          writer.writeSignedVarInt(t.getStorageTypeMax());
          return success();
        })
        .Case([&](UniformQuantizedPerAxisV1Type t) {
          writer.writeVarInt(kUniformQuantizedPerAxisV1Type);
          writer.writeVarInt(t.getFlags());
          writer.writeType(t.getStorageType());
          writer.writeType(t.getExpressedType());
          writer.writeVarInt(t.getQuantizedDimension());
          writer.writeSignedVarInt(t.getStorageTypeMin());
          writer.writeSignedVarInt(t.getStorageTypeMax());
          writer.writeList(t.getScales().asArrayRef(), [&](double scale) {
            writer.writeAPFloatWithKnownSemantics(APFloat(scale));
          });
          writer.writeList(t.getZeroPoints().asArrayRef(), [&](int64_t zero) {
            writer.writeSignedVarInt(zero);
          });
          return success();
        })
        .Case([&](UnrankedTensorV1Type t) {
          writer.writeVarInt(kUnrankedTensorV1Type);
          writer.writeType(t.getElementType());
          return success();
        })
        .Case([&](WitnessV1Type) { return code(kWitnessV1Type); })
        .Case(
            [&](FloatF8E4M3FNUZV1Type) { return code(kFloatF8E4M3FNUZV1Type); })
        .Case(
            [&](FloatF8E5M2FNUZV1Type) { return code(kFloatF8E5M2FNUZV1Type); })
        .Case([&](FloatF8E4M3B11FNUZV1Type) {
          return code(kFloatF8E4M3B11FNUZV1Type);
        })
        .Case([&](NoneV1Type) { return code(kNoneV1Type); })
        .Case([&](FloatTF32V1Type) { return code(kFloatTF32V1Type); })
        .Case([&](FloatF8E4M3V1Type) { return code(kFloatF8E4M3V1Type); })
        .Case([&](FloatF8E3M4V1Type) { return code(kFloatF8E3M4V1Type); })
        .Case([&](FloatF4E2M1FNV1Type) { return code(kFloatF4E2M1FNV1Type); })
        .Case([&](FloatF6E2M3FNV1Type) { return code(kFloatF6E2M3FNV1Type); })
        .Case([&](FloatF6E3M2FNV1Type) { return code(kFloatF6E3M2FNV1Type); })
        .Case([&](FloatF8E8M0FNUV1Type) { return code(kFloatF8E8M0FNUV1Type); })
        .Case([&](RankedBufferV1Type t) {
          writer.writeVarInt(kRankedBufferV1Type);
          writer.writeSignedVarInts(t.getShape());
          writer.writeType(t.getElementType());
          return success();
        })
        .Case([&](FutureV1Type t) {
          writer.writeVarInt(kFutureV1Type);
          writer.writeTypes(t.getTypes());
          return success();
        })
        .Default([](Type) { return failure(); });
  }

private:
  template <typename AttrT, typename SymbolizeFn>
  AttrT readEnum(DialectBytecodeReader &reader, SymbolizeFn symbolize,
                 StringRef kind) const {
    uint64_t value;
    if (failed(reader.readVarInt(value)))
      return {};
    auto symbol = symbolize(static_cast<uint32_t>(value));
    if (!symbol) {
      reader.emitError() << "vhlo." << kind << " of unknown value " << value;
      return {};
    }
    return AttrT::get(getContext(), *symbol);
  }

  template <typename EnumT>
  static LogicalResult writeEnum(DialectBytecodeWriter &writer, uint64_t code,
                                 EnumT value) {
    writer.writeVarInt(code);
    writer.writeVarInt(static_cast<uint64_t>(value));
    return success();
  }

  // i1 data travels bit-packed (bit i of byte i/8), except that a splat of
  // more than 8 elements is one byte; older producers wrote a byte per
  // element, which is read as it is.
  Attribute readTensor(DialectBytecodeReader &reader) const {
    Type type;
    ArrayRef<char> blob;
    if (failed(reader.readType(type)) || failed(reader.readBlob(blob)))
      return {};
    int64_t count = booleanTensorSize(type);
    uint64_t packedSize = count < 0 ? 0 : llvm::divideCeil(count, 8);
    if (count >= 0 && blob.size() == packedSize &&
        static_cast<int64_t>(blob.size()) != count) {
      std::string unpacked(count, '\0');
      for (int64_t i = 0; i < count; ++i)
        unpacked[i] = (blob[i / 8] >> (i % 8)) & 1;
      return TensorV1Attr::get(getContext(), type, unpacked);
    }
    return TensorV1Attr::get(getContext(), type,
                             StringRef(blob.data(), blob.size()));
  }

  void writeTensor(TensorV1Attr attr, DialectBytecodeWriter &writer) const {
    writer.writeVarInt(kTensorV1Attr);
    writer.writeType(attr.getType());
    StringRef data = attr.getData();
    int64_t count = booleanTensorSize(attr.getType());
    if (count < 0) {
      writer.writeOwnedBlob(ArrayRef<char>(data.data(), data.size()));
      return;
    }
    std::string packed;
    if (data.size() == 1 && count > 1) {
      packed.assign(1, data[0] ? '\xff' : '\0');
    } else {
      packed.assign(llvm::divideCeil(count, 8), '\0');
      for (int64_t i = 0; i < count && i < static_cast<int64_t>(data.size());
           ++i)
        if (data[i])
          packed[i / 8] |= static_cast<char>(1 << (i % 8));
    }
    // The writer keeps a reference until it is done: let the context own
    // the packed bytes.
    StringRef owned = StringAttr::get(getContext(), packed).getValue();
    writer.writeOwnedBlob(ArrayRef<char>(owned.data(), owned.size()));
  }
};

} // namespace

namespace jaxc::vhlo {
void addBytecodeInterface(VHLODialect *dialect) {
  dialect->addInterfaces<VHLOBytecodeInterface>();
}
} // namespace jaxc::vhlo
