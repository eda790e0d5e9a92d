//===- CheckOps.cpp - The check and util test dialects --------------------===//

#include "jaxc/Dialect/Check/IR/CheckOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace jaxc::check;

namespace {

// `, max_ulp_difference = 3, min_ulp_difference = 0` after the operands of
// the interpreter form; `tolerance = 1e-2` is accepted too.
template <typename Properties>
ParseResult parseCompareOptions(OpAsmParser &parser, Properties &props) {
  Builder builder(parser.getContext());
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef key;
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return failure();
    if (key == "tolerance") {
      double value;
      if (parser.parseFloat(value))
        return failure();
      props.tolerance = builder.getF64FloatAttr(value);
      continue;
    }
    int64_t value;
    if (parser.parseInteger(value))
      return failure();
    if (key == "max_ulp_difference")
      props.max_ulp_difference = builder.getI64IntegerAttr(value);
    else if (key == "min_ulp_difference")
      props.min_ulp_difference = builder.getI64IntegerAttr(value);
    else
      return parser.emitError(loc, "unknown check option '") << key << "'";
  }
  return success();
}

// Both forms of a two-tensor check:
//   %a, %b[, options] : T[, T]       (StableHLO interpreter)
//   (%a, %b) : T                     (IREE)
template <typename OpTy>
ParseResult parseCompareOp(OpAsmParser &parser, OperationState &result) {
  OpAsmParser::UnresolvedOperand lhs, rhs;
  auto &props = result.getOrAddProperties<typename OpTy::Properties>();
  bool ireeForm = succeeded(parser.parseOptionalLParen());
  if (parser.parseOperand(lhs) || parser.parseComma() ||
      parser.parseOperand(rhs) ||
      (ireeForm ? parser.parseRParen() : parseCompareOptions(parser, props)) ||
      parser.parseOptionalAttrDict(result.attributes) || parser.parseColon())
    return failure();
  Type lhsType, rhsType;
  if (parser.parseType(lhsType))
    return failure();
  rhsType = lhsType;
  if (succeeded(parser.parseOptionalComma()) && parser.parseType(rhsType))
    return failure();
  return failure(parser.resolveOperand(lhs, lhsType, result.operands) ||
                 parser.resolveOperand(rhs, rhsType, result.operands));
}

template <typename OpTy> void printCompareOp(OpTy op, OpAsmPrinter &printer) {
  printer << ' ' << op.getLhs() << ", " << op.getRhs();
  if (auto ulps = op.getMaxUlpDifferenceAttr())
    printer << ", max_ulp_difference = " << ulps.getInt();
  if (auto ulps = op.getMinUlpDifferenceAttr())
    printer << ", min_ulp_difference = " << ulps.getInt();
  if (auto tolerance = op.getToleranceAttr())
    printer << ", tolerance = " << tolerance.getValueAsDouble();
  printer.printOptionalAttrDict(
      op->getAttrs(),
      {"max_ulp_difference", "min_ulp_difference", "tolerance"});
  printer << " : " << op.getLhs().getType() << ", " << op.getRhs().getType();
}

// Both forms of a tensor-constant check:
//   %a, dense<...> : T               (StableHLO interpreter)
//   (%a, dense<...> : T) : T         (IREE)
template <typename OpTy>
ParseResult parseCompareConstOp(OpAsmParser &parser, OperationState &result) {
  OpAsmParser::UnresolvedOperand lhs;
  auto &props = result.getOrAddProperties<typename OpTy::Properties>();
  bool ireeForm = succeeded(parser.parseOptionalLParen());
  SMLoc valueLoc;
  Attribute value;
  if (parser.parseOperand(lhs) || parser.parseComma())
    return failure();
  valueLoc = parser.getCurrentLocation();
  if (parser.parseAttribute(value))
    return failure();
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements)
    return parser.emitError(valueLoc, "expected a tensor constant");
  props.value = elements;
  Type lhsType = elements.getType();
  if (ireeForm) {
    if (parser.parseRParen() ||
        parser.parseOptionalAttrDict(result.attributes) ||
        parser.parseColonType(lhsType))
      return failure();
  } else if (parser.parseOptionalAttrDict(result.attributes)) {
    return failure();
  }
  return parser.resolveOperand(lhs, lhsType, result.operands);
}

template <typename OpTy>
void printCompareConstOp(OpTy op, OpAsmPrinter &printer) {
  printer << ' ' << op.getLhs() << ", ";
  printer.printAttribute(op.getValue());
  printer.printOptionalAttrDict(op->getAttrs(), {"value"});
}

} // namespace

#define DEFINE_CHECK_ASSEMBLY(OP, KIND)                                        \
  ParseResult OP::parse(OpAsmParser &parser, OperationState &result) {         \
    return parse##KIND<OP>(parser, result);                                    \
  }                                                                            \
  void OP::print(OpAsmPrinter &printer) { print##KIND(*this, printer); }

DEFINE_CHECK_ASSEMBLY(ExpectEqOp, CompareOp)
DEFINE_CHECK_ASSEMBLY(ExpectAlmostEqOp, CompareOp)
DEFINE_CHECK_ASSEMBLY(ExpectCloseOp, CompareOp)
DEFINE_CHECK_ASSEMBLY(ExpectEqConstOp, CompareConstOp)
DEFINE_CHECK_ASSEMBLY(ExpectAlmostEqConstOp, CompareConstOp)

#undef DEFINE_CHECK_ASSEMBLY

// `util.unfoldable_constant dense<...> : tensor<...>`.
ParseResult jaxc::util::UnfoldableConstantOp::parse(OpAsmParser &parser,
                                                    OperationState &result) {
  SMLoc loc = parser.getCurrentLocation();
  Attribute value;
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseAttribute(value))
    return failure();
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements)
    return parser.emitError(loc, "expected a tensor constant");
  result.getOrAddProperties<Properties>().value = elements;
  result.addTypes(elements.getType());
  return success();
}

void jaxc::util::UnfoldableConstantOp::print(OpAsmPrinter &printer) {
  printer.printOptionalAttrDict((*this)->getAttrs(), {"value"});
  printer << ' ';
  printer.printAttribute(getValue());
}

#include "jaxc/Dialect/Check/IR/CheckDialect.cpp.inc"
#include "jaxc/Dialect/Check/IR/UtilDialect.cpp.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/Check/IR/CheckOps.cpp.inc"

void CheckDialect::initialize() {
  addOperations<ExpectEqOp, ExpectAlmostEqOp, ExpectCloseOp, ExpectEqConstOp,
                ExpectAlmostEqConstOp>();
}

void jaxc::util::UtilDialect::initialize() {
  addOperations<UnfoldableConstantOp>();
}
