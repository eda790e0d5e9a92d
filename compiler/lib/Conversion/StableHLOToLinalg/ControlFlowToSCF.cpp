//===- ControlFlowToSCF.cpp - stablehlo.while to scf.while ----------------===//
//
// The regions move into the scf.while as they are; the driver converts the
// ops in them afterwards, their stablehlo.return terminators included.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;

namespace jaxc {
namespace {

struct WhileToSCF final : OpConversionPattern<stablehlo::WhileOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::WhileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(
            getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return failure();
    auto loop = scf::WhileOp::create(rewriter, op.getLoc(), resultTypes,
                                     adaptor.getOperands());
    rewriter.inlineRegionBefore(op.getCond(), loop.getBefore(),
                                loop.getBefore().end());
    rewriter.inlineRegionBefore(op.getBody(), loop.getAfter(),
                                loop.getAfter().end());
    if (failed(rewriter.convertRegionTypes(&loop.getBefore(),
                                           *getTypeConverter())) ||
        failed(
            rewriter.convertRegionTypes(&loop.getAfter(), *getTypeConverter())))
      return failure();
    rewriter.replaceOp(op, loop.getResults());
    return success();
  }
};

/// The terminators of the regions WhileToSCF moved: the condition's 0-d i1
/// becomes scf.condition (forwarding the loop values), the body's results
/// scf.yield.
struct ReturnInWhileToSCF final : OpConversionPattern<stablehlo::ReturnOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ReturnOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto loop = dyn_cast<scf::WhileOp>(op->getParentOp());
    if (!loop)
      return failure();
    if (op->getParentRegion() == &loop.getAfter()) {
      rewriter.replaceOpWithNewOp<scf::YieldOp>(op, adaptor.getResults());
      return success();
    }
    if (adaptor.getResults().size() != 1)
      return failure();
    Value condition =
        extractScalar(rewriter, op.getLoc(), adaptor.getResults().front());
    rewriter.replaceOpWithNewOp<scf::ConditionOp>(
        op, condition, op->getBlock()->getArguments());
    return success();
  }
};

} // namespace

void populateControlFlowToSCFPatterns(const TypeConverter &typeConverter,
                                      RewritePatternSet &patterns) {
  patterns.add<ReturnInWhileToSCF, WhileToSCF>(typeConverter,
                                               patterns.getContext());
}

} // namespace jaxc
