//===- MapAndBatchNormToLinalg.cpp - map, batch_norm to linalg ------------===//
//
// map applies its region to the elements at each index: a linalg.generic
// whose body is the region emitted on scalars. batch_norm_inference is one
// linalg.generic too, its per-feature operands read along feature_index.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace jaxc {
namespace {

struct MapToLinalg final : OpConversionPattern<stablehlo::MapOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::MapOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    if (!resultType)
      return failure();
    // The spec requires dimensions = [0, rank): the map is elementwise.
    if (!llvm::equal(op.getDimensions(),
                     llvm::seq<int64_t>(resultType.getRank())))
      return rewriter.notifyMatchFailure(op, "dimensions not [0, rank)");
    Region &computation = op.getComputation();
    FailureOr<Value> result = createElementwiseGeneric(
        rewriter, op.getLoc(), resultType, adaptor.getInputs(),
        [&](OpBuilder &b, Location, ValueRange args) {
          return emitScalarRegion(b, computation, args);
        });
    if (failed(result))
      return rewriter.notifyMatchFailure(op, "region has no scalar form");
    rewriter.replaceOp(op, *result);
    return success();
  }
};

struct BatchNormInferenceToLinalg final
    : OpConversionPattern<stablehlo::BatchNormInferenceOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::BatchNormInferenceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    if (!resultType)
      return failure();
    auto elementType = dyn_cast<FloatType>(resultType.getElementType());
    int64_t rank = resultType.getRank();
    if (!elementType || op.getFeatureIndex() < 0 ||
        op.getFeatureIndex() >= rank)
      return rewriter.notifyMatchFailure(op, "not a float type or feature");
    llvm::APFloat epsilon = op.getEpsilon();
    bool losesInfo;
    epsilon.convert(elementType.getFloatSemantics(),
                    llvm::APFloat::rmNearestTiesToEven, &losesInfo);
    Location loc = op.getLoc();
    FailureOr<std::unique_ptr<Block>> body = buildGenericBody(
        rewriter.getContext(), loc, SmallVector<Type>(6, elementType),
        [&](OpBuilder &b, Location l,
            ValueRange args) -> FailureOr<SmallVector<Value>> {
          Value x = args[0], scale = args[1], offset = args[2], mean = args[3],
                variance = args[4];
          Value epsilonValue = arith::ConstantOp::create(
              b, l, b.getFloatAttr(elementType, epsilon));
          Value stddev = math::SqrtOp::create(
              b, l, arith::AddFOp::create(b, l, variance, epsilonValue));
          Value normalized = arith::DivFOp::create(
              b, l, arith::SubFOp::create(b, l, x, mean), stddev);
          return SmallVector<Value>{arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, normalized, scale), offset)};
        });
    if (failed(body))
      return failure();
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    AffineMap feature = AffineMap::get(
        rank, 0, rewriter.getAffineDimExpr(op.getFeatureIndex()));
    Value init = createEmptyTensor(rewriter, loc, resultType);
    auto generic = createGeneric(
        rewriter, loc,
        {adaptor.getOperand(), adaptor.getScale(), adaptor.getOffset(),
         adaptor.getMean(), adaptor.getVariance()},
        init, {identity, feature, feature, feature, feature, identity},
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        std::move(*body));
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateMapAndBatchNormToLinalgPatterns(const TypeConverter &typeConverter,
                                             RewritePatternSet &patterns) {
  patterns.add<BatchNormInferenceToLinalg, MapToLinalg>(typeConverter,
                                                        patterns.getContext());
}

} // namespace jaxc
