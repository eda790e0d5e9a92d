//===- StableHLOOps.cpp - StableHLO verifiers and JAX's pretty syntax -----===//
//
// Only the syntax ODS cannot express lives here: the type shorthand of
// elementwise ops, slice ranges, the reduce/while/convolution forms.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "jaxc/Dialect/InlineEverything.h"
#include "jaxc/Support/Unsupported.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;
using namespace jaxc::stablehlo;

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

// `: T` when every operand and the result have type T, else a function type.
template <typename... TypeRefs>
static ParseResult parseSameOperandsAndResultType(OpAsmParser &parser,
                                                  TypeRefs &...types) {
  SMLoc loc = parser.getCurrentLocation();
  Type type;
  if (parser.parseType(type))
    return failure();
  Type *slots[] = {&types...};
  constexpr size_t numOperands = sizeof...(TypeRefs) - 1;
  auto fnType = dyn_cast<FunctionType>(type);
  if (!fnType) {
    for (Type *slot : slots)
      *slot = type;
    return success();
  }
  if (fnType.getNumInputs() != numOperands || fnType.getNumResults() != 1)
    return parser.emitError(loc) << "expected a function type with "
                                 << numOperands << " inputs and 1 result";
  for (size_t i = 0; i < numOperands; ++i)
    *slots[i] = fnType.getInput(i);
  *slots[numOperands] = fnType.getResult(0);
  return success();
}

template <typename... Types>
static void printSameOperandsAndResultType(OpAsmPrinter &printer, Operation *,
                                           Types... types) {
  SmallVector<Type> all = {types...};
  if (llvm::all_equal(all)) {
    printer << all.front();
    return;
  }
  ArrayRef<Type> ref(all);
  printer.printFunctionalType(ref.drop_back(), ref.take_back());
}

// complex: `: complex_type` (parts have its element type) or a function type.
static ParseResult parseComplexOpType(OpAsmParser &parser, Type &lhs, Type &rhs,
                                      Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  Type type;
  if (parser.parseType(type))
    return failure();
  if (auto fnType = dyn_cast<FunctionType>(type)) {
    if (fnType.getNumInputs() != 2 || fnType.getNumResults() != 1)
      return parser.emitError(loc, "expected (lhs, rhs) -> result type");
    lhs = fnType.getInput(0);
    rhs = fnType.getInput(1);
    result = fnType.getResult(0);
    return success();
  }
  auto tensor = dyn_cast<RankedTensorType>(type);
  auto complex =
      tensor ? dyn_cast<ComplexType>(tensor.getElementType()) : nullptr;
  if (!complex)
    return parser.emitError(loc, "expected a tensor of complex type");
  result = type;
  lhs = rhs = tensor.clone(complex.getElementType());
  return success();
}

static void printComplexOpType(OpAsmPrinter &printer, Operation *, Type lhs,
                               Type rhs, Type result) {
  auto tensor = cast<RankedTensorType>(result);
  auto complex = dyn_cast<ComplexType>(tensor.getElementType());
  if (complex && lhs == rhs && lhs == tensor.clone(complex.getElementType())) {
    printer << result;
    return;
  }
  printer.printFunctionalType(TypeRange{lhs, rhs}, TypeRange{result});
}

// select: `: pred_type, value_type` or a function type.
static ParseResult parseSelectOpType(OpAsmParser &parser, Type &pred,
                                     Type &onTrue, Type &onFalse,
                                     Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<Type> types;
  if (parser.parseTypeList(types))
    return failure();
  if (types.size() == 2) {
    pred = types[0];
    onTrue = onFalse = result = types[1];
    return success();
  }
  auto fnType = types.size() == 1 ? dyn_cast<FunctionType>(types[0]) : nullptr;
  if (!fnType || fnType.getNumInputs() != 3 || fnType.getNumResults() != 1)
    return parser.emitError(loc)
           << "expected `pred_type, type` or a function type";
  pred = fnType.getInput(0);
  onTrue = fnType.getInput(1);
  onFalse = fnType.getInput(2);
  result = fnType.getResult(0);
  return success();
}

static void printSelectOpType(OpAsmPrinter &printer, Operation *, Type pred,
                              Type onTrue, Type onFalse, Type result) {
  if (onTrue == onFalse && onTrue == result) {
    printer << pred << ", " << result;
    return;
  }
  printer.printFunctionalType(TypeRange{pred, onTrue, onFalse},
                              TypeRange{result});
}

// slice: `[start:limit(:stride)?, ...]`.
static ParseResult parseSliceRanges(OpAsmParser &parser,
                                    DenseI64ArrayAttr &starts,
                                    DenseI64ArrayAttr &limits,
                                    DenseI64ArrayAttr &strides) {
  SmallVector<int64_t> start, limit, stride;
  auto parseRange = [&]() -> ParseResult {
    int64_t first, second, step = 1;
    if (parser.parseInteger(first) || parser.parseColon() ||
        parser.parseInteger(second))
      return failure();
    if (succeeded(parser.parseOptionalColon()) && parser.parseInteger(step))
      return failure();
    start.push_back(first);
    limit.push_back(second);
    stride.push_back(step);
    return success();
  };
  if (parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square,
                                     parseRange))
    return failure();
  MLIRContext *ctx = parser.getContext();
  starts = DenseI64ArrayAttr::get(ctx, start);
  limits = DenseI64ArrayAttr::get(ctx, limit);
  strides = DenseI64ArrayAttr::get(ctx, stride);
  return success();
}

static void printSliceRanges(OpAsmPrinter &printer, Operation *,
                             DenseI64ArrayAttr starts, DenseI64ArrayAttr limits,
                             DenseI64ArrayAttr strides) {
  printer << "[";
  for (size_t i = 0, e = starts.size(); i < e; ++i) {
    if (i)
      printer << ", ";
    printer << starts[i] << ":" << limits[i];
    if (strides[i] != 1)
      printer << ":" << strides[i];
  }
  printer << "]";
}

// `%a, %b, dim = 0`: operands followed by a comma and a keyword.
static ParseResult parseVariadicOperandWithAttribute(
    OpAsmParser &parser,
    SmallVectorImpl<OpAsmParser::UnresolvedOperand> &operands) {
  OpAsmParser::UnresolvedOperand operand;
  while (true) {
    OptionalParseResult parsed = parser.parseOptionalOperand(operand);
    if (!parsed.has_value())
      return success();
    if (failed(*parsed))
      return failure();
    operands.push_back(operand);
    if (parser.parseComma())
      return failure();
  }
}

static void printVariadicOperandWithAttribute(OpAsmPrinter &printer,
                                              Operation *,
                                              OperandRange operands) {
  // The format prints a space before the keyword that follows.
  llvm::interleaveComma(operands, printer);
  printer << ",";
}

// custom_call @target: JAX prints the target as a symbol name.
static ParseResult parseCustomCallTarget(OpAsmParser &parser,
                                         StringAttr &target) {
  return parser.parseSymbolName(target);
}

static void printCustomCallTarget(OpAsmPrinter &printer, Operation *,
                                  StringAttr target) {
  printer.printSymbolName(target.getValue());
}

// optimization_barrier's one type list serves operands and results alike.
static ParseResult parsePairwiseTypes(OpAsmParser &parser,
                                      SmallVectorImpl<Type> &operandTypes,
                                      SmallVectorImpl<Type> &resultTypes) {
  if (parser.parseTypeList(operandTypes))
    return failure();
  resultTypes.assign(operandTypes.begin(), operandTypes.end());
  return success();
}

static void printPairwiseTypes(OpAsmPrinter &printer, Operation *,
                               TypeRange operandTypes, TypeRange) {
  llvm::interleaveComma(operandTypes, printer);
}

LogicalResult OptimizationBarrierOp::verify() {
  if (TypeRange(getOperand().getTypes()) != TypeRange(getResult().getTypes()))
    return emitOpError("result types must equal the operand types");
  return success();
}

LogicalResult
CompositeOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto decomposition = symbolTable.lookupNearestSymbolFrom<func::FuncOp>(
      *this, getDecompositionAttr());
  if (!decomposition)
    return emitOpError("decomposition @")
           << getDecomposition() << " is not a function of the module";
  FunctionType type = decomposition.getFunctionType();
  if (TypeRange(type.getInputs()) != TypeRange(getInputs().getTypes()) ||
      TypeRange(type.getResults()) != TypeRange(getResultTypes()))
    return emitOpError("decomposition @")
           << getDecomposition() << " has type " << type
           << ", which does not match the composite's operands and results";
  return success();
}

FailureOr<SmallVector<int64_t>>
jaxc::stablehlo::parseDimList(AsmParser &parser) {
  SmallVector<int64_t> dims;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() {
        return parser.parseInteger(dims.emplace_back());
      }))
    return failure();
  return dims;
}

void jaxc::stablehlo::printDimList(AsmPrinter &printer,
                                   ArrayRef<int64_t> dims) {
  printer << "[";
  llvm::interleaveComma(dims, printer);
  printer << "]";
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

void ConstantOp::build(OpBuilder &builder, OperationState &state,
                       ElementsAttr value) {
  build(builder, state, value.getType(), value);
}

// The folder identifies constants by value; without it MLIR's constant
// deduplication would treat every constant alike.
OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

Operation *StableHLODialect::materializeConstant(OpBuilder &builder,
                                                 Attribute value, Type type,
                                                 Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, elements);
}

ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  // The generic form `"stablehlo.constant"() <{value = ...}>` never reaches
  // here; this is `stablehlo.constant dense<...> : tensor<...>`.
  SMLoc loc = parser.getCurrentLocation();
  Attribute value;
  if (parser.parseAttribute(value))
    return failure();
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements)
    return parser.emitError(loc, "expected a tensor constant");
  result.getOrAddProperties<Properties>().value = elements;
  result.addTypes(elements.getType());
  return success();
}

void ConstantOp::print(OpAsmPrinter &printer) {
  printer.printOptionalAttrDict((*this)->getAttrs(), {"value"});
  printer << ' ';
  printer.printAttribute(getValue());
}

//===----------------------------------------------------------------------===//
// ReducePrecisionOp: `%x, format = e5m10 : T`
//===----------------------------------------------------------------------===//

ParseResult ReducePrecisionOp::parse(OpAsmParser &parser,
                                     OperationState &result) {
  OpAsmParser::UnresolvedOperand operand;
  StringRef format;
  Type type;
  SMLoc formatLoc;
  if (parser.parseOperand(operand) || parser.parseComma() ||
      parser.parseKeyword("format") || parser.parseEqual())
    return failure();
  formatLoc = parser.getCurrentLocation();
  if (parser.parseKeyword(&format))
    return failure();
  int32_t exponent = 0, mantissa = 0;
  size_t m = format.find('m');
  if (!format.starts_with("e") || m == StringRef::npos ||
      format.substr(1, m - 1).getAsInteger(10, exponent) ||
      format.substr(m + 1).getAsInteger(10, mantissa))
    return parser.emitError(formatLoc, "expected a format like e5m10");
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type) ||
      parser.resolveOperand(operand, type, result.operands))
    return failure();
  Builder b(parser.getContext());
  auto &props = result.getOrAddProperties<Properties>();
  props.exponent_bits = b.getI32IntegerAttr(exponent);
  props.mantissa_bits = b.getI32IntegerAttr(mantissa);
  result.addTypes(type);
  return success();
}

void ReducePrecisionOp::print(OpAsmPrinter &printer) {
  printer << ' ' << getOperand() << ", format = e" << getExponentBits() << "m"
          << getMantissaBits();
  printer.printOptionalAttrDict((*this)->getAttrs(),
                                {"exponent_bits", "mantissa_bits"});
  printer << " : " << getType();
}

