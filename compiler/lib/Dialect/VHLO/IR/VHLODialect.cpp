//===- VHLODialect.cpp - VHLO types, attributes and their syntax ----------===//
//
// The text syntax is VHLO's own, so that what jaxlib prints of an artifact
// parses here: attributes holding a builtin value (integers, floats, dense
// tensors) print it with the builtin type their VHLO type stands for.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/VHLO/IR/VHLOOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace jaxc::vhlo;

namespace jaxc::vhlo {
void addBytecodeInterface(VHLODialect *dialect);
} // namespace jaxc::vhlo

//===----------------------------------------------------------------------===//
// Builtin equivalents
//===----------------------------------------------------------------------===//

Type jaxc::vhlo::toBuiltinType(Type type) {
  if (!type)
    return {};
  MLIRContext *ctx = type.getContext();
  auto unsignedInt = [&](unsigned width) {
    return IntegerType::get(ctx, width, IntegerType::Unsigned);
  };
  auto convertAll = [](ArrayRef<Type> types, SmallVectorImpl<Type> &out) {
    for (Type t : types) {
      out.push_back(toBuiltinType(t));
      if (!out.back())
        return false;
    }
    return true;
  };
  return TypeSwitch<Type, Type>(type)
      .Case([&](BooleanV1Type) { return IntegerType::get(ctx, 1); })
      .Case([&](IntegerSI2V1Type) { return IntegerType::get(ctx, 2); })
      .Case([&](IntegerSI4V1Type) { return IntegerType::get(ctx, 4); })
      .Case([&](IntegerSI8V1Type) { return IntegerType::get(ctx, 8); })
      .Case([&](IntegerSI16V1Type) { return IntegerType::get(ctx, 16); })
      .Case([&](IntegerSI32V1Type) { return IntegerType::get(ctx, 32); })
      .Case([&](IntegerSI64V1Type) { return IntegerType::get(ctx, 64); })
      .Case([&](IntegerUI2V1Type) { return unsignedInt(2); })
      .Case([&](IntegerUI4V1Type) { return unsignedInt(4); })
      .Case([&](IntegerUI8V1Type) { return unsignedInt(8); })
      .Case([&](IntegerUI16V1Type) { return unsignedInt(16); })
      .Case([&](IntegerUI32V1Type) { return unsignedInt(32); })
      .Case([&](IntegerUI64V1Type) { return unsignedInt(64); })
      .Case([&](IndexV1Type) { return IndexType::get(ctx); })
      .Case([&](FloatBF16V1Type) { return BFloat16Type::get(ctx); })
      .Case([&](FloatF16V1Type) { return Float16Type::get(ctx); })
      .Case([&](FloatF32V1Type) { return Float32Type::get(ctx); })
      .Case([&](FloatF64V1Type) { return Float64Type::get(ctx); })
      .Case([&](FloatTF32V1Type) { return FloatTF32Type::get(ctx); })
      .Case([&](FloatF4E2M1FNV1Type) { return Float4E2M1FNType::get(ctx); })
      .Case([&](FloatF6E2M3FNV1Type) { return Float6E2M3FNType::get(ctx); })
      .Case([&](FloatF6E3M2FNV1Type) { return Float6E3M2FNType::get(ctx); })
      .Case([&](FloatF8E3M4V1Type) { return Float8E3M4Type::get(ctx); })
      .Case([&](FloatF8E4M3V1Type) { return Float8E4M3Type::get(ctx); })
      .Case([&](FloatF8E4M3FNV1Type) { return Float8E4M3FNType::get(ctx); })
      .Case([&](FloatF8E5M2V1Type) { return Float8E5M2Type::get(ctx); })
      .Case([&](FloatF8E4M3FNUZV1Type) { return Float8E4M3FNUZType::get(ctx); })
      .Case([&](FloatF8E5M2FNUZV1Type) { return Float8E5M2FNUZType::get(ctx); })
      .Case([&](FloatF8E4M3B11FNUZV1Type) {
        return Float8E4M3B11FNUZType::get(ctx);
      })
      .Case([&](FloatF8E8M0FNUV1Type) { return Float8E8M0FNUType::get(ctx); })
      .Case([&](NoneV1Type) { return NoneType::get(ctx); })
      .Case([&](ComplexV1Type t) -> Type {
        Type element = toBuiltinType(t.getElementType());
        return element ? ComplexType::get(element) : Type();
      })
      .Case([&](RankedTensorV1Type t) -> Type {
        Type element = toBuiltinType(t.getElementType());
        if (!element || t.getEncoding())
          return {};
        return RankedTensorType::get(t.getShape(), element);
      })
      .Case([&](UnrankedTensorV1Type t) -> Type {
        Type element = toBuiltinType(t.getElementType());
        return element ? UnrankedTensorType::get(element) : Type();
      })
      .Case([&](TupleV1Type t) -> Type {
        SmallVector<Type> types;
        if (!convertAll(t.getTypes(), types))
          return {};
        return TupleType::get(ctx, types);
      })
      .Case([&](FunctionV1Type t) -> Type {
        SmallVector<Type> inputs, outputs;
        if (!convertAll(t.getInputs(), inputs) ||
            !convertAll(t.getOutputs(), outputs))
          return {};
        return FunctionType::get(ctx, inputs, outputs);
      })
      .Default([](Type) { return Type(); });
}

