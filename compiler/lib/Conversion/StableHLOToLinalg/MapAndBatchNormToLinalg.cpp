//===- MapAndBatchNormToLinalg.cpp - map, batch_norm to linalg ------------===//
//
// map applies its region to the elements at each index: a linalg.generic
// whose body is the region emitted on scalars. The batch_norm ops are
// linalg.generics over the operand, their per-feature operands read along
// feature_index: elementwise ones for the normalization and grad_operand,
// reductions over every other dimension for the per-feature sums.
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

/// What the batch_norm lowerings share: generics over the operand that read
/// operand-shaped tensors whole and 1-d ones along feature_index, and the
/// scalar formulas of the spec. Arithmetic is in the element type.
class BatchNormBuilder {
public:
  static FailureOr<BatchNormBuilder> get(Value operand, llvm::APFloat epsilon,
                                         int64_t featureIndex) {
    auto operandType = cast<RankedTensorType>(operand.getType());
    auto elementType = dyn_cast<FloatType>(operandType.getElementType());
    if (!elementType)
      return failure();
    bool losesInfo;
    epsilon.convert(elementType.getFloatSemantics(),
                    llvm::APFloat::rmNearestTiesToEven, &losesInfo);
    return BatchNormBuilder(operandType, elementType, epsilon, featureIndex);
  }

  /// A generic over the operand computing one operand-shaped result.
  FailureOr<Value> createElementwise(OpBuilder &builder, Location loc,
                                     ValueRange inputs,
                                     GenericBodyBuilder bodyBuilder) const {
    FailureOr<std::unique_ptr<Block>> body = buildBody(
        builder, loc, inputs, operandType.getElementType(), bodyBuilder);
    if (failed(body))
      return failure();
    SmallVector<AffineMap> maps = getInputMaps(builder, inputs);
    maps.push_back(builder.getMultiDimIdentityMap(getRank()));
    return createGeneric(builder, loc, inputs,
                         createEmptyTensor(builder, loc, operandType), maps,
                         SmallVector<utils::IteratorType>(
                             getRank(), utils::IteratorType::parallel),
                         std::move(*body))
        .getResult(0);
  }

  /// Per-feature sums over every other dimension of the `numSums` terms
  /// `termBuilder` computes from the inputs at each operand index.
  FailureOr<SmallVector<Value>>
  createFeatureSums(OpBuilder &builder, Location loc, ValueRange inputs,
                    unsigned numSums, GenericBodyBuilder termBuilder) const {
    Type elementType = operandType.getElementType();
    SmallVector<Type> blockArgTypes = getElementTypes(inputs);
    blockArgTypes.append(numSums, elementType);
    FailureOr<std::unique_ptr<Block>> body =
        buildGenericBody(builder.getContext(), loc, blockArgTypes,
                         [&](OpBuilder &b, Location l,
                             ValueRange args) -> FailureOr<SmallVector<Value>> {
                           FailureOr<SmallVector<Value>> terms = termBuilder(
                               b, l, args.take_front(inputs.size()));
                           if (failed(terms) || terms->size() != numSums)
                             return failure();
                           return llvm::map_to_vector(
                               llvm::zip_equal(args.take_back(numSums), *terms),
                               [&](auto sumAndTerm) -> Value {
                                 auto [sum, term] = sumAndTerm;
                                 return arith::AddFOp::create(b, l, sum, term);
                               });
                         });
    if (failed(body))
      return failure();
    Value zero = arith::ConstantOp::create(builder, loc,
                                           builder.getZeroAttr(elementType));
    SmallVector<Value> inits(
        numSums, createFilledTensor(builder, loc, getFeatureType(), zero));
    SmallVector<AffineMap> maps = getInputMaps(builder, inputs);
    maps.append(numSums, getFeatureMap(builder));
    SmallVector<utils::IteratorType> iterators(getRank(),
                                               utils::IteratorType::reduction);
    iterators[featureIndex] = utils::IteratorType::parallel;
    auto generic = createGeneric(builder, loc, inputs, inits, maps, iterators,
                                 std::move(*body));
    return SmallVector<Value>(generic.getResults());
  }

  /// A per-feature sum divided by the elements per feature.
  Value createFeatureMean(OpBuilder &builder, Location loc, Value sum) const {
    // Dividing two floats cannot fail.
    return *createElementwiseGeneric(
        builder, loc, getFeatureType(), sum,
        [&](OpBuilder &b, Location l,
            ValueRange args) -> FailureOr<SmallVector<Value>> {
          return SmallVector<Value>{arith::DivFOp::create(
              b, l, args[0], getElementsPerFeature(b, l))};
        });
  }

  /// variance + epsilon.
  Value emitVariancePlusEpsilon(OpBuilder &b, Location loc,
                                Value variance) const {
    Value epsilonValue =
        arith::ConstantOp::create(b, loc, b.getFloatAttr(elementType, epsilon));
    return arith::AddFOp::create(b, loc, variance, epsilonValue);
  }

