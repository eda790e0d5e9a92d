//===- VectorizableMath.cpp - f32 transcendentals LLVM can vectorize ------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/StringSet.h"

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

// e^r by its Taylor series to r^degree, for |r| <= ln2/2.
Value createExpTaylorF32(OpBuilder &builder, Location loc, Value r,
                         int degree) {
  Type type = r.getType();
  double factorial = 1;
  for (int n = 2; n <= degree; ++n)
    factorial *= n;
  Value poly = createF32Splat(builder, loc, type, 1 / factorial);
  for (int n = degree - 1; n >= 0; --n) {
    factorial /= n + 1;
    poly = builder.create<math::FmaOp>(
        loc, poly, r, createF32Splat(builder, loc, type, 1 / factorial));
  }
  return poly;
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

// e^t for t in [1.25, 18], all that tanh's large branch needs, cheaper than
// the general exp: k by adding and subtracting 1.5 * 2^23 (which leaves k
// in the sum's low bits: no rounding or conversion instructions), one f32
// ln2 step (k <= 26 moves r by at most 5e-8, which moves tanh by far
// less), e^r to r^6 (truncation about 0.05 ULP), and the scale 2^k added
// to e^r's exponent bits (e^r is normal, the sum too). No clamps, no NaN
// handling: the caller brings t into range and handles NaN.
Value createTanhRangeExpF32(OpBuilder &builder, Location loc, Value t) {
  Type type = t.getType();
  Type intType = i32TypeLike(builder, type);
  auto floatConst = [&](double value) {
    return createF32Splat(builder, loc, type, value);
  };
  Value magic = floatConst(12582912.0); // 1.5 * 2^23
  Value shifted = builder.create<math::FmaOp>(
      loc, t, floatConst(1.4426950408889634), magic);
  Value k = builder.create<arith::SubFOp>(loc, shifted, magic);
  Value r =
      builder.create<math::FmaOp>(loc, k, floatConst(-0.6931471805599453), t);
  Value expR = createExpTaylorF32(builder, loc, r, 6);
  // The sum's bits are those of 1.5 * 2^23 plus k, whose low 9 bits are k.
  Value exponentBits = builder.create<arith::ShLIOp>(
      loc, builder.create<arith::BitcastOp>(loc, intType, shifted),
      createSplat(builder, loc, intType, builder.getI32IntegerAttr(23)));
  Value bits = builder.create<arith::AddIOp>(
      loc, builder.create<arith::BitcastOp>(loc, intType, expR), exponentBits);
  return builder.create<arith::BitcastOp>(loc, type, bits);
}

// tanh on f32 to within 2 ULP (MLIR's approximation is off by 4 ULP near
// +-1). On a = |x|:
//   a < 0.625: a + a u q(u), u = a^2, q the degree-4 minimax fit of
//              (tanh(a)/a - 1)/u (relative error 9e-9, 0.15 ULP);
//   otherwise: 1 - 2 / (e^2a + 1), exact enough as the result is > 0.55
//              and e^2a's error moves it by under 0.4 of its ULP; 2a is
//              capped at 18, where the result rounds to 1;
// then the sign of x, so tanh(-0) = -0. A NaN takes the small branch,
// which carries it through (a separate NaN select costs 7% of GELU).
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
    Value x = op.getOperand();
    Value a = rewriter.create<math::AbsFOp>(loc, x);
    Value u = rewriter.create<arith::MulFOp>(loc, a, a);
    Value q = floatConst(-0.005577908027961972);
    for (double coefficient : {0.020510198419273554, -0.05369365940403207,
                               0.1333076984355772, -0.33333249312468116})
      q = rewriter.create<math::FmaOp>(loc, q, u, floatConst(coefficient));
    Value au = rewriter.create<arith::MulFOp>(loc, a, u);
    Value small = rewriter.create<math::FmaOp>(loc, au, q, a);
    Value t =
        createMinF32(rewriter, loc, rewriter.create<arith::AddFOp>(loc, a, a),
                     floatConst(18.0));
    Value expPlusOne = rewriter.create<arith::AddFOp>(
        loc, createTanhRangeExpF32(rewriter, loc, t), floatConst(1.0));
    Value large = rewriter.create<arith::SubFOp>(
        loc, floatConst(1.0),
        rewriter.create<arith::DivFOp>(loc, floatConst(2.0), expPlusOne));
    Value isSmallOrNaN = rewriter.create<arith::CmpFOp>(
        loc, arith::CmpFPredicate::ULT, a, floatConst(0.625));
    Value magnitude =
        rewriter.create<arith::SelectOp>(loc, isSmallOrNaN, small, large);
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
