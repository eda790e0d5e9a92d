//===- ReductionToLinalg.cpp - stablehlo.reduce to linalg.generic ---------===//
//
// A reduce becomes one linalg.generic with reduction iterators over the
// reduced dimensions, N inputs and N accumulators; its body is the reducer
// region emitted on scalars, so multi-operand reducers (argmax) just work.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;

namespace jaxc {
namespace {

struct ReduceToLinalg final : OpConversionPattern<stablehlo::ReduceOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op.getResultTypes(),
                                                resultTypes)))
      return failure();
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    size_t numInputs = inputs.size();
    int64_t rank = cast<RankedTensorType>(inputs.front().getType()).getRank();

    llvm::SmallBitVector reduced(rank);
    for (int64_t dim : op.getDimensions())
      reduced.set(dim);
    SmallVector<AffineExpr> keptDims;
    SmallVector<utils::IteratorType> iterators;
    for (int64_t dim = 0; dim < rank; ++dim) {
      iterators.push_back(reduced[dim] ? utils::IteratorType::reduction
                                       : utils::IteratorType::parallel);
      if (!reduced[dim])
        keptDims.push_back(rewriter.getAffineDimExpr(dim));
    }
    SmallVector<AffineMap> maps(numInputs,
                                rewriter.getMultiDimIdentityMap(rank));
    maps.append(numInputs, AffineMap::get(rank, 0, keptDims,
                                          rewriter.getContext()));

    SmallVector<Type> blockArgTypes;
    for (Value input : inputs)
      blockArgTypes.push_back(getElementTypeOrSelf(input.getType()));
    for (Type type : resultTypes)
      blockArgTypes.push_back(getElementTypeOrSelf(type));
    // The reducer takes (accumulators..., elements...); the generic's block
    // has (elements..., accumulators...).
    FailureOr<std::unique_ptr<Block>> body = buildGenericBody(
        rewriter.getContext(), loc, blockArgTypes,
        [&](OpBuilder &b, Location, ValueRange args) {
          SmallVector<Value> reducerArgs(args.drop_front(numInputs));
          llvm::append_range(reducerArgs, args.take_front(numInputs));
          return emitScalarRegion(b, op.getBody(), reducerArgs);
        });
    if (failed(body))
      return failure();

    SmallVector<Value> accumulators;
    for (auto [type, init] : llvm::zip_equal(resultTypes,
                                             adaptor.getInitValues()))
      accumulators.push_back(
          createFilledTensor(rewriter, loc, cast<RankedTensorType>(type),
                             extractScalar(rewriter, loc, init)));
    auto generic = createGeneric(rewriter, loc, inputs, accumulators, maps,
                                 iterators, std::move(*body));
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateReductionToLinalgPatterns(const TypeConverter &typeConverter,
                                       RewritePatternSet &patterns) {
  patterns.add<ReduceToLinalg>(typeConverter, patterns.getContext());
}

} // namespace jaxc
