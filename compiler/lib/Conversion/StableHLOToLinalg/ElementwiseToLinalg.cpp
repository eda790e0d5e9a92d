//===- ElementwiseToLinalg.cpp - Elementwise StableHLO ops to linalg ------===//
//
// One pattern for every op emitScalarOp has a rule for: a linalg.generic
// over the result whose body computes one element.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Conversion/StableHLOToLinalg/StableHLOToLinalg.h"

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

} // namespace

void populateElementwiseToLinalgPatterns(const TypeConverter &typeConverter,
                                         RewritePatternSet &patterns) {
  patterns.add<ElementwiseToLinalg>(typeConverter, patterns.getContext());
}

} // namespace jaxc