Type jaxc::vhlo::fromBuiltinType(Type type) {
  if (!type)
    return {};
  MLIRContext *ctx = type.getContext();
  auto convertAll = [](ArrayRef<Type> types, SmallVectorImpl<Type> &out) {
    for (Type t : types) {
      out.push_back(fromBuiltinType(t));
      if (!out.back())
        return false;
    }
    return true;
  };
  if (auto integer = dyn_cast<IntegerType>(type)) {
    if (integer.isSigned())
      return {};
    bool isUnsigned = integer.isUnsigned();
    switch (integer.getWidth()) {
    case 1:
      return isUnsigned ? Type() : BooleanV1Type::get(ctx);
    case 2:
      return isUnsigned ? Type(IntegerUI2V1Type::get(ctx))
                        : Type(IntegerSI2V1Type::get(ctx));
    case 4:
      return isUnsigned ? Type(IntegerUI4V1Type::get(ctx))
                        : Type(IntegerSI4V1Type::get(ctx));
    case 8:
      return isUnsigned ? Type(IntegerUI8V1Type::get(ctx))
                        : Type(IntegerSI8V1Type::get(ctx));
    case 16:
      return isUnsigned ? Type(IntegerUI16V1Type::get(ctx))
                        : Type(IntegerSI16V1Type::get(ctx));
    case 32:
      return isUnsigned ? Type(IntegerUI32V1Type::get(ctx))
                        : Type(IntegerSI32V1Type::get(ctx));
    case 64:
      return isUnsigned ? Type(IntegerUI64V1Type::get(ctx))
                        : Type(IntegerSI64V1Type::get(ctx));
    default:
      return {};
    }
  }
  return TypeSwitch<Type, Type>(type)
      .Case([&](IndexType) { return IndexV1Type::get(ctx); })
      .Case([&](BFloat16Type) { return FloatBF16V1Type::get(ctx); })
      .Case([&](Float16Type) { return FloatF16V1Type::get(ctx); })
      .Case([&](Float32Type) { return FloatF32V1Type::get(ctx); })
      .Case([&](Float64Type) { return FloatF64V1Type::get(ctx); })
      .Case([&](FloatTF32Type) { return FloatTF32V1Type::get(ctx); })
      .Case([&](Float4E2M1FNType) { return FloatF4E2M1FNV1Type::get(ctx); })
      .Case([&](Float6E2M3FNType) { return FloatF6E2M3FNV1Type::get(ctx); })
      .Case([&](Float6E3M2FNType) { return FloatF6E3M2FNV1Type::get(ctx); })
      .Case([&](Float8E3M4Type) { return FloatF8E3M4V1Type::get(ctx); })
      .Case([&](Float8E4M3Type) { return FloatF8E4M3V1Type::get(ctx); })
      .Case([&](Float8E4M3FNType) { return FloatF8E4M3FNV1Type::get(ctx); })
      .Case([&](Float8E5M2Type) { return FloatF8E5M2V1Type::get(ctx); })
      .Case([&](Float8E4M3FNUZType) { return FloatF8E4M3FNUZV1Type::get(ctx); })
      .Case([&](Float8E5M2FNUZType) { return FloatF8E5M2FNUZV1Type::get(ctx); })
      .Case([&](Float8E4M3B11FNUZType) {
        return FloatF8E4M3B11FNUZV1Type::get(ctx);
      })
      .Case([&](Float8E8M0FNUType) { return FloatF8E8M0FNUV1Type::get(ctx); })
      .Case([&](NoneType) { return NoneV1Type::get(ctx); })
      .Case([&](ComplexType t) -> Type {
        Type element = fromBuiltinType(t.getElementType());
        return element ? ComplexV1Type::get(ctx, element) : Type();
      })
      .Case([&](RankedTensorType t) -> Type {
        Type element = fromBuiltinType(t.getElementType());
        if (!element || t.getEncoding())
          return {};
        return RankedTensorV1Type::get(ctx, t.getShape(), element, {});
      })
      .Case([&](UnrankedTensorType t) -> Type {
        Type element = fromBuiltinType(t.getElementType());
        return element ? UnrankedTensorV1Type::get(ctx, element) : Type();
      })
      .Case([&](TupleType t) -> Type {
        SmallVector<Type> types;
        if (!convertAll(t.getTypes(), types))
          return {};
        return TupleV1Type::get(ctx, types);
      })
      .Case([&](FunctionType t) -> Type {
        SmallVector<Type> inputs, outputs;
        if (!convertAll(t.getInputs(), inputs) ||
            !convertAll(t.getResults(), outputs))
          return {};
        return FunctionV1Type::get(ctx, inputs, outputs);
      })
      .Default([](Type) { return Type(); });
}

