//===- FlushSubnormalArguments.cpp - libm reads subnormals as zero -------===//
//
// Under --denormals=flush the hardware reads subnormal operands as zero
// (DAZ) and writes subnormal results as zero (FTZ), as XLA's CPU backend
// runs. That covers every op computed in jaxc's own code, but not the glibc
// functions that look at an argument's bits before any arithmetic: log,
// log2 and log10 read a subnormal's exponent from them (f64
// log(5e-324) = -744.4 where XLA gives -inf), and log1p and atan return a
// tiny x as it is (f32 atan(0x00400000) = 5.9e-39 where XLA gives 0, and
// chlo.atan's atan2(x, 1) likewise).
// Their operands are flushed explicitly: |x| below the smallest normal
// number becomes a zero of x's sign. (The other functions agree with XLA
// already: at a subnormal input their result is flushed (sin, tan, ...),
// or the same as at zero (exp, cos, ...); and XLA's pow and atan2 there
// are not those of a zero input but match glibc's under DAZ.) Found by
// test/jax/special_values.py, which sweeps subnormals through every op.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"

namespace jaxc {
#define GEN_PASS_DEF_FLUSHSUBNORMALARGUMENTSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

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
    return createScalarOrSplatConstant(builder, loc, intType, value);
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

// atan2(y, 1): chlo.atan as the CHLO lowering writes it (StableHLO has no
// atan), which XLA computes with its own arithmetic, flushed: its atan of
// 64 copies of 5.9e-39 is 0 (of a few, computed one by one, 5.9e-39).
bool isAtanOfOneArgument(Operation *op) {
  auto atan2 = dyn_cast<math::Atan2Op>(op);
  return atan2 && matchPattern(atan2.getRhs(), m_OneFloat());
}

struct FlushSubnormalArgumentsPass
    : jaxc::impl::FlushSubnormalArgumentsPassBase<FlushSubnormalArgumentsPass> {
  void runOnOperation() override {
    getOperation()->walk([](Operation *op) {
      if (!isa<math::LogOp, math::Log2Op, math::Log10Op, math::Log1pOp,
               math::AtanOp>(op) &&
          !isAtanOfOneArgument(op))
        return;
      OpBuilder builder(op);
      OpOperand &operand = op->getOpOperand(0);
      if (isFloatOrFloatVector(operand.get().getType()))
        operand.set(flushSubnormal(builder, op->getLoc(), operand.get()));
    });
  }
};

} // namespace