//===----------------------------------------------------------------------===//
// DotGeneralOp:
//   %lhs, %rhs, batching_dims = [0] x [0], contracting_dims = [2] x [1],
//   precision = [DEFAULT, DEFAULT] : (T, T) -> T
//===----------------------------------------------------------------------===//

static ParseResult parseDimsPair(OpAsmParser &parser,
                                 SmallVectorImpl<int64_t> &lhs,
                                 SmallVectorImpl<int64_t> &rhs) {
  auto parseList = [&](SmallVectorImpl<int64_t> &dims) {
    return parser.parseCommaSeparatedList(
        OpAsmParser::Delimiter::Square,
        [&]() { return parser.parseInteger(dims.emplace_back()); });
  };
  return failure(parser.parseEqual() || parseList(lhs) ||
                 parser.parseKeyword("x") || parseList(rhs));
}

static ParseResult parsePrecisionConfig(OpAsmParser &parser,
                                        ArrayAttr &config) {
  SmallVector<Attribute> values;
  auto parseOne = [&]() -> ParseResult {
    SMLoc loc = parser.getCurrentLocation();
    StringRef keyword;
    if (parser.parseKeyword(&keyword))
      return failure();
    std::optional<Precision> precision = symbolizePrecision(keyword);
    if (!precision)
      return parser.emitError(loc, "unknown precision '") << keyword << "'";
    values.push_back(PrecisionAttr::get(parser.getContext(), *precision));
    return success();
  };
  if (parser.parseEqual() ||
      parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square, parseOne))
    return failure();
  config = ArrayAttr::get(parser.getContext(), values);
  return success();
}

static void printPrecisionConfig(OpAsmPrinter &printer, ArrayAttr config) {
  printer << "[";
  llvm::interleaveComma(config, printer, [&](Attribute attr) {
    printer << stringifyPrecision(cast<PrecisionAttr>(attr).getValue());
  });
  printer << "]";
}

ParseResult DotGeneralOp::parse(OpAsmParser &parser, OperationState &result) {
  OpAsmParser::UnresolvedOperand lhs, rhs;
  if (parser.parseOperand(lhs) || parser.parseComma() ||
      parser.parseOperand(rhs))
    return failure();
  SmallVector<int64_t> lhsBatch, rhsBatch, lhsContract, rhsContract;
  auto &props = result.getOrAddProperties<Properties>();
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef keyword;
    if (parser.parseKeyword(&keyword))
      return failure();
    if (keyword == "batching_dims") {
      if (parseDimsPair(parser, lhsBatch, rhsBatch))
        return failure();
    } else if (keyword == "contracting_dims") {
      if (parseDimsPair(parser, lhsContract, rhsContract))
        return failure();
    } else if (keyword == "precision") {
      if (parsePrecisionConfig(parser, props.precision_config))
        return failure();
    } else if (keyword == "algorithm") {
      // `<lhs_precision_type = ...>`, the attribute without its mnemonic.
      if (parser.parseEqual())
        return failure();
      Attribute algorithm = DotAlgorithmAttr::parse(parser, Type());
      if (!algorithm)
        return failure();
      props.algorithm = cast<DotAlgorithmAttr>(algorithm);
    } else {
      return parser.emitError(loc, "unexpected dot_general field '")
             << keyword << "'";
    }
  }
  props.dot_dimension_numbers = DotDimensionNumbersAttr::get(
      parser.getContext(), lhsBatch, rhsBatch, lhsContract, rhsContract);
  FunctionType fnType;
  SMLoc typeLoc = parser.getCurrentLocation();
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(fnType))
    return failure();
  if (fnType.getNumInputs() != 2 || fnType.getNumResults() != 1)
    return parser.emitError(typeLoc, "expected (lhs, rhs) -> result type");
  if (parser.resolveOperands({lhs, rhs}, fnType.getInputs(), typeLoc,
                             result.operands))
    return failure();
  result.addTypes(fnType.getResults());
  return success();
}

void DotGeneralOp::print(OpAsmPrinter &printer) {
  DotDimensionNumbersAttr dims = getDotDimensionNumbers();
  printer << ' ' << getLhs() << ", " << getRhs();
  auto printPair = [&](StringRef name, ArrayRef<int64_t> lhs,
                       ArrayRef<int64_t> rhs) {
    if (lhs.empty() && rhs.empty())
      return;
    printer << ", " << name << " = [" << lhs << "] x [" << rhs << "]";
  };
  printPair("batching_dims", dims.getLhsBatchingDimensions(),
            dims.getRhsBatchingDimensions());
  printPair("contracting_dims", dims.getLhsContractingDimensions(),
            dims.getRhsContractingDimensions());
  if (ArrayAttr precision = getPrecisionConfigAttr()) {
    printer << ", precision = ";
    printPrecisionConfig(printer, precision);
  }
  if (DotAlgorithmAttr algorithm = getAlgorithmAttr()) {
    printer << ", algorithm = ";
    algorithm.print(printer);
  }
  printer.printOptionalAttrDict(
      (*this)->getAttrs(),
      {"dot_dimension_numbers", "precision_config", "algorithm"});
  printer << " : ";
  printer.printFunctionalType(*this);
}

LogicalResult DotGeneralOp::verify() {
  DotDimensionNumbersAttr dims = getDotDimensionNumbers();
  auto lhsType = cast<RankedTensorType>(getLhs().getType());
  auto rhsType = cast<RankedTensorType>(getRhs().getType());
  if (dims.getLhsBatchingDimensions().size() !=
          dims.getRhsBatchingDimensions().size() ||
      dims.getLhsContractingDimensions().size() !=
          dims.getRhsContractingDimensions().size())
    return emitOpError("lhs and rhs must have as many batching and as many "
                       "contracting dimensions");
  auto checkDims = [&](ArrayRef<int64_t> lhsDims,
                       ArrayRef<int64_t> rhsDims) -> LogicalResult {
    for (auto [l, r] : llvm::zip(lhsDims, rhsDims)) {
      if (l < 0 || l >= lhsType.getRank() || r < 0 || r >= rhsType.getRank())
        return emitOpError("dimension out of range");
      if (lhsType.getDimSize(l) != rhsType.getDimSize(r))
        return emitOpError("lhs dimension ")
               << l << " and rhs dimension " << r << " differ in size";
    }
    return success();
  };
  if (failed(checkDims(dims.getLhsBatchingDimensions(),
                       dims.getRhsBatchingDimensions())) ||
      failed(checkDims(dims.getLhsContractingDimensions(),
                       dims.getRhsContractingDimensions())))
    return failure();
  // The spec's DotAlgorithm constraints: float types, counts >= 1.
  if (DotAlgorithmAttr algorithm = getAlgorithmAttr()) {
    for (Type type :
         {algorithm.getLhsPrecisionType(), algorithm.getRhsPrecisionType(),
          algorithm.getAccumulationType()})
      if (!isa<FloatType>(type))
        return emitOpError("algorithm types must be floats, got ") << type;
    for (int64_t count :
         {algorithm.getLhsComponentCount(), algorithm.getRhsComponentCount(),
          algorithm.getNumPrimitiveOperations()})
      if (count < 1)
        return emitOpError("algorithm component counts and "
                           "num_primitive_operations must be >= 1, got ")
               << count;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// ConvolutionOp:
//   (%lhs, %rhs) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f],
//   window = {stride = [..], pad = [[..]], lhs_dilate = [..],
//             rhs_dilate = [..], reverse = [..]} {attrs} : (T, T) -> T
//===----------------------------------------------------------------------===//

namespace {
// One `[b, 0, 1, f]` group: which position holds the batch-like and the
// feature-like dimension, and where each spatial dimension is.
struct DimGroup {
  int64_t first = -1, second = -1;
  SmallVector<int64_t> spatial;
};
} // namespace

static ParseResult parseDimGroup(AsmParser &parser, char firstKey,
                                 char secondKey, DimGroup &group) {
  SmallVector<std::pair<int64_t, int64_t>> spatial; // (spatial idx, position)
  int64_t position = 0;
  auto parseEntry = [&]() -> ParseResult {
    SMLoc loc = parser.getCurrentLocation();
    int64_t index;
    OptionalParseResult integer = parser.parseOptionalInteger(index);
    if (integer.has_value()) {
      if (failed(*integer))
        return failure();
      spatial.push_back({index, position++});
      return success();
    }
    StringRef key;
    if (parser.parseKeyword(&key))
      return failure();
    if (key.size() == 1 && key[0] == firstKey)
      group.first = position++;
    else if (key.size() == 1 && key[0] == secondKey)
      group.second = position++;
    else
      return parser.emitError(loc, "unexpected dimension label '")
             << key << "'";
    return success();
  };
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, parseEntry))
    return failure();
  llvm::sort(spatial);
  for (auto [index, pos] : spatial)
    group.spatial.push_back(pos);
  return success();
}

static ParseResult parseConvDims(AsmParser &parser,
                                 ConvDimensionNumbersAttr &attr) {
  DimGroup input, kernel, output;
  if (parseDimGroup(parser, 'b', 'f', input) || parser.parseKeyword("x") ||
      parseDimGroup(parser, 'i', 'o', kernel) || parser.parseArrow() ||
      parseDimGroup(parser, 'b', 'f', output))
    return failure();
  attr = ConvDimensionNumbersAttr::get(
      parser.getContext(), input.first, input.second, input.spatial,
      kernel.first, kernel.second, kernel.spatial, output.first, output.second,
      output.spatial);
  return success();
}

static void printDimGroup(AsmPrinter &printer, char firstKey, int64_t firstPos,
                          char secondKey, int64_t secondPos,
                          ArrayRef<int64_t> spatial) {
  SmallVector<std::string> labels(spatial.size() + 2);
  labels[firstPos] = std::string(1, firstKey);
  labels[secondPos] = std::string(1, secondKey);
  for (auto [index, pos] : llvm::enumerate(spatial))
    labels[pos] = std::to_string(index);
  printer << "[";
  llvm::interleaveComma(labels, printer);
  printer << "]";
}

static void printConvDims(AsmPrinter &printer, ConvDimensionNumbersAttr dims) {
  printDimGroup(printer, 'b', dims.getInputBatchDimension(), 'f',
                dims.getInputFeatureDimension(),
                dims.getInputSpatialDimensions());
  printer << "x";
  printDimGroup(printer, 'i', dims.getKernelInputFeatureDimension(), 'o',
                dims.getKernelOutputFeatureDimension(),
                dims.getKernelSpatialDimensions());
  printer << "->";
  printDimGroup(printer, 'b', dims.getOutputBatchDimension(), 'f',
                dims.getOutputFeatureDimension(),
                dims.getOutputSpatialDimensions());
}

Attribute ConvDimensionNumbersAttr::parse(AsmParser &parser, Type) {
  ConvDimensionNumbersAttr attr;
  if (parser.parseLess() || parseConvDims(parser, attr) ||
      parser.parseGreater())
    return {};
  return attr;
}

void ConvDimensionNumbersAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printConvDims(printer, *this);
  printer << ">";
}