unsigned jaxc::vhlo::getIntegerBitWidth(Type type) {
  if (isa<IndexV1Type>(type))
    return IndexType::kInternalStorageBitWidth;
  if (isa<BooleanV1Type>(type))
    return 0;
  if (auto integer = dyn_cast_or_null<IntegerType>(toBuiltinType(type)))
    return integer.getWidth();
  return 0;
}

const llvm::fltSemantics *jaxc::vhlo::getFloatSemantics(Type type) {
  if (auto floatType = dyn_cast_or_null<FloatType>(toBuiltinType(type)))
    return &floatType.getFloatSemantics();
  return nullptr;
}

std::string jaxc::vhlo::getTensorV1Data(DenseElementsAttr attr) {
  if (!attr.getElementType().isInteger(1)) {
    ArrayRef<char> raw = attr.getRawData();
    return std::string(raw.begin(), raw.end());
  }
  if (attr.isSplat())
    return std::string(1, attr.getSplatValue<bool>() ? 1 : 0);
  std::string data;
  data.reserve(attr.getNumElements());
  for (bool value : attr.getValues<bool>())
    data.push_back(value ? 1 : 0);
  return data;
}

DenseElementsAttr jaxc::vhlo::getDenseElements(ShapedType type,
                                               StringRef data) {
  if (!type || !type.hasStaticShape())
    return {};
  if (type.getElementType().isInteger(1)) {
    int64_t count = type.getNumElements();
    if (data.size() == 1)
      return DenseElementsAttr::get(type, data[0] != 0);
    if (static_cast<int64_t>(data.size()) != count)
      return {};
    SmallVector<bool> values;
    values.reserve(count);
    for (char byte : data)
      values.push_back(byte != 0);
    return DenseElementsAttr::get(type, values);
  }
  ArrayRef<char> raw(data.data(), data.size());
  bool isSplat = false;
  if (!DenseElementsAttr::isValidRawBuffer(type, raw, isSplat))
    return {};
  return DenseElementsAttr::getFromRawBuffer(type, raw);
}

