//===- ElementwiseToLinalg.cpp - Elementwise StableHLO ops to linalg ------===//
//
// One pattern for every op emitScalarOp has a rule for: a linalg.generic
// over the result whose body computes one element. bitcast_convert between
// element types of different widths is not elementwise (it splits or joins
// elements along a trailing dimension) and has a pattern of its own.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Conversion/StableHLOToLinalg/StableHLOToLinalg.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace jaxc {
namespace {

struct ElementwiseToLinalg final : ConversionPattern {
  ElementwiseToLinalg(const TypeConverter &typeConverter, MLIRContext *context)
      : ConversionPattern(typeConverter, MatchAnyOpTypeTag(), /*benefit=*/1,
                          context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (op->getNumResults() != 1 || !hasScalarRule(op))
      return failure();
    auto resultType = getTypeConverter()->convertType<RankedTensorType>(
        op->getResult(0).getType());
    if (!resultType)
      return failure();
    // The op still has its original types: they carry the signedness.
    SmallVector<Type> argTypes =
        llvm::map_to_vector(op->getOperandTypes(), [](Type type) {
          return getElementTypeOrSelf(type);
        });
    Type resultElementType = getElementTypeOrSelf(op->getResult(0).getType());
    FailureOr<Value> result = createElementwiseGeneric(
        rewriter, op->getLoc(), resultType, operands,
        [&](OpBuilder &b, Location loc,
            ValueRange args) -> FailureOr<SmallVector<Value>> {
          FailureOr<Value> element =
              emitScalarOp(b, loc, op, args, argTypes, resultElementType);
          if (failed(element))
            return failure();
          return SmallVector<Value>{*element};
        });
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

/// The bits of a signless integer or float scalar, as an integer.
Value toBits(OpBuilder &b, Location loc, Value scalar) {
  if (isa<IntegerType>(scalar.getType()))
    return scalar;
  return arith::BitcastOp::create(
      b, loc, b.getIntegerType(scalar.getType().getIntOrFloatBitWidth()),
      scalar);
}

Value fromBits(OpBuilder &b, Location loc, Value bits, Type type) {
  if (bits.getType() == type)
    return bits;
  return arith::BitcastOp::create(b, loc, type, bits);
}

/// Wide to narrow: element k of the result's trailing dimension is the k-th
/// lowest group of bits of its operand element (little-endian, XLA's
/// in-memory layout). The operand is read without that dimension.
Value createSplitBitcast(OpBuilder &builder, Location loc, Value operand,
                         RankedTensorType resultType) {
  int64_t rank = resultType.getRank();
  Type wideType = getElementTypeOrSelf(operand.getType());
  Type narrowType = resultType.getElementType();
  IntegerType wideInt =
      builder.getIntegerType(wideType.getIntOrFloatBitWidth());
  IntegerType narrowInt =
      builder.getIntegerType(narrowType.getIntOrFloatBitWidth());
  Type blockArgTypes[] = {wideType, narrowType};
  // Shifts and truncations of integers cannot fail.
  std::unique_ptr<Block> body = std::move(*buildGenericBody(
      builder.getContext(), loc, blockArgTypes,
      [&](OpBuilder &b, Location l,
          ValueRange args) -> FailureOr<SmallVector<Value>> {
        Value part = arith::IndexCastUIOp::create(
            b, l, wideInt, linalg::IndexOp::create(b, l, rank - 1));
        Value shift = arith::MulIOp::create(
            b, l, part,
            arith::ConstantIntOp::create(b, l, wideInt, narrowInt.getWidth()));
        Value shifted =
            arith::ShRUIOp::create(b, l, toBits(b, l, args[0]), shift);
        Value bits = arith::TruncIOp::create(b, l, narrowInt, shifted);
        return SmallVector<Value>{fromBits(b, l, bits, narrowType)};
      }));
  AffineMap identity = builder.getMultiDimIdentityMap(rank);
  AffineMap maps[] = {identity.dropResult(rank - 1), identity};
  return createGeneric(builder, loc, operand,
                       createEmptyTensor(builder, loc, resultType), maps,
                       SmallVector<utils::IteratorType>(
                           rank, utils::IteratorType::parallel),
                       std::move(body))
      .getResult(0);
}

/// Narrow to wide: each result element ors together the operand's trailing
/// dimension, element k shifted to the k-th lowest group of bits. The
/// operand is read once per k, at a constant trailing index, so the generic
/// stays parallel.
Value createJoinBitcast(OpBuilder &builder, Location loc, Value operand,
                        RankedTensorType resultType) {
  int64_t rank = resultType.getRank();
  auto operandType = cast<RankedTensorType>(operand.getType());
  int64_t ratio = operandType.getShape().back();
  Type narrowType = operandType.getElementType();
  Type wideType = resultType.getElementType();
  IntegerType wideInt =
      builder.getIntegerType(wideType.getIntOrFloatBitWidth());
  unsigned narrowWidth = narrowType.getIntOrFloatBitWidth();
  SmallVector<Type> blockArgTypes(ratio, narrowType);
  blockArgTypes.push_back(wideType);
  std::unique_ptr<Block> body = std::move(*buildGenericBody(
      builder.getContext(), loc, blockArgTypes,
      [&](OpBuilder &b, Location l,
          ValueRange args) -> FailureOr<SmallVector<Value>> {
        Value bits;
        for (int64_t k = 0; k < ratio; ++k) {
          Value part =
              arith::ExtUIOp::create(b, l, wideInt, toBits(b, l, args[k]));
          if (k == 0) {
            bits = part;
            continue;
          }
          Value shift =
              arith::ConstantIntOp::create(b, l, wideInt, k * narrowWidth);
          bits = arith::OrIOp::create(b, l, bits,
                                      arith::ShLIOp::create(b, l, part, shift));
        }
        return SmallVector<Value>{fromBits(b, l, bits, wideType)};
      }));
  SmallVector<AffineExpr> dims =
      llvm::map_to_vector(llvm::seq<unsigned>(rank), [&](unsigned dim) {
        return builder.getAffineDimExpr(dim);
      });
  SmallVector<AffineMap> maps;
  for (int64_t k = 0; k < ratio; ++k) {
    SmallVector<AffineExpr> exprs(dims);
    exprs.push_back(builder.getAffineConstantExpr(k));
    maps.push_back(AffineMap::get(rank, 0, exprs, builder.getContext()));
  }
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  return createGeneric(builder, loc, SmallVector<Value>(ratio, operand),
                       createEmptyTensor(builder, loc, resultType), maps,
                       SmallVector<utils::IteratorType>(
                           rank, utils::IteratorType::parallel),
                       std::move(body))
      .getResult(0);
}

/// bitcast_convert between integer or float types of different widths (the
/// verifier has checked the shapes). Same widths are elementwise; complex and
/// i1, whose in-memory bits XLA does not define this way, are not lowered.
struct BitcastConvertResizeToLinalg final
    : OpConversionPattern<stablehlo::BitcastConvertOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::BitcastConvertOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    Value operand = adaptor.getOperand();
    Type fromType = getElementTypeOrSelf(operand.getType());
    Type toType = resultType.getElementType();
    auto isBitcastable = [](Type type) {
      return type.isIntOrFloat() && !type.isInteger(1);
    };
    if (!isBitcastable(fromType) || !isBitcastable(toType))
      return rewriter.notifyMatchFailure(op, "not integers or floats");
    unsigned fromWidth = fromType.getIntOrFloatBitWidth();
    unsigned toWidth = toType.getIntOrFloatBitWidth();
    if (fromWidth == toWidth)
      return rewriter.notifyMatchFailure(op, "same width: elementwise");
    rewriter.replaceOp(
        op,
        fromWidth > toWidth
            ? createSplitBitcast(rewriter, op.getLoc(), operand, resultType)
            : createJoinBitcast(rewriter, op.getLoc(), operand, resultType));
    return success();
  }
};

} // namespace

void populateElementwiseToLinalgPatterns(const TypeConverter &typeConverter,
                                         RewritePatternSet &patterns) {
  patterns.add<BitcastConvertResizeToLinalg, ElementwiseToLinalg>(
      typeConverter, patterns.getContext());
}

} // namespace jaxc
