//===- SelectAndScatterToLinalg.cpp - select_and_scatter to scf loops -----===//
//
// The result starts filled with init_value. An scf.for nest over the source
// carries it; for each source element an inner nest walks the window in
// row-major order and selects one operand element, and the scatter region
// combines the source element into the result there.
//
// Selection follows the spec's reduce_window of `select(a, b) ? a : b`
// without init values, in the order XLA and the spec's interpreter use: the
// first operand element in the window is selected, and each later one
// replaces the selection when select(selected, later) is false. Padding
// holds no operand element, so it is never selected; a window of padding
// alone scatters nothing.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace jaxc {
namespace {

struct Window {
  ArrayRef<int64_t> sizes, strides;
  WindowPadding padding;
};

/// The operand index a window selected, if `found`.
struct Selection {
  Value found;
  SmallVector<Value> index;
};

/// The operand index at `windowIndex` in the window of `sourceIndex`:
/// source index * stride + window index - low padding, negative (huge as
/// unsigned) in the low padding.
SmallVector<Value> emitOperandIndex(OpBuilder &builder, Location loc,
                                    const Window &window,
                                    ValueRange sourceIndex,
                                    ValueRange windowIndex) {
  SmallVector<Value> operandIndex;
  for (auto [dim, source, offset] : llvm::enumerate(sourceIndex, windowIndex)) {
    Value stride =
        arith::ConstantIndexOp::create(builder, loc, window.strides[dim]);
    Value low =
        arith::ConstantIndexOp::create(builder, loc, window.padding.low[dim]);
    Value start = arith::MulIOp::create(builder, loc, source, stride);
    Value padded = arith::AddIOp::create(builder, loc, start, offset);
    operandIndex.push_back(arith::SubIOp::create(builder, loc, padded, low));
  }
  return operandIndex;
}

/// Walks the window of `sourceIndex`, carrying whether an element was found,
/// its value and its index.
Selection emitWindowSelection(OpBuilder &builder, Location loc, Value operand,
                              Block &select, const Window &window,
                              ValueRange sourceIndex, Value initValue) {
  ArrayRef<int64_t> shape =
      cast<RankedTensorType>(operand.getType()).getShape();
  Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
  SmallVector<Value> none{arith::ConstantIntOp::create(builder, loc, 0, 1),
                          initValue};
  none.append(shape.size(), zero);
  scf::LoopNest loops = buildStaticLoopNest(
      builder, loc, window.sizes, none,
      [&](OpBuilder &b, Location, ValueRange windowIndex,
          ValueRange carried) -> scf::ValueVector {
        Value found = carried[0], selected = carried[1];
        ValueRange selectedIndex = carried.drop_front(2);
        SmallVector<Value> index =
            emitOperandIndex(b, loc, window, sourceIndex, windowIndex);
        Value inOperand = emitInBounds(b, loc, index, shape);
        // Padding reads some element in bounds, never to be selected.
        SmallVector<Value> readIndex =
            llvm::map_to_vector(index, [&](Value position) -> Value {
              return arith::SelectOp::create(b, loc, inOperand, position, zero);
            });
        Value candidate = tensor::ExtractOp::create(b, loc, operand, readIndex);
        Value keepSelected =
            emitDetachedBody(b, select, {selected, candidate}).front();
        Value keep = arith::AndIOp::create(b, loc, found, keepSelected);
        Value take = arith::AndIOp::create(
            b, loc, inOperand,
            arith::XOrIOp::create(b, loc, keep,
                                  arith::ConstantIntOp::create(b, loc, 1, 1)));
        scf::ValueVector next{
            arith::OrIOp::create(b, loc, found, inOperand),
            arith::SelectOp::create(b, loc, take, candidate, selected)};
        for (auto [position, selectedPosition] :
             llvm::zip_equal(index, selectedIndex))
          next.push_back(arith::SelectOp::create(b, loc, take, position,
                                                 selectedPosition));
        return next;
      });
  return {loops.results[0],
          SmallVector<Value>(llvm::drop_begin(loops.results, 2))};
}

/// `result` with the source element at `sourceIndex` combined into the
/// selected element, or as it is when the window selected nothing. The
/// scatter region takes (result element, source element), as a reducer
/// takes (accumulator, element).
Value emitScatter(OpBuilder &builder, Location loc, Block &scatter,
                  const Selection &selection, Value source,
                  ValueRange sourceIndex, Value result) {
  auto ifFound = scf::IfOp::create(
      builder, loc, selection.found,
      [&](OpBuilder &b, Location) {
        Value current =
            tensor::ExtractOp::create(b, loc, result, selection.index);
        Value sourceElement =
            tensor::ExtractOp::create(b, loc, source, sourceIndex);
        Value combined =
            emitDetachedBody(b, scatter, {current, sourceElement}).front();
        Value updated =
            tensor::InsertOp::create(b, loc, combined, result, selection.index);
        scf::YieldOp::create(b, loc, updated);
      },
      [&](OpBuilder &b, Location) { scf::YieldOp::create(b, loc, result); });
  return ifFound.getResult(0);
}

struct SelectAndScatterToLinalg final
    : OpConversionPattern<stablehlo::SelectAndScatterOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::SelectAndScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        getTypeConverter()->convertType<RankedTensorType>(op.getType());
    if (!resultType)
      return failure();
    Location loc = op.getLoc();
    Type elementType = resultType.getElementType();
    auto buildRegionBody = [&](Region &region) {
      return buildGenericBody(rewriter.getContext(), loc,
                              {elementType, elementType},
                              [&](OpBuilder &b, Location, ValueRange args) {
                                return emitScalarRegion(b, region, args);
                              });
    };
    FailureOr<std::unique_ptr<Block>> select = buildRegionBody(op.getSelect());
    FailureOr<std::unique_ptr<Block>> scatter =
        buildRegionBody(op.getScatter());
    if (failed(select) || failed(scatter))
      return failure();

    int64_t rank = resultType.getRank();
    SmallVector<int64_t> ones(rank, 1);
    Window window{op.getWindowDimensions().value_or(ones),
                  op.getWindowStrides().value_or(ones),
                  getWindowPadding(op.getPadding(), rank)};
    Value initValue = extractScalar(rewriter, loc, adaptor.getInitValue());
    Value filled = createFilledTensor(rewriter, loc, resultType, initValue);
    // Without operand elements no window selects anything.
    if (resultType.getNumElements() == 0) {
      rewriter.replaceOp(op, filled);
      return success();
    }
    Value operand = adaptor.getOperand();
    Value source = adaptor.getSource();
    scf::LoopNest loops = buildStaticLoopNest(
        rewriter, loc, cast<RankedTensorType>(source.getType()).getShape(),
        filled,
        [&](OpBuilder &b, Location, ValueRange sourceIndex,
            ValueRange result) -> scf::ValueVector {
          Selection selection = emitWindowSelection(
              b, loc, operand, **select, window, sourceIndex, initValue);
          return {emitScatter(b, loc, **scatter, selection, source, sourceIndex,
                              result.front())};
        });
    rewriter.replaceOp(op, loops.results);
    return success();
  }
};

} // namespace

void populateSelectAndScatterToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<SelectAndScatterToLinalg>(typeConverter, patterns.getContext());
}

} // namespace jaxc
