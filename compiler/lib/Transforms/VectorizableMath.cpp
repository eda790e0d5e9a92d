//===- VectorizableMath.cpp - f32 transcendentals LLVM can vectorize ------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <cmath>

namespace jaxc {
#define GEN_PASS_DEF_VECTORIZABLEMATHPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

// A constant of `type` (a scalar or a shaped type) with every element value.
Value createSplat(OpBuilder &builder, Location loc, Type type,
                  TypedAttr value) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    value = DenseElementsAttr::get(shaped, value);
  return builder.create<arith::ConstantOp>(loc, type, value);
}

Value createF32Splat(OpBuilder &builder, Location loc, Type type,
                     double value) {
  return createSplat(builder, loc, type, builder.getF32FloatAttr(value));
}

// min(x, bound) and max(x, bound) for a non-NaN bound as a compare and a
// select, which x86 does in one vminps/vmaxps where arith.minimumf and
// maximumf need NaN and signed-zero fix-ups. A NaN x gives the bound: the
// callers carry NaN through by other means.
Value createMinF32(OpBuilder &builder, Location loc, Value x, Value bound) {
  Value below =
      builder.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OLT, x, bound);
  return builder.create<arith::SelectOp>(loc, below, x, bound);
}

Value createMaxF32(OpBuilder &builder, Location loc, Value x, Value bound) {
  Value above =
      builder.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OGT, x, bound);
  return builder.create<arith::SelectOp>(loc, above, x, bound);
}

// Replaces `op` by `result`, except that a NaN `x` gives x itself: the
// expansions' clamps and integer conversions do not carry NaN through.
void replaceKeepingNaN(PatternRewriter &rewriter, Operation *op, Value x,
                       Value result) {
  Value isNan = rewriter.create<arith::CmpFOp>(op->getLoc(),
                                               arith::CmpFPredicate::UNO, x, x);
  rewriter.replaceOpWithNewOp<arith::SelectOp>(op, isNan, x, result);
}

// The i32 counterpart of a float scalar or shaped type.
Type i32TypeLike(OpBuilder &builder, Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return shaped.clone(builder.getI32Type());
  return builder.getI32Type();
}

// 2^e, for i32 e in the normal exponent range [-126, 127].
Value createPowerOfTwoF32(OpBuilder &builder, Location loc, Type type,
                          Value exponent) {
  Type intType = exponent.getType();
  auto intConst = [&](int32_t value) {
    return createSplat(builder, loc, intType, builder.getI32IntegerAttr(value));
  };
  Value biased = builder.create<arith::AddIOp>(loc, exponent, intConst(127));
  Value bits = builder.create<arith::ShLIOp>(loc, biased, intConst(23));
  return builder.create<arith::BitcastOp>(loc, type, bits);
}

// coefficients[0] + x (coefficients[1] + x (...)) by Horner's rule, one fma
// a step.
Value createPolynomialF32(OpBuilder &builder, Location loc, Value x,
                          ArrayRef<double> coefficients) {
  Type type = x.getType();
  Value result = createF32Splat(builder, loc, type, coefficients.back());
  for (double coefficient : llvm::reverse(coefficients.drop_back()))
    result = builder.create<math::FmaOp>(
        loc, result, x, createF32Splat(builder, loc, type, coefficient));
  return result;
}

// e^r by its Taylor series to r^degree, for |r| <= ln2/2.
Value createExpTaylorF32(OpBuilder &builder, Location loc, Value r,
                         int degree) {
  SmallVector<double> coefficients;
  double factorial = 1;
  for (int n = 0; n <= degree; ++n) {
    factorial *= std::max(n, 1);
    coefficients.push_back(1 / factorial);
  }
  return createPolynomialF32(builder, loc, r, coefficients);
}

