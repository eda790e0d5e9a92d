//===- ConvolutionToLinalg.cpp - stablehlo.convolution to linalg.generic --===//
//
// The general form: one contraction linalg.generic (the multiply-add of
// dot_general) whose loops are the result's dimensions (parallel), then the
// kernel input feature and the kernel spatial dimensions (reduction). The
// lhs is first padded as the spec's padded_lhs (zero edges, lhs_dilation as
// interior padding), so that all operands are read through affine maps:
//
//   result[b, of, o] += lhs[batch, feature, s] * rhs[c, of, k]
//   s_i = o_i * stride_i + k'_i * rhs_dilation_i
//
// where k'_i is k_i, or K_i - 1 - k_i along a reversed window dimension (the
// spec reverses the lhs window). Without groups, batch = b and feature = c.
// feature_group_count G splits the lhs features and the output features
// into G groups paired in order: feature = (of floordiv (O / G)) * C/G + c.
// batch_group_count B does the same to the lhs batch:
// batch = (of floordiv (O / B)) * N/B + b.
//
// Any layout goes through here; faster lowerings for common layouts can
// take precedence with a higher pattern benefit.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace jaxc {
namespace {

/// The window attributes, absent ones filled with their defaults; one entry
/// per spatial dimension.
struct ConvolutionWindow {
  SmallVector<int64_t> strides, lhsDilation, rhsDilation;
  SmallVector<bool> reversal;
  WindowPadding padding;
};

ConvolutionWindow getConvolutionWindow(stablehlo::ConvolutionOp op,
                                       int64_t numSpatial) {
  SmallVector<int64_t> ones(numSpatial, 1);
  // Not llvm::to_vector: its braces would read a range of bool as a list of
  // two pointers converted to bool.
  SmallVector<bool> reversal(numSpatial, false);
  if (std::optional<ArrayRef<bool>> flags = op.getWindowReversal())
    reversal.assign(flags->begin(), flags->end());
  return {llvm::to_vector(op.getWindowStrides().value_or(ones)),
          llvm::to_vector(op.getLhsDilation().value_or(ones)),
          llvm::to_vector(op.getRhsDilation().value_or(ones)), reversal,
          getWindowPadding(op.getPadding(), numSpatial)};
}

/// The spec's padded_lhs: zero padding at the spatial edges (negative
/// padding crops) and lhs_dilation - 1 zeros between spatial elements.
Value padLhs(OpBuilder &builder, Location loc, Value lhs,
             stablehlo::ConvDimensionNumbersAttr dims,
             const ConvolutionWindow &window) {
  auto type = cast<RankedTensorType>(lhs.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> low(rank, 0), high(rank, 0), interior(rank, 0);
  bool padded = false;
  for (auto [spatial, dim] :
       llvm::enumerate(dims.getInputSpatialDimensions())) {
    low[dim] = window.padding.low[spatial];
    high[dim] = window.padding.high[spatial];
    interior[dim] = window.lhsDilation[spatial] - 1;
    padded |= low[dim] != 0 || high[dim] != 0 || interior[dim] != 0;
  }
  if (!padded)
    return lhs;
  Value zero = arith::ConstantOp::create(
      builder, loc, builder.getZeroAttr(type.getElementType()));
  return createPadded(builder, loc, lhs, zero, low, high, interior);
}

/// The loops, in order: the result's dimensions, the kernel input feature,
/// the kernel spatial dimensions.
struct ConvolutionLoops {
  int64_t resultRank;
  int64_t numSpatial;

  int64_t getNumLoops() const { return resultRank + 1 + numSpatial; }
  int64_t getInputFeatureLoop() const { return resultRank; }
  int64_t getKernelSpatialLoop(int64_t spatial) const {
    return resultRank + 1 + spatial;
  }
};

/// `index` offset by its group's start when the output features split into
/// `groupCount` groups: (output feature floordiv group size) * groupStride.
AffineExpr addGroupOffset(AffineExpr index, AffineExpr outputFeature,
                          int64_t numOutputFeatures, int64_t groupCount,
                          int64_t groupStride) {
  if (groupCount == 1)
    return index;
  return outputFeature.floorDiv(numOutputFeatures / groupCount) * groupStride +
         index;
}

/// lhs[batch, feature, s_i] in the header's terms. lhs, rhs and result have
/// the same rank (spec, C1 and C28).
AffineMap getLhsMap(MLIRContext *context, stablehlo::ConvolutionOp op,
                    const ConvolutionWindow &window,
                    const ConvolutionLoops &loops, RankedTensorType resultType,
                    RankedTensorType rhsType) {
  stablehlo::ConvDimensionNumbersAttr dims = op.getDimensionNumbers();
  auto loop = [&](int64_t index) { return getAffineDimExpr(index, context); };
  AffineExpr outputFeature = loop(dims.getOutputFeatureDimension());
  int64_t numOutputFeatures =
      resultType.getDimSize(dims.getOutputFeatureDimension());
  SmallVector<AffineExpr> exprs(loops.resultRank);
  exprs[dims.getInputBatchDimension()] =
      addGroupOffset(loop(dims.getOutputBatchDimension()), outputFeature,
                     numOutputFeatures, op.getBatchGroupCount(),
                     resultType.getDimSize(dims.getOutputBatchDimension()));
  exprs[dims.getInputFeatureDimension()] =
      addGroupOffset(loop(loops.getInputFeatureLoop()), outputFeature,
                     numOutputFeatures, op.getFeatureGroupCount(),
                     rhsType.getDimSize(dims.getKernelInputFeatureDimension()));
  for (int64_t spatial = 0; spatial < loops.numSpatial; ++spatial) {
    AffineExpr kernelIndex = loop(loops.getKernelSpatialLoop(spatial));
    if (window.reversal[spatial])
      kernelIndex =
          rhsType.getDimSize(dims.getKernelSpatialDimensions()[spatial]) - 1 -
          kernelIndex;
    exprs[dims.getInputSpatialDimensions()[spatial]] =
        loop(dims.getOutputSpatialDimensions()[spatial]) *
            window.strides[spatial] +
        kernelIndex * window.rhsDilation[spatial];
  }
  return AffineMap::get(loops.getNumLoops(), 0, exprs, context);
}

/// rhs[c, of, k_i] in the header's terms.
AffineMap getRhsMap(MLIRContext *context,
                    stablehlo::ConvDimensionNumbersAttr dims,
                    const ConvolutionLoops &loops) {
  auto loop = [&](int64_t index) { return getAffineDimExpr(index, context); };
  SmallVector<AffineExpr> exprs(loops.resultRank);
  exprs[dims.getKernelInputFeatureDimension()] =
      loop(loops.getInputFeatureLoop());
  exprs[dims.getKernelOutputFeatureDimension()] =
      loop(dims.getOutputFeatureDimension());
  for (auto [spatial, dim] : llvm::enumerate(dims.getKernelSpatialDimensions()))
    exprs[dim] = loop(loops.getKernelSpatialLoop(spatial));
  return AffineMap::get(loops.getNumLoops(), 0, exprs, context);
}

struct ConvolutionToLinalg final
    : OpConversionPattern<stablehlo::ConvolutionOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ConvolutionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    Location loc = op.getLoc();
    // Nothing to compute; zero output features would also make the group
    // sizes zero.
    if (resultType.getNumElements() == 0) {
      rewriter.replaceOp(op, createEmptyTensor(rewriter, loc, resultType));
      return success();
    }
    MLIRContext *context = rewriter.getContext();
    FailureOr<ContractionBody> body = buildContractionBody(
        context, loc, getElementTypeOrSelf(op.getLhs().getType()),
        getElementTypeOrSelf(op.getRhs().getType()),
        getElementTypeOrSelf(op.getType()));
    if (failed(body))
      return failure();

    stablehlo::ConvDimensionNumbersAttr dims = op.getDimensionNumbers();
    int64_t numSpatial = dims.getInputSpatialDimensions().size();
    ConvolutionWindow window = getConvolutionWindow(op, numSpatial);
    ConvolutionLoops loops{resultType.getRank(), numSpatial};
    auto rhsType = cast<RankedTensorType>(adaptor.getRhs().getType());
    AffineMap maps[] = {
        getLhsMap(context, op, window, loops, resultType, rhsType),
        getRhsMap(context, dims, loops),
        rewriter.getMultiDimIdentityMap(loops.getNumLoops())
            .getMajorSubMap(loops.resultRank)};
    SmallVector<utils::IteratorType> iterators(loops.resultRank,
                                               utils::IteratorType::parallel);
    iterators.append(1 + numSpatial, utils::IteratorType::reduction);

    Value lhs = padLhs(rewriter, loc, adaptor.getLhs(), dims, window);
    FailureOr<Value> result =
        createContraction(rewriter, loc, lhs, adaptor.getRhs(), resultType,
                          std::move(*body), maps, iterators);
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

} // namespace

void populateConvolutionToLinalgPatterns(const TypeConverter &typeConverter,
                                         RewritePatternSet &patterns) {
  patterns.add<ConvolutionToLinalg>(typeConverter, patterns.getContext());
}

} // namespace jaxc
