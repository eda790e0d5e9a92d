//===- FlushLogArguments.cpp - Logarithms read subnormals as zero ---------===//
//
// Under --denormals=flush the hardware reads subnormal operands as zero
// (DAZ) and writes subnormal results as zero (FTZ), as XLA's CPU backend
// runs. That covers every op but the f64 logarithms: LLVM calls glibc's
// log, log2 and log10, which read a subnormal's exponent from its bits, so
// log(5e-324) came out -744.4 (or, after a DAZ-zeroed scaling, -745.1)
// where XLA's own log gives -inf. Their operands are flushed explicitly:
// |x| below the smallest normal number becomes a zero of x's sign. (The
// other libm functions agree with XLA already: at a subnormal input their
// result is itself flushed (sin, tan, expm1, log1p, ...), or the same as
// at zero (exp, cos, ...), and XLA's pow and atan2 there are not those of
// a zero input but match glibc's under DAZ.)
//
//===----------------------------------------------------------------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Builders.h"

namespace jaxc {
#define GEN_PASS_DEF_FLUSHLOGARGUMENTSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

// A constant of `type`, splatted when `type` is a vector.
Value createSplat(OpBuilder &builder, Location loc, Type type,
                  TypedAttr value) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return arith::ConstantOp::create(builder, loc, type,
                                     DenseElementsAttr::get(shaped, value));
  return arith::ConstantOp::create(builder, loc, type, value);
}

// x, or a zero with x's sign where x is subnormal (its exponent bits are 0).
// Decided on the bits, as integers: LLVM, told the code runs with
// denormal-fp-math=preserve-sign, rightly takes a float compare of x with
// the smallest normal for x == 0 and then drops the select as a no-op.
Value flushSubnormal(OpBuilder &builder, Location loc, Value x) {
  Type type = x.getType();
  auto floatType = cast<FloatType>(getElementTypeOrSelf(type));
  unsigned width = floatType.getWidth();
  Type intElement = builder.getIntegerType(width);
  Type intType = intElement;
  if (auto shaped = dyn_cast<ShapedType>(type))
    intType = shaped.clone(intElement);
  auto intConstant = [&](const APInt &value) {
    return createSplat(builder, loc, intType,
                       builder.getIntegerAttr(intElement, value));
  };

  APInt signMask = APInt::getSignMask(width);
  // The exponent field: the bits above the significand, below the sign.
  unsigned significandBits =
      llvm::APFloat::semanticsPrecision(floatType.getFloatSemantics()) - 1;
  APInt exponentMask = APInt::getBitsSet(width, significandBits, width - 1);
  Value bits = arith::BitcastOp::create(builder, loc, intType, x);
  Value exponent =
      arith::AndIOp::create(builder, loc, bits, intConstant(exponentMask));
  Value isZeroOrSubnormal =
      arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq, exponent,
                            intConstant(APInt::getZero(width)));
  Value signBit =
      arith::AndIOp::create(builder, loc, bits, intConstant(signMask));
  Value flushedBits =
      arith::SelectOp::create(builder, loc, isZeroOrSubnormal, signBit, bits);
  return arith::BitcastOp::create(builder, loc, type, flushedBits);
}

bool isFloatOrFloatVector(Type type) {
  return isa<FloatType>(getElementTypeOrSelf(type)) &&
         (isa<FloatType>(type) || isa<VectorType>(type));
}

struct FlushLogArgumentsPass
    : jaxc::impl::FlushLogArgumentsPassBase<FlushLogArgumentsPass> {
  void runOnOperation() override {
    getOperation()->walk([](Operation *op) {
      if (!isa<math::LogOp, math::Log2Op, math::Log10Op>(op))
        return;
      OpBuilder builder(op);
      for (OpOperand &operand : op->getOpOperands())
        if (isFloatOrFloatVector(operand.get().getType()))
          operand.set(flushSubnormal(builder, op->getLoc(), operand.get()));
    });
  }
};

} // namespace