ParseResult ConvolutionOp::parse(OpAsmParser &parser, OperationState &result) {
  SmallVector<OpAsmParser::UnresolvedOperand> operands;
  auto &props = result.getOrAddProperties<Properties>();
  MLIRContext *ctx = parser.getContext();
  Builder b(ctx);
  if (parser.parseOperandList(operands, 2, OpAsmParser::Delimiter::Paren) ||
      parser.parseKeyword("dim_numbers") || parser.parseEqual() ||
      parseConvDims(parser, props.dimension_numbers) || parser.parseComma() ||
      parser.parseKeyword("window") || parser.parseEqual() ||
      parser.parseLBrace())
    return failure();
  auto parseI64List = [&](SmallVectorImpl<int64_t> &values) {
    return parser.parseCommaSeparatedList(
        OpAsmParser::Delimiter::Square,
        [&]() { return parser.parseInteger(values.emplace_back()); });
  };
  auto parseField = [&]() -> ParseResult {
    SMLoc loc = parser.getCurrentLocation();
    StringRef key;
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return failure();
    SmallVector<int64_t> values;
    if (key == "pad") {
      int64_t rows = 0;
      if (parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square, [&]() {
            ++rows;
            return parseI64List(values);
          }))
        return failure();
      auto type = RankedTensorType::get({rows, 2}, b.getI64Type());
      props.padding =
          cast<DenseIntElementsAttr>(DenseIntElementsAttr::get(type, values));
      return success();
    }
    if (key == "reverse") {
      SmallVector<bool> flags;
      if (parser.parseCommaSeparatedList(
              OpAsmParser::Delimiter::Square, [&]() -> ParseResult {
                int64_t flag;
                StringRef word;
                if (succeeded(parser.parseOptionalKeyword(&word))) {
                  flags.push_back(word == "true");
                  return success();
                }
                if (parser.parseInteger(flag))
                  return failure();
                flags.push_back(flag != 0);
                return success();
              }))
        return failure();
      props.window_reversal = DenseBoolArrayAttr::get(ctx, flags);
      return success();
    }
    if (parseI64List(values))
      return failure();
    auto array = DenseI64ArrayAttr::get(ctx, values);
    if (key == "stride")
      props.window_strides = array;
    else if (key == "lhs_dilate")
      props.lhs_dilation = array;
    else if (key == "rhs_dilate")
      props.rhs_dilation = array;
    else
      return parser.emitError(loc, "unknown window field '") << key << "'";
    return success();
  };
  if (failed(parser.parseOptionalRBrace())) {
    do {
      if (parseField())
        return failure();
    } while (succeeded(parser.parseOptionalComma()));
    if (parser.parseRBrace())
      return failure();
  }
  NamedAttrList attrs;
  SMLoc attrLoc = parser.getCurrentLocation();
  if (parser.parseOptionalAttrDict(attrs))
    return failure();
  // feature/batch_group_count and precision_config are printed in the
  // attribute dictionary; move them into properties.
  for (NamedAttribute attr : attrs) {
    StringRef name = attr.getName().getValue();
    if (name == "feature_group_count")
      props.feature_group_count = dyn_cast<IntegerAttr>(attr.getValue());
    else if (name == "batch_group_count")
      props.batch_group_count = dyn_cast<IntegerAttr>(attr.getValue());
    else if (name == "precision_config")
      props.precision_config = dyn_cast<ArrayAttr>(attr.getValue());
    else
      result.attributes.push_back(attr);
  }
  if (!props.feature_group_count || !props.batch_group_count)
    return parser.emitError(attrLoc, "convolution needs feature_group_count "
                                     "and batch_group_count");
  FunctionType fnType;
  SMLoc typeLoc = parser.getCurrentLocation();
  if (parser.parseColonType(fnType))
    return failure();
  if (fnType.getNumInputs() != 2 || fnType.getNumResults() != 1)
    return parser.emitError(typeLoc, "expected (lhs, rhs) -> result type");
  if (parser.resolveOperands(operands, fnType.getInputs(), typeLoc,
                             result.operands))
    return failure();
  result.addTypes(fnType.getResults());
  return success();
}

void ConvolutionOp::print(OpAsmPrinter &printer) {
  printer << "(" << getLhs() << ", " << getRhs() << ") dim_numbers = ";
  printConvDims(printer, getDimensionNumbers());
  printer << ", window = {";
  SmallVector<std::string> fields;
  auto field = [&](StringRef name, std::optional<ArrayRef<int64_t>> values) {
    if (!values)
      return;
    std::string text;
    llvm::raw_string_ostream os(text);
    os << name << " = [";
    llvm::interleaveComma(*values, os);
    os << "]";
    fields.push_back(text);
  };
  field("stride", getWindowStrides());
  if (auto padding = getPaddingAttr()) {
    std::string text = "pad = [";
    auto values = llvm::to_vector(padding.getValues<int64_t>());
    for (size_t i = 0; i < values.size(); i += 2)
      text += (i ? ", [" : "[") + std::to_string(values[i]) + ", " +
              std::to_string(values[i + 1]) + "]";
    fields.push_back(text + "]");
  }
  field("lhs_dilate", getLhsDilation());
  field("rhs_dilate", getRhsDilation());
  if (auto reversal = getWindowReversal()) {
    std::string text = "reverse = [";
    for (auto [i, flag] : llvm::enumerate(*reversal))
      text += std::string(i ? ", " : "") + (flag ? "true" : "false");
    fields.push_back(text + "]");
  }
  llvm::interleaveComma(fields, printer);
  printer << "} {batch_group_count = " << getBatchGroupCount()
          << " : i64, feature_group_count = " << getFeatureGroupCount()
          << " : i64";
  if (ArrayAttr precision = getPrecisionConfigAttr()) {
    printer << ", precision_config = ";
    printer.printAttribute(precision);
  }
  printer << "}";
  printer.printOptionalAttrDict((*this)->getAttrs(),
                                {"dimension_numbers", "window_strides",
                                 "padding", "lhs_dilation", "rhs_dilation",
                                 "window_reversal", "feature_group_count",
                                 "batch_group_count", "precision_config"});
  printer << " : ";
  printer.printFunctionalType(*this);
}

//===----------------------------------------------------------------------===//
// ReduceOp. Two pretty forms besides the generic one:
//   stablehlo.reduce(%x init: %i) applies stablehlo.add across dimensions =
//       [0] : (T, T) -> T
//   stablehlo.reduce(%x init: %i), (%y init: %j) across dimensions = [0]
//       : (...) -> (...)
//     reducer(%a: T, %c: T) (%b: U, %d: U) { ... }
//===----------------------------------------------------------------------===//

ParseResult ReduceOp::parse(OpAsmParser &parser, OperationState &result) {
  SmallVector<OpAsmParser::UnresolvedOperand> inputs, inits;
  auto parsePair = [&]() -> ParseResult {
    return failure(
        parser.parseLParen() || parser.parseOperand(inputs.emplace_back()) ||
        parser.parseKeyword("init") || parser.parseColon() ||
        parser.parseOperand(inits.emplace_back()) || parser.parseRParen());
  };
  if (parser.parseCommaSeparatedList(parsePair))
    return failure();

  std::optional<OperationName> appliedOp;
  SMLoc appliedLoc = parser.getCurrentLocation();
  if (succeeded(parser.parseOptionalKeyword("applies"))) {
    FailureOr<OperationName> name = parser.parseCustomOperationName();
    if (failed(name))
      return failure();
    appliedOp = *name;
  }
  SmallVector<int64_t> dims;
  FunctionType fnType;
  SMLoc typeLoc;
  if (parser.parseKeyword("across") || parser.parseKeyword("dimensions") ||
      parser.parseEqual() ||
      parser.parseCommaSeparatedList(
          OpAsmParser::Delimiter::Square,
          [&]() { return parser.parseInteger(dims.emplace_back()); }) ||
      parser.parseOptionalAttrDict(result.attributes) || parser.parseColon())
    return failure();
  typeLoc = parser.getCurrentLocation();
  if (parser.parseType(fnType))
    return failure();
  size_t n = inputs.size();
  if (fnType.getNumInputs() != 2 * n || fnType.getNumResults() != n)
    return parser.emitError(typeLoc, "expected ")
           << 2 * n << " operand types and " << n << " result types";
  SmallVector<OpAsmParser::UnresolvedOperand> operands(inputs);
  operands.append(inits);
  if (parser.resolveOperands(operands, fnType.getInputs(), typeLoc,
                             result.operands))
    return failure();
  result.addTypes(fnType.getResults());
  result.getOrAddProperties<Properties>().dimensions =
      DenseI64ArrayAttr::get(parser.getContext(), dims);

  Region *body = result.addRegion();
  if (appliedOp) {
    // Build the one-op body: (acc, x) -> op(acc, x).
    if (n != 1)
      return parser.emitError(appliedLoc,
                              "`applies` needs exactly one reduced input");
    auto scalarType = RankedTensorType::get(
        {}, cast<ShapedType>(fnType.getInput(1)).getElementType());
    Location loc = result.location;
    Block *block = new Block();
    body->push_back(block);
    block->addArguments({scalarType, scalarType}, {loc, loc});
    OpBuilder builder(parser.getContext());
    builder.setInsertionPointToStart(block);
    OperationState opState(loc, *appliedOp);
    opState.addOperands(block->getArguments());
    opState.addTypes(scalarType);
    Operation *op = builder.create(opState);
    ReturnOp::create(builder, loc, op->getResults());
    return success();
  }

  // reducer(%a: T, %c: T) (%b: U, %d: U): pair i is (arg i, arg i + n).
  SmallVector<OpAsmParser::Argument> lhsArgs, rhsArgs;
  if (parser.parseKeyword("reducer"))
    return failure();
  for (size_t i = 0; i < n; ++i) {
    if (parser.parseLParen() ||
        parser.parseArgument(lhsArgs.emplace_back(), /*allowType=*/true) ||
        parser.parseComma() ||
        parser.parseArgument(rhsArgs.emplace_back(), /*allowType=*/true) ||
        parser.parseRParen())
      return failure();
  }
  SmallVector<OpAsmParser::Argument> args(lhsArgs);
  args.append(rhsArgs);
  return parser.parseRegion(*body, args);
}

// Whether the body is just `return op(arg0, arg1)`, printable as `applies`.
static Operation *getSingleAppliedOp(ReduceOp op) {
  if (op.getInputs().size() != 1)
    return nullptr;
  Block &block = op.getBody().front();
  if (!llvm::hasSingleElement(block.without_terminator()))
    return nullptr;
  Operation &inner = block.front();
  auto ret = cast<ReturnOp>(block.getTerminator());
  if (inner.getDialect() != op->getDialect() || inner.getNumOperands() != 2 ||
      inner.getNumResults() != 1 || !inner.getAttrs().empty() ||
      inner.getNumRegions() != 0 ||
      inner.getOperand(0) != block.getArgument(0) ||
      inner.getOperand(1) != block.getArgument(1) ||
      ret.getNumOperands() != 1 || ret.getOperand(0) != inner.getResult(0) ||
      inner.getResult(0).getType() != block.getArgument(0).getType())
    return nullptr;
  return &inner;
}

void ReduceOp::print(OpAsmPrinter &printer) {
  size_t n = getInputs().size();
  for (size_t i = 0; i < n; ++i)
    printer << (i ? ", (" : "(") << getInputs()[i]
            << " init: " << getInitValues()[i] << ")";
  Operation *applied = getSingleAppliedOp(*this);
  if (applied)
    printer << " applies " << applied->getName();
  printer << " across dimensions = [" << getDimensions() << "]";
  printer.printOptionalAttrDict((*this)->getAttrs(), {"dimensions"});
  printer << " : ";
  printer.printFunctionalType(*this);
  if (applied)
    return;
  Block &block = getBody().front();
  printer.printNewline();
  printer << " reducer";
  for (size_t i = 0; i < n; ++i) {
    printer << "(";
    printer.printRegionArgument(block.getArgument(i));
    printer << ", ";
    printer.printRegionArgument(block.getArgument(i + n));
    printer << ") ";
  }
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false);
}

