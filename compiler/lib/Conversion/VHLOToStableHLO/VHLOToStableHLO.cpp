//===- VHLOToStableHLO.cpp - Portable artifacts to jaxc's StableHLO -------===//
//
// Rebuilds a module of VHLO functions (what a StableHLO portable artifact
// holds) as func.func functions of jaxc's StableHLO ops: the IR jaxc's text
// parser builds from the StableHLO text JAX prints for the same program.
//
// The ops map by name through one table: each VHLO op (of every version
// JAX 0.8-0.12 writes) names its StableHLO op and how its attributes
// convert. VHLO flattens StableHLO's structured attributes (dot, gather,
// scatter and convolution dimension numbers) into one attribute per field,
// stores integer lists as i64 tensors and writes every absent attribute as
// its default; the table puts the structures back, makes the lists dense
// arrays where jaxc's ops declare them, and leaves out what JAX's printer
// leaves out (a default). Types and attributes convert to their builtin
// equivalents (!vhlo.tensor_v1<2x!vhlo.ui32_v1> -> tensor<2xui32>,
// #vhlo.dict_v1 -> DictionaryAttr); attributes of other dialects (sdy) pass
// through. A VHLO op the table lacks is an error naming it: the ones jaxc
// has no op for (collectives, infeed, dynamic shapes...) say why, others
// (of a newer VHLO) that they are unknown.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Conversion/Passes.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Dialect/VHLO/IR/VHLOOps.h"
#include "jaxc/Support/Unsupported.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

namespace jaxc {
#define GEN_PASS_DEF_VHLOTOSTABLEHLOPASS
#include "jaxc/Conversion/Passes.h.inc"
} // namespace jaxc

using namespace mlir;
namespace shlo = jaxc::stablehlo;
namespace vhlo = jaxc::vhlo;

namespace {

class Converter;

// Fills `attrs` with the StableHLO op's attributes from the VHLO op's.
using AttrRule = LogicalResult (*)(Converter &, Operation *,
                                   NamedAttrList &attrs);

struct OpRule {
  const char *vhloName;
  const char *stablehloName;
  AttrRule attrs;
};

//===----------------------------------------------------------------------===//
// The converter
//===----------------------------------------------------------------------===//

class Converter {
public:
  explicit Converter(ModuleOp module)
      : module(module), ctx(module.getContext()), builder(ctx) {}

  LogicalResult run();

  MLIRContext *getContext() const { return ctx; }
  Builder &getBuilder() { return builder; }

  FailureOr<Type> convertType(Type type, Operation *op);
  FailureOr<Attribute> convertAttr(Attribute attr, Operation *op);

private:
  LogicalResult convertFunc(Operation *func);
  LogicalResult convertBlock(Block &source, Block &target,
                             StringRef terminatorName);
  LogicalResult convertOp(Operation *op, StringRef terminatorName);
  LogicalResult convertDiscardableAttrs(Operation *op, NamedAttrList &attrs);

  ModuleOp module;
  MLIRContext *ctx;
  OpBuilder builder;
  IRMapping mapping;
  std::optional<Type> tokenType;
};

//===----------------------------------------------------------------------===//
// Attribute helpers
//===----------------------------------------------------------------------===//

InFlightDiagnostic attrError(Operation *op, StringRef name) {
  return op->emitOpError() << "has an unexpected '" << name << "' attribute";
}

// The integers of a tensor_v1 attribute (an i64 list).
FailureOr<SmallVector<int64_t>> getInts(Operation *op, StringRef name) {
  auto tensor = dyn_cast_or_null<vhlo::TensorV1Attr>(op->getAttr(name));
  auto type =
      tensor
          ? dyn_cast_or_null<ShapedType>(vhlo::toBuiltinType(tensor.getType()))
          : ShapedType();
  DenseElementsAttr dense =
      type ? vhlo::getDenseElements(type, tensor.getData()) : nullptr;
  if (!dense || !isa<IntegerType>(dense.getElementType()))
    return attrError(op, name), failure();
  SmallVector<int64_t> values;
  for (const APInt &value : dense.getValues<APInt>())
    values.push_back(value.getSExtValue());
  return values;
}

FailureOr<int64_t> getInt(Operation *op, StringRef name) {
  auto integer = dyn_cast_or_null<vhlo::IntegerV1Attr>(op->getAttr(name));
  if (!integer)
    return attrError(op, name), failure();
  if (isa<vhlo::IntegerUI2V1Type, vhlo::IntegerUI4V1Type,
          vhlo::IntegerUI8V1Type, vhlo::IntegerUI16V1Type,
          vhlo::IntegerUI32V1Type, vhlo::IntegerUI64V1Type>(integer.getType()))
    return static_cast<int64_t>(integer.getValue().getZExtValue());
  return integer.getValue().getSExtValue();
}

FailureOr<bool> getBool(Operation *op, StringRef name) {
  auto boolean = dyn_cast_or_null<vhlo::BooleanV1Attr>(op->getAttr(name));
  if (!boolean)
    return attrError(op, name), failure();
  return boolean.getValue();
}

FailureOr<StringRef> getString(Operation *op, StringRef name) {
  auto string = dyn_cast_or_null<vhlo::StringV1Attr>(op->getAttr(name));
  if (!string)
    return attrError(op, name), failure();
  return string.getValue();
}

// The attribute converted generically (builtin and StableHLO equivalents).
LogicalResult copyAttr(Converter &c, Operation *op, StringRef name,
                       NamedAttrList &attrs, StringRef newName = {}) {
  Attribute attr = op->getAttr(name);
  if (!attr)
    return attrError(op, name);
  FailureOr<Attribute> converted = c.convertAttr(attr, op);
  if (failed(converted))
    return failure();
  attrs.set(newName.empty() ? name : newName, *converted);
  return success();
}

LogicalResult setI64Array(Converter &c, Operation *op, StringRef name,
                          NamedAttrList &attrs, StringRef newName = {}) {
  FailureOr<SmallVector<int64_t>> values = getInts(op, name);
  if (failed(values))
    return failure();
  attrs.set(newName.empty() ? name : newName,
            DenseI64ArrayAttr::get(c.getContext(), *values));
  return success();
}

// A dense i64 array unless every element is `defaultValue` (which JAX's
// printer leaves out).
LogicalResult setOptionalI64Array(Converter &c, Operation *op, StringRef name,
                                  NamedAttrList &attrs, int64_t defaultValue) {
  FailureOr<SmallVector<int64_t>> values = getInts(op, name);
  if (failed(values))
    return failure();
  if (llvm::all_of(*values, [&](int64_t v) { return v == defaultValue; }))
    return success();
  attrs.set(name, DenseI64ArrayAttr::get(c.getContext(), *values));
  return success();
}

LogicalResult setI64(Converter &c, Operation *op, StringRef name,
                     NamedAttrList &attrs) {
  FailureOr<int64_t> value = getInt(op, name);
  if (failed(value))
    return failure();
  attrs.set(name, c.getBuilder().getI64IntegerAttr(*value));
  return success();
}

LogicalResult setI32(Converter &c, Operation *op, StringRef name,
                     NamedAttrList &attrs) {
  FailureOr<int64_t> value = getInt(op, name);
  if (failed(value))
    return failure();
  attrs.set(name, c.getBuilder().getI32IntegerAttr(*value));
  return success();
}

LogicalResult setBool(Converter &c, Operation *op, StringRef name,
                      NamedAttrList &attrs) {
  FailureOr<bool> value = getBool(op, name);
  if (failed(value))
    return failure();
  attrs.set(name, c.getBuilder().getBoolAttr(*value));
  return success();
}

// A boolean StableHLO defaults to false: only `true` is kept.
LogicalResult setTrueBool(Converter &c, Operation *op, StringRef name,
                          NamedAttrList &attrs) {
  FailureOr<bool> value = getBool(op, name);
  if (failed(value))
    return failure();
  if (*value)
    attrs.set(name, c.getBuilder().getBoolAttr(true));
  return success();
}

// A precision_config, unless empty or all DEFAULT (the default).
LogicalResult setPrecisionConfig(Converter &c, Operation *op,
                                 NamedAttrList &attrs) {
  auto array =
      dyn_cast_or_null<vhlo::ArrayV1Attr>(op->getAttr("precision_config"));
  if (!array)
    return attrError(op, "precision_config");
  if (llvm::all_of(array.getValue(), [](Attribute a) {
        auto precision = dyn_cast<vhlo::PrecisionV1Attr>(a);
        return precision && precision.getValue() == vhlo::PrecisionV1::DEFAULT;
      }))
    return success();
  return copyAttr(c, op, "precision_config", attrs);
}

// [[low, high], ...] paddings: an i64 tensor of shape [N, 2].
LogicalResult setPadding(Converter &c, Operation *op, NamedAttrList &attrs,
                         bool keepZero) {
  auto tensor = dyn_cast_or_null<vhlo::TensorV1Attr>(op->getAttr("padding"));
  auto type =
      tensor
          ? dyn_cast_or_null<ShapedType>(vhlo::toBuiltinType(tensor.getType()))
          : ShapedType();
  DenseElementsAttr dense =
      type ? vhlo::getDenseElements(type, tensor.getData()) : nullptr;
  if (!dense)
    return attrError(op, "padding");
  if (!keepZero && dense.isSplat() && dense.getSplatValue<APInt>().isZero())
    return success();
  // JAX prints paddings non-splat (`dense<[[1, 1], [1, 1]]>`).
  SmallVector<APInt> values(dense.getValues<APInt>());
  attrs.set("padding", DenseIntElementsAttr::get(type, values));
  return success();
}

//===----------------------------------------------------------------------===//
// Attribute rules, by op
//===----------------------------------------------------------------------===//

LogicalResult noAttrs(Converter &, Operation *, NamedAttrList &) {
  return success();
}

// The result accuracy of a transcendental op, unless the default.
LogicalResult resultAccuracy(Converter &c, Operation *op,
                             NamedAttrList &attrs) {
  auto accuracy = dyn_cast_or_null<vhlo::ResultAccuracyV1Attr>(
      op->getAttr("result_accuracy"));
  if (!accuracy)
    return attrError(op, "result_accuracy");
  if (accuracy.getMode().getValue() == vhlo::ResultAccuracyModeV1::DEFAULT &&
      accuracy.getAtol().isZero() && accuracy.getRtol().isZero() &&
      accuracy.getUlps() == 0)
    return success();
  return copyAttr(c, op, "result_accuracy", attrs);
}

LogicalResult constantAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  return copyAttr(c, op, "value", attrs);
}

