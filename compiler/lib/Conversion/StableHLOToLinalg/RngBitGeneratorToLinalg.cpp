//===- RngBitGeneratorToLinalg.cpp - rng_bit_generator to linalg ----------===//
//
// The bits are XLA's (xla/hlo/builder/lib/prng.cc, as RngBitGeneratorExpander
// runs it on CPU, where DEFAULT means PHILOX). Both generators are counter
// based: a block of 32-bit words is a function of the key and a counter, so
// the output is one linalg.generic whose body computes the block its element
// falls in and takes its words from it. State words, as XLA reads them:
//
//   THREE_FRY  [key, counter]
//   PHILOX     [key, counter low, counter high]; with two words the high
//              half is the key again, and only the low half is written back.
//
// The counter of block b is the state's counter plus b; the new state's
// counter is past the last block.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;

namespace jaxc {
namespace {

using Words2 = std::array<Value, 2>;
using Words4 = std::array<Value, 4>;

Value constantI32(ImplicitLocOpBuilder &b, uint32_t value) {
  return arith::ConstantIntOp::create(b, b.getI32Type(), value);
}

Value constantI64(ImplicitLocOpBuilder &b, uint64_t value) {
  return arith::ConstantIntOp::create(b, b.getI64Type(), value);
}

Value add(ImplicitLocOpBuilder &b, Value lhs, Value rhs) {
  return arith::AddIOp::create(b, lhs, rhs);
}

Value bitXor(ImplicitLocOpBuilder &b, Value lhs, Value rhs) {
  return arith::XOrIOp::create(b, lhs, rhs);
}

Value rotateLeft(ImplicitLocOpBuilder &b, Value word, int distance) {
  Value left = arith::ShLIOp::create(b, word, constantI32(b, distance));
  Value right = arith::ShRUIOp::create(b, word, constantI32(b, 32 - distance));
  return arith::OrIOp::create(b, left, right);
}

/// The low and high 32-bit halves of an i64.
Words2 splitI64(ImplicitLocOpBuilder &b, Value value) {
  Type i32 = b.getI32Type();
  return {arith::TruncIOp::create(b, i32, value),
          arith::TruncIOp::create(
              b, i32, arith::ShRUIOp::create(b, value, constantI64(b, 32)))};
}

Value joinI64(ImplicitLocOpBuilder &b, Value low, Value high) {
  Type i64 = b.getI64Type();
  Value lowBits = arith::ExtUIOp::create(b, i64, low);
  Value highBits = arith::ShLIOp::create(
      b, arith::ExtUIOp::create(b, i64, high), constantI64(b, 32));
  return arith::OrIOp::create(b, lowBits, highBits);
}

//===----------------------------------------------------------------------===//
// The generators
//===----------------------------------------------------------------------===//

/// Threefry-2x32 with 20 rounds (Salmon et al., "Parallel random numbers: as
/// easy as 1, 2, 3", SC 2011): five groups of four rounds, the key injected
/// before the first and after each.
Words2 emitThreefry2x32(ImplicitLocOpBuilder &b, Words2 key, Words2 counter) {
  constexpr int kRotations[2][4] = {{13, 15, 26, 6}, {17, 29, 16, 24}};
  constexpr uint32_t kKeyParity = 0x1BD11BDA;
  std::array<Value, 3> keys = {
      key[0], key[1],
      bitXor(b, bitXor(b, constantI32(b, kKeyParity), key[0]), key[1])};
  Words2 x = {add(b, counter[0], keys[0]), add(b, counter[1], keys[1])};
  for (int injection = 1; injection <= 5; ++injection) {
    for (int rotation : kRotations[(injection - 1) % 2]) {
      x[0] = add(b, x[0], x[1]);
      x[1] = bitXor(b, x[0], rotateLeft(b, x[1], rotation));
    }
    x[0] = add(b, x[0], keys[injection % 3]);
    x[1] = add(b, x[1], keys[(injection + 1) % 3]);
    x[1] = add(b, x[1], constantI32(b, injection));
  }
  return x;
}

/// Philox-4x32 with 10 rounds (same paper), the key raised between rounds.
Words4 emitPhilox4x32(ImplicitLocOpBuilder &b, Words2 key, Words4 counter) {
  constexpr uint32_t kMultipliers[2] = {0xD2511F53, 0xCD9E8D57};
  constexpr uint32_t kKeyIncrements[2] = {0x9E3779B9, 0xBB67AE85};
  Words4 x = counter;
  for (int round = 0; round < 10; ++round) {
    if (round > 0)
      for (int i = 0; i < 2; ++i)
        key[i] = add(b, key[i], constantI32(b, kKeyIncrements[i]));
    auto product0 = arith::MulUIExtendedOp::create(
        b, x[0], constantI32(b, kMultipliers[0]));
    auto product1 = arith::MulUIExtendedOp::create(
        b, x[2], constantI32(b, kMultipliers[1]));
    x = {bitXor(b, bitXor(b, product1.getHigh(), x[1]), key[0]),
         product1.getLow(),
         bitXor(b, bitXor(b, product0.getHigh(), x[3]), key[1]),
         product0.getLow()};
  }
  return x;
}

//===----------------------------------------------------------------------===//
// State
//===----------------------------------------------------------------------===//

/// The state's words read as key and counter; the counter is 128 bits
/// (low, high) for PHILOX, 64 (low only) for THREE_FRY.
struct GeneratorState {
  Value key;
  Value counterLow;
  Value counterHigh;
};

GeneratorState readState(ImplicitLocOpBuilder &b, Value state, bool philox) {
  int64_t numWords = cast<RankedTensorType>(state.getType()).getDimSize(0);
  auto word = [&](int64_t index) -> Value {
    return tensor::ExtractOp::create(
        b, state, ValueRange{arith::ConstantIndexOp::create(b, index)});
  };
  GeneratorState read{word(0), word(1), Value()};
  if (philox)
    read.counterHigh = numWords >= 3 ? word(2) : read.key;
  return read;
}

/// The counter advanced by `blocks` (an i64), with the carry into the high
/// half when there is one.
GeneratorState advance(ImplicitLocOpBuilder &b, GeneratorState state,
                       Value blocks) {
  Value low = add(b, state.counterLow, blocks);
  if (state.counterHigh) {
    Value carry = arith::CmpIOp::create(b, arith::CmpIPredicate::ult, low,
                                        state.counterLow);
    state.counterHigh = add(b, state.counterHigh,
                            arith::ExtUIOp::create(b, b.getI64Type(), carry));
  }
  state.counterLow = low;
  return state;
}

/// The generator's block of words at `state`'s counter; `key` is its key
/// split in halves.
SmallVector<Value> emitBlock(ImplicitLocOpBuilder &b, Words2 key,
                             GeneratorState state) {
  Words2 low = splitI64(b, state.counterLow);
  if (!state.counterHigh) {
    Words2 words = emitThreefry2x32(b, key, low);
    return {words[0], words[1]};
  }
  Words2 high = splitI64(b, state.counterHigh);
  Words4 words = emitPhilox4x32(b, key, {low[0], low[1], high[0], high[1]});
  return {words.begin(), words.end()};
}

//===----------------------------------------------------------------------===//
// Where each element's bits come from
//===----------------------------------------------------------------------===//

/// How output elements map to blocks. XLA lays them out in one of two ways:
/// consecutive elements share a block (PHILOX, and THREE_FRY for 64 bits),
/// or, for 32 bits and less with THREE_FRY, the output is split in halves
/// along one dimension, element 2i of it taking word 0 of block i and
/// element 2i+1 word 1.
struct BlockLayout {
  /// The shape the blocks are numbered over, row-major: the output's, or the
  /// half shape when `splitDim` is set.
  SmallVector<int64_t> blockShape;
  std::optional<int64_t> splitDim;
  /// Consecutive elements per block (1 when split).
  int64_t elementsPerBlock;
  int64_t numBlocks;
};

/// XLA's split dimension: the first even one, or else the first largest.
int64_t getSplitDim(ArrayRef<int64_t> shape) {
  for (auto [dim, size] : llvm::enumerate(shape))
    if (size % 2 == 0)
      return dim;
  return std::max_element(shape.begin(), shape.end()) - shape.begin();
}

BlockLayout getBlockLayout(ArrayRef<int64_t> shape, bool philox,
                           int64_t wordsPerElement, int64_t wordsPerBlock) {
  int64_t numElements = ShapedType::getNumElements(shape);
  if (philox || wordsPerElement == 2) {
    int64_t elementsPerBlock = wordsPerBlock / wordsPerElement;
    return {SmallVector<int64_t>(shape), std::nullopt, elementsPerBlock,
            llvm::divideCeilSigned(numElements, elementsPerBlock)};
  }
  // A scalar is split as if it were of shape [1].
  if (shape.empty())
    return {{}, std::nullopt, 1, 1};
  int64_t splitDim = getSplitDim(shape);
  SmallVector<int64_t> halfShape(shape);
  halfShape[splitDim] = llvm::divideCeilSigned(shape[splitDim], 2);
  return {halfShape, splitDim, 1, ShapedType::getNumElements(halfShape)};
}

Value linearize(ImplicitLocOpBuilder &b, ArrayRef<Value> index,
                ArrayRef<int64_t> shape) {
  if (index.empty())
    return arith::ConstantIndexOp::create(b, 0);
  Value linear = index.front();
  for (auto [position, size] :
       llvm::zip_equal(index.drop_front(), shape.drop_front()))
    linear = arith::AddIOp::create(
        b,
        arith::MulIOp::create(b, linear,
                              arith::ConstantIndexOp::create(b, size)),
        position);
  return linear;
}

/// The block (as an i64 counter offset) of the element at `index` and the
/// element's slot in it: the first of its words is at slot * wordsPerElement.
std::pair<Value, Value> locateElement(ImplicitLocOpBuilder &b,
                                      const BlockLayout &layout,
                                      SmallVector<Value> index) {
  Value slot;
  if (layout.splitDim) {
    Value two = arith::ConstantIndexOp::create(b, 2);
    Value &position = index[*layout.splitDim];
    slot = arith::RemUIOp::create(b, position, two);
    position = arith::DivUIOp::create(b, position, two);
  }
  Value block = linearize(b, index, layout.blockShape);
  if (!layout.splitDim) {
    Value perBlock = arith::ConstantIndexOp::create(b, layout.elementsPerBlock);
    slot = arith::RemUIOp::create(b, block, perBlock);
    block = arith::DivUIOp::create(b, block, perBlock);
  }
  return {arith::IndexCastUIOp::create(b, b.getI64Type(), block), slot};
}

/// words[slot], for a slot known only at run time.
Value selectWord(ImplicitLocOpBuilder &b, ArrayRef<Value> words, Value slot) {
  Value selected = words.front();
  for (auto [i, word] : llvm::enumerate(words.drop_front())) {
    Value isSlot =
        arith::CmpIOp::create(b, arith::CmpIPredicate::eq, slot,
                              arith::ConstantIndexOp::create(b, i + 1));
    selected = arith::SelectOp::create(b, isSlot, word, selected);
  }
  return selected;
}

/// An element of `elementType` from its slot of the block: two words joined
/// for 64 bits, one word truncated below 32.
Value extractElement(ImplicitLocOpBuilder &b, ArrayRef<Value> words, Value slot,
                     Type elementType) {
  if (elementType.getIntOrFloatBitWidth() == 64) {
    SmallVector<Value> lows, highs;
    for (size_t i = 0; i < words.size(); i += 2) {
      lows.push_back(words[i]);
      highs.push_back(words[i + 1]);
    }
    Value low = selectWord(b, lows, slot);
    Value high = selectWord(b, highs, slot);
    return joinI64(b, low, high);
  }
  Value word = selectWord(b, words, slot);
  if (elementType.getIntOrFloatBitWidth() == 32)
    return word;
  return arith::TruncIOp::create(b, elementType, word);
}

bool isGeneratedType(Type type) {
  return type.isInteger(8) || type.isInteger(16) || type.isInteger(32) ||
         type.isInteger(64);
}

struct RngBitGeneratorToLinalg final
    : OpConversionPattern<stablehlo::RngBitGeneratorOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::RngBitGeneratorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto stateType = getTypeConverter()->convertType<RankedTensorType>(
        op.getOutputState().getType());
    auto outputType = getTypeConverter()->convertType<RankedTensorType>(
        op.getOutput().getType());
    if (!stateType || !outputType)
      return failure();
    bool philox = op.getRngAlgorithm() != stablehlo::RngAlgorithm::THREE_FRY;
    int64_t numStateWords = stateType.getDimSize(0);
    Type elementType = outputType.getElementType();
    if (!stateType.getElementType().isInteger(64) || numStateWords < 2 ||
        numStateWords > (philox ? 3 : 2) || !isGeneratedType(elementType))
      return failure();

    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    int64_t wordsPerBlock = philox ? 4 : 2;
    int64_t wordsPerElement = elementType.getIntOrFloatBitWidth() == 64 ? 2 : 1;
    BlockLayout layout = getBlockLayout(outputType.getShape(), philox,
                                        wordsPerElement, wordsPerBlock);
    GeneratorState state = readState(b, adaptor.getInitialState(), philox);
    Words2 key = splitI64(b, state.key);
    // The body has no failing parts.
    Value output = *createElementwiseGeneric(
        b, b.getLoc(), outputType, ValueRange(),
        [&](OpBuilder &bodyBuilder, Location loc,
            ValueRange) -> FailureOr<SmallVector<Value>> {
          ImplicitLocOpBuilder body(loc, bodyBuilder);
          SmallVector<Value> index;
          for (int64_t dim = 0; dim < outputType.getRank(); ++dim)
            index.push_back(linalg::IndexOp::create(body, dim));
          auto [block, slot] = locateElement(body, layout, index);
          SmallVector<Value> words =
              emitBlock(body, key, advance(body, state, block));
          return SmallVector<Value>{
              extractElement(body, words, slot, elementType)};
        });

    // A two-word PHILOX state keeps only the low half of its counter.
    GeneratorState kept = state;
    if (numStateWords == 2)
      kept.counterHigh = Value();
    GeneratorState next = advance(b, kept, constantI64(b, layout.numBlocks));
    SmallVector<Value> nextWords = {state.key, next.counterLow};
    if (next.counterHigh)
      nextWords.push_back(next.counterHigh);
    Value nextState = tensor::FromElementsOp::create(b, stateType, nextWords);
    rewriter.replaceOp(op, {nextState, output});
    return success();
  }
};

} // namespace

void populateRngBitGeneratorToLinalgPatterns(const TypeConverter &typeConverter,
                                             RewritePatternSet &patterns) {
  patterns.add<RngBitGeneratorToLinalg>(typeConverter, patterns.getContext());
}

} // namespace jaxc