LogicalResult ReduceOp::verify() {
  if (getBody().empty() ||
      getBody().front().getNumArguments() != 2 * getInputs().size())
    return emitOpError("body must take two arguments per input");
  for (Value input : getInputs()) {
    auto type = cast<RankedTensorType>(input.getType());
    for (int64_t dim : getDimensions())
      if (dim < 0 || dim >= type.getRank())
        return emitOpError("dimension ") << dim << " out of range";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// WhileOp: stablehlo.while(%arg = %init, ...) : T, ... cond {...} do {...}
//===----------------------------------------------------------------------===//

ParseResult WhileOp::parse(OpAsmParser &parser, OperationState &result) {
  SmallVector<OpAsmParser::Argument> iterArgs;
  SmallVector<OpAsmParser::UnresolvedOperand> inits;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseCommaSeparatedList(
          OpAsmParser::Delimiter::Paren, [&]() -> ParseResult {
            return failure(parser.parseArgument(iterArgs.emplace_back()) ||
                           parser.parseEqual() ||
                           parser.parseOperand(inits.emplace_back()));
          }))
    return failure();
  SmallVector<Type> types;
  if (!iterArgs.empty() && (parser.parseColon() || parser.parseTypeList(types)))
    return failure();
  if (types.size() != iterArgs.size())
    return parser.emitError(loc, "expected one type per loop value");
  for (auto [arg, type] : llvm::zip(iterArgs, types))
    arg.type = type;
  if (parser.resolveOperands(inits, types, loc, result.operands) ||
      parser.parseOptionalAttrDictWithKeyword(result.attributes) ||
      parser.parseKeyword("cond") ||
      parser.parseRegion(*result.addRegion(), iterArgs) ||
      parser.parseKeyword("do") ||
      parser.parseRegion(*result.addRegion(), iterArgs))
    return failure();
  result.addTypes(types);
  return success();
}

void WhileOp::print(OpAsmPrinter &printer) {
  Block &cond = getCond().front();
  printer << "(";
  llvm::interleaveComma(
      llvm::zip(cond.getArguments(), getOperands()), printer, [&](auto pair) {
        printer << std::get<0>(pair) << " = " << std::get<1>(pair);
      });
  printer << ")";
  if (getNumOperands()) {
    printer << " : ";
    llvm::interleaveComma(getOperandTypes(), printer);
  }
  printer.printOptionalAttrDictWithKeyword((*this)->getAttrs());
  printer.printNewline();
  printer << " cond ";
  printer.printRegion(getCond(), /*printEntryBlockArgs=*/false);
  printer << " do ";
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false);
}

//===----------------------------------------------------------------------===//
// Verifiers of the shape ops
//===----------------------------------------------------------------------===//

LogicalResult IotaOp::verify() {
  auto type = cast<RankedTensorType>(getType());
  if (getIotaDimension() < 0 || getIotaDimension() >= type.getRank())
    return emitOpError("iota dimension ")
           << getIotaDimension() << " out of range for rank " << type.getRank();
  return success();
}

LogicalResult BroadcastInDimOp::verify() {
  auto operandType = cast<RankedTensorType>(getOperand().getType());
  auto resultType = cast<RankedTensorType>(getType());
  ArrayRef<int64_t> dims = getBroadcastDimensions();
  if (static_cast<int64_t>(dims.size()) != operandType.getRank())
    return emitOpError("needs one dimension per operand dimension");
  for (auto [i, dim] : llvm::enumerate(dims)) {
    if (dim < 0 || dim >= resultType.getRank())
      return emitOpError("broadcast dimension ") << dim << " out of range";
    int64_t size = operandType.getDimSize(i);
    if (size != 1 && size != resultType.getDimSize(dim))
      return emitOpError("operand dimension ")
             << i << " of size " << size << " cannot broadcast to "
             << resultType.getDimSize(dim);
  }
  return success();
}

LogicalResult ReshapeOp::verify() {
  auto operandType = cast<RankedTensorType>(getOperand().getType());
  auto resultType = cast<RankedTensorType>(getType());
  if (operandType.hasStaticShape() && resultType.hasStaticShape() &&
      operandType.getNumElements() != resultType.getNumElements())
    return emitOpError("operand has ")
           << operandType.getNumElements() << " elements, result has "
           << resultType.getNumElements();
  return success();
}

LogicalResult TransposeOp::verify() {
  auto operandType = cast<RankedTensorType>(getOperand().getType());
  SmallVector<int64_t> sorted(getPermutation());
  llvm::sort(sorted);
  for (auto [i, dim] : llvm::enumerate(sorted))
    if (dim != static_cast<int64_t>(i))
      return emitOpError("dims must be a permutation");
  if (static_cast<int64_t>(sorted.size()) != operandType.getRank())
    return emitOpError("dims must have one entry per operand dimension");
  return success();
}

LogicalResult SliceOp::verify() {
  auto operandType = cast<RankedTensorType>(getOperand().getType());
  int64_t rank = operandType.getRank();
  if (static_cast<int64_t>(getStartIndices().size()) != rank ||
      static_cast<int64_t>(getLimitIndices().size()) != rank ||
      static_cast<int64_t>(getStrides().size()) != rank)
    return emitOpError("needs one range per operand dimension");
  for (int64_t i = 0; i < rank; ++i) {
    int64_t start = getStartIndices()[i], limit = getLimitIndices()[i];
    if (start < 0 || limit < start || limit > operandType.getDimSize(i) ||
        getStrides()[i] <= 0)
      return emitOpError("invalid range ")
             << start << ":" << limit << ":" << getStrides()[i]
             << " for dimension " << i;
  }
  return success();
}

LogicalResult ConcatenateOp::verify() {
  if (getInputs().empty())
    return emitOpError("needs at least one input");
  auto type = cast<RankedTensorType>(getInputs().front().getType());
  if (getDimension() < 0 || getDimension() >= type.getRank())
    return emitOpError("dimension out of range");
  return success();
}

//===----------------------------------------------------------------------===//
// SortOp, GatherOp, ScatterOp: the spec's constraints (Cn), so the lowerings
// never index with an attribute they have not seen checked.
//===----------------------------------------------------------------------===//

static std::string formatDims(ArrayRef<int64_t> dims) {
  std::string text = "[";
  for (auto [i, dim] : llvm::enumerate(dims))
    text += (i ? ", " : "") + std::to_string(dim);
  return text + "]";
}

/// Checks that `dims` lie in [0, bound), are distinct and, if `sorted`, in
/// increasing order.
static LogicalResult checkDims(Operation *op, StringRef constraint,
                               StringRef what, ArrayRef<int64_t> dims,
                               int64_t bound, bool sorted) {
  for (auto [i, dim] : llvm::enumerate(dims)) {
    if (dim < 0 || dim >= bound)
      return op->emitOpError()
             << what << " " << formatDims(dims) << " must lie in [0, " << bound
             << ") (" << constraint << ")";
    for (int64_t earlier : dims.take_front(i))
      if (earlier == dim || (sorted && earlier > dim))
        return op->emitOpError()
               << what << " " << formatDims(dims) << " must be "
               << (sorted ? "increasing" : "distinct") << " (" << constraint
               << ")";
  }
  return success();
}

/// Checks that `first` and `second` together hold no dimension twice.
static LogicalResult checkDisjoint(Operation *op, StringRef constraint,
                                   StringRef what, ArrayRef<int64_t> first,
                                   ArrayRef<int64_t> second) {
  SmallVector<int64_t> all(first);
  all.append(second.begin(), second.end());
  llvm::sort(all);
  if (std::adjacent_find(all.begin(), all.end()) != all.end())
    return op->emitOpError()
           << what << " " << formatDims(first) << " and " << formatDims(second)
           << " must be disjoint (" << constraint << ")";
  return success();
}

/// Whether two static sizes differ (a dynamic size matches any).
static bool sizesDiffer(int64_t a, int64_t b) {
  return !ShapedType::isDynamic(a) && !ShapedType::isDynamic(b) && a != b;
}

/// Checks that `region` takes `arguments` and returns `results`, type for
/// type; `name` says which region in the message.
static LogicalResult checkRegionSignature(Operation *op, StringRef constraint,
                                          StringRef name, Region &region,
                                          TypeRange arguments,
                                          TypeRange results) {
  Block &body = region.front();
  if (body.getNumArguments() != arguments.size())
    return op->emitOpError() << name << " takes " << body.getNumArguments()
                             << " arguments, expected " << arguments.size()
                             << " (" << constraint << ")";
  for (auto [i, argument] : llvm::enumerate(body.getArguments()))
    if (argument.getType() != arguments[i])
      return op->emitOpError()
             << name << " argument " << i << " is " << argument.getType()
             << ", expected " << arguments[i] << " (" << constraint << ")";
  // The op's verifier runs before its blocks', so the terminator may be
  // missing here.
  if (body.empty() || !body.back().hasTrait<OpTrait::IsTerminator>())
    return op->emitOpError() << name << " must end in a return";
  Operation *terminator = &body.back();
  if (terminator->getNumOperands() != results.size())
    return op->emitOpError()
           << name << " returns " << terminator->getNumOperands()
           << " values, expected " << results.size() << " (" << constraint
           << ")";
  for (auto [i, value] : llvm::enumerate(terminator->getOperands()))
    if (value.getType() != results[i])
      return op->emitOpError()
             << name << " result " << i << " is " << value.getType()
             << ", expected " << results[i] << " (" << constraint << ")";
  return success();
}

/// The 0-d tensor types of `elements`, as scalar regions take and return.
static SmallVector<Type> getScalarTensorTypes(ArrayRef<Type> elements) {
  return llvm::map_to_vector(elements, [](Type element) -> Type {
    return RankedTensorType::get({}, element);
  });
}

LogicalResult SortOp::verify() {
  if (getInputs().empty())
    return emitOpError("needs at least one input (C1)");
  auto first = cast<RankedTensorType>(getInputs().front().getType());
  SmallVector<Type> elements;
  for (auto [input, result] : llvm::zip(getInputs(), getResults())) {
    auto type = cast<RankedTensorType>(input.getType());
    if (type.getShape() != first.getShape())
      return emitOpError("inputs must have one shape (C3)");
    if (type != result.getType())
      return emitOpError("results must have the inputs' types (C2)");
    elements.append(2, type.getElementType());
  }
  if (getResults().size() != getInputs().size())
    return emitOpError("needs one result per input (C2)");
  // The getter reads the attribute's bits unsigned.
  auto dimension = static_cast<int64_t>(getDimension());
  int64_t rank = first.getRank();
  if (dimension < -rank || dimension >= rank)
    return emitOpError() << "dimension " << dimension << " must lie in ["
                         << -rank << ", " << rank << ") (C4)";
  Type i1 = IntegerType::get(getContext(), 1);
  return checkRegionSignature(*this, "C5", "comparator", getComparator(),
                              getScalarTensorTypes(elements),
                              getScalarTensorTypes(i1));
}