int64_t RankedTensorV1Type::getNumElements() const {
  int64_t count = 1;
  for (int64_t size : getShape()) {
    if (ShapedType::isDynamic(size))
      return -1;
    count *= size;
  }
  return count;
}

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

FailureOr<SmallVector<int64_t>> jaxc::vhlo::parseDimList(AsmParser &parser) {
  SmallVector<int64_t> dims;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        int64_t dim;
        if (parser.parseInteger(dim))
          return failure();
        dims.push_back(dim);
        return success();
      }))
    return failure();
  return dims;
}

void jaxc::vhlo::printDimList(AsmPrinter &printer, ArrayRef<int64_t> dims) {
  printer << '[';
  llvm::interleaveComma(dims, printer);
  printer << ']';
}

// `2x?x!vhlo.f32_v1`: a tensor's dimension sizes, then its element type.
static ParseResult parseShapedElement(AsmParser &parser,
                                      SmallVector<int64_t> &shape,
                                      Type &elementType) {
  return failure(parser.parseDimensionList(shape, /*allowDynamic=*/true,
                                           /*withTrailingX=*/true) ||
                 parser.parseType(elementType));
}

static void printShapedElement(AsmPrinter &printer, ArrayRef<int64_t> shape,
                               Type elementType) {
  for (int64_t size : shape) {
    if (ShapedType::isDynamic(size))
      printer << '?';
    else
      printer << size;
    printer << 'x';
  }
  printer << elementType;
}

// `(inputs) -> output` or `(inputs) -> (outputs)`.
static ParseResult parseFunctionType(AsmParser &parser,
                                     SmallVector<Type> &inputs,
                                     SmallVector<Type> &outputs) {
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Paren, [&] {
        return parser.parseType(inputs.emplace_back());
      }))
    return failure();
  return parser.parseArrowTypeList(outputs);
}

static void printFunctionType(AsmPrinter &printer, ArrayRef<Type> inputs,
                              ArrayRef<Type> outputs) {
  printer << '(';
  llvm::interleaveComma(inputs, printer);
  printer << ") -> ";
  if (outputs.size() == 1 && !isa<FunctionV1Type>(outputs.front())) {
    printer << outputs.front();
    return;
  }
  printer << '(';
  llvm::interleaveComma(outputs, printer);
  printer << ')';
}

static ParseResult parseBool(AsmParser &parser, bool &value) {
  if (succeeded(parser.parseOptionalKeyword("true"))) {
    value = true;
    return success();
  }
  if (succeeded(parser.parseOptionalKeyword("false"))) {
    value = false;
    return success();
  }
  return parser.emitError(parser.getCurrentLocation(),
                          "expected 'true' or 'false'");
}

static void printBool(AsmPrinter &printer, bool value) {
  printer << (value ? "true" : "false");
}

// `{#vhlo.string_v1<"key"> = value, ...}`.
static ParseResult
parseDictionary(AsmParser &parser,
                SmallVector<std::pair<Attribute, Attribute>> &entries) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Braces, [&] {
    Attribute key, value;
    if (parser.parseAttribute(key) || parser.parseEqual() ||
        parser.parseAttribute(value))
      return failure();
    entries.emplace_back(key, value);
    return success();
  });
}

static void printDictionary(AsmPrinter &printer,
                            ArrayRef<std::pair<Attribute, Attribute>> entries) {
  printer << '{';
  llvm::interleaveComma(entries, printer, [&](const auto &entry) {
    printer << entry.first << " = " << entry.second;
  });
  printer << '}';
}

