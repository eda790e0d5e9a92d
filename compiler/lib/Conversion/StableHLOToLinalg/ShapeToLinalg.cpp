//===- ShapeToLinalg.cpp - StableHLO data movement to linalg and tensor ---===//
//
// Constants, iota and the ops that move elements without computing on them.
// Static shapes only: JAX exports static shapes.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace jaxc {
namespace {

/// Copies `input`, read through `inputMap` (from result indices to input
/// indices), into a new tensor of `resultType`.
Value createMappedCopy(OpBuilder &builder, Location loc, Value input,
                       AffineMap inputMap, RankedTensorType resultType) {
  int64_t rank = resultType.getRank();
  Type blockArgTypes[] = {getElementTypeOrSelf(input.getType()),
                          resultType.getElementType()};
  // Yielding the input element cannot fail.
  std::unique_ptr<Block> body = std::move(
      *buildGenericBody(builder.getContext(), loc, blockArgTypes,
                        [](OpBuilder &, Location,
                           ValueRange args) -> FailureOr<SmallVector<Value>> {
                          return SmallVector<Value>{args[0]};
                        }));
  AffineMap maps[] = {inputMap, builder.getMultiDimIdentityMap(rank)};
  return createGeneric(builder, loc, input,
                       createEmptyTensor(builder, loc, resultType), maps,
                       SmallVector<utils::IteratorType>(
                           rank, utils::IteratorType::parallel),
                       std::move(body))
      .getResult(0);
}

SmallVector<OpFoldResult> getIndexAttrs(OpBuilder &builder,
                                        ArrayRef<int64_t> values) {
  return getAsIndexOpFoldResult(builder.getContext(), values);
}

struct ConstantToArith final : OpConversionPattern<stablehlo::ConstantOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getTypeConverter()->convertType<RankedTensorType>(
        op.getOutput().getType());
    if (!type)
      return failure();
    TypedAttr value;
    if (auto dense = dyn_cast<DenseElementsAttr>(op.getValue())) {
      value = dense.getElementType() == type.getElementType()
                  ? dense
                  : dense.bitcast(type.getElementType());
    } else if (auto resource =
                   dyn_cast<DenseResourceElementsAttr>(op.getValue())) {
      // A blob with its data (elided ones were filled or rejected by
      // jaxc-elided-constants): the same bytes under the signless type,
      // but for i1, whose blob holds a byte per element and MLIR's dense
      // data bits.
      if (!resource.getRawHandle().getBlob())
        return rewriter.notifyMatchFailure(op, "the blob's data is elided");
      ArrayRef<char> bytes = resource.getData();
      if (!type.getElementType().isInteger(1)) {
        value = DenseResourceElementsAttr::get(type, resource.getRawHandle());
      } else if (static_cast<int64_t>(bytes.size()) == type.getNumElements()) {
        SmallVector<bool> bits(bytes.begin(), bytes.end());
        value = DenseElementsAttr::get(type, ArrayRef<bool>(bits));
      } else {
        return rewriter.notifyMatchFailure(op, "i1 blob of the wrong size");
      }
    } else {
      return failure();
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, type, value);
    return success();
  }
};

struct IotaToLinalg final : OpConversionPattern<stablehlo::IotaOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::IotaOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getTypeConverter()->convertType<RankedTensorType>(
        op.getOutput().getType());
    if (!type)
      return failure();
    Type elementType = op.getOutput().getType().getElementType();
    int64_t dimension = op.getIotaDimension();
    FailureOr<Value> iota = createElementwiseGeneric(
        rewriter, op.getLoc(), type, ValueRange(),
        [&](OpBuilder &b, Location loc,
            ValueRange) -> FailureOr<SmallVector<Value>> {
          Value index = linalg::IndexOp::create(b, loc, dimension);
          Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
          // Float iotas convert from the integer like any convert.
          FailureOr<Value> element =
              emitScalarConvert(b, loc, i64, b.getI64Type(), elementType);
          if (failed(element))
            return failure();
          return SmallVector<Value>{*element};
        });
    if (failed(iota))
      return failure();
    rewriter.replaceOp(op, *iota);
    return success();
  }
};

struct BroadcastInDimToLinalg final
    : OpConversionPattern<stablehlo::BroadcastInDimOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::BroadcastInDimOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    auto operandType = cast<RankedTensorType>(adaptor.getOperand().getType());
    SmallVector<AffineExpr> exprs;
    for (auto [operandDim, resultDim] :
         llvm::enumerate(op.getBroadcastDimensions())) {
      // A size-1 dimension stretched to another size reads its only element.
      bool stretched = operandType.getDimSize(operandDim) == 1 &&
                       resultType.getDimSize(resultDim) != 1;
      exprs.push_back(stretched ? rewriter.getAffineConstantExpr(0)
                                : rewriter.getAffineDimExpr(resultDim));
    }
    AffineMap inputMap =
        AffineMap::get(resultType.getRank(), 0, exprs, rewriter.getContext());
    rewriter.replaceOp(op, createMappedCopy(rewriter, op.getLoc(),
                                            adaptor.getOperand(), inputMap,
                                            resultType));
    return success();
  }
};