LogicalResult GatherOp::verify() {
  Operation *op = *this;
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto indices = cast<RankedTensorType>(getStartIndices().getType());
  auto result = cast<RankedTensorType>(getType());
  GatherDimensionNumbersAttr numbers = getDimensionNumbers();
  ArrayRef<int64_t> offsetDims = numbers.getOffsetDims();
  ArrayRef<int64_t> collapsed = numbers.getCollapsedSliceDims();
  ArrayRef<int64_t> operandBatching = numbers.getOperandBatchingDims();
  ArrayRef<int64_t> indicesBatching = numbers.getStartIndicesBatchingDims();
  ArrayRef<int64_t> startIndexMap = numbers.getStartIndexMap();
  ArrayRef<int64_t> sliceSizes = getSliceSizes();
  int64_t indexVectorDim = numbers.getIndexVectorDim();
  int64_t operandRank = operand.getRank(), indicesRank = indices.getRank();

  if (static_cast<int64_t>(offsetDims.size() + collapsed.size() +
                           operandBatching.size()) != operandRank)
    return emitOpError() << "offset_dims, collapsed_slice_dims and "
                            "operand_batching_dims must count the operand's "
                         << operandRank << " dimensions (C1)";
  if (indexVectorDim < 0 || indexVectorDim > indicesRank)
    return emitOpError() << "index_vector_dim " << indexVectorDim
                         << " must lie in [0, " << indicesRank << "] (C2)";
  int64_t indexCount =
      indexVectorDim < indicesRank ? indices.getDimSize(indexVectorDim) : 1;
  if (sizesDiffer(static_cast<int64_t>(startIndexMap.size()), indexCount))
    return emitOpError() << "start_index_map " << formatDims(startIndexMap)
                         << " must have " << indexCount << " entries (C3)";
  if (static_cast<int64_t>(sliceSizes.size()) != operandRank)
    return emitOpError() << "slice_sizes " << formatDims(sliceSizes)
                         << " must have " << operandRank << " entries (C20)";
  if (failed(checkDims(op, "C4, C5", "offset_dims", offsetDims,
                       result.getRank(), /*sorted=*/true)) ||
      failed(checkDims(op, "C7, C8", "collapsed_slice_dims", collapsed,
                       operandRank, /*sorted=*/true)) ||
      failed(checkDims(op, "C10, C11", "operand_batching_dims", operandBatching,
                       operandRank, /*sorted=*/true)) ||
      failed(checkDisjoint(op, "C6", "collapsed_slice_dims", collapsed,
                           operandBatching)) ||
      failed(checkDims(op, "C13, C14", "start_indices_batching_dims",
                       indicesBatching, indicesRank, /*sorted=*/false)) ||
      failed(checkDims(op, "C19", "start_index_map", startIndexMap, operandRank,
                       /*sorted=*/false)) ||
      failed(checkDisjoint(op, "C18", "start_index_map", startIndexMap,
                           operandBatching)))
    return failure();
  if (llvm::is_contained(indicesBatching, indexVectorDim))
    return emitOpError() << "index_vector_dim " << indexVectorDim
                         << " must not be a start_indices_batching_dim (C15)";
  if (operandBatching.size() != indicesBatching.size())
    return emitOpError("operand_batching_dims and "
                       "start_indices_batching_dims must pair up (C16)");
  for (auto [operandDim, indicesDim] :
       llvm::zip(operandBatching, indicesBatching))
    if (sizesDiffer(operand.getDimSize(operandDim),
                    indices.getDimSize(indicesDim)))
      return emitOpError() << "batching dimensions " << operandDim << " and "
                           << indicesDim << " differ in size (C17)";
  for (int64_t dim = 0; dim < operandRank; ++dim) {
    int64_t size = sliceSizes[dim];
    bool dropped = llvm::is_contained(collapsed, dim) ||
                   llvm::is_contained(operandBatching, dim);
    if (size < 0 || (dropped && size > 1) ||
        (!operand.isDynamicDim(dim) && size > operand.getDimSize(dim)))
      return emitOpError() << "slice size " << size << " of dimension " << dim
                           << " is out of range (C9, C12, C21)";
  }
  // C22: the batch dimensions (the indices' but index_vector_dim) and the
  // slice's kept sizes, the latter at offset_dims.
  SmallVector<int64_t> batchSizes, offsetSizes;
  for (int64_t dim = 0; dim < indicesRank; ++dim)
    if (dim != indexVectorDim)
      batchSizes.push_back(indices.getDimSize(dim));
  for (int64_t dim = 0; dim < operandRank; ++dim)
    if (!llvm::is_contained(collapsed, dim) &&
        !llvm::is_contained(operandBatching, dim))
      offsetSizes.push_back(sliceSizes[dim]);
  if (result.getRank() !=
      static_cast<int64_t>(batchSizes.size() + offsetSizes.size()))
    return emitOpError() << "result rank " << result.getRank() << " must be "
                         << batchSizes.size() + offsetSizes.size() << " (C22)";
  size_t nextBatch = 0, nextOffset = 0;
  for (int64_t dim = 0; dim < result.getRank(); ++dim) {
    int64_t expected = llvm::is_contained(offsetDims, dim)
                           ? offsetSizes[nextOffset++]
                           : batchSizes[nextBatch++];
    if (sizesDiffer(result.getDimSize(dim), expected))
      return emitOpError() << "result dimension " << dim << " has size "
                           << result.getDimSize(dim) << ", expected "
                           << expected << " (C22)";
  }
  if (result.getElementType() != operand.getElementType())
    return emitOpError("result and operand element types differ (C23)");
  return success();
}

LogicalResult ScatterOp::verify() {
  Operation *op = *this;
  if (getInputs().empty())
    return emitOpError("needs at least one input (C5)");
  auto input = cast<RankedTensorType>(getInputs().front().getType());
  auto indices = cast<RankedTensorType>(getScatterIndices().getType());
  ScatterDimensionNumbersAttr numbers = getScatterDimensionNumbers();
  ArrayRef<int64_t> windowDims = numbers.getUpdateWindowDims();
  ArrayRef<int64_t> inserted = numbers.getInsertedWindowDims();
  ArrayRef<int64_t> inputBatching = numbers.getInputBatchingDims();
  ArrayRef<int64_t> indicesBatching = numbers.getScatterIndicesBatchingDims();
  ArrayRef<int64_t> toOperand = numbers.getScatterDimsToOperandDims();
  int64_t indexVectorDim = numbers.getIndexVectorDim();
  int64_t inputRank = input.getRank(), indicesRank = indices.getRank();

  if (getUpdates().size() != getInputs().size() ||
      getResults().size() != getInputs().size())
    return emitOpError("needs as many updates and results as inputs (C5)");
  SmallVector<Type> elements;
  for (auto [other, update, result] :
       llvm::zip(getInputs(), getUpdates(), getResults())) {
    auto type = cast<RankedTensorType>(other.getType());
    if (type.getShape() != input.getShape() || result.getType() != type)
      return emitOpError("inputs and results must have one shape, and each "
                         "result its input's type (C3, C24, C25)");
    if (cast<RankedTensorType>(update.getType()).getElementType() !=
        type.getElementType())
      return emitOpError("updates must have their inputs' element types (C6)");
    elements.push_back(type.getElementType());
  }
  auto updates = cast<RankedTensorType>(getUpdates().front().getType());
  if (static_cast<int64_t>(windowDims.size() + inserted.size() +
                           inputBatching.size()) != inputRank)
    return emitOpError() << "update_window_dims, inserted_window_dims and "
                            "input_batching_dims must count the input's "
                         << inputRank << " dimensions (C2)";
  if (indexVectorDim < 0 || indexVectorDim > indicesRank)
    return emitOpError() << "index_vector_dim " << indexVectorDim
                         << " must lie in [0, " << indicesRank << "] (C22)";
  int64_t indexCount =
      indexVectorDim < indicesRank ? indices.getDimSize(indexVectorDim) : 1;
  if (sizesDiffer(static_cast<int64_t>(toOperand.size()), indexCount))
    return emitOpError() << "scatter_dims_to_operand_dims "
                         << formatDims(toOperand) << " must have " << indexCount
                         << " entries (C19)";
  if (failed(checkDims(op, "C7, C8", "update_window_dims", windowDims,
                       updates.getRank(), /*sorted=*/true)) ||
      failed(checkDims(op, "C10, C11", "inserted_window_dims", inserted,
                       inputRank, /*sorted=*/true)) ||
      failed(checkDims(op, "C12, C13", "input_batching_dims", inputBatching,
                       inputRank, /*sorted=*/true)) ||
      failed(checkDisjoint(op, "C9", "inserted_window_dims", inserted,
                           inputBatching)) ||
      failed(checkDims(op, "C14, C15", "scatter_indices_batching_dims",
                       indicesBatching, indicesRank, /*sorted=*/false)) ||
      failed(checkDims(op, "C21", "scatter_dims_to_operand_dims", toOperand,
                       inputRank, /*sorted=*/false)) ||
      failed(checkDisjoint(op, "C20", "scatter_dims_to_operand_dims", toOperand,
                           inputBatching)))
    return failure();
  if (llvm::is_contained(indicesBatching, indexVectorDim))
    return emitOpError() << "index_vector_dim " << indexVectorDim
                         << " must not be a scatter_indices_batching_dim "
                            "(C16)";
  if (inputBatching.size() != indicesBatching.size())
    return emitOpError("input_batching_dims and "
                       "scatter_indices_batching_dims must pair up (C17)");
  for (auto [inputDim, indicesDim] : llvm::zip(inputBatching, indicesBatching))
    if (sizesDiffer(input.getDimSize(inputDim), indices.getDimSize(indicesDim)))
      return emitOpError() << "batching dimensions " << inputDim << " and "
                           << indicesDim << " differ in size (C18)";
  // C4: every update has the scatter dimensions (the indices' but
  // index_vector_dim) and, at update_window_dims, windows no larger than
  // the input's dimensions that are neither inserted nor batching.
  SmallVector<int64_t> scatterSizes, windowBounds;
  for (int64_t dim = 0; dim < indicesRank; ++dim)
    if (dim != indexVectorDim)
      scatterSizes.push_back(indices.getDimSize(dim));
  for (int64_t dim = 0; dim < inputRank; ++dim)
    if (!llvm::is_contained(inserted, dim) &&
        !llvm::is_contained(inputBatching, dim))
      windowBounds.push_back(input.getDimSize(dim));
  for (Value update : getUpdates()) {
    auto type = cast<RankedTensorType>(update.getType());
    if (type.getRank() !=
        static_cast<int64_t>(scatterSizes.size() + windowBounds.size()))
      return emitOpError() << "updates must have rank "
                           << scatterSizes.size() + windowBounds.size()
                           << ", not " << type.getRank() << " (C4)";
    size_t nextScatter = 0, nextWindow = 0;
    for (int64_t dim = 0; dim < type.getRank(); ++dim) {
      int64_t size = type.getDimSize(dim);
      bool tooLarge;
      if (llvm::is_contained(windowDims, dim)) {
        int64_t bound = windowBounds[nextWindow++];
        tooLarge = !ShapedType::isDynamic(size) &&
                   !ShapedType::isDynamic(bound) && size > bound;
      } else {
        tooLarge = sizesDiffer(size, scatterSizes[nextScatter++]);
      }
      if (tooLarge)
        return emitOpError() << "update dimension " << dim << " has size "
                             << size << ", which the input and indices do "
                             << "not allow (C4)";
    }
  }
  SmallVector<Type> arguments(elements);
  arguments.append(elements.begin(), elements.end());
  return checkRegionSignature(
      op, "C23", "update_computation", getUpdateComputation(),
      getScalarTensorTypes(arguments), getScalarTensorTypes(elements));
}

//===----------------------------------------------------------------------===//
// Verifiers of the windowed, sliced, padded and control-flow ops, from the
// spec's constraints (Cn), so the lowerings may trust every attribute.
//===----------------------------------------------------------------------===//

