//===- GatherScatterToLinalg.cpp - gather and scatter to linalg and scf ---===//
//
// Both ops map an index of one tensor (gather's result, scatter's updates)
// to an index of another (the operand) in the same way (StableHLO spec,
// "gather" and "scatter"):
//   operand index = start index + batching index + window (offset) index,
// so the index arithmetic is shared and named after gather's dimension
// numbers.
//
// gather is a linalg.generic over the result that reads the operand with
// tensor.extract, its start indices clamped into the operand. scatter is an
// scf.for nest over the updates carrying the results: updates out of bounds
// are skipped, the others combined with the update computation in order.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace jaxc {
namespace {

/// The dimension numbers gather and scatter share, by gather's names:
/// scatter's updates play gather's result.
struct SliceDimensionNumbers {
  /// update_window_dims in scatter.
  ArrayRef<int64_t> offsetDims;
  /// inserted_window_dims.
  ArrayRef<int64_t> collapsedSliceDims;
  /// input_batching_dims.
  ArrayRef<int64_t> operandBatchingDims;
  /// scatter_indices_batching_dims.
  ArrayRef<int64_t> startIndicesBatchingDims;
  /// scatter_dims_to_operand_dims.
  ArrayRef<int64_t> startIndexMap;
  int64_t indexVectorDim;
};

SliceDimensionNumbers
getSliceDimensionNumbers(stablehlo::GatherDimensionNumbersAttr attr) {
  return {attr.getOffsetDims(),          attr.getCollapsedSliceDims(),
          attr.getOperandBatchingDims(), attr.getStartIndicesBatchingDims(),
          attr.getStartIndexMap(),       attr.getIndexVectorDim()};
}

SliceDimensionNumbers
getSliceDimensionNumbers(stablehlo::ScatterDimensionNumbersAttr attr) {
  return {
      attr.getUpdateWindowDims(),         attr.getInsertedWindowDims(),
      attr.getInputBatchingDims(),        attr.getScatterIndicesBatchingDims(),
      attr.getScatterDimsToOperandDims(), attr.getIndexVectorDim()};
}

/// The dimensions of [0, rank) not in `excluded`, in order.
SmallVector<int64_t> getOtherDims(int64_t rank, ArrayRef<int64_t> excluded) {
  SmallVector<int64_t> dims;
  for (int64_t dim = 0; dim < rank; ++dim)
    if (!llvm::is_contained(excluded, dim))
      dims.push_back(dim);
  return dims;
}

SmallVector<Value> selectDims(ArrayRef<Value> index, ArrayRef<int64_t> dims) {
  return llvm::map_to_vector(dims, [&](int64_t dim) { return index[dim]; });
}

SmallVector<Value> createIndexConstants(OpBuilder &builder, Location loc,
                                        ArrayRef<int64_t> values) {
  return llvm::map_to_vector(values, [&](int64_t value) -> Value {
    return arith::ConstantIndexOp::create(builder, loc, value);
  });
}

bool hasUnsignedElements(Value tensor) {
  return getElementTypeOrSelf(tensor.getType()).isUnsignedInteger();
}

/// The spec's start_index: the index vector of `startIndices` at
/// `batchIndex` (a position without the index_vector_dim; when that equals
/// the rank, the element there is the only component). Unsigned indices
/// zero-extend.
SmallVector<Value> emitStartIndex(OpBuilder &builder, Location loc,
                                  Value startIndices, bool isUnsigned,
                                  ValueRange batchIndex,
                                  int64_t indexVectorDim) {
  auto type = cast<RankedTensorType>(startIndices.getType());
  bool hasIndexVectorDim = indexVectorDim < type.getRank();
  int64_t numComponents =
      hasIndexVectorDim ? type.getDimSize(indexVectorDim) : 1;
  SmallVector<Value> position(batchIndex);
  if (hasIndexVectorDim)
    position.insert(position.begin() + indexVectorDim, Value());
  SmallVector<Value> startIndex;
  for (int64_t component = 0; component < numComponents; ++component) {
    if (hasIndexVectorDim)
      position[indexVectorDim] =
          arith::ConstantIndexOp::create(builder, loc, component);
    Value element =
        tensor::ExtractOp::create(builder, loc, startIndices, position);
    Type indexType = builder.getIndexType();
    startIndex.push_back(isUnsigned ? Value(arith::IndexCastUIOp::create(
                                          builder, loc, indexType, element))
                                    : Value(arith::IndexCastOp::create(
                                          builder, loc, indexType, element)));
  }
  return startIndex;
}

/// operand_index = full_start_index + full_batching_index + full_offset_index
/// (spec, gather; result_index in scatter). Each term is zero outside its
/// own dimensions: only the nonzero ones are added, a dimension without any
/// is 0.
SmallVector<Value>
emitOperandIndex(OpBuilder &builder, Location loc, int64_t operandRank,
                 const SliceDimensionNumbers &dims, ValueRange startIndex,
                 ValueRange batchIndex, ValueRange offsetIndex) {
  SmallVector<Value> operandIndex(operandRank);
  auto addTerm = [&](int64_t dim, Value term) {
    Value &sum = operandIndex[dim];
    sum =
        sum ? arith::AddIOp::create(builder, loc, sum, term).getResult() : term;
  };
  for (auto [component, dim] : llvm::enumerate(dims.startIndexMap))
    addTerm(dim, startIndex[component]);
  // batchIndex has no entry for the index vector dimension.
  for (auto [operandDim, indicesDim] :
       llvm::zip_equal(dims.operandBatchingDims, dims.startIndicesBatchingDims))
    addTerm(operandDim,
            batchIndex[indicesDim < dims.indexVectorDim ? indicesDim
                                                        : indicesDim - 1]);
  SmallVector<int64_t> excluded(dims.collapsedSliceDims);
  llvm::append_range(excluded, dims.operandBatchingDims);
  for (auto [dim, offset] :
       llvm::zip_equal(getOtherDims(operandRank, excluded), offsetIndex))
    addTerm(dim, offset);
  for (Value &index : operandIndex)
    if (!index)
      index = arith::ConstantIndexOp::create(builder, loc, 0);
  return operandIndex;
}

//===----------------------------------------------------------------------===//
// gather
//===----------------------------------------------------------------------===//

/// clamp(start, 0, maxStart), as the spec does so that the slice stays in
/// the operand. Unsigned starts are nonnegative; compared unsigned, those of
/// 2^63 and more stay past the end.
Value emitClampedStart(OpBuilder &builder, Location loc, Value start,
                       int64_t maxStart, bool isUnsigned) {
  Value max = arith::ConstantIndexOp::create(builder, loc, maxStart);
  if (isUnsigned)
    return arith::MinUIOp::create(builder, loc, start, max);
  Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
  Value nonnegative = arith::MaxSIOp::create(builder, loc, start, zero);
  return arith::MinSIOp::create(builder, loc, nonnegative, max);
}

struct GatherToLinalg final : OpConversionPattern<stablehlo::GatherOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    Value operand = adaptor.getOperand();
    Value startIndices = adaptor.getStartIndices();
    auto operandType = cast<RankedTensorType>(operand.getType());
    bool unsignedIndices = hasUnsignedElements(op.getStartIndices());
    SliceDimensionNumbers dims =
        getSliceDimensionNumbers(op.getDimensionNumbers());
    ArrayRef<int64_t> sliceSizes = op.getSliceSizes();
    SmallVector<int64_t> batchDims =
        getOtherDims(resultType.getRank(), dims.offsetDims);