// exp on f32 to within 1 ULP, overflow to inf and gradual underflow
// included; MLIR's approximation clamps its scale to 2^127 and so loses
// accuracy above x = 88 and returns finite values where exp overflows.
// e^r to r^7 (truncation < 0.1 ULP); exp(x) = e^r * 2^(k/2) * 2^(k - k/2):
// two normal scales cover k in [-150, 128], and only the last product
// rounds.
struct ExpF32Expansion : OpRewritePattern<math::ExpOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(math::ExpOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!getElementTypeOrSelf(type).isF32())
      return rewriter.notifyMatchFailure(op, "not f32");
    Location loc = op.getLoc();
    auto floatConst = [&](double value) {
      return createF32Splat(rewriter, loc, type, value);
    };
    Value x = op.getOperand();
    // Beyond these, exp is 0 or inf in f32; clamping keeps k in range.
    Value clamped = createMinF32(
        rewriter, loc, createMaxF32(rewriter, loc, x, floatConst(-104.0)),
        floatConst(89.0));
    // x = k ln2 + r, |r| <= ln2/2, ln2 split in two so k*ln2Hi is exact.
    Value k = rewriter.create<math::RoundEvenOp>(
        loc, rewriter.create<arith::MulFOp>(loc, clamped,
                                            floatConst(1.4426950408889634)));
    Value r =
        rewriter.create<math::FmaOp>(loc, k, floatConst(-0.693359375), clamped);
    r = rewriter.create<math::FmaOp>(loc, k, floatConst(2.12194440e-4), r);
    Value expR = createExpTaylorF32(rewriter, loc, r, 7);
    Type intType = i32TypeLike(rewriter, type);
    Value kInt = rewriter.create<arith::FPToSIOp>(loc, intType, k);
    Value kHalf = rewriter.create<arith::ShRSIOp>(
        loc, kInt,
        createSplat(rewriter, loc, intType, rewriter.getI32IntegerAttr(1)));
    Value kRest = rewriter.create<arith::SubIOp>(loc, kInt, kHalf);
    Value result = rewriter.create<arith::MulFOp>(
        loc,
        rewriter.create<arith::MulFOp>(
            loc, expR, createPowerOfTwoF32(rewriter, loc, type, kHalf)),
        createPowerOfTwoF32(rewriter, loc, type, kRest));
    // NaN in, NaN out (the clamps turned it into a bound).
    replaceKeepingNaN(rewriter, op, x, result);
    return success();
  }
};

// e^(2a) for a in [0, 9.25], all tanh's large branch needs, cheaper than
// the general exp: k by adding and subtracting 1.5 * 2^23 (which leaves k in
// the sum's low bits: no rounding or conversion instructions), one f32 ln2
// step (k <= 27 moves r by at most 5e-8, which moves tanh by far less), e^2r
// by a degree-5 minimax polynomial (relative error 7.6e-8; tanh damps it at
// least fourfold), and the scale 2^k added to the exponent bits (e^2r is
// normal, the sum too). Working on a rather than 2a saves an add: r is half
// the usual remainder and the coefficients absorb the factors of two, which
// is exact. No clamps, no NaN handling: the caller does both.
Value createTanhExpOfTwiceF32(OpBuilder &builder, Location loc, Value a) {
  Type type = a.getType();
  Type intType = i32TypeLike(builder, type);
  auto floatConst = [&](double value) {
    return createF32Splat(builder, loc, type, value);
  };
  Value magic = floatConst(12582912.0); // 1.5 * 2^23
  Value shifted = builder.create<math::FmaOp>(
      loc, a, floatConst(2 * 1.4426950408889634), magic);
  Value k = builder.create<arith::SubFOp>(loc, shifted, magic);
  Value r = builder.create<math::FmaOp>(loc, k,
                                        floatConst(-0.6931471805599453 / 2), a);
  SmallVector<double> coefficients = {
      1.0000000720062487, 0.9999996902792698,  0.4999889117638383,
      0.1666757849226277, 0.04191579981640939, 0.008297539090302642};
  for (size_t power = 1; power < coefficients.size(); ++power)
    coefficients[power] = std::ldexp(coefficients[power], power);
  Value expR = createPolynomialF32(builder, loc, r, coefficients);
  // The sum's bits are those of 1.5 * 2^23 plus k, whose low 9 bits are k.
  Value exponentBits = builder.create<arith::ShLIOp>(
      loc, builder.create<arith::BitcastOp>(loc, intType, shifted),
      createSplat(builder, loc, intType, builder.getI32IntegerAttr(23)));
  Value bits = builder.create<arith::AddIOp>(
      loc, builder.create<arith::BitcastOp>(loc, intType, expR), exponentBits);
  return builder.create<arith::BitcastOp>(loc, type, bits);
}

