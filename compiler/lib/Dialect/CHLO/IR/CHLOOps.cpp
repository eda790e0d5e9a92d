//===- CHLOOps.cpp - The CHLO dialect -------------------------------------===//

#include "jaxc/Dialect/CHLO/IR/CHLOOps.h"

#include "jaxc/Dialect/InlineEverything.h"
#include "jaxc/Support/Unsupported.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace jaxc::chlo;

#include "jaxc/Dialect/CHLO/IR/CHLODialect.cpp.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/CHLO/IR/CHLOOps.cpp.inc"

void CHLODialect::initialize() {
  addInterfaces<jaxc::InlineEverything>();
  addOperations<
#define GET_OP_LIST
#include "jaxc/Dialect/CHLO/IR/CHLOOps.cpp.inc"
      >();
}

// top_k (XLA's TopK): the k largest along the last dimension, their
// values in the operand's element type and their indices in i32.
LogicalResult TopKOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  // The getter reads the attribute's bits unsigned.
  auto k = static_cast<int64_t>(getK());
  if (operand.getRank() < 1)
    return emitOpError("operand must have rank 1 or more");
  int64_t last = operand.getDimSize(operand.getRank() - 1);
  if (k < 0 || (!ShapedType::isDynamic(last) && k > last))
    return emitOpError() << "k = " << k << " must lie in [0, " << last << "]";
  SmallVector<int64_t> shape(operand.getShape());
  shape.back() = k;
  auto values = RankedTensorType::get(shape, operand.getElementType());
  auto indices =
      RankedTensorType::get(shape, IntegerType::get(getContext(), 32));
  if (getValues().getType() != values || getIndices().getType() != indices)
    return emitOpError() << "results must be " << values << " and " << indices;
  return success();
}

std::optional<Dialect::ParseOpHook>
CHLODialect::getParseOperationHook(StringRef opName) const {
  return ParseOpHook(jaxc::refuseUnknownOp);
}
