//===- VectorizableMath.cpp - f32 transcendentals LLVM can vectorize ------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
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
  return arith::ConstantOp::create(builder, loc, type, value);
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
      arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OLT, x, bound);
  return arith::SelectOp::create(builder, loc, below, x, bound);
}

Value createMaxF32(OpBuilder &builder, Location loc, Value x, Value bound) {
  Value above =
      arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OGT, x, bound);
  return arith::SelectOp::create(builder, loc, above, x, bound);
}

// Replaces `op` by `result`, except that a NaN `x` gives x itself: the
// expansions' clamps and integer conversions do not carry NaN through.
void replaceKeepingNaN(PatternRewriter &rewriter, Operation *op, Value x,
                       Value result) {
  Value isNan = arith::CmpFOp::create(rewriter, op->getLoc(),
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
  Value biased = arith::AddIOp::create(builder, loc, exponent, intConst(127));
  Value bits = arith::ShLIOp::create(builder, loc, biased, intConst(23));
  return arith::BitcastOp::create(builder, loc, type, bits);
}

// coefficients[0] + x (coefficients[1] + x (...)) by Horner's rule, one fma
// a step.
Value createPolynomialF32(OpBuilder &builder, Location loc, Value x,
                          ArrayRef<double> coefficients) {
  Type type = x.getType();
  Value result = createF32Splat(builder, loc, type, coefficients.back());
  for (double coefficient : llvm::reverse(coefficients.drop_back()))
    result =
        math::FmaOp::create(builder, loc, result, x,
                            createF32Splat(builder, loc, type, coefficient));
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
    Value k = math::RoundEvenOp::create(
        rewriter, loc,
        arith::MulFOp::create(rewriter, loc, clamped,
                              floatConst(1.4426950408889634)));
    Value r = math::FmaOp::create(rewriter, loc, k, floatConst(-0.693359375),
                                  clamped);
    r = math::FmaOp::create(rewriter, loc, k, floatConst(2.12194440e-4), r);
    Value expR = createExpTaylorF32(rewriter, loc, r, 7);
    Type intType = i32TypeLike(rewriter, type);
    Value kInt = arith::FPToSIOp::create(rewriter, loc, intType, k);
    Value kHalf = arith::ShRSIOp::create(
        rewriter, loc, kInt,
        createSplat(rewriter, loc, intType, rewriter.getI32IntegerAttr(1)));
    Value kRest = arith::SubIOp::create(rewriter, loc, kInt, kHalf);
    Value result = arith::MulFOp::create(
        rewriter, loc,
        arith::MulFOp::create(rewriter, loc, expR,
                              createPowerOfTwoF32(rewriter, loc, type, kHalf)),
        createPowerOfTwoF32(rewriter, loc, type, kRest));
    // NaN in, NaN out (the clamps turned it into a bound).
    replaceKeepingNaN(rewriter, op, x, result);
    return success();
  }
};