/// A tensor of rank 0 or more as its elements in a rank-1 tensor.
Value collapseToVector(OpBuilder &builder, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  if (type.getRank() == 1)
    return tensor;
  auto vectorType =
      RankedTensorType::get({type.getNumElements()}, type.getElementType());
  // Rank 0 goes to tensor<1xT> with an empty reassociation.
  if (type.getRank() == 0)
    return tensor::ExpandShapeOp::create(builder, loc, vectorType, tensor,
                                         ArrayRef<ReassociationIndices>{});
  ReassociationIndices allDims =
      llvm::to_vector(llvm::seq<int64_t>(0, type.getRank()));
  return tensor::CollapseShapeOp::create(
      builder, loc, vectorType, tensor,
      ArrayRef<ReassociationIndices>{allDims});
}

Value expandFromVector(OpBuilder &builder, Location loc, Value vector,
                       RankedTensorType type) {
  if (type.getRank() == 1)
    return vector;
  if (type.getRank() == 0)
    return tensor::CollapseShapeOp::create(builder, loc, type, vector,
                                           ArrayRef<ReassociationIndices>{});
  ReassociationIndices allDims =
      llvm::to_vector(llvm::seq<int64_t>(0, type.getRank()));
  return tensor::ExpandShapeOp::create(builder, loc, type, vector,
                                       ArrayRef<ReassociationIndices>{allDims});
}

/// Through a rank-1 tensor; canonicalization folds the pair into one
/// collapse or expand where the shapes allow.
struct ReshapeToTensor final : OpConversionPattern<stablehlo::ReshapeOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType || !resultType.hasStaticShape())
      return failure();
    Value operand = adaptor.getOperand();
    if (operand.getType() == resultType) {
      rewriter.replaceOp(op, operand);
      return success();
    }
    Value vector = collapseToVector(rewriter, op.getLoc(), operand);
    rewriter.replaceOp(
        op, expandFromVector(rewriter, op.getLoc(), vector, resultType));
    return success();
  }
};

struct TransposeToLinalg final : OpConversionPattern<stablehlo::TransposeOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    // Nothing moves (linalg.transpose cannot be built on rank 0).
    if (llvm::equal(op.getPermutation(),
                    llvm::seq<int64_t>(resultType.getRank()))) {
      rewriter.replaceOp(op, adaptor.getOperand());
      return success();
    }
    // Both use "result dim i is operand dim permutation[i]".
    Value init = createEmptyTensor(rewriter, op.getLoc(), resultType);
    auto transpose = linalg::TransposeOp::create(
        rewriter, op.getLoc(), adaptor.getOperand(), init, op.getPermutation());
    rewriter.replaceOp(op, transpose->getResults());
    return success();
  }
};

struct SliceToTensor final : OpConversionPattern<stablehlo::SliceOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    // An empty slice reads nothing; tensor.extract_slice would reject a
    // start at the end of a dimension.
    if (resultType.getNumElements() == 0) {
      rewriter.replaceOp(op,
                         createEmptyTensor(rewriter, op.getLoc(), resultType));
      return success();
    }
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, resultType, adaptor.getOperand(),
        getIndexAttrs(rewriter, op.getStartIndices()),
        getIndexAttrs(rewriter, resultType.getShape()),
        getIndexAttrs(rewriter, op.getStrides()));
    return success();
  }
};

/// Inserts each input into an empty tensor (tensor.concat does not
/// bufferize).
struct ConcatenateToTensor final
    : OpConversionPattern<stablehlo::ConcatenateOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ConcatenateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    Location loc = op.getLoc();
    int64_t dimension = op.getDimension();
    SmallVector<int64_t> offsets(resultType.getRank(), 0);
    SmallVector<int64_t> strides(resultType.getRank(), 1);
    Value result = createEmptyTensor(rewriter, loc, resultType);
    for (Value input : adaptor.getInputs()) {
      auto inputType = cast<RankedTensorType>(input.getType());
      // An empty input adds nothing and may start at the end of the
      // dimension, where tensor.insert_slice rejects it.
      if (inputType.getNumElements() != 0)
        result = tensor::InsertSliceOp::create(
            rewriter, loc, input, result, getIndexAttrs(rewriter, offsets),
            getIndexAttrs(rewriter, inputType.getShape()),
            getIndexAttrs(rewriter, strides));
      offsets[dimension] += inputType.getDimSize(dimension);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ReverseToLinalg final : OpConversionPattern<stablehlo::ReverseOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ReverseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    SmallVector<AffineExpr> exprs;
    for (int64_t dim = 0; dim < resultType.getRank(); ++dim) {
      AffineExpr index = rewriter.getAffineDimExpr(dim);
      if (llvm::is_contained(op.getDimensions(), dim))
        index = resultType.getDimSize(dim) - 1 - index;
      exprs.push_back(index);
    }
    AffineMap inputMap =
        AffineMap::get(resultType.getRank(), 0, exprs, rewriter.getContext());
    rewriter.replaceOp(op, createMappedCopy(rewriter, op.getLoc(),
                                            adaptor.getOperand(), inputMap,
                                            resultType));
    return success();
  }
};

