//===- SortToSCF.cpp - stablehlo.sort to scf loops on tensors -------------===//
//
// An scf.for nest over the dimensions other than the sorted one carries the
// results; each iteration takes the 1-D slices of all operands at its index,
// sorts them together and inserts them back. The sort is a bottom-up merge
// sort, stable whatever `is_stable` says (stability is one valid order when
// it is false), with the comparator region emitted on scalars at each
// comparison: JAX builds NaN handling and total orders into the region.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace jaxc {
namespace {

SmallVector<Value> extractElements(OpBuilder &builder, Location loc,
                                   ValueRange vectors, Value index) {
  return llvm::map_to_vector(vectors, [&](Value vector) -> Value {
    return tensor::ExtractOp::create(builder, loc, vector, index);
  });
}

/// Whether the elements `lhs` (one per operand) sort before `rhs`: the
/// comparator takes them interleaved, (lhs_0, rhs_0, lhs_1, rhs_1, ...).
Value emitLessThan(OpBuilder &builder, Block &comparator, ValueRange lhs,
                   ValueRange rhs) {
  SmallVector<Value> args;
  for (auto [lhsElement, rhsElement] : llvm::zip_equal(lhs, rhs)) {
    args.push_back(lhsElement);
    args.push_back(rhsElement);
  }
  return emitDetachedBody(builder, comparator, args).front();
}

/// Merges the sorted runs [start, middle) and [middle, end) of the 1-D
/// tensors `sources` into [start, end) of `destinations`, reading each run
/// at a cursor. The right run's element goes first only when it is less
/// than the left one's, which keeps equal elements in order.
SmallVector<Value> emitMerge(OpBuilder &builder, Location loc,
                             Block &comparator, ValueRange sources,
                             ValueRange destinations, Value start, Value middle,
                             Value end) {
  int64_t size =
      cast<RankedTensorType>(sources.front().getType()).getDimSize(0);
  Value one = arith::ConstantIndexOp::create(builder, loc, 1);
  // A cursor at the end of its run still reads an element in bounds; that
  // element is never taken.
  Value lastIndex = arith::ConstantIndexOp::create(builder, loc, size - 1);
  SmallVector<Value> iterArgs{start, middle};
  llvm::append_range(iterArgs, destinations);
  auto loop = scf::ForOp::create(
      builder, loc, start, end, one, iterArgs,
      [&](OpBuilder &b, Location, Value position, ValueRange carried) {
        Value leftCursor = carried[0], rightCursor = carried[1];
        ValueRange merged = carried.drop_front(2);
        SmallVector<Value> left = extractElements(
            b, loc, sources,
            arith::MinUIOp::create(b, loc, leftCursor, lastIndex));
        SmallVector<Value> right = extractElements(
            b, loc, sources,
            arith::MinUIOp::create(b, loc, rightCursor, lastIndex));
        Value leftExhausted = arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::uge, leftCursor, middle);
        Value rightRemains = arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::ult, rightCursor, end);
        Value rightFirst = arith::AndIOp::create(
            b, loc, rightRemains,
            arith::OrIOp::create(b, loc, leftExhausted,
                                 emitLessThan(b, comparator, right, left)));
        SmallVector<Value> yielded{
            arith::SelectOp::create(
                b, loc, rightFirst, leftCursor,
                arith::AddIOp::create(b, loc, leftCursor, one)),
            arith::SelectOp::create(
                b, loc, rightFirst,
                arith::AddIOp::create(b, loc, rightCursor, one), rightCursor)};
        for (auto [leftElement, rightElement, destination] :
             llvm::zip_equal(left, right, merged)) {
          Value element = arith::SelectOp::create(b, loc, rightFirst,
                                                  rightElement, leftElement);
          yielded.push_back(
              tensor::InsertOp::create(b, loc, element, destination, position));
        }
        scf::YieldOp::create(b, loc, yielded);
      });
  return llvm::to_vector_of<Value>(loop.getResults().drop_front(2));
}

/// Merges each pair of adjacent sorted runs of `runSize` elements of the 1-D
/// tensors `sources` into new tensors.
SmallVector<Value> emitMergePass(OpBuilder &builder, Location loc,
                                 Block &comparator, ValueRange sources,
                                 int64_t runSize) {
  auto type = cast<RankedTensorType>(sources.front().getType());
  SmallVector<Value> merged;
  for (Value source : sources)
    merged.push_back(tensor::EmptyOp::create(
        builder, loc, type.getShape(), getElementTypeOrSelf(source.getType())));
  Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
  Value end = arith::ConstantIndexOp::create(builder, loc, type.getDimSize(0));
  Value pairSize = arith::ConstantIndexOp::create(builder, loc, 2 * runSize);
  auto pairs = scf::ForOp::create(
      builder, loc, zero, end, pairSize, merged,
      [&](OpBuilder &b, Location, Value start, ValueRange destinations) {
        auto runEnd = [&](int64_t offset) -> Value {
          Value unclamped = arith::AddIOp::create(
              b, loc, start, arith::ConstantIndexOp::create(b, loc, offset));
          return arith::MinUIOp::create(b, loc, unclamped, end);
        };
        Value middle = runEnd(runSize);
        Value pairEnd = runEnd(2 * runSize);
        scf::YieldOp::create(b, loc,
                             emitMerge(b, loc, comparator, sources,
                                       destinations, start, middle, pairEnd));
      });
  return pairs.getResults();
}

