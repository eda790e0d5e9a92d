//===- DotToLinalg.cpp - dot_general and dot to linalg.generic ------------===//
//
// One linalg.generic per contraction. Its loops are the batch, lhs free and
// rhs free dimensions (the result's order) followed by the contracting ones.
// Operands convert to the result element type before the multiply-add;
// convolution builds its contraction with the same helpers.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace jaxc {
namespace {

struct ContractionDims {
  SmallVector<int64_t> lhsBatch, rhsBatch, lhsContracting, rhsContracting;
};

/// acc + x * y; for i1, acc | (x & y).
FailureOr<Value> emitMultiplyAdd(OpBuilder &b, Location loc, Value x, Value y,
                                 Value accumulator) {
  Type type = accumulator.getType();
  if (isa<ComplexType>(type))
    return complex::AddOp::create(b, loc, accumulator,
                                  complex::MulOp::create(b, loc, x, y))
        .getResult();
  if (isa<FloatType>(type))
    return arith::AddFOp::create(b, loc, accumulator,
                                 arith::MulFOp::create(b, loc, x, y))
        .getResult();
  if (!isa<IntegerType>(type))
    return failure();
  if (type.isInteger(1))
    return arith::OrIOp::create(b, loc, accumulator,
                                arith::AndIOp::create(b, loc, x, y))
        .getResult();
  return arith::AddIOp::create(b, loc, accumulator,
                               arith::MulIOp::create(b, loc, x, y))
      .getResult();
}

/// Maps the loops to the dimensions of one operand: batch dimension k is
/// loop k, contracting dimension k is loop numParallel + k and the free
/// dimensions take the loops from `firstFreeLoop` on, in order.
AffineMap getOperandMap(MLIRContext *context, int64_t rank,
                        ArrayRef<int64_t> batch, ArrayRef<int64_t> contracting,
                        int64_t firstFreeLoop, int64_t numParallel,
                        int64_t numLoops) {
  SmallVector<AffineExpr> exprs;
  int64_t nextFreeLoop = firstFreeLoop;
  for (int64_t dim = 0; dim < rank; ++dim) {
    const auto *batchIt = llvm::find(batch, dim);
    const auto *contractingIt = llvm::find(contracting, dim);
    int64_t loop = batchIt != batch.end() ? batchIt - batch.begin()
                   : contractingIt != contracting.end()
                       ? numParallel + (contractingIt - contracting.begin())
                       : nextFreeLoop++;
    exprs.push_back(getAffineDimExpr(loop, context));
  }
  return AffineMap::get(numLoops, 0, exprs, context);
}

/// Lowers the contraction `op` (a dot_general or dot) of the converted
/// operands `lhs` and `rhs`.
FailureOr<Value> lowerContraction(ConversionPatternRewriter &rewriter,
                                  const TypeConverter &typeConverter,
                                  Operation *op, Value lhs, Value rhs,
                                  const ContractionDims &dims) {
  auto resultType =
      typeConverter.convertType<RankedTensorType>(op->getResult(0).getType());
  if (!resultType)
    return failure();
  MLIRContext *context = rewriter.getContext();
  int64_t lhsRank = cast<RankedTensorType>(lhs.getType()).getRank();
  int64_t rhsRank = cast<RankedTensorType>(rhs.getType()).getRank();
  int64_t numBatch = dims.lhsBatch.size();
  int64_t numContracting = dims.lhsContracting.size();
  int64_t lhsFree = lhsRank - numBatch - numContracting;
  int64_t rhsFree = rhsRank - numBatch - numContracting;
  int64_t numParallel = numBatch + lhsFree + rhsFree;
  int64_t numLoops = numParallel + numContracting;
  if (numParallel != resultType.getRank())
    return failure();

  FailureOr<ContractionBody> body = buildContractionBody(
      context, op->getLoc(), getElementTypeOrSelf(op->getOperand(0).getType()),
      getElementTypeOrSelf(op->getOperand(1).getType()),
      getElementTypeOrSelf(op->getResult(0).getType()));
  if (failed(body))
    return failure();

  // The result takes the leading, parallel loops.
  SmallVector<AffineExpr> resultExprs;
  for (int64_t loop = 0; loop < numParallel; ++loop)
    resultExprs.push_back(getAffineDimExpr(loop, context));
  AffineMap maps[] = {
      getOperandMap(context, lhsRank, dims.lhsBatch, dims.lhsContracting,
                    numBatch, numParallel, numLoops),
      getOperandMap(context, rhsRank, dims.rhsBatch, dims.rhsContracting,
                    numBatch + lhsFree, numParallel, numLoops),
      AffineMap::get(numLoops, 0, resultExprs, context)};
  // A transposed operand is read through its source (an index map, no
  // copy): x . W^T is how JAX writes tied embeddings' logits, and GPT-2's
  // decode step spent more time copying its 154 MB W^T than multiplying.
  Value operands[] = {lhs, rhs};
  for (int64_t i = 0; i < 2; ++i) {
    auto transpose = op->getOperand(i).getDefiningOp<stablehlo::TransposeOp>();
    if (!transpose)
      continue;
    // Result dimension d of the transpose is source dimension perm[d].
    ArrayRef<int64_t> permutation = transpose.getPermutation();
    SmallVector<AffineExpr> sourceExprs(permutation.size());
    for (auto [dim, sourceDim] : llvm::enumerate(permutation))
      sourceExprs[sourceDim] = maps[i].getResult(dim);
    operands[i] = rewriter.getRemappedValue(transpose.getOperand());
    maps[i] = AffineMap::get(numLoops, 0, sourceExprs, context);
  }
  SmallVector<utils::IteratorType> iterators(numParallel,
                                             utils::IteratorType::parallel);
  iterators.append(numContracting, utils::IteratorType::reduction);
  return createContraction(rewriter, op->getLoc(), operands[0], operands[1],
                           resultType, std::move(*body), maps, iterators);
}

struct DotGeneralToLinalg final : OpConversionPattern<stablehlo::DotGeneralOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::DotGeneralOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!computesAlgorithm(op))
      return rewriter.notifyMatchFailure(op, "another dot algorithm");
    stablehlo::DotDimensionNumbersAttr numbers = op.getDotDimensionNumbers();
    ContractionDims dims{
        llvm::to_vector(numbers.getLhsBatchingDimensions()),
        llvm::to_vector(numbers.getRhsBatchingDimensions()),
        llvm::to_vector(numbers.getLhsContractingDimensions()),
        llvm::to_vector(numbers.getRhsContractingDimensions())};
    FailureOr<Value> result =
        lowerContraction(rewriter, *getTypeConverter(), op, adaptor.getLhs(),
                         adaptor.getRhs(), dims);
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