    FailureOr<Value> gathered = createElementwiseGeneric(
        rewriter, op.getLoc(), resultType, ValueRange(),
        [&](OpBuilder &b, Location loc,
            ValueRange) -> FailureOr<SmallVector<Value>> {
          SmallVector<Value> resultIndex;
          for (int64_t dim = 0; dim < resultType.getRank(); ++dim)
            resultIndex.push_back(linalg::IndexOp::create(b, loc, dim));
          SmallVector<Value> batchIndex = selectDims(resultIndex, batchDims);
          SmallVector<Value> startIndex =
              emitStartIndex(b, loc, startIndices, unsignedIndices, batchIndex,
                             dims.indexVectorDim);
          for (auto [start, dim] :
               llvm::zip_equal(startIndex, dims.startIndexMap))
            start = emitClampedStart(
                b, loc, start, operandType.getDimSize(dim) - sliceSizes[dim],
                unsignedIndices);
          SmallVector<Value> operandIndex = emitOperandIndex(
              b, loc, operandType.getRank(), dims, startIndex, batchIndex,
              selectDims(resultIndex, dims.offsetDims));
          return SmallVector<Value>{
              tensor::ExtractOp::create(b, loc, operand, operandIndex)};
        });
    if (failed(gathered))
      return failure();
    rewriter.replaceOp(op, *gathered);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// scatter
//===----------------------------------------------------------------------===//

/// What one scatter needs to apply one update element.
struct ScatterUpdate {
  ValueRange updates;
  /// The update computation on scalars: (current values..., updates...).
  Block &computation;
  SmallVector<int64_t> updateScatterDims;
  SliceDimensionNumbers dims;
  ArrayRef<int64_t> operandShape;
};

/// The results with the update element at (scatterIndex, windowIndex)
/// applied, or as they are when it falls outside them (spec: only an
/// in-bounds result_index is updated).
scf::ValueVector emitUpdateElement(OpBuilder &builder, Location loc,
                                   const ScatterUpdate &scatter,
                                   ValueRange results, ValueRange startIndex,
                                   ValueRange scatterIndex,
                                   ValueRange windowIndex) {
  const SliceDimensionNumbers &dims = scatter.dims;
  SmallVector<Value> resultIndex =
      emitOperandIndex(builder, loc, scatter.operandShape.size(), dims,
                       startIndex, scatterIndex, windowIndex);
  int64_t updateRank =
      cast<RankedTensorType>(scatter.updates.front().getType()).getRank();
  SmallVector<Value> updateIndex(updateRank);
  for (auto [dim, index] :
       llvm::zip_equal(scatter.updateScatterDims, scatterIndex))
    updateIndex[dim] = index;
  for (auto [dim, index] : llvm::zip_equal(dims.offsetDims, windowIndex))
    updateIndex[dim] = index;

  auto applyUpdate = [&](OpBuilder &b) {
    SmallVector<Value> args;
    for (Value result : results)
      args.push_back(tensor::ExtractOp::create(b, loc, result, resultIndex));
    for (Value update : scatter.updates)
      args.push_back(tensor::ExtractOp::create(b, loc, update, updateIndex));
    SmallVector<Value> updated = emitDetachedBody(b, scatter.computation, args);
    scf::ValueVector inserted;
    for (auto [value, result] : llvm::zip_equal(updated, results))
      inserted.push_back(
          tensor::InsertOp::create(b, loc, value, result, resultIndex));
    return inserted;
  };

  // Only the start index can leave the operand: the spec bounds the window
  // and batching terms by the operand's shape.
  SmallVector<Value> checkedIndices =
      selectDims(resultIndex, dims.startIndexMap);
  SmallVector<int64_t> checkedSizes =
      llvm::map_to_vector(dims.startIndexMap, [&](int64_t dim) {
        return scatter.operandShape[dim];
      });
  if (checkedIndices.empty())
    return applyUpdate(builder);
  Value inBounds = emitInBounds(builder, loc, checkedIndices, checkedSizes);
  auto ifInBounds = scf::IfOp::create(
      builder, loc, inBounds,
      [&](OpBuilder &b, Location) {
        scf::YieldOp::create(b, loc, applyUpdate(b));
      },
      [&](OpBuilder &b, Location) { scf::YieldOp::create(b, loc, results); });
  return llvm::to_vector_of<Value>(ifInBounds.getResults());
}

/// Loops over the update scatter dimensions outside the window dimensions:
/// the start index is read once per window, and updates are applied one
/// window after the other in row-major order of the scatter indices, as
/// XLA does (the spec leaves the order to the implementation).
struct ScatterToLinalg final : OpConversionPattern<stablehlo::ScatterOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    ValueRange updates = adaptor.getUpdates();
    SmallVector<Type> scalarTypes;
    for (Value tensor : llvm::concat<Value>(inputs, updates))
      scalarTypes.push_back(getElementTypeOrSelf(tensor.getType()));
    FailureOr<std::unique_ptr<Block>> computation = buildGenericBody(
        rewriter.getContext(), loc, scalarTypes,
        [&](OpBuilder &b, Location, ValueRange args) {
          return emitScalarRegion(b, op.getUpdateComputation(), args);
        });
    if (failed(computation))
      return failure();

