//===- RuntimeOps.cpp - Calls into the runtime's services -----------------===//

#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"

#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace jaxc::rt;

#include "jaxc/Dialect/Runtime/IR/RuntimeDialect.cpp.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.cpp.inc"

void RuntimeDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.cpp.inc"
      >();
}

namespace {

// Two sizes agree unless both are static and differ.
bool compatible(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

// The kernels address operands through element strides, so every layout
// must be expressible as strides and an offset.
LogicalResult verifyStrided(Operation *op, MemRefType type, StringRef name) {
  if (!type.isStrided())
    return op->emitOpError() << name << " must have a strided layout";
  return success();
}

// The conv kernel takes plain pointers: operands must be one contiguous
// row-major block.
LogicalResult verifyDense(Operation *op, MemRefType type, StringRef name) {
  if (!memref::isStaticShapeAndContiguousRowMajor(type))
    return op->emitOpError() << name << " must be dense row-major";
  return success();
}

} // namespace

LogicalResult MatmulF32Op::verify() {
  MemRefType lhs = getLhs().getType(), rhs = getRhs().getType(),
             out = getOut().getType();
  if (failed(verifyStrided(*this, lhs, "lhs")) ||
      failed(verifyStrided(*this, rhs, "rhs")) ||
      failed(verifyStrided(*this, out, "out")))
    return failure();
  if (!compatible(lhs.getDimSize(0), rhs.getDimSize(0)) ||
      !compatible(lhs.getDimSize(0), out.getDimSize(0)))
    return emitOpError("batch sizes of lhs, rhs and out differ");
  if (!compatible(lhs.getDimSize(2), rhs.getDimSize(1)))
    return emitOpError("lhs [batch, m, k] and rhs [batch, k, n] disagree on k");
  if (!compatible(lhs.getDimSize(1), out.getDimSize(1)) ||
      !compatible(rhs.getDimSize(2), out.getDimSize(2)))
    return emitOpError("out must be [batch, m, n]");
  return success();
}

LogicalResult Conv2dF32Op::verify() {
  MemRefType input = getInput().getType(), filter = getFilter().getType(),
             output = getOutput().getType();
  if (failed(verifyDense(*this, input, "input")) ||
      failed(verifyDense(*this, filter, "filter")) ||
      failed(verifyDense(*this, output, "output")))
    return failure();
  if (getStrides().size() != 2 || getPadding().size() != 2 ||
      getDilation().size() != 2)
    return emitOpError("strides, padding and dilation need two values "
                       "(height, width)");
  if (llvm::any_of(getStrides(), [](int64_t s) { return s < 1; }) ||
      llvm::any_of(getDilation(), [](int64_t d) { return d < 1; }))
    return emitOpError("strides and dilation must be positive");
  int64_t groups = getGroups();
  if (groups < 1)
    return emitOpError("groups must be positive");
  ArrayRef<int64_t> in = input.getShape(), f = filter.getShape(),
                    out = output.getShape();
  if (in[0] != out[0])
    return emitOpError("input and output batch sizes differ");
  if (in[3] != f[2] * groups)
    return emitOpError("input channels must be filter input channels times "
                       "groups");
  if (f[3] % groups != 0 || out[3] != f[3])
    return emitOpError("output channels must equal the filter's and be a "
                       "multiple of groups");
  return success();
}

LogicalResult ParallelForOp::verify() {
  if (getCount() < 0)
    return emitOpError("count must not be negative");
  if (getGrain() < 1)
    return emitOpError("grain must be positive");
  return success();
}

LogicalResult
ParallelForOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto body = symbolTable.lookupNearestSymbolFrom<FunctionOpInterface>(
      *this, getBodyAttr());
  if (!body)
    return emitOpError("body '") << getBody() << "' is not a function";
  // (begin, end, captures...); the types change as the function is lowered
  // to LLVM, the count does not.
  if (body.getNumArguments() != getCaptures().size() + 2)
    return emitOpError("body '")
           << getBody() << "' must take begin, end and the "
           << getCaptures().size() << " captures";
  return success();
}