/// The legacy dot: vector or matrix operands, contracting the last lhs
/// dimension with the first rhs dimension.
struct DotToLinalg final : OpConversionPattern<stablehlo::DotOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::DotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    int64_t lhsRank = op.getLhs().getType().getRank();
    ContractionDims dims{{}, {}, {lhsRank - 1}, {0}};
    FailureOr<Value> result =
        lowerContraction(rewriter, *getTypeConverter(), op, adaptor.getLhs(),
                         adaptor.getRhs(), dims);
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

} // namespace

Type getAccumulatorType(Type resultElementType) {
  return isHalfFloat(resultElementType)
             ? Float32Type::get(resultElementType.getContext())
             : resultElementType;
}

bool computesAlgorithm(Operation *op) {
  auto dot = dyn_cast<stablehlo::DotGeneralOp>(op);
  stablehlo::DotAlgorithmAttr algorithm =
      dot ? dot.getAlgorithmAttr() : stablehlo::DotAlgorithmAttr();
  if (!algorithm)
    return true;
  return algorithm.getLhsPrecisionType() ==
             getElementTypeOrSelf(dot.getLhs().getType()) &&
         algorithm.getRhsPrecisionType() ==
             getElementTypeOrSelf(dot.getRhs().getType()) &&
         algorithm.getAccumulationType() ==
             getAccumulatorType(getElementTypeOrSelf(dot.getType())) &&
         algorithm.getLhsComponentCount() == 1 &&
         algorithm.getRhsComponentCount() == 1 &&
         algorithm.getNumPrimitiveOperations() == 1;
}

FailureOr<ContractionBody>
buildContractionBody(MLIRContext *context, Location loc, Type lhsElementType,
                     Type rhsElementType, Type resultElementType) {
  Type accumulatorType = getAccumulatorType(resultElementType);
  Type blockArgTypes[] = {getSignlessType(lhsElementType),
                          getSignlessType(rhsElementType),
                          getSignlessType(accumulatorType)};
  FailureOr<std::unique_ptr<Block>> block = buildGenericBody(
      context, loc, blockArgTypes,
      [&](OpBuilder &b, Location bodyLoc,
          ValueRange args) -> FailureOr<SmallVector<Value>> {
        FailureOr<Value> x = emitScalarConvert(b, bodyLoc, args[0],
                                               lhsElementType, accumulatorType);
        FailureOr<Value> y = emitScalarConvert(b, bodyLoc, args[1],
                                               rhsElementType, accumulatorType);
        if (failed(x) || failed(y))
          return failure();
        FailureOr<Value> sum = emitMultiplyAdd(b, bodyLoc, *x, *y, args[2]);
        if (failed(sum))
          return failure();
        return SmallVector<Value>{*sum};
      });
  if (failed(block))
    return failure();
  return ContractionBody{std::move(*block), accumulatorType, resultElementType};
}

FailureOr<Value> createContraction(OpBuilder &builder, Location loc, Value lhs,
                                   Value rhs, RankedTensorType resultType,
                                   ContractionBody body,
                                   ArrayRef<AffineMap> maps,
                                   ArrayRef<utils::IteratorType> iterators) {
  Type signlessAccumulatorType = getSignlessType(body.accumulatorType);
  Value zero = createScalarZero(builder, loc, signlessAccumulatorType);
  Value init = createFilledTensor(
      builder, loc, resultType.clone(signlessAccumulatorType), zero);
  Value product = createGeneric(builder, loc, ValueRange{lhs, rhs}, init, maps,
                                iterators, std::move(body.block))
                      .getResult(0);
  if (body.accumulatorType == body.resultElementType)
    return product;
  return createElementwiseGeneric(
      builder, loc, resultType, product,
      [&](OpBuilder &b, Location bodyLoc,
          ValueRange args) -> FailureOr<SmallVector<Value>> {
        FailureOr<Value> rounded = emitScalarConvert(
            b, bodyLoc, args[0], body.accumulatorType, body.resultElementType);
        if (failed(rounded))
          return failure();
        return SmallVector<Value>{*rounded};
      });
}

void populateDotToLinalgPatterns(const TypeConverter &typeConverter,
                                 RewritePatternSet &patterns) {
  patterns.add<DotGeneralToLinalg, DotToLinalg>(typeConverter,
                                                patterns.getContext());
}

} // namespace jaxc