// A builtin attribute whose type has a VHLO equivalent.
template <typename AttrT>
static ParseResult parseBuiltinValue(AsmParser &parser, AttrT &attr,
                                     Type &type) {
  SMLoc loc = parser.getCurrentLocation();
  Attribute parsed;
  if (parser.parseAttribute(parsed))
    return failure();
  attr = dyn_cast<AttrT>(parsed);
  if (!attr)
    return parser.emitError(loc, "unexpected attribute kind");
  Type builtinType = attr.getType();
  type = fromBuiltinType(builtinType);
  if (!type)
    return parser.emitError(loc, "type ")
           << builtinType << " has no VHLO equivalent";
  return success();
}

static ParseResult parseInteger(AsmParser &parser, Type &type,
                                llvm::APInt &value) {
  IntegerAttr attr;
  if (parseBuiltinValue(parser, attr, type))
    return failure();
  value = attr.getValue();
  return success();
}

static void printInteger(AsmPrinter &printer, Type type,
                         const llvm::APInt &value) {
  Type builtinType = toBuiltinType(type);
  if (!builtinType) {
    printer << value << " : " << type;
    return;
  }
  printer.printAttribute(IntegerAttr::get(builtinType, value));
}

static ParseResult parseFloat(AsmParser &parser, Type &type,
                              FailureOr<llvm::APFloat> &value) {
  FloatAttr attr;
  if (parseBuiltinValue(parser, attr, type))
    return failure();
  value = attr.getValue();
  return success();
}

static void printFloat(AsmPrinter &printer, Type type,
                       const llvm::APFloat &value) {
  Type builtinType = toBuiltinType(type);
  if (!builtinType) {
    printer.printFloat(value);
    printer << " : " << type;
    return;
  }
  printer.printAttribute(FloatAttr::get(builtinType, value));
}

static ParseResult parseTensor(AsmParser &parser, Type &type,
                               std::string &data) {
  DenseElementsAttr attr;
  if (parseBuiltinValue(parser, attr, type))
    return failure();
  data = getTensorV1Data(attr);
  return success();
}

static void printTensor(AsmPrinter &printer, Type type, StringRef data) {
  auto builtinType = dyn_cast_or_null<ShapedType>(toBuiltinType(type));
  if (DenseElementsAttr attr = getDenseElements(builtinType, data)) {
    printer.printAttribute(attr);
    return;
  }
  // No builtin form: the bytes, for diagnostics (this does not parse).
  printer << "dense<\"0x" << llvm::toHex(data) << "\"> : " << type;
}

static ParseResult parseF64(AsmParser &parser,
                            FailureOr<llvm::APFloat> &value) {
  double number;
  if (parser.parseFloat(number))
    return failure();
  value = llvm::APFloat(number);
  return success();
}

static void printF64(AsmPrinter &printer, const llvm::APFloat &value) {
  printer.printFloat(value);
}

//===----------------------------------------------------------------------===//
// Dialect
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/VHLO/IR/VHLODialect.cpp.inc"
#include "jaxc/Dialect/VHLO/IR/VHLOEnums.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "jaxc/Dialect/VHLO/IR/VHLOTypes.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "jaxc/Dialect/VHLO/IR/VHLOAttrs.cpp.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/VHLO/IR/VHLOOps.cpp.inc"

void VHLODialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "jaxc/Dialect/VHLO/IR/VHLOTypes.cpp.inc"
      >();
}

void VHLODialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "jaxc/Dialect/VHLO/IR/VHLOAttrs.cpp.inc"
      >();
}

void VHLODialect::initialize() {
  registerTypes();
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "jaxc/Dialect/VHLO/IR/VHLOOps.cpp.inc"
      >();
  addBytecodeInterface(this);
  // Ops of newer VHLO versions than jaxc knows are read as unknown ops (the
  // conversion names them in its error).
  allowUnknownOperations();
}
