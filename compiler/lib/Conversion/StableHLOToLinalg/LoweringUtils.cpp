//===- LoweringUtils.cpp - Shared by the StableHLO to linalg patterns -----===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace jaxc {

FailureOr<std::unique_ptr<Block>>
buildGenericBody(MLIRContext *context, Location loc, TypeRange blockArgTypes,
                 GenericBodyBuilder bodyBuilder) {
  auto body = std::make_unique<Block>();
  for (Type type : blockArgTypes)
    body->addArgument(type, loc);
  // A detached block has no region to take the context from.
  OpBuilder builder(context);
  builder.setInsertionPointToEnd(body.get());
  FailureOr<SmallVector<Value>> yielded =
      bodyBuilder(builder, loc, body->getArguments());
  if (failed(yielded))
    return failure();
  linalg::YieldOp::create(builder, loc, *yielded);
  return body;
}

linalg::GenericOp createGeneric(OpBuilder &builder, Location loc,
                                ValueRange inputs, ValueRange outputs,
                                ArrayRef<AffineMap> indexingMaps,
                                ArrayRef<utils::IteratorType> iteratorTypes,
                                std::unique_ptr<Block> body) {
  auto generic =
      linalg::GenericOp::create(builder, loc, outputs.getTypes(), inputs,
                                outputs, indexingMaps, iteratorTypes);
  generic.getRegion().push_back(body.release());
  return generic;
}

FailureOr<Value> createElementwiseGeneric(OpBuilder &builder, Location loc,
                                          RankedTensorType resultType,
                                          ValueRange inputs,
                                          GenericBodyBuilder bodyBuilder) {
  int64_t rank = resultType.getRank();
  AffineMap identity = builder.getMultiDimIdentityMap(rank);
  AffineMap scalar = AffineMap::get(rank, 0, builder.getContext());
  SmallVector<AffineMap> maps;
  SmallVector<Type> blockArgTypes;
  for (Value input : inputs) {
    auto type = cast<RankedTensorType>(input.getType());
    if (type.getRank() != rank && type.getRank() != 0)
      return failure();
    maps.push_back(type.getRank() == rank ? identity : scalar);
    blockArgTypes.push_back(type.getElementType());
  }
  maps.push_back(identity);
  blockArgTypes.push_back(resultType.getElementType());
  FailureOr<std::unique_ptr<Block>> body =
      buildGenericBody(builder.getContext(), loc, blockArgTypes,
                       [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
                         return bodyBuilder(b, bodyLoc, args.drop_back());
                       });
  if (failed(body))
    return failure();
  Value init = createEmptyTensor(builder, loc, resultType);
  return createGeneric(builder, loc, inputs, init, maps,
                       SmallVector<utils::IteratorType>(
                           rank, utils::IteratorType::parallel),
                       std::move(*body))
      .getResult(0);
}

Value createEmptyTensor(OpBuilder &builder, Location loc,
                        RankedTensorType type) {
  return tensor::EmptyOp::create(builder, loc, type.getShape(),
                                 type.getElementType());
}

Value createFilledTensor(OpBuilder &builder, Location loc,
                         RankedTensorType type, Value value) {
  Value empty = createEmptyTensor(builder, loc, type);
  return linalg::FillOp::create(builder, loc, ValueRange{value},
                                ValueRange{empty})
      .getResult(0);
}