  /// (x - mean) / sqrt(variance + epsilon) * scale + offset.
  Value emitNormalize(OpBuilder &b, Location loc, Value x, Value scale,
                      Value offset, Value mean, Value variance) const {
    Value stddev =
        math::SqrtOp::create(b, loc, emitVariancePlusEpsilon(b, loc, variance));
    Value normalized = arith::DivFOp::create(
        b, loc, arith::SubFOp::create(b, loc, x, mean), stddev);
    return arith::AddFOp::create(
        b, loc, arith::MulFOp::create(b, loc, normalized, scale), offset);
  }

  /// One elementwise generic applying emitNormalize; scale, offset, mean
  /// and variance are per-feature tensors.
  FailureOr<Value> createNormalized(OpBuilder &builder, Location loc,
                                    Value operand, Value scale, Value offset,
                                    Value mean, Value variance) const {
    return createElementwise(
        builder, loc, {operand, scale, offset, mean, variance},
        [&](OpBuilder &b, Location l,
            ValueRange args) -> FailureOr<SmallVector<Value>> {
          return SmallVector<Value>{
              emitNormalize(b, l, args[0], args[1], args[2], args[3], args[4])};
        });
  }

  /// The number of operand elements per feature, as a float.
  Value getElementsPerFeature(OpBuilder &b, Location loc) const {
    int64_t features = operandType.getDimSize(featureIndex);
    int64_t count = features == 0 ? 0 : operandType.getNumElements() / features;
    return arith::ConstantOp::create(
        b, loc, b.getFloatAttr(elementType, static_cast<double>(count)));
  }

private:
  BatchNormBuilder(RankedTensorType operandType, FloatType elementType,
                   llvm::APFloat epsilon, int64_t featureIndex)
      : operandType(operandType), elementType(elementType), epsilon(epsilon),
        featureIndex(featureIndex) {}

  int64_t getRank() const { return operandType.getRank(); }

  RankedTensorType getFeatureType() const {
    return RankedTensorType::get({operandType.getDimSize(featureIndex)},
                                 elementType);
  }

  AffineMap getFeatureMap(OpBuilder &builder) const {
    return AffineMap::get(getRank(), 0, builder.getAffineDimExpr(featureIndex));
  }

  /// Operand-shaped inputs are read whole, 1-d ones along the features (the
  /// same map when the operand is 1-d).
  SmallVector<AffineMap> getInputMaps(OpBuilder &builder,
                                      ValueRange inputs) const {
    return llvm::map_to_vector(inputs, [&](Value input) {
      return cast<RankedTensorType>(input.getType()).getRank() == getRank()
                 ? builder.getMultiDimIdentityMap(getRank())
                 : getFeatureMap(builder);
    });
  }

  static SmallVector<Type> getElementTypes(ValueRange inputs) {
    return llvm::map_to_vector(inputs, [](Value input) {
      return cast<RankedTensorType>(input.getType()).getElementType();
    });
  }

  static FailureOr<std::unique_ptr<Block>>
  buildBody(OpBuilder &builder, Location loc, ValueRange inputs,
            Type resultType, GenericBodyBuilder bodyBuilder) {
    SmallVector<Type> blockArgTypes = getElementTypes(inputs);
    blockArgTypes.push_back(resultType);
    return buildGenericBody(builder.getContext(), loc, blockArgTypes,
                            [&](OpBuilder &b, Location l, ValueRange args) {
                              return bodyBuilder(b, l, args.drop_back());
                            });
  }

  RankedTensorType operandType;
  FloatType elementType;
  llvm::APFloat epsilon;
  int64_t featureIndex;
};

struct BatchNormInferenceToLinalg final
    : OpConversionPattern<stablehlo::BatchNormInferenceOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::BatchNormInferenceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<BatchNormBuilder> bn = BatchNormBuilder::get(
        adaptor.getOperand(), op.getEpsilon(), op.getFeatureIndex());
    if (failed(bn))
      return rewriter.notifyMatchFailure(op, "not a float type");
    FailureOr<Value> result = bn->createNormalized(
        rewriter, op.getLoc(), adaptor.getOperand(), adaptor.getScale(),
        adaptor.getOffset(), adaptor.getMean(), adaptor.getVariance());
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