/// The size of one windowed dimension: how many windows of `window` elements
/// (dilated by `windowDilation`) fit in `input` elements dilated by
/// `baseDilation` and padded by `low` and `high`, at `stride`; nullopt on
/// int64 overflow (a mutated padding of 2^62 must not wrap into a match).
static std::optional<int64_t> getWindowCount(int64_t input, int64_t window,
                                             int64_t stride,
                                             int64_t baseDilation,
                                             int64_t windowDilation,
                                             int64_t low, int64_t high) {
  std::optional<int64_t> dilatedInput =
      input == 0 ? std::optional<int64_t>(0)
                 : llvm::checkedMulAdd<int64_t>(input - 1, baseDilation, 1);
  std::optional<int64_t> dilatedWindow =
      llvm::checkedMulAdd<int64_t>(window - 1, windowDilation, 1);
  if (!dilatedInput || !dilatedWindow)
    return std::nullopt;
  std::optional<int64_t> padded = llvm::checkedAdd(*dilatedInput, low);
  if (padded)
    padded = llvm::checkedAdd(*padded, high);
  if (!padded)
    return std::nullopt;
  if (*padded < *dilatedWindow)
    return 0;
  return (*padded - *dilatedWindow) / stride + 1;
}

/// Checks an optional per-dimension attribute: `rank` entries, each at
/// least `minimum`.
static LogicalResult checkWindowAttr(Operation *op, StringRef constraint,
                                     StringRef name,
                                     std::optional<ArrayRef<int64_t>> values,
                                     int64_t rank, int64_t minimum) {
  if (!values)
    return success();
  if (static_cast<int64_t>(values->size()) != rank)
    return op->emitOpError()
           << name << " " << formatDims(*values) << " must have " << rank
           << " entries (" << constraint << ")";
  for (int64_t value : *values)
    if (value < minimum)
      return op->emitOpError()
             << name << " " << formatDims(*values) << " must be at least "
             << minimum << " (" << constraint << ")";
  return success();
}

/// Reads a [rank, 2] padding attribute into (low, high) pairs, all zero if
/// absent.
static FailureOr<SmallVector<std::pair<int64_t, int64_t>>>
readWindowPadding(Operation *op, StringRef constraint,
                  std::optional<DenseIntElementsAttr> padding, int64_t rank) {
  SmallVector<std::pair<int64_t, int64_t>> pairs(rank, {0, 0});
  if (!padding)
    return pairs;
  ArrayRef<int64_t> shape = padding->getType().getShape();
  if (shape.size() != 2 || shape[0] != rank || shape[1] != 2)
    return op->emitOpError() << "padding must have shape [" << rank << ", 2] ("
                             << constraint << ")";
  auto values = llvm::to_vector(padding->getValues<int64_t>());
  for (int64_t dim = 0; dim < rank; ++dim)
    pairs[dim] = {values[2 * dim], values[2 * dim + 1]};
  return pairs;
}

/// Checks that `type` is a 0-d tensor; `name` says which operand.
static LogicalResult checkScalarOperand(Operation *op, StringRef constraint,
                                        StringRef name, Type type) {
  if (cast<RankedTensorType>(type).getRank() != 0)
    return op->emitOpError() << name << " must be a 0-d tensor, not " << type
                             << " (" << constraint << ")";
  return success();
}

LogicalResult ReduceWindowOp::verify() {
  Operation *op = *this;
  size_t count = getInputs().size();
  if (count == 0 || getInitValues().size() != count || getNumResults() != count)
    return emitOpError("needs as many init_values and results as inputs, at "
                       "least one (C1)");
  auto first = cast<RankedTensorType>(getInputs().front().getType());
  int64_t rank = first.getRank();
  SmallVector<Type> elements;
  for (auto [input, init] : llvm::zip(getInputs(), getInitValues())) {
    auto type = cast<RankedTensorType>(input.getType());
    if (type.getShape() != first.getShape())
      return emitOpError("inputs must have one shape (C2)");
    if (failed(checkScalarOperand(op, "C3", "init_value", init.getType())) ||
        cast<RankedTensorType>(init.getType()).getElementType() !=
            type.getElementType())
      return emitOpError("init_values must be 0-d tensors of their inputs' "
                         "element types (C3)");
    elements.push_back(type.getElementType());
  }
  if (failed(checkWindowAttr(op, "C4, C5", "window_dimensions",
                             getWindowDimensions(), rank, 1)) ||
      failed(checkWindowAttr(op, "C6, C7", "window_strides", getWindowStrides(),
                             rank, 1)) ||
      failed(checkWindowAttr(op, "C8, C9", "base_dilations", getBaseDilations(),
                             rank, 1)) ||
      failed(checkWindowAttr(op, "C10, C11", "window_dilations",
                             getWindowDilations(), rank, 1)))
    return failure();
  FailureOr<SmallVector<std::pair<int64_t, int64_t>>> padding =
      readWindowPadding(op, "C12", getPadding(), rank);
  if (failed(padding))
    return failure();
  SmallVector<Type> arguments(elements);
  arguments.append(elements.begin(), elements.end());
  if (failed(checkRegionSignature(op, "C13", "body", getBody(),
                                  getScalarTensorTypes(arguments),
                                  getScalarTensorTypes(elements))))
    return failure();
  auto valueOr = [](std::optional<ArrayRef<int64_t>> values, int64_t dim) {
    return values ? (*values)[dim] : 1;
  };
  for (auto [result, element] : llvm::zip(getResults(), elements)) {
    auto type = cast<RankedTensorType>(result.getType());
    if (type.getRank() != rank || type.getElementType() != element)
      return emitOpError() << "result " << type << " must have rank " << rank
                           << " and its input's element type (C14, C16)";
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (first.isDynamicDim(dim) || type.isDynamicDim(dim))
        continue;
      std::optional<int64_t> expected = getWindowCount(
          first.getDimSize(dim), getWindowDimensions()[dim],
          valueOr(getWindowStrides(), dim), valueOr(getBaseDilations(), dim),
          valueOr(getWindowDilations(), dim), (*padding)[dim].first,
          (*padding)[dim].second);
      if (!expected)
        return emitOpError() << "the window over dimension " << dim
                             << " overflows 64 bits (C15)";
      if (*expected != type.getDimSize(dim))
        return emitOpError() << "result dimension " << dim << " has size "
                             << type.getDimSize(dim) << ", expected "
                             << *expected << " (C15)";
    }
  }
  return success();
}

LogicalResult SelectAndScatterOp::verify() {
  Operation *op = *this;
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto source = cast<RankedTensorType>(getSource().getType());
  Type element = operand.getElementType();
  int64_t rank = operand.getRank();
  if (source.getElementType() != element)
    return emitOpError("source must have the operand's element type (C1)");
  if (failed(checkScalarOperand(op, "C3", "init_value",
                                getInitValue().getType())) ||
      cast<RankedTensorType>(getInitValue().getType()).getElementType() !=
          element)
    return emitOpError("init_value must be a 0-d tensor of the operand's "
                       "element type (C3)");
  if (getType() != operand)
    return emitOpError("result must have the operand's type (C11)");
  if (failed(checkWindowAttr(op, "C4, C5", "window_dimensions",
                             getWindowDimensions(), rank, 1)) ||
      failed(checkWindowAttr(op, "C6, C7", "window_strides", getWindowStrides(),
                             rank, 1)))
    return failure();
  FailureOr<SmallVector<std::pair<int64_t, int64_t>>> padding =
      readWindowPadding(op, "C8", getPadding(), rank);
  if (failed(padding))
    return failure();
  Type scalar = RankedTensorType::get({}, element);
  Type predicate = RankedTensorType::get({}, IntegerType::get(getContext(), 1));
  if (failed(checkRegionSignature(op, "C9", "select", getSelect(),
                                  {scalar, scalar}, predicate)) ||
      failed(checkRegionSignature(op, "C10", "scatter", getScatter(),
                                  {scalar, scalar}, scalar)))
    return failure();
  if (source.getRank() != rank)
    return emitOpError() << "source must have rank " << rank << " (C2)";
  for (int64_t dim = 0; dim < rank; ++dim) {
    if (operand.isDynamicDim(dim) || source.isDynamicDim(dim))
      continue;
    auto valueOr = [&](std::optional<ArrayRef<int64_t>> values) {
      return values ? (*values)[dim] : 1;
    };
    std::optional<int64_t> expected =
        getWindowCount(operand.getDimSize(dim), valueOr(getWindowDimensions()),
                       valueOr(getWindowStrides()), 1, 1, (*padding)[dim].first,
                       (*padding)[dim].second);
    if (!expected || *expected != source.getDimSize(dim))
      return emitOpError() << "source dimension " << dim << " has size "
                           << source.getDimSize(dim)
                           << ", not the number of windows (C2)";
  }
  return success();
}

LogicalResult ConvolutionOp::verify() {
  Operation *op = *this;
  auto lhs = cast<RankedTensorType>(getLhs().getType());
  auto rhs = cast<RankedTensorType>(getRhs().getType());
  auto result = cast<RankedTensorType>(getType());
  int64_t rank = lhs.getRank();
  if (rank < 2 || rhs.getRank() != rank || result.getRank() != rank)
    return emitOpError() << "lhs, rhs and result must have one rank of at "
                            "least 2, not "
                         << rank << ", " << rhs.getRank() << " and "
                         << result.getRank() << " (C1)";
  int64_t spatialRank = rank - 2;
  ConvDimensionNumbersAttr numbers = getDimensionNumbers();
  // Each operand's dimensions: batch (or kernel output feature), the
  // spatial ones, then feature (or kernel input feature).
  auto layout = [](int64_t first, ArrayRef<int64_t> spatial, int64_t last) {
    SmallVector<int64_t> dims{first};
    dims.append(spatial.begin(), spatial.end());
    dims.push_back(last);
    return dims;
  };
  SmallVector<int64_t> inputDims = layout(numbers.getInputBatchDimension(),
                                          numbers.getInputSpatialDimensions(),
                                          numbers.getInputFeatureDimension());
  SmallVector<int64_t> kernelDims =
      layout(numbers.getKernelOutputFeatureDimension(),
             numbers.getKernelSpatialDimensions(),
             numbers.getKernelInputFeatureDimension());
  SmallVector<int64_t> outputDims = layout(numbers.getOutputBatchDimension(),
                                           numbers.getOutputSpatialDimensions(),
                                           numbers.getOutputFeatureDimension());
  for (auto [constraint, name, dims] :
       {std::tuple<StringRef, StringRef, ArrayRef<int64_t>>{
            "C12, C13", "input dimensions", inputDims},
        {"C17, C18", "kernel dimensions", kernelDims},
        {"C19, C20", "output dimensions", outputDims}}) {
    if (static_cast<int64_t>(dims.size()) != rank)
      return emitOpError() << name << " " << formatDims(dims) << " must have "
                           << rank << " entries (" << constraint << ")";
    if (failed(checkDims(op, constraint, name, dims, rank, /*sorted=*/false)))
      return failure();
  }
  if (failed(checkWindowAttr(op, "C2, C3", "window_strides", getWindowStrides(),
                             spatialRank, 1)) ||
      failed(checkWindowAttr(op, "C5, C6", "lhs_dilation", getLhsDilation(),
                             spatialRank, 1)) ||
      failed(checkWindowAttr(op, "C7, C8", "rhs_dilation", getRhsDilation(),
                             spatialRank, 1)))
    return failure();
  if (std::optional<ArrayRef<bool>> reversal = getWindowReversal();
      reversal && static_cast<int64_t>(reversal->size()) != spatialRank)
    return emitOpError() << "window_reversal must have " << spatialRank
                         << " entries (C9)";
  FailureOr<SmallVector<std::pair<int64_t, int64_t>>> padding =
      readWindowPadding(op, "C4", getPadding(), spatialRank);
  if (failed(padding))
    return failure();
  // The getters read the attributes' bits unsigned.
  auto featureGroups = static_cast<int64_t>(getFeatureGroupCount());
  auto batchGroups = static_cast<int64_t>(getBatchGroupCount());
  if (featureGroups < 1 || batchGroups < 1 ||
      (featureGroups != 1 && batchGroups != 1))
    return emitOpError() << "feature_group_count " << featureGroups
                         << " and batch_group_count " << batchGroups
                         << " must be positive, one of them 1 (C21, C22, C23)";
  if (std::optional<ArrayAttr> precision = getPrecisionConfig();
      precision && !precision->empty() && precision->size() != 2)
    return emitOpError("precision_config must have 2 entries (C24)");

  auto dimOf = [](RankedTensorType type, int64_t dim) {
    return type.getDimSize(dim);
  };
  int64_t batch = dimOf(lhs, inputDims.front());
  int64_t inputFeatures = dimOf(lhs, inputDims.back());
  int64_t kernelInputFeatures = dimOf(rhs, kernelDims.back());
  int64_t outputFeatures = dimOf(rhs, kernelDims.front());
  auto divides = [](int64_t divisor, int64_t size) {
    return ShapedType::isDynamic(size) || size % divisor == 0;
  };
  if (!divides(batchGroups, batch))
    return emitOpError() << "input batch size " << batch
                         << " must divide by batch_group_count " << batchGroups
                         << " (C10)";
  if (!divides(featureGroups, inputFeatures))
    return emitOpError() << "input feature size " << inputFeatures
                         << " must divide by feature_group_count "
                         << featureGroups << " (C11)";
  if (!ShapedType::isDynamic(inputFeatures) &&
      sizesDiffer(kernelInputFeatures, inputFeatures / featureGroups))
    return emitOpError() << "kernel input feature size " << kernelInputFeatures
                         << " must be " << inputFeatures / featureGroups
                         << " (C14)";
  if (!divides(batchGroups, outputFeatures) ||
      !divides(featureGroups, outputFeatures))
    return emitOpError() << "kernel output feature size " << outputFeatures
                         << " must divide by the group counts (C15, C16)";

  // C25: batch / batch groups, the kernel's output features, and the
  // number of windows along each spatial dimension.
  auto valueOr = [](std::optional<ArrayRef<int64_t>> values, int64_t i) {
    return values ? (*values)[i] : 1;
  };
  SmallVector<int64_t> expected(rank);
  expected[outputDims.front()] =
      ShapedType::isDynamic(batch) ? batch : batch / batchGroups;
  expected[outputDims.back()] = outputFeatures;
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t input = dimOf(lhs, inputDims[i + 1]);
    int64_t window = dimOf(rhs, kernelDims[i + 1]);
    if (ShapedType::isDynamic(input) || ShapedType::isDynamic(window)) {
      expected[outputDims[i + 1]] = ShapedType::kDynamic;
      continue;
    }
    std::optional<int64_t> count = getWindowCount(
        input, window, valueOr(getWindowStrides(), i),
        valueOr(getLhsDilation(), i), valueOr(getRhsDilation(), i),
        (*padding)[i].first, (*padding)[i].second);
    if (!count)
      return emitOpError() << "the window over spatial dimension " << i
                           << " overflows 64 bits (C25)";
    expected[outputDims[i + 1]] = *count;
  }
  for (int64_t dim = 0; dim < rank; ++dim)
    if (sizesDiffer(result.getDimSize(dim), expected[dim]))
      return emitOpError() << "result dimension " << dim << " has size "
                           << result.getDimSize(dim) << ", expected "
                           << expected[dim] << " (C25)";
  return success();
}

