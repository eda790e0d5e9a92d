//===- ControlFlowToSCF.cpp - while, if and case to scf -------------------===//
//
// while, if and case become scf.while, scf.if and scf.index_switch. The
// regions move into the scf op as they are; the driver converts the ops in
// them afterwards, their stablehlo.return terminators included.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;

namespace jaxc {
namespace {

/// Moves `regions` into the empty `targets` and converts their types.
LogicalResult moveRegions(ConversionPatternRewriter &rewriter,
                          const TypeConverter &typeConverter,
                          ArrayRef<Region *> regions,
                          ArrayRef<Region *> targets) {
  for (auto [region, target] : llvm::zip_equal(regions, targets)) {
    rewriter.inlineRegionBefore(*region, *target, target->end());
    if (failed(rewriter.convertRegionTypes(target, typeConverter)))
      return failure();
  }
  return success();
}

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
    if (failed(moveRegions(rewriter, *getTypeConverter(),
                           {&op.getCond(), &op.getBody()},
                           {&loop.getBefore(), &loop.getAfter()})))
      return failure();
    rewriter.replaceOp(op, loop.getResults());
    return success();
  }
};

struct IfToSCF final : OpConversionPattern<stablehlo::IfOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::IfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(
            getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return failure();
    Value pred = extractScalar(rewriter, op.getLoc(), adaptor.getPred());
    auto ifOp = scf::IfOp::create(rewriter, op.getLoc(), resultTypes, pred,
                                  /*addThenBlock=*/false,
                                  /*addElseBlock=*/false);
    if (failed(moveRegions(rewriter, *getTypeConverter(),
                           {&op.getTrueBranch(), &op.getFalseBranch()},
                           {&ifOp.getThenRegion(), &ifOp.getElseRegion()})))
      return failure();
    rewriter.replaceOp(op, ifOp.getResults());
    return success();
  }
};

/// Branch i becomes case i, except the last: it is the default, which the
/// spec asks for any index out of [0, N).
struct CaseToSCF final : OpConversionPattern<stablehlo::CaseOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::CaseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (op.getBranches().empty() || failed(getTypeConverter()->convertTypes(
                                        op.getResultTypes(), resultTypes)))
      return failure();
    Location loc = op.getLoc();
    Value index = arith::IndexCastOp::create(
        rewriter, loc, rewriter.getIndexType(),
        extractScalar(rewriter, loc, adaptor.getIndex()));
    unsigned numCases = op.getBranches().size() - 1;
    auto switchOp = scf::IndexSwitchOp::create(
        rewriter, loc, resultTypes, index,
        llvm::to_vector(llvm::seq<int64_t>(numCases)), numCases);
    // scf.index_switch lists the default region first.
    SmallVector<Region *> targets = {&switchOp.getDefaultRegion()};
    for (Region &region : switchOp.getCaseRegions())
      targets.push_back(&region);
    SmallVector<Region *> branches = {&op.getBranches().back()};
    for (Region &region : op.getBranches().drop_back())
      branches.push_back(&region);
    if (failed(moveRegions(rewriter, *getTypeConverter(), branches, targets)))
      return failure();
    rewriter.replaceOp(op, switchOp.getResults());
    return success();
  }
};

/// The terminators of the regions moved above: the while condition's 0-d i1
/// becomes scf.condition (forwarding the loop values); other results
/// scf.yield.
struct ReturnInSCF final : OpConversionPattern<stablehlo::ReturnOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ReturnOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *parent = op->getParentOp();
    if (isa<scf::IfOp, scf::IndexSwitchOp>(parent)) {
      rewriter.replaceOpWithNewOp<scf::YieldOp>(op, adaptor.getResults());
      return success();
    }
    auto loop = dyn_cast<scf::WhileOp>(parent);
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
  patterns.add<CaseToSCF, IfToSCF, ReturnInSCF, WhileToSCF>(
      typeConverter, patterns.getContext());
}

} // namespace jaxc