LogicalResult iotaAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  return setI64(c, op, "iota_dimension", attrs);
}

LogicalResult broadcastInDimAttrs(Converter &c, Operation *op,
                                  NamedAttrList &attrs) {
  return setI64Array(c, op, "broadcast_dimensions", attrs);
}

LogicalResult transposeAttrs(Converter &c, Operation *op,
                             NamedAttrList &attrs) {
  return setI64Array(c, op, "permutation", attrs);
}

LogicalResult dimensionsAttrs(Converter &c, Operation *op,
                              NamedAttrList &attrs) {
  return setI64Array(c, op, "dimensions", attrs);
}

LogicalResult sliceAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  return failure(failed(setI64Array(c, op, "start_indices", attrs)) ||
                 failed(setI64Array(c, op, "limit_indices", attrs)) ||
                 failed(setI64Array(c, op, "strides", attrs)));
}

LogicalResult dynamicSliceAttrs(Converter &c, Operation *op,
                                NamedAttrList &attrs) {
  return setI64Array(c, op, "slice_sizes", attrs);
}

LogicalResult padAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  return failure(failed(setI64Array(c, op, "edge_padding_low", attrs)) ||
                 failed(setI64Array(c, op, "edge_padding_high", attrs)) ||
                 failed(setI64Array(c, op, "interior_padding", attrs)));
}

LogicalResult concatenateAttrs(Converter &c, Operation *op,
                               NamedAttrList &attrs) {
  return setI64(c, op, "dimension", attrs);
}

LogicalResult getTupleElementAttrs(Converter &c, Operation *op,
                                   NamedAttrList &attrs) {
  return setI32(c, op, "index", attrs);
}

LogicalResult compareAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  if (failed(copyAttr(c, op, "comparison_direction", attrs)))
    return failure();
  auto type =
      dyn_cast_or_null<vhlo::ComparisonTypeV1Attr>(op->getAttr("compare_type"));
  if (!type)
    return attrError(op, "compare_type");
  if (type.getValue() == vhlo::ComparisonTypeV1::NOTYPE)
    return success();
  return copyAttr(c, op, "compare_type", attrs);
}

LogicalResult reducePrecisionAttrs(Converter &c, Operation *op,
                                   NamedAttrList &attrs) {
  return failure(failed(setI32(c, op, "exponent_bits", attrs)) ||
                 failed(setI32(c, op, "mantissa_bits", attrs)));
}