/// Sorts the 1-D tensors `vectors` together by a bottom-up merge sort: pass
/// p merges runs of 2^p elements into runs of 2^(p+1). The passes are
/// unrolled (there are ceil(log2(size)) of them), so that no loop swaps
/// buffers, which bufferization would turn into runtime alias checks.
SmallVector<Value> emitMergeSort(OpBuilder &builder, Location loc,
                                 Block &comparator, ValueRange vectors) {
  int64_t size =
      cast<RankedTensorType>(vectors.front().getType()).getDimSize(0);
  SmallVector<Value> sorted(vectors);
  for (int64_t runSize = 1; runSize < size; runSize *= 2)
    sorted = emitMergePass(builder, loc, comparator, sorted, runSize);
  return sorted;
}

/// Sorts `tensors` together along `sortDim` (of two elements or more): one
/// loop per other dimension, carrying the tensors, sorts the 1-D slices at
/// its index.
SmallVector<Value> emitSortAlong(OpBuilder &builder, Location loc,
                                 Block &comparator, ValueRange tensors,
                                 int64_t sortDim) {
  ArrayRef<int64_t> shape =
      cast<RankedTensorType>(tensors.front().getType()).getShape();
  int64_t rank = shape.size();
  SmallVector<int64_t> loopSizes(shape);
  loopSizes.erase(loopSizes.begin() + sortDim);
  SmallVector<int64_t> sliceSizes(rank, 1);
  sliceSizes[sortDim] = shape[sortDim];
  MLIRContext *context = builder.getContext();
  SmallVector<OpFoldResult> sizes = getAsIndexOpFoldResult(context, sliceSizes);
  SmallVector<OpFoldResult> strides =
      getAsIndexOpFoldResult(context, SmallVector<int64_t>(rank, 1));
  scf::LoopNest loops = buildStaticLoopNest(
      builder, loc, loopSizes, tensors,
      [&](OpBuilder &b, Location, ValueRange sliceIndex, ValueRange results) {
        SmallVector<OpFoldResult> offsets = getAsOpFoldResult(sliceIndex);
        offsets.insert(offsets.begin() + sortDim, b.getIndexAttr(0));
        SmallVector<Value> vectors;
        for (Value result : results) {
          auto vectorType = RankedTensorType::get(
              shape[sortDim], getElementTypeOrSelf(result.getType()));
          vectors.push_back(tensor::ExtractSliceOp::create(
              b, loc, vectorType, result, offsets, sizes, strides));
        }
        scf::ValueVector sorted;
        for (auto [vector, result] : llvm::zip_equal(
                 emitMergeSort(b, loc, comparator, vectors), results))
          sorted.push_back(tensor::InsertSliceOp::create(
              b, loc, vector, result, offsets, sizes, strides));
        return sorted;
      });
  return loops.results;
}

struct SortToSCF final : OpConversionPattern<stablehlo::SortOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::SortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    SmallVector<Type> comparatorArgTypes;
    for (Value input : inputs)
      comparatorArgTypes.append(2, getElementTypeOrSelf(input.getType()));
    FailureOr<std::unique_ptr<Block>> comparator =
        buildGenericBody(rewriter.getContext(), loc, comparatorArgTypes,
                         [&](OpBuilder &b, Location, ValueRange args) {
                           return emitScalarRegion(b, op.getComparator(), args);
                         });
    if (failed(comparator))
      return failure();

    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(inputs.front().getType()).getShape();
    // The spec allows a dimension counted from the end (the getter gives
    // the attribute's bits unsigned).
    auto sortDim = static_cast<int64_t>(op.getDimension());
    if (sortDim < 0)
      sortDim += shape.size();
    if (shape[sortDim] <= 1) {
      rewriter.replaceOp(op, inputs);
      return success();
    }
    rewriter.replaceOp(
        op, emitSortAlong(rewriter, loc, **comparator, inputs, sortDim));
    return success();
  }
};

} // namespace

void populateSortToSCFPatterns(const TypeConverter &typeConverter,
                               RewritePatternSet &patterns) {
  patterns.add<SortToSCF>(typeConverter, patterns.getContext());
}

} // namespace jaxc
