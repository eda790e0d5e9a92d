//===- ExpandArith.cpp - arith ops LLVM has no instruction for ------------===//
//
// MLIR's arith-expand-ops minus its maximumf/minimumf expansion. That
// expansion is a compare and select with no signed-zero case (max(+0, -0)
// came out -0) and, being a select, passes a subnormal through where the
// hardware under DAZ reads it as zero. Left alone, maximumf/minimumf become
// llvm.maximum/minimum, which the x86 backend lowers to vmaxps/vminps with
// the NaN and signed-zero fix-ups: IEEE 754-2019 maximum/minimum, and the
// instructions XLA's CPU backend runs, so flushed subnormals agree too.
//
// Where XLA instead selects an operand's bits for bf16 (AVX512-BF16 CPUs),
// select-bf16-min-max rewrites the f32 computation to do the same.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace jaxc {
#define GEN_PASS_DEF_EXPANDARITHPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

/// truncf(maximumf(extf a, extf b)) to bf16, and minimumf alike, as XLA's
/// CPU backend computes it on AVX512-BF16 CPUs (matched bit for bit over
/// the special values on Sapphire Rapids): a NaN gives the canonical quiet
/// NaN; otherwise the operand that compares greater (less, for minimum) in
/// f32, where under DAZ subnormals compare as zeros, keeping its own bits;
/// of two equal operands the lhs if it is the preferred zero (+0 for
/// maximum, -0 for minimum), else the rhs.
template <typename MinMaxOp, bool isMaximum>
struct SelectBF16MinMax final : OpRewritePattern<arith::TruncFOp> {
  SelectBF16MinMax(MLIRContext *context)
      : OpRewritePattern(context, /*benefit=*/2) {}

  LogicalResult matchAndRewrite(arith::TruncFOp trunc,
                                PatternRewriter &rewriter) const override {
    Type resultType = trunc.getType();
    if (!getElementTypeOrSelf(resultType).isBF16())
      return failure();
    auto minMax = trunc.getIn().getDefiningOp<MinMaxOp>();
    if (!minMax)
      return failure();
    auto lhsExt = minMax.getLhs().template getDefiningOp<arith::ExtFOp>();
    auto rhsExt = minMax.getRhs().template getDefiningOp<arith::ExtFOp>();
    if (!lhsExt || !rhsExt || lhsExt.getIn().getType() != resultType ||
        rhsExt.getIn().getType() != resultType)
      return failure();

    Location loc = trunc.getLoc();
    Value lhs = lhsExt.getIn(), rhs = rhsExt.getIn();
    Value x = lhsExt, y = rhsExt;
    auto compare = [&](arith::CmpFPredicate predicate, Value a, Value b) {
      return arith::CmpFOp::create(rewriter, loc, predicate, a, b);
    };
    arith::CmpFPredicate wins =
        isMaximum ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT;
    Value isNaN = compare(arith::CmpFPredicate::UNO, x, y);
    Value lhsWins = compare(wins, x, y);
    Value rhsWins = compare(wins, y, x);
    Type bitsType = rewriter.getI16Type();
    if (auto vector = dyn_cast<VectorType>(resultType))
      bitsType = vector.clone(bitsType);
    Value lhsBits = arith::BitcastOp::create(rewriter, loc, bitsType, lhs);
    Value preferredZero = createScalarOrSplatConstant(
        rewriter, loc, bitsType, APInt(16, isMaximum ? 0x0000 : 0x8000));
    Value lhsIsPreferredZero = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::eq, lhsBits, preferredZero);
    Value tie = arith::XOrIOp::create(
        rewriter, loc, arith::OrIOp::create(rewriter, loc, lhsWins, rhsWins),
        createScalarOrSplatConstant(rewriter, loc, lhsWins.getType(),
                                    APInt(1, 1)));
    Value pickLhs = arith::OrIOp::create(
        rewriter, loc, lhsWins,
        arith::AndIOp::create(rewriter, loc, tie, lhsIsPreferredZero));
    Value chosen = arith::SelectOp::create(rewriter, loc, pickLhs, lhs, rhs);
    Value quietNaN = createScalarOrSplatConstant(
        rewriter, loc, resultType, APFloat::getQNaN(APFloat::BFloat()));
    rewriter.replaceOpWithNewOp<arith::SelectOp>(trunc, isNaN, quietNaN,
                                                 chosen);
    return success();
  }
};

struct ExpandArithPass : jaxc::impl::ExpandArithPassBase<ExpandArithPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    if (selectBF16MinMax)
      patterns.add<SelectBF16MinMax<arith::MaximumFOp, /*isMaximum=*/true>,
                   SelectBF16MinMax<arith::MinimumFOp, /*isMaximum=*/false>>(
          &getContext());
    arith::populateCeilFloorDivExpandOpsPatterns(patterns);
    arith::populateExpandBFloat16Patterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