LogicalResult dotGeneralAttrs(Converter &c, Operation *op,
                              NamedAttrList &attrs) {
  FailureOr<SmallVector<int64_t>> lhsBatch =
      getInts(op, "lhs_batching_dimensions");
  FailureOr<SmallVector<int64_t>> rhsBatch =
      getInts(op, "rhs_batching_dimensions");
  FailureOr<SmallVector<int64_t>> lhsContract =
      getInts(op, "lhs_contracting_dimensions");
  FailureOr<SmallVector<int64_t>> rhsContract =
      getInts(op, "rhs_contracting_dimensions");
  if (failed(lhsBatch) || failed(rhsBatch) || failed(lhsContract) ||
      failed(rhsContract))
    return failure();
  attrs.set("dot_dimension_numbers", shlo::DotDimensionNumbersAttr::get(
                                         c.getContext(), *lhsBatch, *rhsBatch,
                                         *lhsContract, *rhsContract));
  if (failed(setPrecisionConfig(c, op, attrs)))
    return failure();
  // dot_general_v2's algorithm: every field none_v1 when there is none.
  auto isNone = [&](StringRef field) {
    auto type = dyn_cast_or_null<vhlo::TypeV1Attr>(op->getAttr(field));
    return !op->getAttr(field) ||
           (type && isa<vhlo::NoneV1Type>(type.getValue()));
  };
  if (isNone("lhs_precision_type"))
    return success();
  auto getType = [&](StringRef field) -> FailureOr<Type> {
    auto type = dyn_cast_or_null<vhlo::TypeV1Attr>(op->getAttr(field));
    if (!type)
      return attrError(op, field), failure();
    return c.convertType(type.getValue(), op);
  };
  FailureOr<Type> lhsType = getType("lhs_precision_type");
  FailureOr<Type> rhsType = getType("rhs_precision_type");
  FailureOr<Type> accumulationType = getType("accumulation_type");
  FailureOr<int64_t> lhsCount = getInt(op, "lhs_component_count");
  FailureOr<int64_t> rhsCount = getInt(op, "rhs_component_count");
  FailureOr<int64_t> products = getInt(op, "num_primitive_operations");
  FailureOr<bool> imprecise = getBool(op, "allow_imprecise_accumulation");
  if (failed(lhsType) || failed(rhsType) || failed(accumulationType) ||
      failed(lhsCount) || failed(rhsCount) || failed(products) ||
      failed(imprecise))
    return failure();
  attrs.set("algorithm",
            shlo::DotAlgorithmAttr::get(c.getContext(), *lhsType, *rhsType,
                                        *accumulationType, *lhsCount, *rhsCount,
                                        *products, *imprecise));
  return success();
}

LogicalResult dotAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  return setPrecisionConfig(c, op, attrs);
}

LogicalResult convolutionAttrs(Converter &c, Operation *op,
                               NamedAttrList &attrs) {
  auto get = [&](StringRef name) { return getInt(op, name); };
  FailureOr<int64_t> inputBatch = get("input_batch_dimension");
  FailureOr<int64_t> inputFeature = get("input_feature_dimension");
  FailureOr<int64_t> kernelInput = get("kernel_input_feature_dimension");
  FailureOr<int64_t> kernelOutput = get("kernel_output_feature_dimension");
  FailureOr<int64_t> outputBatch = get("output_batch_dimension");
  FailureOr<int64_t> outputFeature = get("output_feature_dimension");
  FailureOr<SmallVector<int64_t>> inputSpatial =
      getInts(op, "input_spatial_dimensions");
  FailureOr<SmallVector<int64_t>> kernelSpatial =
      getInts(op, "kernel_spatial_dimensions");
  FailureOr<SmallVector<int64_t>> outputSpatial =
      getInts(op, "output_spatial_dimensions");
  if (failed(inputBatch) || failed(inputFeature) || failed(kernelInput) ||
      failed(kernelOutput) || failed(outputBatch) || failed(outputFeature) ||
      failed(inputSpatial) || failed(kernelSpatial) || failed(outputSpatial))
    return failure();
  attrs.set("dimension_numbers",
            shlo::ConvDimensionNumbersAttr::get(
                c.getContext(), *inputBatch, *inputFeature, *inputSpatial,
                *kernelInput, *kernelOutput, *kernelSpatial, *outputBatch,
                *outputFeature, *outputSpatial));
  if (failed(setOptionalI64Array(c, op, "window_strides", attrs, 1)) ||
      failed(setPadding(c, op, attrs, /*keepZero=*/false)) ||
      failed(setOptionalI64Array(c, op, "lhs_dilation", attrs, 1)) ||
      failed(setOptionalI64Array(c, op, "rhs_dilation", attrs, 1)) ||
      failed(setI64(c, op, "feature_group_count", attrs)) ||
      failed(setI64(c, op, "batch_group_count", attrs)) ||
      failed(setPrecisionConfig(c, op, attrs)))
    return failure();
  // window_reversal: a bool array, left out when all false.
  auto reversal =
      dyn_cast_or_null<vhlo::TensorV1Attr>(op->getAttr("window_reversal"));
  if (!reversal)
    return attrError(op, "window_reversal");
  auto reversalType =
      dyn_cast_or_null<ShapedType>(vhlo::toBuiltinType(reversal.getType()));
  DenseElementsAttr reversalValues =
      reversalType ? vhlo::getDenseElements(reversalType, reversal.getData())
                   : nullptr;
  if (!reversalValues)
    return attrError(op, "window_reversal");
  SmallVector<bool> flags(reversalValues.getValues<bool>());
  if (llvm::is_contained(flags, true))
    attrs.set("window_reversal",
              DenseBoolArrayAttr::get(c.getContext(), flags));
  return success();
}

LogicalResult gatherAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  auto optionalInts = [&](StringRef name) -> FailureOr<SmallVector<int64_t>> {
    if (!op->getAttr(name)) // gather_v1 has no batching dimensions
      return SmallVector<int64_t>();
    return getInts(op, name);
  };
  FailureOr<SmallVector<int64_t>> offsetDims = getInts(op, "offset_dims");
  FailureOr<SmallVector<int64_t>> collapsed =
      getInts(op, "collapsed_slice_dims");
  FailureOr<SmallVector<int64_t>> operandBatching =
      optionalInts("operand_batching_dims");
  FailureOr<SmallVector<int64_t>> indicesBatching =
      optionalInts("start_indices_batching_dims");
  FailureOr<SmallVector<int64_t>> startIndexMap =
      getInts(op, "start_index_map");
  FailureOr<int64_t> indexVectorDim = getInt(op, "index_vector_dim");
  if (failed(offsetDims) || failed(collapsed) || failed(operandBatching) ||
      failed(indicesBatching) || failed(startIndexMap) ||
      failed(indexVectorDim))
    return failure();
  attrs.set("dimension_numbers",
            shlo::GatherDimensionNumbersAttr::get(
                c.getContext(), *offsetDims, *collapsed, *operandBatching,
                *indicesBatching, *startIndexMap, *indexVectorDim));
  return failure(failed(setI64Array(c, op, "slice_sizes", attrs)) ||
                 failed(setTrueBool(c, op, "indices_are_sorted", attrs)));
}

