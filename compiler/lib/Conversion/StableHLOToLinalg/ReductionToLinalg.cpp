//===- ReductionToLinalg.cpp - reduce and reduce_window to linalg ---------===//
//
// A reduction becomes one linalg.generic with reduction iterators, N inputs
// and N accumulators filled with the init values; its body is the reducer
// region emitted on scalars, so multi-operand reducers (argmax) just work.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;

namespace jaxc {
namespace {

/// The body of a reduction generic whose block takes (elements..., ignored
/// arguments of `unusedTypes`..., accumulators...), from the reducer, which
/// takes (accumulators..., elements...).
FailureOr<std::unique_ptr<Block>>
buildReducerBody(OpBuilder &builder, Location loc, Region &reducer,
                 ValueRange inputs, TypeRange unusedTypes,
                 TypeRange resultTypes) {
  SmallVector<Type> blockArgTypes;
  for (Value input : inputs)
    blockArgTypes.push_back(getElementTypeOrSelf(input.getType()));
  llvm::append_range(blockArgTypes, unusedTypes);
  for (Type type : resultTypes)
    blockArgTypes.push_back(getElementTypeOrSelf(type));
  size_t numInputs = inputs.size();
  return buildGenericBody(
      builder.getContext(), loc, blockArgTypes,
      [&](OpBuilder &b, Location, ValueRange args) {
        SmallVector<Value> reducerArgs(args.take_back(numInputs));
        llvm::append_range(reducerArgs, args.take_front(numInputs));
        return emitScalarRegion(b, reducer, reducerArgs);
      });
}

/// Tensors of `types` filled with `initScalars`, one each.
SmallVector<Value> createAccumulators(OpBuilder &builder, Location loc,
                                      TypeRange types, ValueRange initScalars) {
  SmallVector<Value> accumulators;
  for (auto [type, init] : llvm::zip_equal(types, initScalars))
    accumulators.push_back(
        createFilledTensor(builder, loc, cast<RankedTensorType>(type), init));
  return accumulators;
}

SmallVector<Value> extractScalars(OpBuilder &builder, Location loc,
                                  ValueRange rankZeroTensors) {
  return llvm::map_to_vector(rankZeroTensors, [&](Value tensor) {
    return extractScalar(builder, loc, tensor);
  });
}

/// Lets a one-result float sum or product be reassociated (fastmath
/// reassoc on the op that folds an element into the accumulator), so LLVM
/// vectorizes it with several partial sums instead of one chain of
/// dependent adds: a layernorm's row sums ran 4 cycles an element. The
/// order then depends on the target's vector width, not on the threads:
/// the spec leaves a reduction's order to the implementation, and XLA's
/// vectorized sums differ from the sequential one too.
void allowReassociation(Block &body) {
  if (body.getNumArguments() != 2)
    return;
  auto yield = body.getTerminator();
  Operation *combine = yield->getOperand(0).getDefiningOp();
  if (!isa_and_nonnull<arith::AddFOp, arith::MulFOp>(combine) ||
      !llvm::is_contained(combine->getOperands(), body.getArgument(1)))
    return;
  auto fastMath = cast<arith::ArithFastMathInterface>(combine);
  combine->setAttr(fastMath.getFastMathAttrName(),
                   arith::FastMathFlagsAttr::get(
                       combine->getContext(), arith::FastMathFlags::reassoc));
}

struct ReduceToLinalg final : OpConversionPattern<stablehlo::ReduceOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(
            getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
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
    maps.append(numInputs,
                AffineMap::get(rank, 0, keptDims, rewriter.getContext()));

    FailureOr<std::unique_ptr<Block>> body = buildReducerBody(
        rewriter, loc, op.getBody(), inputs, TypeRange(), resultTypes);
    if (failed(body))
      return failure();
    allowReassociation(**body);
    SmallVector<Value> accumulators = createAccumulators(
        rewriter, loc, resultTypes,
        extractScalars(rewriter, loc, adaptor.getInitValues()));
    auto generic = createGeneric(rewriter, loc, inputs, accumulators, maps,
                                 iterators, std::move(*body));
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

/// Loops over the result (parallel) and the window (reduction); the input is
/// read at result index * stride + window index * window dilation after
/// padding it with the init value (base dilation is interior padding). A
/// window-shaped empty tensor gives the window loops their bounds.
struct ReduceWindowToLinalg final
    : OpConversionPattern<stablehlo::ReduceWindowOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::ReduceWindowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(
            getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return failure();
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    auto inputType = cast<RankedTensorType>(inputs.front().getType());
    int64_t rank = inputType.getRank();
    ArrayRef<int64_t> window = op.getWindowDimensions();
    SmallVector<int64_t> ones(rank, 1);
    ArrayRef<int64_t> strides = op.getWindowStrides().value_or(ones);
    ArrayRef<int64_t> baseDilations = op.getBaseDilations().value_or(ones);
    ArrayRef<int64_t> windowDilations = op.getWindowDilations().value_or(ones);
    auto [low, high] = getWindowPadding(op.getPadding(), rank);

    auto windowType = RankedTensorType::get(window, inputType.getElementType());
    FailureOr<std::unique_ptr<Block>> body =
        buildReducerBody(rewriter, loc, op.getBody(), inputs,
                         windowType.getElementType(), resultTypes);
    if (failed(body))
      return failure();

    SmallVector<Value> initScalars =
        extractScalars(rewriter, loc, adaptor.getInitValues());
    bool padded = llvm::any_of(low, [](int64_t n) { return n != 0; }) ||
                  llvm::any_of(high, [](int64_t n) { return n != 0; }) ||
                  llvm::any_of(baseDilations, [](int64_t n) { return n != 1; });
    SmallVector<int64_t> interior = llvm::map_to_vector(
        baseDilations, [](int64_t dilation) { return dilation - 1; });
    SmallVector<Value> operands;
    for (auto [input, init] : llvm::zip_equal(inputs, initScalars)) {
      operands.push_back(
          padded ? createPadded(rewriter, loc, input, init, low, high, interior)
                 : input);
    }
    operands.push_back(createEmptyTensor(rewriter, loc, windowType));

    SmallVector<AffineExpr> inputExprs, windowExprs, resultExprs;
    for (int64_t dim = 0; dim < rank; ++dim) {
      AffineExpr resultIndex = rewriter.getAffineDimExpr(dim);
      AffineExpr windowIndex = rewriter.getAffineDimExpr(rank + dim);
      inputExprs.push_back(resultIndex * strides[dim] +
                           windowIndex * windowDilations[dim]);
      windowExprs.push_back(windowIndex);
      resultExprs.push_back(resultIndex);
    }
    MLIRContext *context = rewriter.getContext();
    SmallVector<AffineMap> maps(
        inputs.size(), AffineMap::get(2 * rank, 0, inputExprs, context));
    maps.push_back(AffineMap::get(2 * rank, 0, windowExprs, context));
    maps.append(inputs.size(),
                AffineMap::get(2 * rank, 0, resultExprs, context));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators.append(rank, utils::IteratorType::reduction);

    SmallVector<Value> accumulators =
        createAccumulators(rewriter, loc, resultTypes, initScalars);
    auto generic = createGeneric(rewriter, loc, operands, accumulators, maps,
                                 iterators, std::move(*body));
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void populateReductionToLinalgPatterns(const TypeConverter &typeConverter,
                                       RewritePatternSet &patterns) {
  patterns.add<ReduceToLinalg, ReduceWindowToLinalg>(typeConverter,
                                                     patterns.getContext());
}

} // namespace jaxc