LogicalResult ReverseOp::verify() {
  auto type = cast<RankedTensorType>(getOperand().getType());
  if (getType() != type)
    return emitOpError("result must have the operand's type (C1)");
  return checkDims(*this, "C2, C3", "dimensions", getDimensions(),
                   type.getRank(), /*sorted=*/false);
}

LogicalResult DotOp::verify() {
  auto lhs = cast<RankedTensorType>(getLhs().getType());
  auto rhs = cast<RankedTensorType>(getRhs().getType());
  if (lhs.getRank() < 1 || lhs.getRank() > 2 || rhs.getRank() < 1 ||
      rhs.getRank() > 2)
    return emitOpError() << "operands must have rank 1 or 2, not "
                         << lhs.getRank() << " and " << rhs.getRank();
  // lhs's last dimension contracts with rhs's first.
  if (sizesDiffer(lhs.getDimSize(lhs.getRank() - 1), rhs.getDimSize(0)))
    return emitOpError() << "lhs dimension " << lhs.getRank() - 1
                         << " and rhs dimension 0 differ in size";
  SmallVector<int64_t> expected(lhs.getShape().drop_back());
  expected.append(rhs.getShape().begin() + 1, rhs.getShape().end());
  auto result = cast<RankedTensorType>(getType());
  if (result.getRank() != static_cast<int64_t>(expected.size()) ||
      llvm::any_of(llvm::zip(result.getShape(), expected), [](auto sizes) {
        return sizesDiffer(std::get<0>(sizes), std::get<1>(sizes));
      }))
    return emitOpError() << "result shape must be " << formatDims(expected);
  return success();
}

LogicalResult FftOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  ArrayRef<int64_t> lengths = getFftLength();
  int64_t count = lengths.size();
  if (count < 1 || count > 3 || count > operand.getRank())
    return emitOpError() << "fft_length " << formatDims(lengths)
                         << " must have 1 to 3 entries, at most the operand's "
                            "rank (C1, C3)";
  if (result.getRank() != operand.getRank())
    return emitOpError("result must have the operand's rank (C5)");
  FftType type = getFftType();
  bool realIn = type == FftType::RFFT, realOut = type == FftType::IRFFT;
  auto isKind = [](Type element, bool real) {
    return real ? isa<FloatType>(element) : isa<ComplexType>(element);
  };
  if (!isKind(operand.getElementType(), realIn) ||
      !isKind(result.getElementType(), realOut))
    return emitOpError() << stringifyFftType(type) << " takes "
                         << (realIn ? "real" : "complex") << " and gives "
                         << (realOut ? "real" : "complex") << " elements (C2)";
  // C4, C5: the transformed dimensions are the last `count`, of sizes
  // fft_length, but the complex side of a real transform keeps the last
  // one's n / 2 + 1 frequencies. (The spec leaves a complex transform's
  // sizes free; XLA and jaxc's lowering take them to be fft_length.)
  int64_t rank = operand.getRank();
  for (int64_t dim = 0; dim < rank; ++dim) {
    int64_t in = operand.getDimSize(dim), out = result.getDimSize(dim);
    int64_t transformed = dim - (rank - count);
    bool fits;
    if (transformed < 0) {
      fits = !sizesDiffer(in, out);
    } else {
      int64_t length = lengths[transformed];
      int64_t complexLength = dim == rank - 1 ? length / 2 + 1 : length;
      fits = !sizesDiffer(in, realOut ? complexLength : length) &&
             !sizesDiffer(out, realIn ? complexLength : length);
    }
    if (!fits)
      return emitOpError() << "dimension " << dim << " of sizes " << in
                           << " and " << out << " does not fit fft_length "
                           << formatDims(lengths) << " (C4, C5)";
  }
  return success();
}

LogicalResult TriangularSolveOp::verify() {
  auto a = cast<RankedTensorType>(getA().getType());
  auto b = cast<RankedTensorType>(getB().getType());
  if (a.getElementType() != b.getElementType())
    return emitOpError("a and b must have one element type (C1)");
  int64_t rank = a.getRank();
  if (rank < 2 || b.getRank() != rank)
    return emitOpError() << "a and b must have one rank of at least 2, not "
                         << rank << " and " << b.getRank() << " (C2)";
  for (int64_t dim = 0; dim < rank - 2; ++dim)
    if (sizesDiffer(a.getDimSize(dim), b.getDimSize(dim)))
      return emitOpError() << "batch dimension " << dim
                           << " differs in size (C3)";
  int64_t order = a.getDimSize(rank - 1);
  if (sizesDiffer(a.getDimSize(rank - 2), order))
    return emitOpError("a must be square in its last two dimensions (C4)");
  int64_t solved = b.getDimSize(getLeftSide() ? rank - 2 : rank - 1);
  if (sizesDiffer(solved, order))
    return emitOpError() << "b's dimension of size " << solved
                         << " must match a's order " << order << " (C5)";
  if (getType() != b)
    return emitOpError("result must have b's type (C6)");
  return success();
}

LogicalResult PadOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  int64_t rank = operand.getRank();
  if (failed(checkScalarOperand(*this, "C1", "padding_value",
                                getPaddingValue().getType())))
    return failure();
  if (cast<RankedTensorType>(getPaddingValue().getType()).getElementType() !=
          operand.getElementType() ||
      result.getElementType() != operand.getElementType())
    return emitOpError("operand, padding_value and result must have one "
                       "element type (C1)");
  ArrayRef<int64_t> low = getEdgePaddingLow(), high = getEdgePaddingHigh(),
                    interior = getInteriorPadding();
  if (static_cast<int64_t>(low.size()) != rank ||
      static_cast<int64_t>(high.size()) != rank ||
      static_cast<int64_t>(interior.size()) != rank || result.getRank() != rank)
    return emitOpError() << "edge_padding_low, edge_padding_high, "
                            "interior_padding and the result must count the "
                            "operand's "
                         << rank << " dimensions (C2)";
  for (int64_t dim = 0; dim < rank; ++dim) {
    if (interior[dim] < 0)
      return emitOpError() << "interior_padding " << formatDims(interior)
                           << " must not be negative (C3)";
    if (operand.isDynamicDim(dim) || result.isDynamicDim(dim))
      continue;
    int64_t size = operand.getDimSize(dim);
    std::optional<int64_t> expected = llvm::checkedMulAdd<int64_t>(
        std::max<int64_t>(size - 1, 0), interior[dim], size);
    if (expected)
      expected = llvm::checkedAdd(*expected, low[dim]);
    if (expected)
      expected = llvm::checkedAdd(*expected, high[dim]);
    if (!expected || *expected < 0 || *expected != result.getDimSize(dim))
      return emitOpError() << "result dimension " << dim << " has size "
                           << result.getDimSize(dim)
                           << ", which the padding does not give (C4)";
  }
  return success();
}

/// Checks start indices: one per dimension, 0-d, of one type.
static LogicalResult checkStartIndices(Operation *op, StringRef constraint,
                                       ValueRange indices, int64_t rank) {
  if (static_cast<int64_t>(indices.size()) != rank)
    return op->emitOpError() << "needs " << rank << " start indices, not "
                             << indices.size() << " (" << constraint << ")";
  for (Value index : indices) {
    if (failed(checkScalarOperand(op, constraint, "each start index",
                                  index.getType())))
      return failure();
    if (index.getType() != indices.front().getType())
      return op->emitOpError()
             << "start indices must have one type (" << constraint << ")";
  }
  return success();
}

LogicalResult DynamicSliceOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  ArrayRef<int64_t> sizes = getSliceSizes();
  if (failed(checkStartIndices(*this, "C2, C3", getStartIndices(),
                               operand.getRank())))
    return failure();
  if (static_cast<int64_t>(sizes.size()) != operand.getRank())
    return emitOpError() << "slice_sizes " << formatDims(sizes) << " must have "
                         << operand.getRank() << " entries (C2)";
  for (auto [dim, size] : llvm::enumerate(sizes))
    if (size < 0 ||
        (!operand.isDynamicDim(dim) && size > operand.getDimSize(dim)))
      return emitOpError() << "slice_sizes " << formatDims(sizes)
                           << " must lie within the operand's shape (C4)";
  if (result.getElementType() != operand.getElementType())
    return emitOpError("result must have the operand's element type (C1)");
  if (result.getShape() != sizes)
    return emitOpError("result shape must be slice_sizes (C5)");
  return success();
}