LogicalResult scatterAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  auto optionalInts = [&](StringRef name) -> FailureOr<SmallVector<int64_t>> {
    if (!op->getAttr(name)) // scatter_v1 has no batching dimensions
      return SmallVector<int64_t>();
    return getInts(op, name);
  };
  FailureOr<SmallVector<int64_t>> updateWindow =
      getInts(op, "update_window_dims");
  FailureOr<SmallVector<int64_t>> inserted =
      getInts(op, "inserted_window_dims");
  FailureOr<SmallVector<int64_t>> inputBatching =
      optionalInts("input_batching_dims");
  FailureOr<SmallVector<int64_t>> indicesBatching =
      optionalInts("scatter_indices_batching_dims");
  FailureOr<SmallVector<int64_t>> toOperand =
      getInts(op, "scatter_dims_to_operand_dims");
  FailureOr<int64_t> indexVectorDim = getInt(op, "index_vector_dim");
  if (failed(updateWindow) || failed(inserted) || failed(inputBatching) ||
      failed(indicesBatching) || failed(toOperand) || failed(indexVectorDim))
    return failure();
  attrs.set("scatter_dimension_numbers",
            shlo::ScatterDimensionNumbersAttr::get(
                c.getContext(), *updateWindow, *inserted, *inputBatching,
                *indicesBatching, *toOperand, *indexVectorDim));
  return failure(failed(setTrueBool(c, op, "indices_are_sorted", attrs)) ||
                 failed(setTrueBool(c, op, "unique_indices", attrs)));
}

LogicalResult reduceWindowAttrs(Converter &c, Operation *op,
                                NamedAttrList &attrs) {
  return failure(
      failed(setI64Array(c, op, "window_dimensions", attrs)) ||
      failed(setOptionalI64Array(c, op, "window_strides", attrs, 1)) ||
      failed(setOptionalI64Array(c, op, "base_dilations", attrs, 1)) ||
      failed(setOptionalI64Array(c, op, "window_dilations", attrs, 1)) ||
      failed(setPadding(c, op, attrs, /*keepZero=*/false)));
}

LogicalResult selectAndScatterAttrs(Converter &c, Operation *op,
                                    NamedAttrList &attrs) {
  return failure(
      failed(setI64Array(c, op, "window_dimensions", attrs)) ||
      failed(setOptionalI64Array(c, op, "window_strides", attrs, 1)) ||
      failed(setPadding(c, op, attrs, /*keepZero=*/false)));
}

LogicalResult sortAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  return failure(failed(setI64(c, op, "dimension", attrs)) ||
                 failed(setBool(c, op, "is_stable", attrs)));
}

LogicalResult fftAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  return failure(failed(copyAttr(c, op, "fft_type", attrs)) ||
                 failed(setI64Array(c, op, "fft_length", attrs)));
}

LogicalResult triangularSolveAttrs(Converter &c, Operation *op,
                                   NamedAttrList &attrs) {
  return failure(failed(setBool(c, op, "left_side", attrs)) ||
                 failed(setBool(c, op, "lower", attrs)) ||
                 failed(setBool(c, op, "unit_diagonal", attrs)) ||
                 failed(copyAttr(c, op, "transpose_a", attrs)));
}

LogicalResult rngBitGeneratorAttrs(Converter &c, Operation *op,
                                   NamedAttrList &attrs) {
  return copyAttr(c, op, "rng_algorithm", attrs);
}

LogicalResult batchNormAttrs(Converter &c, Operation *op,
                             NamedAttrList &attrs) {
  auto epsilon = dyn_cast_or_null<vhlo::FloatV1Attr>(op->getAttr("epsilon"));
  if (!epsilon)
    return attrError(op, "epsilon");
  bool losesInfo;
  APFloat value = epsilon.getValue();
  value.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven,
                &losesInfo);
  attrs.set("epsilon", FloatAttr::get(Float32Type::get(c.getContext()), value));
  return setI64(c, op, "feature_index", attrs);
}

LogicalResult callAttrs(Converter &c, Operation *op, NamedAttrList &attrs) {
  FailureOr<StringRef> callee = getString(op, "callee");
  if (failed(callee))
    return failure();
  attrs.set("callee", FlatSymbolRefAttr::get(c.getContext(), *callee));
  return success();
}

LogicalResult compositeAttrs(Converter &c, Operation *op,
                             NamedAttrList &attrs) {
  FailureOr<StringRef> decomposition = getString(op, "decomposition");
  FailureOr<int64_t> version = getInt(op, "version");
  if (failed(decomposition) || failed(version) ||
      failed(copyAttr(c, op, "name", attrs)) ||
      failed(copyAttr(c, op, "composite_attributes", attrs)))
    return failure();
  attrs.set("decomposition",
            FlatSymbolRefAttr::get(c.getContext(), *decomposition));
  if (*version != 0)
    attrs.set("version", c.getBuilder().getI32IntegerAttr(*version));
  if (auto dict = dyn_cast<DictionaryAttr>(attrs.get("composite_attributes")))
    if (dict.empty())
      attrs.erase("composite_attributes");
  if (op->getNumRegions() != 0)
    return jaxc::emitUnsupported(op, "with a body region");
  return success();
}