    SliceDimensionNumbers dims =
        getSliceDimensionNumbers(op.getScatterDimensionNumbers());
    ArrayRef<int64_t> updateShape =
        cast<RankedTensorType>(updates.front().getType()).getShape();
    ScatterUpdate scatter{
        updates, **computation,
        getOtherDims(updateShape.size(), dims.offsetDims), dims,
        cast<RankedTensorType>(inputs.front().getType()).getShape()};
    Value scatterIndices = adaptor.getScatterIndices();
    bool unsignedIndices = hasUnsignedElements(op.getScatterIndices());

    auto sizesOf = [&](ArrayRef<int64_t> dims) {
      return llvm::map_to_vector(dims,
                                 [&](int64_t dim) { return updateShape[dim]; });
    };
    scf::LoopNest loops = buildStaticLoopNest(
        rewriter, loc, sizesOf(scatter.updateScatterDims), inputs,
        [&](OpBuilder &b, Location, ValueRange scatterIndex,
            ValueRange results) {
          SmallVector<Value> startIndex =
              emitStartIndex(b, loc, scatterIndices, unsignedIndices,
                             scatterIndex, dims.indexVectorDim);
          // An unsigned start past the operand is as far out as any; capped
          // there, adding the window index cannot wrap around to in bounds.
          if (unsignedIndices)
            for (auto [start, dim] :
                 llvm::zip_equal(startIndex, dims.startIndexMap))
              start = arith::MinUIOp::create(
                  b, loc, start,
                  arith::ConstantIndexOp::create(b, loc,
                                                 scatter.operandShape[dim]));
          return buildStaticLoopNest(
                     b, loc, sizesOf(dims.offsetDims), results,
                     [&](OpBuilder &ib, Location, ValueRange windowIndex,
                         ValueRange windowResults) {
                       return emitUpdateElement(ib, loc, scatter, windowResults,
                                                startIndex, scatterIndex,
                                                windowIndex);
                     })
              .results;
        });
    rewriter.replaceOp(op, loops.results);
    return success();
  }
};

} // namespace

void populateGatherScatterToLinalgPatterns(const TypeConverter &typeConverter,
                                           RewritePatternSet &patterns) {
  patterns.add<GatherToLinalg, ScatterToLinalg>(typeConverter,
                                                patterns.getContext());
}

} // namespace jaxc