// tanh on f32 to within 2.42 ULP, checked on every f32 (MLIR's
// approximation is off by 4 ULP near +-1, XLA's by 4.8). On a = |x|,
// capped at 9.25 where the result rounds to 1:
//   tanh(a) = m / (m + 2), m = e^2a - 1 = 2^k p + (2^k - 1),
// with k = round(2a / ln2) by adding and subtracting 1.5 * 2^23 (which
// leaves k in the sum's low bits: no rounding or conversion instructions),
// r = a - k ln2/2 in one f32 step (k <= 27 moves r by at most 5e-8, which
// moves tanh by far less), p = e^2r - 1 = 2r + r^2 P(r) with P a degree-5
// minimax fit (relative error of p 3e-10), and 2^k built in the exponent
// bits. For k = 0, m = p exactly: small results keep their relative
// accuracy without a second branch. Then the sign of x, so tanh(-0) = -0;
// below 2^-13, x itself.
// A vector costs one division and 10 multiplies or fmas; two branches (a
// rational below 1, 1 - 2/(e^2a + 1) above) cost 13, a compare and four
// selects for 1.33 ULP, and made GELU 15-20% slower. The cap carries NaN
// through (the min's NaN operand wins), and so does the rest: a NaN x
// gives x's sign and payload, quieted, as XLA's tanh.
struct TanhF32Expansion : OpRewritePattern<math::TanhOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(math::TanhOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!getElementTypeOrSelf(type).isF32())
      return rewriter.notifyMatchFailure(op, "not f32");
    Location loc = op.getLoc();
    Type intType = i32TypeLike(rewriter, type);
    auto floatConst = [&](double value) {
      return createF32Splat(rewriter, loc, type, value);
    };
    auto intConst = [&](int32_t value) {
      return createSplat(rewriter, loc, intType,
                         rewriter.getI32IntegerAttr(value));
    };
    Value x = op.getOperand();
    Value cap = floatConst(9.25);
    Value a = math::AbsFOp::create(rewriter, loc, x);
    a = arith::SelectOp::create(
        rewriter, loc,
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OLT, cap, a),
        cap, a);
    Value magic = floatConst(12582912.0); // 1.5 * 2^23
    Value shifted = math::FmaOp::create(
        rewriter, loc, a, floatConst(2 * 1.4426950408889634), magic);
    Value k = arith::SubFOp::create(rewriter, loc, shifted, magic);
    Value r = math::FmaOp::create(rewriter, loc, k,
                                  floatConst(-0.6931471805599453 / 2), a);
    // P(r) = 4 Q(2r), Q the fit of (e^s - 1 - s) / s^2.
    SmallVector<double> coefficients = {
        0.50000000468027,     0.1666666635240911,    0.04166634878546157,
        0.008333391660254362, 0.0013941646523039366, 0.00019845931258459385};
    for (size_t power = 0; power < coefficients.size(); ++power)
      coefficients[power] = std::ldexp(coefficients[power], power + 2);
    Value p = math::FmaOp::create(
        rewriter, loc, arith::MulFOp::create(rewriter, loc, r, r),
        createPolynomialF32(rewriter, loc, r, coefficients),
        arith::AddFOp::create(rewriter, loc, r, r));
    // The sum's bits are those of 1.5 * 2^23 plus k, whose low 9 bits are
    // k: shifted into the exponent field and added to the bits of 1.0 they
    // make 2^k. m = p 2^k + (2^k - 1) in one fma, which carries a NaN p
    // through with its payload (adding the exponent bits to p's bits, as
    // before, could turn a NaN into a finite number: tanh(0x7FFFFFFF) was
    // 1). For a NaN x the scale is garbage but never NaN (its low 23 bits
    // are 0).
    Value exponentBits = arith::ShLIOp::create(
        rewriter, loc,
        arith::BitcastOp::create(rewriter, loc, intType, shifted),
        intConst(23));
    Value scale = arith::BitcastOp::create(
        rewriter, loc, type,
        arith::AddIOp::create(rewriter, loc, intConst(0x3F800000),
                              exponentBits));
    Value m = math::FmaOp::create(
        rewriter, loc, p, scale,
        arith::SubFOp::create(rewriter, loc, scale, floatConst(1.0)));
    Value magnitude = arith::DivFOp::create(
        rewriter, loc, m,
        arith::AddFOp::create(rewriter, loc, m, floatConst(2.0)));
    Value result = math::CopySignOp::create(rewriter, loc, magnitude, x);
    // Below 2^-13, tanh(x) = x (1 - x^2/3) rounds to x; x's own bits, as
    // XLA returns them, also for subnormals, which the expansion's
    // arithmetic would flush under --denormals=flush.
    Value tiny = arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OLT,
                                       a, floatConst(0x1p-13));
    rewriter.replaceOpWithNewOp<arith::SelectOp>(op, tiny, x, result);
    return success();
  }
};

// MLIR's f32 log and log2 approximations take the exponent from the bits,
// which a subnormal x has not: log(0x00000001) was -87.34, not -103.28. Below
// 2^-126, x 2^23 is normal (and exact), and log(x) = log(x 2^23) - 23 ln2
// (log2: - 23), which the approximation's 1 ULP at 87..103 carries over (23 ln2
// rounds by 0.06 ULP of the result). XLA on CPU flushes subnormal inputs to
// zero (log gives -inf); jaxc keeps IEEE gradual underflow in every op.
void scaleSubnormalLogInputs(Operation *root, bool log, bool log2) {
  SmallVector<Operation *> logs;
  root->walk([&](Operation *op) {
    if (((log && isa<math::LogOp>(op)) || (log2 && isa<math::Log2Op>(op))) &&
        getElementTypeOrSelf(op->getResult(0).getType()).isF32())
      logs.push_back(op);
  });
  for (Operation *op : logs) {
    OpBuilder builder(op);
    Location loc = op->getLoc();
    Value x = op->getOperand(0);
    Type type = x.getType();
    Value subnormal =
        arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OLT, x,
                              createF32Splat(builder, loc, type, 0x1p-126));
    Value scaled = arith::SelectOp::create(
        builder, loc, subnormal,
        arith::MulFOp::create(builder, loc, x,
                              createF32Splat(builder, loc, type, 0x1p23)),
        x);
    op->setOperand(0, scaled);
    builder.setInsertionPointAfter(op);
    Value result = op->getResult(0);
    double shift = isa<math::LogOp>(op) ? 23 * 0.6931471805599453 : 23.0;
    Operation *difference = arith::SubFOp::create(
        builder, loc, result, createF32Splat(builder, loc, type, shift));
    Operation *corrected = arith::SelectOp::create(
        builder, loc, subnormal, difference->getResult(0), result);
    result.replaceAllUsesExcept(
        corrected->getResult(0),
        SmallPtrSet<Operation *, 2>{difference, corrected});
  }
}

struct VectorizableMathPass
    : jaxc::impl::VectorizableMathPassBase<VectorizableMathPass> {
  using Base::Base;

  void runOnOperation() override {
    llvm::StringSet<> enabled;
    for (const std::string &name : ops)
      enabled.insert(name);
    scaleSubnormalLogInputs(getOperation(),
                            enabled.contains(math::LogOp::getOperationName()),
                            enabled.contains(math::Log2Op::getOperationName()));
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