struct PadToTensor final : OpConversionPattern<stablehlo::PadOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    rewriter.replaceOp(
        op,
        createPadded(rewriter, loc, adaptor.getOperand(),
                     extractScalar(rewriter, loc, adaptor.getPaddingValue()),
                     op.getEdgePaddingLow(), op.getEdgePaddingHigh(),
                     op.getInteriorPadding()));
    return success();
  }
};

/// The start indices of dynamic_slice and dynamic_update_slice as index
/// values, clamped as the spec says so that a window of `windowShape` fits
/// in `operandShape`. `originalTypes` (the index tensors' types before
/// conversion) tell unsigned indices apart.
SmallVector<OpFoldResult> getClampedStarts(OpBuilder &builder, Location loc,
                                           ValueRange startIndices,
                                           TypeRange originalTypes,
                                           ArrayRef<int64_t> operandShape,
                                           ArrayRef<int64_t> windowShape) {
  SmallVector<OpFoldResult> starts;
  Type indexType = builder.getIndexType();
  for (auto [i, startIndex] : llvm::enumerate(startIndices)) {
    bool isUnsigned =
        getElementTypeOrSelf(originalTypes[i]).isUnsignedInteger();
    Value scalar = extractScalar(builder, loc, startIndex);
    Value start = isUnsigned
                      ? Value(arith::IndexCastUIOp::create(builder, loc,
                                                           indexType, scalar))
                      : Value(arith::IndexCastOp::create(builder, loc,
                                                         indexType, scalar));
    Value maxStart = arith::ConstantIndexOp::create(
        builder, loc, operandShape[i] - windowShape[i]);
    if (isUnsigned) {
      start = arith::MinUIOp::create(builder, loc, start, maxStart);
    } else {
      start = arith::MaxSIOp::create(
          builder, loc, start, arith::ConstantIndexOp::create(builder, loc, 0));
      start = arith::MinSIOp::create(builder, loc, start, maxStart);
    }
    starts.push_back(start);
  }
  return starts;
}

struct DynamicSliceToTensor final
    : OpConversionPattern<stablehlo::DynamicSliceOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::DynamicSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    // As for slice: an empty window's clamped start is the dimension's end.
    if (resultType.getNumElements() == 0) {
      rewriter.replaceOp(op,
                         createEmptyTensor(rewriter, op.getLoc(), resultType));
      return success();
    }
    auto operandType = cast<RankedTensorType>(adaptor.getOperand().getType());
    SmallVector<OpFoldResult> starts =
        getClampedStarts(rewriter, op.getLoc(), adaptor.getStartIndices(),
                         op.getStartIndices().getTypes(),
                         operandType.getShape(), op.getSliceSizes());
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, resultType, adaptor.getOperand(), starts,
        getIndexAttrs(rewriter, op.getSliceSizes()),
        getIndexAttrs(rewriter, SmallVector<int64_t>(resultType.getRank(), 1)));
    return success();
  }
};

struct DynamicUpdateSliceToTensor final
    : OpConversionPattern<stablehlo::DynamicUpdateSliceOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::DynamicUpdateSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto operandType = cast<RankedTensorType>(adaptor.getOperand().getType());
    auto updateType = cast<RankedTensorType>(adaptor.getUpdate().getType());
    // An empty update changes nothing (its clamped start may be the end).
    if (updateType.getNumElements() == 0) {
      rewriter.replaceOp(op, adaptor.getOperand());
      return success();
    }
    SmallVector<OpFoldResult> starts =
        getClampedStarts(rewriter, op.getLoc(), adaptor.getStartIndices(),
                         op.getStartIndices().getTypes(),
                         operandType.getShape(), updateType.getShape());
    rewriter.replaceOpWithNewOp<tensor::InsertSliceOp>(
        op, adaptor.getUpdate(), adaptor.getOperand(), starts,
        getIndexAttrs(rewriter, updateType.getShape()),
        getIndexAttrs(rewriter, SmallVector<int64_t>(updateType.getRank(), 1)));
    return success();
  }
};

/// Nothing to keep apart once the ops are gone.
struct OptimizationBarrierToOperands final
    : OpConversionPattern<stablehlo::OptimizationBarrierOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::OptimizationBarrierOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getOperands());
    return success();
  }
};

} // namespace

void populateShapeToLinalgPatterns(const TypeConverter &typeConverter,
                                   RewritePatternSet &patterns) {
  patterns.add<BroadcastInDimToLinalg, ConcatenateToTensor, ConstantToArith,
               DynamicSliceToTensor, DynamicUpdateSliceToTensor, IotaToLinalg,
               OptimizationBarrierToOperands, PadToTensor, ReshapeToTensor,
               ReverseToLinalg, SliceToTensor, TransposeToLinalg>(
      typeConverter, patterns.getContext());
}

} // namespace jaxc