// tanh on f32 to within 1.33 ULP, checked on every f32 (MLIR's
// approximation is off by 4 ULP near +-1). On a = |x|:
//   a < 1:     a + a u N(u)/D(u), u = a^2, N/D the (1, 2) minimax rational
//              fit of (tanh(a)/a - 1)/u (relative error 2e-9); the error of
//              the quotient is damped by at least 3 in the sum;
//   otherwise: 1 - 2/(e^2a + 1), with a capped at 9.25, where the result
//              rounds to 1;
// then the sign of x, so tanh(-0) = -0. Both branches end in a quotient
// and an fma, so selects pick their operands and one division serves both
// (on Zen 4 a vector division costs about as much as four fmas). A NaN
// takes the small branch, which carries it through.
struct TanhF32Expansion : OpRewritePattern<math::TanhOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(math::TanhOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!getElementTypeOrSelf(type).isF32())
      return rewriter.notifyMatchFailure(op, "not f32");
    Location loc = op.getLoc();
    auto floatConst = [&](double value) {
      return createF32Splat(rewriter, loc, type, value);
    };
    auto select = [&](Value condition, Value ifTrue, Value ifFalse) {
      return rewriter.create<arith::SelectOp>(loc, condition, ifTrue, ifFalse);
    };
    Value x = op.getOperand();
    Value a = rewriter.create<math::AbsFOp>(loc, x);
    Value u = rewriter.create<arith::MulFOp>(loc, a, a);
    Value au = rewriter.create<arith::MulFOp>(loc, a, u);
    Value smallNumerator = createPolynomialF32(
        rewriter, loc, u, {-0.33333333282654515, -0.014711071375539899});
    Value smallDenominator = createPolynomialF32(
        rewriter, loc, u, {1.0, 0.44413315104256285, 0.015748867540798493});
    Value expPlusOne = rewriter.create<arith::AddFOp>(
        loc,
        createTanhExpOfTwiceF32(
            rewriter, loc, createMinF32(rewriter, loc, a, floatConst(9.25))),
        floatConst(1.0));
    Value isSmallOrNaN = rewriter.create<arith::CmpFOp>(
        loc, arith::CmpFPredicate::ULT, a, floatConst(1.0));
    Value quotient = rewriter.create<arith::DivFOp>(
        loc, select(isSmallOrNaN, smallNumerator, floatConst(2.0)),
        select(isSmallOrNaN, smallDenominator, expPlusOne));
    Value magnitude = rewriter.create<math::FmaOp>(
        loc, select(isSmallOrNaN, au, floatConst(-1.0)), quotient,
        select(isSmallOrNaN, a, floatConst(1.0)));
    rewriter.replaceOpWithNewOp<math::CopySignOp>(op, magnitude, x);
    return success();
  }
};

struct VectorizableMathPass
    : jaxc::impl::VectorizableMathPassBase<VectorizableMathPass> {
  using Base::Base;

  void runOnOperation() override {
    llvm::StringSet<> enabled;
    for (const std::string &name : ops)
      enabled.insert(name);
    RewritePatternSet patterns(&getContext());
    // Ours where MLIR's approximation misses 3 ULP; they win by benefit.
    if (enabled.contains(math::ExpOp::getOperationName()))
      patterns.add<ExpF32Expansion>(&getContext(), /*benefit=*/2);
    if (enabled.contains(math::TanhOp::getOperationName()))
      patterns.add<TanhF32Expansion>(&getContext(), /*benefit=*/2);
    populateMathPolynomialApproximationPatterns(
        patterns, [&](StringRef name) { return enabled.contains(name); });
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