/// The mean, then the biased variance around it (two passes, as the spec
/// computes them), then batch_norm_inference's normalization.
struct BatchNormTrainingToLinalg final
    : OpConversionPattern<stablehlo::BatchNormTrainingOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::BatchNormTrainingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value operand = adaptor.getOperand();
    FailureOr<BatchNormBuilder> bn =
        BatchNormBuilder::get(operand, op.getEpsilon(), op.getFeatureIndex());
    if (failed(bn))
      return rewriter.notifyMatchFailure(op, "not a float type");
    Location loc = op.getLoc();
    FailureOr<SmallVector<Value>> sum = bn->createFeatureSums(
        rewriter, loc, operand, 1,
        [](OpBuilder &, Location,
           ValueRange args) -> FailureOr<SmallVector<Value>> {
          return SmallVector<Value>{args[0]};
        });
    if (failed(sum))
      return failure();
    Value mean = bn->createFeatureMean(rewriter, loc, sum->front());
    FailureOr<SmallVector<Value>> squares = bn->createFeatureSums(
        rewriter, loc, {operand, mean}, 1,
        [](OpBuilder &b, Location l,
           ValueRange args) -> FailureOr<SmallVector<Value>> {
          Value centered = arith::SubFOp::create(b, l, args[0], args[1]);
          return SmallVector<Value>{
              arith::MulFOp::create(b, l, centered, centered)};
        });
    if (failed(squares))
      return failure();
    Value variance = bn->createFeatureMean(rewriter, loc, squares->front());
    FailureOr<Value> output =
        bn->createNormalized(rewriter, loc, operand, adaptor.getScale(),
                             adaptor.getOffset(), mean, variance);
    if (failed(output))
      return failure();
    rewriter.replaceOp(op, {*output, mean, variance});
    return success();
  }
};

/// The spec's formulas (XLA's batchnorm expander): one reduction generic for
/// the sums of grad_output, grad_output * centered and grad_output *
/// normalized, then one generic for grad_operand.
struct BatchNormGradToLinalg final
    : OpConversionPattern<stablehlo::BatchNormGradOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::BatchNormGradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value operand = adaptor.getOperand();
    FailureOr<BatchNormBuilder> bn =
        BatchNormBuilder::get(operand, op.getEpsilon(), op.getFeatureIndex());
    if (failed(bn))
      return rewriter.notifyMatchFailure(op, "not a float type");
    Location loc = op.getLoc();
    Value mean = adaptor.getMean(), variance = adaptor.getVariance(),
          gradOutput = adaptor.getGradOutput();
    FailureOr<SmallVector<Value>> sums = bn->createFeatureSums(
        rewriter, loc, {operand, mean, variance, gradOutput}, 3,
        [&](OpBuilder &b, Location l,
            ValueRange args) -> FailureOr<SmallVector<Value>> {
          Value gradOut = args[3];
          Value centered = arith::SubFOp::create(b, l, args[0], args[1]);
          Value stddev = math::SqrtOp::create(
              b, l, bn->emitVariancePlusEpsilon(b, l, args[2]));
          Value normalized = arith::DivFOp::create(b, l, centered, stddev);
          return SmallVector<Value>{
              gradOut, arith::MulFOp::create(b, l, gradOut, centered),
              arith::MulFOp::create(b, l, gradOut, normalized)};
        });
    if (failed(sums))
      return failure();
    Value gradOffset = (*sums)[0], gradScale = (*sums)[2];
    // i1..i6 are the spec's names.
    FailureOr<Value> gradOperand = bn->createElementwise(
        rewriter, loc,
        {operand, adaptor.getScale(), mean, variance, gradOutput, gradOffset,
         (*sums)[1]},
        [&](OpBuilder &b, Location l,
            ValueRange args) -> FailureOr<SmallVector<Value>> {
          Value x = args[0], scale = args[1], featureMean = args[2],
                featureVariance = args[3], gradOut = args[4], i2 = args[5],
                i3 = args[6];
          Value count = bn->getElementsPerFeature(b, l);
          Value centered = arith::SubFOp::create(b, l, x, featureMean);
          Value variancePlusEpsilon =
              bn->emitVariancePlusEpsilon(b, l, featureVariance);
          Value stddev = math::SqrtOp::create(b, l, variancePlusEpsilon);
          Value i1 = arith::MulFOp::create(b, l, gradOut, count);
          Value i4 = arith::MulFOp::create(b, l, i3, centered);
          Value i5 = arith::DivFOp::create(b, l, i4, variancePlusEpsilon);
          Value i6 = arith::SubFOp::create(
              b, l, arith::SubFOp::create(b, l, i1, i2), i5);
          Value factor = arith::DivFOp::create(
              b, l, arith::DivFOp::create(b, l, scale, stddev), count);
          return SmallVector<Value>{arith::MulFOp::create(b, l, factor, i6)};
        });
    if (failed(gradOperand))
      return failure();
    rewriter.replaceOp(op, {*gradOperand, gradScale, gradOffset});
    return success();
  }
};

} // namespace

void populateMapAndBatchNormToLinalgPatterns(const TypeConverter &typeConverter,
                                             RewritePatternSet &patterns) {
  patterns.add<BatchNormGradToLinalg, BatchNormInferenceToLinalg,
               BatchNormTrainingToLinalg, MapToLinalg>(typeConverter,
                                                       patterns.getContext());
}

} // namespace jaxc