LogicalResult customCallAttrs(Converter &c, Operation *op,
                              NamedAttrList &attrs) {
  if (failed(copyAttr(c, op, "call_target_name", attrs)) ||
      failed(setTrueBool(c, op, "has_side_effect", attrs)))
    return failure();
  // backend_config: a string (left out when empty) or a dictionary.
  Attribute config = op->getAttr("backend_config");
  auto configString = dyn_cast_or_null<vhlo::StringV1Attr>(config);
  if (!configString || !configString.getValue().empty())
    if (failed(copyAttr(c, op, "backend_config", attrs)))
      return failure();
  // api_version: an i32, left out when API_VERSION_ORIGINAL (the default).
  auto api = dyn_cast_or_null<vhlo::CustomCallApiVersionV1Attr>(
      op->getAttr("api_version"));
  if (!api)
    return attrError(op, "api_version");
  if (api.getValue() != vhlo::CustomCallApiVersionV1::API_VERSION_ORIGINAL)
    attrs.set("api_version", c.getBuilder().getI32IntegerAttr(
                                 static_cast<int32_t>(api.getValue())));
  // The lists, left out when empty.
  for (StringRef name :
       {"called_computations", "operand_layouts", "result_layouts",
        "output_operand_aliases", "result_tilings"}) {
    Attribute attr = op->getAttr(name);
    if (!attr)
      continue;
    auto array = dyn_cast<vhlo::ArrayV1Attr>(attr);
    if (!array)
      return attrError(op, name);
    if (array.getValue().empty())
      continue;
    if (name == "result_tilings")
      return jaxc::emitUnsupported(op, "with result_tilings");
    if (name == "called_computations") {
      SmallVector<Attribute> callees;
      for (Attribute callee : array.getValue()) {
        auto string = dyn_cast<vhlo::StringV1Attr>(callee);
        if (!string)
          return attrError(op, name);
        callees.push_back(
            FlatSymbolRefAttr::get(c.getContext(), string.getValue()));
      }
      attrs.set(name, ArrayAttr::get(c.getContext(), callees));
      continue;
    }
    if (failed(copyAttr(c, op, name, attrs)))
      return failure();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// The op table
//===----------------------------------------------------------------------===//

const OpRule kOpRules[] = {
    // Elementwise, no attributes.
    {"vhlo.abs_v1", "stablehlo.abs", noAttrs},
    {"vhlo.add_v1", "stablehlo.add", noAttrs},
    {"vhlo.and_v1", "stablehlo.and", noAttrs},
    {"vhlo.atan2_v1", "stablehlo.atan2", noAttrs},
    {"vhlo.bitcast_convert_v1", "stablehlo.bitcast_convert", noAttrs},
    {"vhlo.cbrt_v1", "stablehlo.cbrt", noAttrs},
    {"vhlo.ceil_v1", "stablehlo.ceil", noAttrs},
    {"vhlo.clamp_v1", "stablehlo.clamp", noAttrs},
    {"vhlo.complex_v1", "stablehlo.complex", noAttrs},
    {"vhlo.convert_v1", "stablehlo.convert", noAttrs},
    {"vhlo.cosine_v1", "stablehlo.cosine", noAttrs},
    {"vhlo.count_leading_zeros_v1", "stablehlo.count_leading_zeros", noAttrs},
    {"vhlo.divide_v1", "stablehlo.divide", noAttrs},
    {"vhlo.exponential_v1", "stablehlo.exponential", noAttrs},
    {"vhlo.exponential_minus_one_v1", "stablehlo.exponential_minus_one",
     noAttrs},
    {"vhlo.floor_v1", "stablehlo.floor", noAttrs},
    {"vhlo.imag_v1", "stablehlo.imag", noAttrs},
    {"vhlo.is_finite_v1", "stablehlo.is_finite", noAttrs},
    {"vhlo.log_v1", "stablehlo.log", noAttrs},
    {"vhlo.log_plus_one_v1", "stablehlo.log_plus_one", noAttrs},
    {"vhlo.logistic_v1", "stablehlo.logistic", noAttrs},
    {"vhlo.maximum_v1", "stablehlo.maximum", noAttrs},
    {"vhlo.minimum_v1", "stablehlo.minimum", noAttrs},
    {"vhlo.multiply_v1", "stablehlo.multiply", noAttrs},
    {"vhlo.negate_v1", "stablehlo.negate", noAttrs},
    {"vhlo.not_v1", "stablehlo.not", noAttrs},
    {"vhlo.or_v1", "stablehlo.or", noAttrs},
    {"vhlo.popcnt_v1", "stablehlo.popcnt", noAttrs},
    {"vhlo.power_v1", "stablehlo.power", noAttrs},
    {"vhlo.real_v1", "stablehlo.real", noAttrs},
    {"vhlo.remainder_v1", "stablehlo.remainder", noAttrs},
    {"vhlo.round_nearest_afz_v1", "stablehlo.round_nearest_afz", noAttrs},
    {"vhlo.round_nearest_even_v1", "stablehlo.round_nearest_even", noAttrs},
    {"vhlo.rsqrt_v1", "stablehlo.rsqrt", noAttrs},
    {"vhlo.select_v1", "stablehlo.select", noAttrs},
    {"vhlo.shift_left_v1", "stablehlo.shift_left", noAttrs},
    {"vhlo.shift_right_arithmetic_v1", "stablehlo.shift_right_arithmetic",
     noAttrs},
    {"vhlo.shift_right_logical_v1", "stablehlo.shift_right_logical", noAttrs},
    {"vhlo.sign_v1", "stablehlo.sign", noAttrs},
    {"vhlo.sine_v1", "stablehlo.sine", noAttrs},
    {"vhlo.sqrt_v1", "stablehlo.sqrt", noAttrs},
    {"vhlo.subtract_v1", "stablehlo.subtract", noAttrs},
    {"vhlo.tan_v1", "stablehlo.tan", noAttrs},
    {"vhlo.tanh_v1", "stablehlo.tanh", noAttrs},
    {"vhlo.xor_v1", "stablehlo.xor", noAttrs},
    // The transcendental ops with a result accuracy (VHLO 1.9/1.10).
    {"vhlo.cbrt_v2", "stablehlo.cbrt", resultAccuracy},
    {"vhlo.cosine_v2", "stablehlo.cosine", resultAccuracy},
    {"vhlo.exponential_v2", "stablehlo.exponential", resultAccuracy},
    {"vhlo.exponential_minus_one_v2", "stablehlo.exponential_minus_one",
     resultAccuracy},
    {"vhlo.log_v2", "stablehlo.log", resultAccuracy},
    {"vhlo.log_plus_one_v2", "stablehlo.log_plus_one", resultAccuracy},
    {"vhlo.logistic_v2", "stablehlo.logistic", resultAccuracy},
    {"vhlo.rsqrt_v2", "stablehlo.rsqrt", resultAccuracy},
    {"vhlo.sine_v2", "stablehlo.sine", resultAccuracy},
    {"vhlo.sqrt_v2", "stablehlo.sqrt", resultAccuracy},
    {"vhlo.tan_v2", "stablehlo.tan", resultAccuracy},
    {"vhlo.tanh_v2", "stablehlo.tanh", resultAccuracy},
    // Constants and shapes.
    {"vhlo.constant_v1", "stablehlo.constant", constantAttrs},
    {"vhlo.iota_v1", "stablehlo.iota", iotaAttrs},
    {"vhlo.broadcast_in_dim_v1", "stablehlo.broadcast_in_dim",
     broadcastInDimAttrs},
    {"vhlo.reshape_v1", "stablehlo.reshape", noAttrs},
    {"vhlo.transpose_v1", "stablehlo.transpose", transposeAttrs},
    {"vhlo.reverse_v1", "stablehlo.reverse", dimensionsAttrs},
    {"vhlo.slice_v1", "stablehlo.slice", sliceAttrs},
    {"vhlo.dynamic_slice_v1", "stablehlo.dynamic_slice", dynamicSliceAttrs},
    {"vhlo.dynamic_update_slice_v1", "stablehlo.dynamic_update_slice", noAttrs},
    {"vhlo.concatenate_v1", "stablehlo.concatenate", concatenateAttrs},
    {"vhlo.pad_v1", "stablehlo.pad", padAttrs},
    {"vhlo.get_tuple_element_v1", "stablehlo.get_tuple_element",
     getTupleElementAttrs},
    {"vhlo.optimization_barrier_v1", "stablehlo.optimization_barrier", noAttrs},
    {"vhlo.compare_v1", "stablehlo.compare", compareAttrs},
    {"vhlo.reduce_precision_v1", "stablehlo.reduce_precision",
     reducePrecisionAttrs},
    {"vhlo.batch_norm_inference_v1", "stablehlo.batch_norm_inference",
     batchNormAttrs},
    {"vhlo.batch_norm_training_v1", "stablehlo.batch_norm_training",
     batchNormAttrs},
    {"vhlo.batch_norm_grad_v1", "stablehlo.batch_norm_grad", batchNormAttrs},
    // Contractions.
    {"vhlo.dot_general_v1", "stablehlo.dot_general", dotGeneralAttrs},
    {"vhlo.dot_general_v2", "stablehlo.dot_general", dotGeneralAttrs},
    {"vhlo.dot_v1", "stablehlo.dot", dotAttrs},
    {"vhlo.convolution_v1", "stablehlo.convolution", convolutionAttrs},
    // Ops with regions.
    {"vhlo.reduce_v1", "stablehlo.reduce", dimensionsAttrs},
    {"vhlo.reduce_window_v1", "stablehlo.reduce_window", reduceWindowAttrs},
    {"vhlo.select_and_scatter_v1", "stablehlo.select_and_scatter",
     selectAndScatterAttrs},
    {"vhlo.gather_v1", "stablehlo.gather", gatherAttrs},
    {"vhlo.gather_v2", "stablehlo.gather", gatherAttrs},
    {"vhlo.scatter_v1", "stablehlo.scatter", scatterAttrs},
    {"vhlo.scatter_v2", "stablehlo.scatter", scatterAttrs},
    {"vhlo.map_v1", "stablehlo.map", dimensionsAttrs},
    {"vhlo.sort_v1", "stablehlo.sort", sortAttrs},
    {"vhlo.while_v1", "stablehlo.while", noAttrs},
    {"vhlo.if_v1", "stablehlo.if", noAttrs},
    {"vhlo.case_v1", "stablehlo.case", noAttrs},
    // Other ops JAX writes.
    {"vhlo.fft_v1", "stablehlo.fft", fftAttrs},
    {"vhlo.triangular_solve_v1", "stablehlo.triangular_solve",
     triangularSolveAttrs},
    {"vhlo.rng_bit_generator_v1", "stablehlo.rng_bit_generator",
     rngBitGeneratorAttrs},
    {"vhlo.custom_call_v1", "stablehlo.custom_call", customCallAttrs},
    {"vhlo.custom_call_v2", "stablehlo.custom_call", customCallAttrs},
    {"vhlo.composite_v1", "stablehlo.composite", compositeAttrs},
    {"vhlo.composite_v2", "stablehlo.composite", compositeAttrs},
    {"vhlo.after_all_v1", "stablehlo.after_all", noAttrs},
    {"vhlo.create_token_v1", "stablehlo.create_token", noAttrs},
    // Functions.
    {"vhlo.call_v1", "func.call", callAttrs},
};

// Why the VHLO ops jaxc has no StableHLO op for are refused.
StringRef unsupportedReason(StringRef name) {
  StringRef base = name.drop_front(strlen("vhlo.")).rsplit("_v").first;
  return llvm::StringSwitch<StringRef>(base)
      .Cases({"all_gather", "all_reduce", "all_to_all", "collective_broadcast",
              "collective_permute", "collective_reduce", "reduce_scatter",
              "cross-replica-sum", "replica_id", "partition_id"},
             "a collective: needs several devices")
      .Cases({"send", "recv", "infeed", "outfeed"},
             "host or device communication")
      .Cases({"async_start", "async_done"}, "asynchronous computation")
      .Cases({"dynamic_broadcast_in_dim", "dynamic_conv", "dynamic_gather",
              "dynamic_iota", "dynamic_pad", "dynamic_reshape",
              "real_dynamic_slice", "get_dimension_size", "set_dimension_size"},
             "dynamic shapes")
      .Cases({"uniform_quantize", "uniform_dequantize"}, "quantized types")
      .Case("rng", "use rng_bit_generator (jax.random) instead")
      .Cases({"tuple", "cholesky", "einsum", "unary_einsum",
              "torch_index_select", "broadcast"},
             "no StableHLO op for it in jaxc")
      .Default("");
}

const OpRule *lookupRule(StringRef name) {
  static const llvm::StringMap<const OpRule *> table = [] {
    llvm::StringMap<const OpRule *> map;
    for (const OpRule &rule : kOpRules)
      map[rule.vhloName] = &rule;
    return map;
  }();
  auto it = table.find(name);
  return it == table.end() ? nullptr : it->second;
}

//===----------------------------------------------------------------------===//
// Types and attributes
//===----------------------------------------------------------------------===//

FailureOr<Type> Converter::convertType(Type type, Operation *op) {
  if (!isa<vhlo::VHLODialect>(type.getDialect()))
    return type;
  if (isa<vhlo::TokenV1Type>(type)) {
    // jaxc's StableHLO spells it !stablehlo.token, where it has one.
    if (!tokenType) {
      ScopedDiagnosticHandler silence(ctx,
                                      [](Diagnostic &) { return success(); });
      tokenType = parseType("!stablehlo.token", ctx);
    }
    if (!*tokenType)
      return jaxc::emitUnsupported(op, "with tokens"), failure();
    return *tokenType;
  }
  if (auto tensor = dyn_cast<vhlo::RankedTensorV1Type>(type)) {
    if (tensor.getEncoding())
      return jaxc::emitUnsupported(op, "with a bounded dynamic dimension")
                 << " (" << type << ")",
             failure();
    FailureOr<Type> element = convertType(tensor.getElementType(), op);
    if (failed(element))
      return failure();
    return Type(RankedTensorType::get(tensor.getShape(), *element));
  }
  if (auto tuple = dyn_cast<vhlo::TupleV1Type>(type)) {
    SmallVector<Type> types;
    for (Type t : tuple.getTypes()) {
      FailureOr<Type> converted = convertType(t, op);
      if (failed(converted))
        return failure();
      types.push_back(*converted);
    }
    return Type(TupleType::get(ctx, types));
  }
  if (auto function = dyn_cast<vhlo::FunctionV1Type>(type)) {
    SmallVector<Type> inputs, outputs;
    for (Type t : function.getInputs()) {
      FailureOr<Type> converted = convertType(t, op);
      if (failed(converted))
        return failure();
      inputs.push_back(*converted);
    }
    for (Type t : function.getOutputs()) {
      FailureOr<Type> converted = convertType(t, op);
      if (failed(converted))
        return failure();
      outputs.push_back(*converted);
    }
    return Type(FunctionType::get(ctx, inputs, outputs));
  }
  if (Type builtin = vhlo::toBuiltinType(type))
    return builtin;
  return jaxc::emitUnsupported(op, "with type") << " (" << type << ")",
         failure();
}

template <typename ToAttr, typename ToEnum, typename FromAttr>
Attribute convertEnum(MLIRContext *ctx, FromAttr attr) {
  return ToAttr::get(ctx, static_cast<ToEnum>(attr.getValue()));
}

FailureOr<Attribute> Converter::convertAttr(Attribute attr, Operation *op) {
  if (!isa<vhlo::VHLODialect>(attr.getDialect()))
    return attr;
  if (auto string = dyn_cast<vhlo::StringV1Attr>(attr))
    return Attribute(StringAttr::get(ctx, string.getValue()));
  if (auto boolean = dyn_cast<vhlo::BooleanV1Attr>(attr))
    return Attribute(BoolAttr::get(ctx, boolean.getValue()));
  if (auto integer = dyn_cast<vhlo::IntegerV1Attr>(attr)) {
    FailureOr<Type> type = convertType(integer.getType(), op);
    if (failed(type))
      return failure();
    return Attribute(IntegerAttr::get(*type, integer.getValue()));
  }
  if (auto number = dyn_cast<vhlo::FloatV1Attr>(attr)) {
    FailureOr<Type> type = convertType(number.getType(), op);
    if (failed(type))
      return failure();
    return Attribute(FloatAttr::get(*type, number.getValue()));
  }
  if (auto tensor = dyn_cast<vhlo::TensorV1Attr>(attr)) {
    FailureOr<Type> type = convertType(tensor.getType(), op);
    if (failed(type))
      return failure();
    DenseElementsAttr dense =
        vhlo::getDenseElements(dyn_cast<ShapedType>(*type), tensor.getData());
    if (!dense)
      return op->emitOpError() << "has a tensor_v1 attribute whose data does "
                                  "not match its type "
                               << *type,
             failure();
    return Attribute(dense);
  }
  if (auto array = dyn_cast<vhlo::ArrayV1Attr>(attr)) {
    SmallVector<Attribute> elements;
    for (Attribute element : array.getValue()) {
      FailureOr<Attribute> converted = convertAttr(element, op);
      if (failed(converted))
        return failure();
      elements.push_back(*converted);
    }
    return Attribute(ArrayAttr::get(ctx, elements));
  }
  if (auto dict = dyn_cast<vhlo::DictionaryV1Attr>(attr)) {
    NamedAttrList entries;
    for (auto [key, value] : dict.getValue()) {
      auto name = dyn_cast<vhlo::StringV1Attr>(key);
      if (!name)
        return op->emitOpError() << "has a dictionary key that is not a "
                                    "string: "
                                 << key,
               failure();
      FailureOr<Attribute> converted = convertAttr(value, op);
      if (failed(converted))
        return failure();
      entries.set(name.getValue(), *converted);
    }
    return Attribute(entries.getDictionary(ctx));
  }
  if (auto typeAttr = dyn_cast<vhlo::TypeV1Attr>(attr)) {
    FailureOr<Type> type = convertType(typeAttr.getValue(), op);
    if (failed(type))
      return failure();
    return Attribute(TypeAttr::get(*type));
  }
  if (auto e = dyn_cast<vhlo::ComparisonDirectionV1Attr>(attr))
    return convertEnum<shlo::ComparisonDirectionAttr,
                       shlo::ComparisonDirection>(ctx, e);
  if (auto e = dyn_cast<vhlo::ComparisonTypeV1Attr>(attr))
    return convertEnum<shlo::ComparisonTypeAttr, shlo::ComparisonType>(ctx, e);
  if (auto e = dyn_cast<vhlo::PrecisionV1Attr>(attr))
    return convertEnum<shlo::PrecisionAttr, shlo::Precision>(ctx, e);
  if (auto e = dyn_cast<vhlo::FftTypeV1Attr>(attr))
    return convertEnum<shlo::FftTypeAttr, shlo::FftType>(ctx, e);
  if (auto e = dyn_cast<vhlo::TransposeV1Attr>(attr))
    return convertEnum<shlo::TransposeAttr, shlo::Transpose>(ctx, e);
  if (auto e = dyn_cast<vhlo::RngAlgorithmV1Attr>(attr))
    return convertEnum<shlo::RngAlgorithmAttr, shlo::RngAlgorithm>(ctx, e);
  if (auto e = dyn_cast<vhlo::ResultAccuracyModeV1Attr>(attr))
    return convertEnum<shlo::ResultAccuracyModeAttr, shlo::ResultAccuracyMode>(
        ctx, e);
  if (auto e = dyn_cast<vhlo::CustomCallApiVersionV1Attr>(attr))
    return Attribute(IntegerAttr::get(IntegerType::get(ctx, 32),
                                      static_cast<int32_t>(e.getValue())));
  if (auto accuracy = dyn_cast<vhlo::ResultAccuracyV1Attr>(attr)) {
    // A zero tolerance is absent, as when parsed from JAX's text.
    Type f64 = Float64Type::get(ctx);
    auto tolerance = [&](const APFloat &value) {
      return value.isZero() ? FloatAttr() : FloatAttr::get(f64, value);
    };
    return Attribute(shlo::ResultAccuracyAttr::get(
        ctx, tolerance(accuracy.getAtol()), tolerance(accuracy.getRtol()),
        accuracy.getUlps(),
        shlo::ResultAccuracyModeAttr::get(ctx,
                                          static_cast<shlo::ResultAccuracyMode>(
                                              accuracy.getMode().getValue()))));
  }
  if (auto alias = dyn_cast<vhlo::OutputOperandAliasV1Attr>(attr)) {
    // jaxc's StableHLO spells it #stablehlo.output_operand_alias, where it
    // has it.
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "#stablehlo.output_operand_alias<output_tuple_indices = [";
    llvm::interleaveComma(alias.getOutputTupleIndices(), os);
    os << "], operand_index = " << alias.getOperandIndex()
       << ", operand_tuple_indices = [";
    llvm::interleaveComma(alias.getOperandTupleIndices(), os);
    os << "]>";
    Attribute parsed;
    {
      ScopedDiagnosticHandler silence(ctx,
                                      [](Diagnostic &) { return success(); });
      parsed = parseAttribute(os.str(), ctx);
    }
    if (!parsed)
      return jaxc::emitUnsupported(op, "with this output operand alias"),
             failure();
    return parsed;
  }
  return jaxc::emitUnsupported(op, "with attribute") << " (" << attr << ")",
         failure();
}

LogicalResult Converter::convertDiscardableAttrs(Operation *op,
                                                 NamedAttrList &attrs) {
  for (NamedAttribute attr : op->getDiscardableAttrs()) {
    FailureOr<Attribute> converted = convertAttr(attr.getValue(), op);
    if (failed(converted))
      return failure();
    attrs.set(attr.getName(), *converted);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Ops, blocks and functions
//===----------------------------------------------------------------------===//

LogicalResult Converter::convertBlock(Block &source, Block &target,
                                      StringRef terminatorName) {
  for (BlockArgument arg : source.getArguments()) {
    FailureOr<Type> type = convertType(arg.getType(), source.getParentOp());
    if (failed(type))
      return failure();
    mapping.map(arg, target.addArgument(*type, arg.getLoc()));
  }
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(&target);
  for (Operation &op : source)
    if (failed(convertOp(&op, terminatorName)))
      return failure();
  return success();
}

LogicalResult Converter::convertOp(Operation *op, StringRef terminatorName) {
  StringRef name = op->getName().getStringRef();
  const OpRule *rule = nullptr;
  StringRef targetName;
  if (name == "vhlo.return_v1") {
    targetName = terminatorName;
  } else if ((rule = lookupRule(name))) {
    targetName = rule->stablehloName;
  } else if (op->getName().getDialectNamespace() != "vhlo") {
    // Another dialect's op (artifacts may mix in other dialects' ops, cast
    // from and to VHLO types): the same op, of converted types and
    // attributes. A cast between a VHLO type and its builtin equivalent
    // goes away.
    if (isa<UnrealizedConversionCastOp>(op) && op->getNumOperands() == 1 &&
        op->getNumResults() == 1) {
      Value input = mapping.lookupOrNull(op->getOperand(0));
      FailureOr<Type> type = convertType(op->getResult(0).getType(), op);
      if (failed(type))
        return failure();
      if (input && input.getType() == *type) {
        mapping.map(op->getResult(0), input);
        return success();
      }
    }
    targetName = op->getName().getStringRef();
  } else if (StringRef reason = unsupportedReason(name); !reason.empty()) {
    return jaxc::emitUnsupported(op) << " (" << reason << ")";
  } else if (op->isRegistered()) {
    return jaxc::emitUnsupported(op);
  } else {
    return jaxc::emitUnsupported(op)
           << " (an op of a newer VHLO version than jaxc reads)";
  }

  // The target op must exist in jaxc's dialects (stablehlo.composite,
  // after_all... came later than the others).
  if (!RegisteredOperationName::lookup(targetName, ctx))
    return op->emitOpError()
           << "is not supported by jaxc yet (no " << targetName << " op)";

  OperationState state(op->getLoc(), targetName);
  for (Value operand : op->getOperands()) {
    Value mapped = mapping.lookupOrNull(operand);
    if (!mapped)
      return op->emitOpError() << "uses a value defined outside the module's "
                                  "VHLO functions";
    state.addOperands(mapped);
  }
  for (Type type : op->getResultTypes()) {
    FailureOr<Type> converted = convertType(type, op);
    if (failed(converted))
      return failure();
    state.addTypes(*converted);
  }
  NamedAttrList attrs;
  if (rule && failed(rule->attrs(*this, op, attrs)))
    return failure();
  if (!rule && name != "vhlo.return_v1") {
    for (NamedAttribute attr : op->getAttrs()) {
      FailureOr<Attribute> converted = convertAttr(attr.getValue(), op);
      if (failed(converted))
        return failure();
      attrs.set(attr.getName(), *converted);
    }
  } else if (failed(convertDiscardableAttrs(op, attrs))) {
    return failure();
  }
  state.addAttributes(attrs);
  for (Region &region : op->getRegions()) {
    Region *target = state.addRegion();
    for (Block &block : region) {
      Block *newBlock = new Block();
      target->push_back(newBlock);
      if (failed(convertBlock(block, *newBlock, "stablehlo.return")))
        return failure();
    }
  }
  Operation *created = builder.create(state);
  for (auto [from, to] : llvm::zip(op->getResults(), created->getResults()))
    mapping.map(from, to);
  return success();
}

LogicalResult Converter::convertFunc(Operation *func) {
  FailureOr<StringRef> name = getString(func, "sym_name");
  if (failed(name))
    return failure();
  auto typeAttr =
      dyn_cast_or_null<vhlo::TypeV1Attr>(func->getAttr("function_type"));
  if (!typeAttr)
    return attrError(func, "function_type");
  FailureOr<Type> type = convertType(typeAttr.getValue(), func);
  if (failed(type))
    return failure();
  auto functionType = dyn_cast<FunctionType>(*type);
  if (!functionType)
    return attrError(func, "function_type");

  builder.setInsertionPoint(func);
  auto newFunc =
      func::FuncOp::create(builder, func->getLoc(), *name, functionType);
  // `func.func public @main` / `private`: the visibility JAX printed.
  if (auto visibility =
          dyn_cast_or_null<vhlo::StringV1Attr>(func->getAttr("sym_visibility"));
      visibility && !visibility.getValue().empty())
    newFunc.setSymVisibility(visibility.getValue());
  // Argument and result attributes, where any is not empty.
  for (auto [attrName, setter] :
       {std::make_pair(StringRef("arg_attrs"), true),
        std::make_pair(StringRef("res_attrs"), false)}) {
    auto array = dyn_cast_or_null<vhlo::ArrayV1Attr>(func->getAttr(attrName));
    if (!array)
      return attrError(func, attrName);
    FailureOr<Attribute> converted = convertAttr(array, func);
    if (failed(converted))
      return failure();
    auto dicts = cast<ArrayAttr>(*converted);
    bool allEmpty = llvm::all_of(dicts, [](Attribute a) {
      auto dict = dyn_cast<DictionaryAttr>(a);
      return dict && dict.empty();
    });
    if (allEmpty)
      continue;
    if (setter)
      newFunc.setAllArgAttrs(dicts);
    else
      newFunc.setAllResultAttrs(dicts);
  }
  NamedAttrList discardable;
  if (failed(convertDiscardableAttrs(func, discardable)))
    return failure();
  for (NamedAttribute attr : discardable)
    newFunc->setAttr(attr.getName(), attr.getValue());

  Region &body = func->getRegion(0);
  if (body.empty())
    return success();
  if (!body.hasOneBlock())
    return func->emitOpError() << "has several blocks";
  Block *entry = new Block();
  newFunc.getBody().push_back(entry);
  return convertBlock(body.front(), *entry, "func.return");
}

LogicalResult Converter::run() {
  // Module attributes may be VHLO's too.
  for (NamedAttribute attr : module->getDiscardableAttrs()) {
    FailureOr<Attribute> converted = convertAttr(attr.getValue(), module);
    if (failed(converted))
      return failure();
    module->setAttr(attr.getName(), *converted);
  }
  SmallVector<Operation *> funcs;
  for (Operation &op : module.getBody()->getOperations()) {
    if (op.getName().getStringRef() == "vhlo.func_v1") {
      funcs.push_back(&op);
      continue;
    }
    if (op.getName().getDialectNamespace() == "vhlo")
      return jaxc::emitUnsupported(&op, "at the top level of a module");
  }
  for (Operation *func : funcs)
    if (failed(convertFunc(func)))
      return failure();
  for (Operation *func : funcs)
    func->erase();
  return success();
}

struct VHLOToStableHLOPass
    : jaxc::impl::VHLOToStableHLOPassBase<VHLOToStableHLOPass> {
  void runOnOperation() override {
    Converter converter(getOperation());
    if (failed(converter.run()))
      signalPassFailure();
  }
};

} // namespace