// Fills a tensor with the padding value, inserts `tensor` with a stride of
// interior + 1 after the nonnegative low padding, then slices off any
// negative padding.
Value createPadded(OpBuilder &builder, Location loc, Value tensor,
                   Value padValue, ArrayRef<int64_t> low,
                   ArrayRef<int64_t> high, ArrayRef<int64_t> interior) {
  auto type = cast<RankedTensorType>(tensor.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> paddedShape, insertOffsets, insertStrides, cropOffsets,
      croppedShape;
  bool cropped = false;
  for (int64_t dim = 0; dim < rank; ++dim) {
    int64_t size = type.getDimSize(dim);
    int64_t spread = size == 0 ? 0 : size + (size - 1) * interior[dim];
    int64_t lowPad = std::max<int64_t>(low[dim], 0);
    int64_t highPad = std::max<int64_t>(high[dim], 0);
    paddedShape.push_back(lowPad + spread + highPad);
    insertOffsets.push_back(lowPad);
    insertStrides.push_back(interior[dim] + 1);
    cropOffsets.push_back(lowPad - low[dim]);
    croppedShape.push_back(low[dim] + spread + high[dim]);
    cropped |= low[dim] < 0 || high[dim] < 0;
  }
  // Empty tensors are neither inserted nor sliced: tensor's slice ops reject
  // an offset at the end of a dimension, even for zero elements.
  RankedTensorType resultType = type.clone(croppedShape);
  if (resultType.getNumElements() == 0)
    return createEmptyTensor(builder, loc, resultType);
  MLIRContext *context = builder.getContext();
  Value padded =
      createFilledTensor(builder, loc, type.clone(paddedShape), padValue);
  if (type.getNumElements() != 0)
    padded = tensor::InsertSliceOp::create(
        builder, loc, tensor, padded,
        getAsIndexOpFoldResult(context, insertOffsets),
        getAsIndexOpFoldResult(context, type.getShape()),
        getAsIndexOpFoldResult(context, insertStrides));
  if (!cropped)
    return padded;
  return tensor::ExtractSliceOp::create(
      builder, loc, resultType, padded,
      getAsIndexOpFoldResult(context, cropOffsets),
      getAsIndexOpFoldResult(context, croppedShape),
      getAsIndexOpFoldResult(context, SmallVector<int64_t>(rank, 1)));
}

Value extractScalar(OpBuilder &builder, Location loc, Value rankZeroTensor) {
  return tensor::ExtractOp::create(builder, loc, rankZeroTensor, ValueRange{});
}

SmallVector<Value> emitDetachedBody(OpBuilder &builder, Block &body,
                                    ValueRange args) {
  IRMapping mapping;
  mapping.map(body.getArguments(), args);
  for (Operation &op : body.without_terminator())
    builder.clone(op, mapping);
  return llvm::map_to_vector(
      body.getTerminator()->getOperands(),
      [&](Value value) { return mapping.lookupOrDefault(value); });
}

Value emitInBounds(OpBuilder &builder, Location loc, ValueRange index,
                   ArrayRef<int64_t> shape) {
  Value inBounds;
  for (auto [position, size] : llvm::zip_equal(index, shape)) {
    Value inDim = arith::CmpIOp::create(
        builder, loc, arith::CmpIPredicate::ult, position,
        arith::ConstantIndexOp::create(builder, loc, size));
    inBounds =
        inBounds
            ? arith::AndIOp::create(builder, loc, inBounds, inDim).getResult()
            : inDim;
  }
  return inBounds ? inBounds : arith::ConstantIntOp::create(builder, loc, 1, 1);
}

scf::LoopNest
buildStaticLoopNest(OpBuilder &builder, Location loc, ArrayRef<int64_t> sizes,
                    ValueRange iterArgs,
                    function_ref<scf::ValueVector(OpBuilder &, Location,
                                                  ValueRange, ValueRange)>
                        bodyBuilder) {
  auto constants = [&](auto values) {
    return llvm::map_to_vector(values, [&](int64_t value) -> Value {
      return arith::ConstantIndexOp::create(builder, loc, value);
    });
  };
  size_t numLoops = sizes.size();
  return scf::buildLoopNest(
      builder, loc, constants(SmallVector<int64_t>(numLoops, 0)),
      constants(sizes), constants(SmallVector<int64_t>(numLoops, 1)), iterArgs,
      bodyBuilder);
}

WindowPadding getWindowPadding(std::optional<DenseIntElementsAttr> padding,
                               int64_t rank) {
  WindowPadding edges{SmallVector<int64_t>(rank, 0),
                      SmallVector<int64_t>(rank, 0)};
  if (!padding)
    return edges;
  SmallVector<int64_t> values(padding->getValues<int64_t>());
  for (int64_t dim = 0; dim < rank; ++dim) {
    edges.low[dim] = values[2 * dim];
    edges.high[dim] = values[2 * dim + 1];
  }
  return edges;
}

} // namespace jaxc