LogicalResult DynamicUpdateSliceOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto update = cast<RankedTensorType>(getUpdate().getType());
  if (getType() != operand)
    return emitOpError("result must have the operand's type (C1)");
  if (update.getElementType() != operand.getElementType())
    return emitOpError("update must have the operand's element type (C2)");
  if (update.getRank() != operand.getRank())
    return emitOpError("update must have the operand's rank (C3)");
  if (failed(checkStartIndices(*this, "C4, C5", getStartIndices(),
                               operand.getRank())))
    return failure();
  for (int64_t dim = 0; dim < operand.getRank(); ++dim)
    if (sizesDiffer(update.getDimSize(dim), operand.getDimSize(dim)) &&
        update.getDimSize(dim) > operand.getDimSize(dim))
      return emitOpError() << "update dimension " << dim << " of size "
                           << update.getDimSize(dim)
                           << " exceeds the operand's "
                           << operand.getDimSize(dim) << " (C6)";
  return success();
}

LogicalResult CompareOp::verify() {
  Type element = cast<RankedTensorType>(getLhs().getType()).getElementType();
  if (cast<RankedTensorType>(getRhs().getType()).getElementType() != element)
    return emitOpError() << "lhs and rhs must have one element type, not "
                         << getLhs().getType() << " and " << getRhs().getType()
                         << " (C1)";
  if (!getCompareType())
    return success();
  // C3: the comparison type must fit the element type; i1 compares unsigned.
  bool fits = false;
  switch (*getCompareType()) {
  case ComparisonType::NOTYPE:
    fits = true;
    break;
  case ComparisonType::SIGNED:
    fits = element.isSignlessInteger() && !element.isInteger(1);
    break;
  case ComparisonType::UNSIGNED:
    fits = element.isUnsignedInteger() || element.isInteger(1);
    break;
  case ComparisonType::FLOAT:
    fits = isa<FloatType, ComplexType>(element);
    break;
  case ComparisonType::TOTALORDER:
    fits = isa<FloatType>(element);
    break;
  }
  if (!fits)
    return emitOpError() << "compare_type "
                         << stringifyComparisonType(*getCompareType())
                         << " does not fit element type " << element << " (C3)";
  return success();
}

LogicalResult SelectOp::verify() {
  auto pred = cast<RankedTensorType>(getPred().getType());
  auto onTrue = cast<RankedTensorType>(getOnTrue().getType());
  if (pred.getRank() != 0 && pred.getShape() != onTrue.getShape())
    return emitOpError("pred must be 0-d or have on_true's shape (C1)");
  if (getOnFalse().getType() != onTrue || getType() != onTrue)
    return emitOpError("on_true, on_false and the result must have one type "
                       "(C2)");
  return success();
}

LogicalResult ClampOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  for (auto [name, bound] : {std::pair<StringRef, Value>{"min", getMin()},
                             std::pair<StringRef, Value>{"max", getMax()}}) {
    auto type = cast<RankedTensorType>(bound.getType());
    if (type.getRank() != 0 && type.getShape() != operand.getShape())
      return emitOpError() << name
                           << " must be 0-d or have the operand's shape (C1, "
                              "C2)";
    if (type.getElementType() != operand.getElementType())
      return emitOpError() << name
                           << " must have the operand's element type (C3)";
  }
  if (getType() != operand)
    return emitOpError("result must have the operand's type (C4)");
  return success();
}

LogicalResult MapOp::verify() {
  if (getInputs().empty())
    return emitOpError("needs at least one input (C2)");
  auto first = cast<RankedTensorType>(getInputs().front().getType());
  ArrayRef<int64_t> dims = getDimensions();
  if (dims != ArrayRef(llvm::to_vector(llvm::seq<int64_t>(0, first.getRank()))))
    return emitOpError() << "dimensions " << formatDims(dims) << " must be [0, "
                         << first.getRank() << ") in order (C3)";
  SmallVector<Type> elements =
      llvm::map_to_vector(getInputs().getTypes(), [](Type type) {
        return cast<RankedTensorType>(type).getElementType();
      });
  Type resultElement = cast<RankedTensorType>(getType()).getElementType();
  return checkRegionSignature(*this, "C4, C6", "computation", getComputation(),
                              getScalarTensorTypes(elements),
                              getScalarTensorTypes(resultElement));
}

LogicalResult RngBitGeneratorOp::verify() {
  auto state = cast<RankedTensorType>(getInitialState().getType());
  if (getOutputState().getType() != state)
    return emitOpError() << "output_state " << getOutputState().getType()
                         << " must have initial_state's type " << state
                         << " (C1)";
  if (state.getRank() != 1 || !state.getElementType().isInteger(64))
    return emitOpError() << "initial_state " << state
                         << " must be a 1-d tensor of 64-bit integers";
  // C2: THREE_FRY takes 2 words, PHILOX 2 or 3; jaxc's DEFAULT is PHILOX.
  int64_t words = state.getDimSize(0);
  bool threeFry = getRngAlgorithm() == RngAlgorithm::THREE_FRY;
  if (words < 2 || words > (threeFry ? 2 : 3))
    return emitOpError() << "initial_state of " << words << " words does not "
                         << "fit algorithm "
                         << stringifyRngAlgorithm(getRngAlgorithm()) << " ("
                         << (threeFry ? "2" : "2 or 3") << " words) (C2)";
  return success();
}

LogicalResult WhileOp::verify() {
  TypeRange types = getOperandTypes();
  if (getResultTypes() != types)
    return emitOpError("results must have the operands' types (C3)");
  Type predicate = RankedTensorType::get({}, IntegerType::get(getContext(), 1));
  if (failed(checkRegionSignature(*this, "C1", "cond", getCond(), types,
                                  predicate)))
    return failure();
  return checkRegionSignature(*this, "C2", "body", getBody(), types, types);
}

LogicalResult IfOp::verify() {
  if (failed(checkScalarOperand(*this, "C4", "pred", getPred().getType())))
    return failure();
  for (auto [name, branch] :
       {std::pair<StringRef, Region *>{"true_branch", &getTrueBranch()},
        std::pair<StringRef, Region *>{"false_branch", &getFalseBranch()}})
    if (failed(checkRegionSignature(*this, "C1, C2, C3", name, *branch, {},
                                    getResultTypes())))
      return failure();
  return success();
}

LogicalResult CaseOp::verify() {
  if (failed(checkScalarOperand(*this, "C4", "index", getIndex().getType())))
    return failure();
  if (getBranches().empty())
    return emitOpError("needs at least one branch (C1)");
  for (Region &branch : getBranches())
    if (failed(checkRegionSignature(*this, "C2, C3, C4", "branch", branch, {},
                                    getResultTypes())))
      return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// BitcastConvertOp
//===----------------------------------------------------------------------===//

/// The bits of one element; complex types hold two parts. 0 for types
/// without a fixed width.
static unsigned getElementBits(Type type) {
  if (auto complexType = dyn_cast<ComplexType>(type))
    return 2 * getElementBits(complexType.getElementType());
  return type.isIntOrFloat() ? type.getIntOrFloatBitWidth() : 0;
}

LogicalResult BitcastConvertOp::verify() {
  auto operandType = cast<RankedTensorType>(getOperand().getType());
  auto resultType = cast<RankedTensorType>(getType());
  Type fromType = operandType.getElementType();
  Type toType = resultType.getElementType();
  if (isa<ComplexType>(fromType) != isa<ComplexType>(toType))
    return emitOpError("cannot bitcast between complex and other types");
  unsigned fromBits = getElementBits(fromType);
  unsigned toBits = getElementBits(toType);
  if (fromBits == 0 || toBits == 0)
    return emitOpError("element types need a width in bits");
  if (fromBits == toBits) {
    if (operandType.getShape() != resultType.getShape())
      return emitOpError("needs the operand's shape for a type of its width");
    return success();
  }
  // The narrower side has the wider one's shape and a trailing dimension
  // of the width ratio.
  bool splits = fromBits > toBits;
  RankedTensorType wide = splits ? operandType : resultType;
  RankedTensorType narrow = splits ? resultType : operandType;
  unsigned ratio = splits ? fromBits / toBits : toBits / fromBits;
  if (std::max(fromBits, toBits) % std::min(fromBits, toBits) != 0 ||
      narrow.getRank() != wide.getRank() + 1 ||
      narrow.getShape().drop_back() != wide.getShape() ||
      narrow.getShape().back() != ratio)
    return emitOpError("needs the ")
           << (splits ? "result" : "operand") << " to have the shape of the "
           << (splits ? "operand" : "result") << " and a trailing dimension of "
           << ratio;
  return success();
}

//===----------------------------------------------------------------------===//
// Batch norm ops
//===----------------------------------------------------------------------===//

/// What the batch_norm ops share: feature_index names an operand dimension,
/// `operandShaped` have the operand's shape and `perFeature` are 1-d with one
/// element per feature.
static LogicalResult verifyBatchNorm(Operation *op, Value operand,
                                     int64_t featureIndex,
                                     TypeRange operandShaped,
                                     TypeRange perFeature) {
  auto operandType = cast<RankedTensorType>(operand.getType());
  if (featureIndex < 0 || featureIndex >= operandType.getRank())
    return op->emitOpError("feature_index ")
           << featureIndex << " out of range for rank "
           << operandType.getRank();
  for (Type type : operandShaped)
    if (cast<RankedTensorType>(type).getShape() != operandType.getShape())
      return op->emitOpError("needs ")
             << type << " to have the operand's shape";
  int64_t features = operandType.getDimSize(featureIndex);
  for (Type type : perFeature) {
    auto featureType = cast<RankedTensorType>(type);
    if (featureType.getRank() != 1 || featureType.getDimSize(0) != features)
      return op->emitOpError("needs ")
             << type << " to have one element per feature (" << features << ")";
  }
  return success();
}

LogicalResult BatchNormInferenceOp::verify() {
  Type perFeature[] = {getScale().getType(), getOffset().getType(),
                       getMean().getType(), getVariance().getType()};
  return verifyBatchNorm(*this, getOperand(), getFeatureIndex(), getType(),
                         perFeature);
}

LogicalResult BatchNormTrainingOp::verify() {
  Type perFeature[] = {getScale().getType(), getOffset().getType(),
                       getBatchMean().getType(), getBatchVar().getType()};
  return verifyBatchNorm(*this, getOperand(), getFeatureIndex(),
                         getOutput().getType(), perFeature);
}

LogicalResult BatchNormGradOp::verify() {
  Type operandShaped[] = {getGradOutput().getType(),
                          getGradOperand().getType()};
  Type perFeature[] = {getScale().getType(), getMean().getType(),
                       getVariance().getType(), getGradScale().getType(),
                       getGradOffset().getType()};
  return verifyBatchNorm(*this, getOperand(), getFeatureIndex(), operandShaped,
                         perFeature);
}

//===----------------------------------------------------------------------===//
// Dialect
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/StableHLO/IR/StableHLODialect.cpp.inc"
#include "jaxc/Dialect/StableHLO/IR/StableHLOEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "jaxc/Dialect/StableHLO/IR/StableHLOAttrs.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "jaxc/Dialect/StableHLO/IR/StableHLOTypes.cpp.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.cpp.inc"

std::optional<Dialect::ParseOpHook>
StableHLODialect::getParseOperationHook(StringRef opName) const {
  return ParseOpHook(jaxc::refuseUnknownOp);
}

void StableHLODialect::initialize() {
  addInterfaces<jaxc::InlineEverything>();
  addOperations<
#define GET_OP_LIST
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "jaxc/Dialect/StableHLO/IR/StableHLOAttrs.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "jaxc/Dialect/StableHLO/IR/StableHLOTypes.cpp.inc"
      >();
}
