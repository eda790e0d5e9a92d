//===- OutlineParallelLoops.cpp - Hand large loops to the thread pool -----===//
//
// linalg-to-parallel-loops turns each linalg op into an scf.parallel over its
// parallel dimensions (reductions stay scf.for loops inside). Every
// outermost scf.parallel that does enough work becomes a function over a
// chunk of its linearized iteration space, which the runtime's thread pool
// runs through jaxc_rt.parallel_for:
//
//   scf.parallel (%i, %j) = (%c0, %c0) to (%c512, %c1024) step (%c1, %c1)
//   ==>
//   jaxc_rt.parallel_for @f_parallel_0(%a, %b) count 524288 grain 128
//   func.func private @f_parallel_0(%begin: index, %end: index, %a, %b) {
//     // row by row: one division finds where the row of item %i starts,
//     // then the innermost dimension runs as a counted loop (which LLVM
//     // vectorizes) up to the end of the row or of the chunk.
//   }
//
// Each item runs the loop's original body, whatever chunk it falls in, so
// the results do not depend on the thread count.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Transforms/Passes.h"

#include "LoopInputs.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/RegionUtils.h"

#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <limits>

namespace jaxc {
#define GEN_PASS_DEF_OUTLINEPARALLELLOOPSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;
using jaxc::collectInputs;
using jaxc::LoopInputs;

namespace {

// Work a chunk should at least do (in estimateWork's units), so that
// claiming it costs little next to running it.
constexpr uint64_t kMinChunkWork = 8192;

// The trip count of one loop dimension, if its bounds are constants.
std::optional<int64_t> staticTripCount(Value lower, Value upper, Value step) {
  std::optional<int64_t> lb = getConstantIntValue(lower),
                         ub = getConstantIntValue(upper),
                         st = getConstantIntValue(step);
  if (!lb || !ub || !st || *st <= 0)
    return std::nullopt;
  return *ub <= *lb ? 0 : llvm::divideCeil(*ub - *lb, *st);
}

std::optional<SmallVector<int64_t>> staticTripCounts(scf::ParallelOp loop) {
  SmallVector<int64_t> counts;
  for (auto [lb, ub, step] :
       llvm::zip(loop.getLowerBound(), loop.getUpperBound(), loop.getStep())) {
    std::optional<int64_t> count = staticTripCount(lb, ub, step);
    if (!count)
      return std::nullopt;
    counts.push_back(*count);
  }
  return counts;
}

uint64_t estimateWork(Operation *op);

// Operations one run of `region` executes: each op counts one, loops with
// static trip counts count their body that often (others once).
uint64_t estimateWork(Region &region) {
  uint64_t work = 0;
  for (Operation &op : region.getOps())
    work = llvm::SaturatingAdd(work, estimateWork(&op));
  return work;
}

uint64_t estimateWork(Operation *op) {
  uint64_t inner = 0;
  for (Region &region : op->getRegions())
    inner = llvm::SaturatingAdd(inner, estimateWork(region));
  uint64_t trips = 1;
  if (auto loop = dyn_cast<scf::ForOp>(op)) {
    if (std::optional<int64_t> count = staticTripCount(
            loop.getLowerBound(), loop.getUpperBound(), loop.getStep()))
      trips = *count;
  } else if (auto loop = dyn_cast<scf::ParallelOp>(op)) {
    if (std::optional<SmallVector<int64_t>> counts = staticTripCounts(loop))
      for (int64_t count : *counts)
        trips = llvm::SaturatingMultiply(trips, uint64_t(count));
  }
  return llvm::SaturatingAdd(uint64_t{1},
                             llvm::SaturatingMultiply(trips, inner));
}

// Whether the body may run on a pool thread: it must not reach the runtime
// (whose context only the entry's thread has), neither directly nor through
// a function of the module.
bool mayRunOnPool(scf::ParallelOp loop, SymbolTableCollection &symbols) {
  WalkResult result = loop.getRegion().walk([&](Operation *op) {
    if (isa_and_nonnull<jaxc::rt::RuntimeDialect>(op->getDialect()))
      return WalkResult::interrupt();
    if (auto call = dyn_cast<CallOpInterface>(op)) {
      auto callee = dyn_cast_or_null<CallableOpInterface>(
          call.resolveCallableInTable(&symbols));
      if (!callee || callee.getCallableRegion())
        return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return !result.wasInterrupted();
}

// Streaming stores: a 1-D loop that writes a buffer larger than the caches
// runs its chunk's middle on vectors of 64 bytes whose stores bypass the
// caches (non-temporal). A cached store first reads the line it writes, so
// an elementwise op over such buffers moves 3 bytes for every 2 that a
// copy with streaming stores moves (glibc's memcpy, for one). Items before
// the first 64-byte boundary of the stored buffer and after the last whole
// block of vectors run as the usual scalar row.

// Vector lanes of one streaming store: 64 bytes, an AVX-512 register (two
// or four of them on narrower x86, which LLVM splits).
constexpr int64_t kStreamingBytes = 64;
// Independent vectors per iteration, to hide the body's latency (as the
// scalar row's interleave count does).
constexpr int64_t kStreamingInterleave = 4;

// Math ops whose vector forms the LLVM phase expands or maps to LLVM
// intrinsics as it does their scalar forms; others (libm calls) keep to
// the scalar row.
bool isVectorizableMath(Operation *op) {
  return isa<math::AbsFOp, math::FmaOp, math::SqrtOp, math::CopySignOp,
             math::FloorOp, math::CeilOp, math::RoundOp, math::RoundEvenOp,
             math::TruncOp, math::TanhOp, math::ExpOp, math::LogOp,
             math::Log2Op, math::ErfOp, math::ErfcOp>(op);
}

// Whether `type` is a scalar a vector lane can hold; i1 is left out of
// memory accesses, where a vector of i1 is packed bits and a scalar a byte.
bool isLaneType(Type type) { return isa<IntegerType, FloatType>(type); }

bool isByteSized(Type type) {
  return isLaneType(type) && type.getIntOrFloatBitWidth() % 8 == 0;
}

// The memref a streaming loop stores to, if `loop` qualifies: one
// dimension from 0 by 1; a body of loads and stores at the induction
// variable on rank-1 unit-stride memrefs of byte-sized elements,
// constants, and elementwise arith and vectorizable math ops on scalars;
// from outside only scalars and those memrefs; and a store to a buffer of
// at least `minBytes` (the largest such buffer is returned).
Value findStreamingTarget(scf::ParallelOp loop, uint64_t minBytes) {
  if (minBytes == 0 || loop.getNumLoops() != 1 ||
      getConstantIntValue(loop.getLowerBound()[0]) != 0 ||
      getConstantIntValue(loop.getStep()[0]) != 1)
    return nullptr;
  Value iv = loop.getInductionVars()[0];
  Block *body = loop.getBody();
  auto isUnitStrideVector = [&](Value memref) {
    auto type = dyn_cast<MemRefType>(memref.getType());
    SmallVector<int64_t> strides;
    int64_t offset;
    return type && type.getRank() == 1 && type.hasStaticShape() &&
           isByteSized(type.getElementType()) &&
           succeeded(type.getStridesAndOffset(strides, offset)) &&
           strides[0] == 1 && !ShapedType::isDynamic(offset);
  };
  auto isAtIV = [&](Value memref, ValueRange indices) {
    return isUnitStrideVector(memref) && indices.size() == 1 &&
           indices[0] == iv && memref.getParentBlock() != body;
  };
  Value target;
  uint64_t targetBytes = 0;
  for (Operation &op : body->without_terminator()) {
    if (auto load = dyn_cast<memref::LoadOp>(op)) {
      if (!isAtIV(load.getMemRef(), load.getIndices()))
        return nullptr;
      continue;
    }
    if (auto store = dyn_cast<memref::StoreOp>(op)) {
      if (!isAtIV(store.getMemRef(), store.getIndices()))
        return nullptr;
      auto type = cast<MemRefType>(store.getMemRef().getType());
      uint64_t bytes = type.getNumElements() *
                       (type.getElementType().getIntOrFloatBitWidth() / 8);
      if (bytes >= minBytes && bytes > targetBytes) {
        target = store.getMemRef();
        targetBytes = bytes;
      }
      continue;
    }
    bool elementwise = isa<arith::ConstantOp>(op) ||
                       (op.hasTrait<OpTrait::Elementwise>() &&
                        (isa<arith::ArithDialect>(op.getDialect()) ||
                         isVectorizableMath(&op)));
    if (!elementwise || op.getNumRegions() != 0 ||
        !llvm::all_of(op.getResultTypes(), isLaneType))
      return nullptr;
    for (Value operand : op.getOperands())
      if (operand == iv || !isLaneType(operand.getType()))
        return nullptr;
  }
  return target;
}

class Outliner {
public:
  Outliner(scf::ParallelOp loop, ArrayRef<int64_t> tripCounts,
           const LoopInputs &inputs, Value streamingTarget)
      : loop(loop), tripCounts(tripCounts), inputs(inputs),
        streamingTarget(streamingTarget) {}

  // Creates the function after `parent` and returns it.
  func::FuncOp outline(func::FuncOp parent, SymbolTable &symbolTable);

private:
  // Runs the body for items [begin, end) of the innermost dimension, the
  // other dimensions at `outer`.
  void emitRow(OpBuilder &builder, Value begin, Value end, ValueRange outer);
  // Runs the row-by-row loop over [begin, end) of the linear space.
  void emitRows(OpBuilder &builder, Value begin, Value end);
  // Runs a 1-D loop's items [begin, end) with streaming stores to
  // `streamingTarget` from its first 64-byte boundary on.
  void emitStreamingRow(OpBuilder &builder, Value begin, Value end);
  // The body on the vector of items from `first`, lanes wide.
  void emitVectorBody(OpBuilder &builder, Value first, int64_t lanes,
                      DenseMap<Value, Value> &broadcasts);

  // An index constant at the start of the function, out of the loops.
  Value indexConstant(int64_t value);

  scf::ParallelOp loop;
  ArrayRef<int64_t> tripCounts;
  const LoopInputs &inputs;
  Value streamingTarget;
  IRMapping mapping;
  DenseMap<int64_t, Value> indexConstants;
  Block *entry = nullptr;
};

Value Outliner::indexConstant(int64_t value) {
  Value &constant = indexConstants[value];
  if (!constant) {
    auto builder = OpBuilder::atBlockBegin(entry);
    constant = arith::ConstantIndexOp::create(builder, loop.getLoc(), value);
  }
  return constant;
}

func::FuncOp Outliner::outline(func::FuncOp parent, SymbolTable &symbolTable) {
  Location loc = loop.getLoc();
  MLIRContext *ctx = loop.getContext();
  Type index = IndexType::get(ctx);
  SmallVector<Type> argTypes = {index, index};
  for (Value capture : inputs.captures)
    argTypes.push_back(capture.getType());

  OpBuilder builder(ctx);
  auto func =
      func::FuncOp::create(builder, loc, (parent.getName() + "_parallel").str(),
                           FunctionType::get(ctx, argTypes, {}));
  func.setPrivate();
  symbolTable.insert(func, std::next(parent->getIterator()));
  jaxc::markNoaliasCaptures(func, /*firstCapture=*/2, inputs.captures);

  entry = func.addEntryBlock();
  builder.setInsertionPointToStart(entry);
  for (auto [capture, arg] :
       llvm::zip(inputs.captures, entry->getArguments().drop_front(2)))
    mapping.map(capture, arg);
  for (Operation *clone : inputs.clones)
    builder.clone(*clone, mapping);
  if (streamingTarget)
    emitStreamingRow(builder, entry->getArgument(0), entry->getArgument(1));
  else
    emitRows(builder, entry->getArgument(0), entry->getArgument(1));
  func::ReturnOp::create(builder, loc);
  return func;
}

void Outliner::emitRows(OpBuilder &builder, Value begin, Value end) {
  Location loc = loop.getLoc();
  if (tripCounts.size() == 1)
    return emitRow(builder, begin, end, {});
  Type index = builder.getIndexType();
  scf::WhileOp::create(
      builder, loc, TypeRange{index}, ValueRange{begin},
      [&](OpBuilder &b, Location loc, ValueRange args) {
        Value more = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                           args[0], end);
        scf::ConditionOp::create(b, loc, more, args);
      },
      [&](OpBuilder &b, Location loc, ValueRange args) {
        Value item = args[0];
        // Items are never negative: unsigned division is the cheaper one.
        Value rowLength = indexConstant(tripCounts.back());
        Value inner = arith::RemUIOp::create(b, loc, item, rowLength);
        Value rest = arith::DivUIOp::create(b, loc, item, rowLength);
        SmallVector<Value> outer(tripCounts.size() - 1);
        for (size_t dim = outer.size() - 1; dim > 0; --dim) {
          Value length = indexConstant(tripCounts[dim]);
          outer[dim] = arith::RemUIOp::create(b, loc, rest, length);
          rest = arith::DivUIOp::create(b, loc, rest, length);
        }
        outer[0] = rest;
        Value rowStart = arith::SubIOp::create(b, loc, item, inner);
        Value rowEnd = arith::MinSIOp::create(
            b, loc, end, arith::AddIOp::create(b, loc, rowStart, rowLength));
        emitRow(b, inner, arith::SubIOp::create(b, loc, rowEnd, rowStart),
                outer);
        scf::YieldOp::create(b, loc, rowEnd);
      });
}

void Outliner::emitStreamingRow(OpBuilder &builder, Value begin, Value end) {
  Location loc = loop.getLoc();
  auto targetType = cast<MemRefType>(streamingTarget.getType());
  int64_t elementBytes =
      targetType.getElementType().getIntOrFloatBitWidth() / 8;
  int64_t lanes = kStreamingBytes / elementBytes;
  SmallVector<int64_t> strides;
  int64_t offset;
  (void)targetType.getStridesAndOffset(strides, offset);
  auto add = [&](Value lhs, Value rhs) {
    return arith::AddIOp::create(builder, loc, lhs, rhs).getResult();
  };
  auto mul = [&](Value lhs, int64_t rhs) {
    return arith::MulIOp::create(builder, loc, lhs, indexConstant(rhs))
        .getResult();
  };
  auto div = [&](Value lhs, int64_t rhs) {
    return arith::DivUIOp::create(builder, loc, lhs, indexConstant(rhs))
        .getResult();
  };
  // The caller's buffer may sit anywhere: the vectors start at the first
  // item from `begin` on that starts a 64-byte line, or nowhere (an address
  // that is not a multiple of the element size reaches no line start).
  Value address = add(memref::ExtractAlignedPointerAsIndexOp::create(
                          builder, loc, mapping.lookup(streamingTarget)),
                      mul(add(begin, indexConstant(offset)), elementBytes));
  Value gapBytes = arith::AndIOp::create(
      builder, loc,
      arith::SubIOp::create(builder, loc, indexConstant(0), address),
      indexConstant(kStreamingBytes - 1));
  Value reachable =
      arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq,
                            arith::RemUIOp::create(builder, loc, gapBytes,
                                                   indexConstant(elementBytes)),
                            indexConstant(0));
  Value vectorBegin = arith::SelectOp::create(
      builder, loc, reachable,
      arith::MinUIOp::create(builder, loc,
                             add(begin, div(gapBytes, elementBytes)), end),
      end);
  int64_t block = lanes * kStreamingInterleave;
  Value vectorEnd =
      add(vectorBegin,
          mul(div(arith::SubIOp::create(builder, loc, end, vectorBegin), block),
              block));

  emitRow(builder, begin, vectorBegin, {});
  // Scalars from outside the loop: one broadcast each, before the loop.
  Block *body = loop.getBody();
  DenseMap<Value, Value> broadcasts;
  for (Operation &op : body->without_terminator()) {
    if (isa<memref::LoadOp>(op))
      continue;
    SmallVector<Value> operands(op.getOperands());
    if (auto store = dyn_cast<memref::StoreOp>(op))
      operands = {store.getValueToStore()};
    for (Value operand : operands)
      if (operand.getParentBlock() != body && !broadcasts.count(operand))
        broadcasts[operand] = vector::BroadcastOp::create(
            builder, loc, VectorType::get({lanes}, operand.getType()),
            mapping.lookupOrDefault(operand));
  }
  scf::ForOp::create(
      builder, loc, vectorBegin, vectorEnd, indexConstant(block), ValueRange{},
      [&](OpBuilder &b, Location loc, Value first, ValueRange) {
        for (int64_t part = 0; part < kStreamingInterleave; ++part)
          emitVectorBody(b,
                         part == 0
                             ? first
                             : arith::AddIOp::create(
                                   b, loc, first, indexConstant(part * lanes)),
                         lanes, broadcasts);
        scf::YieldOp::create(b, loc);
      });
  emitRow(builder, vectorEnd, end, {});
  // Streaming stores are weakly ordered: they must be visible before the
  // thread pool tells the caller the chunk is done.
  LLVM::CallIntrinsicOp::create(
      builder, loc, builder.getStringAttr("llvm.x86.sse.sfence"), ValueRange{});
}

void Outliner::emitVectorBody(OpBuilder &builder, Value first, int64_t lanes,
                              DenseMap<Value, Value> &broadcasts) {
  Location loc = loop.getLoc();
  Block *body = loop.getBody();
  IRMapping vectors;
  auto vectorOf = [&](Type type) { return VectorType::get({lanes}, type); };
  auto lookup = [&](Value value) -> Value {
    if (value.getParentBlock() == body)
      return vectors.lookup(value);
    return broadcasts.lookup(value);
  };
  for (Operation &op : body->without_terminator()) {
    if (auto load = dyn_cast<memref::LoadOp>(op)) {
      vectors.map(load.getResult(),
                  vector::LoadOp::create(builder, loc, vectorOf(load.getType()),
                                         mapping.lookup(load.getMemRef()),
                                         ValueRange{first}));
    } else if (auto store = dyn_cast<memref::StoreOp>(op)) {
      bool streaming = store.getMemRef() == streamingTarget;
      vector::StoreOp::create(
          builder, loc, lookup(store.getValueToStore()),
          mapping.lookup(store.getMemRef()), ValueRange{first},
          /*nontemporal=*/streaming,
          streaming ? llvm::MaybeAlign(kStreamingBytes) : llvm::MaybeAlign());
    } else if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
      auto type = vectorOf(constant.getType());
      vectors.map(constant.getResult(),
                  arith::ConstantOp::create(
                      builder, loc, type,
                      DenseElementsAttr::get(type, constant.getValue())));
    } else {
      OperationState state(loc, op.getName());
      for (Value operand : op.getOperands())
        state.addOperands(lookup(operand));
      for (Type type : op.getResultTypes())
        state.addTypes(vectorOf(type));
      state.addAttributes(op.getAttrs());
      Operation *vectorOp = builder.create(state);
      vectors.map(op.getResults(), vectorOp->getResults());
    }
  }
}

void Outliner::emitRow(OpBuilder &builder, Value begin, Value end,
                       ValueRange outer) {
  Location loc = loop.getLoc();
  auto row = scf::ForOp::create(
      builder, loc, begin, end, indexConstant(1), ValueRange{},
      [&](OpBuilder &b, Location loc, Value innermost, ValueRange) {
        SmallVector<Value> positions(outer.begin(), outer.end());
        positions.push_back(innermost);
        // The loop's induction variables: lower bound + position * step.
        for (auto [position, lb, step, iv] :
             llvm::zip(positions, loop.getLowerBound(), loop.getStep(),
                       loop.getInductionVars())) {
          // Both are constants: the loop was outlined for its static trip
          // counts.
          int64_t stepValue = *getConstantIntValue(step);
          int64_t lbValue = *getConstantIntValue(lb);
          Value value = position;
          if (stepValue != 1)
            value =
                arith::MulIOp::create(b, loc, value, indexConstant(stepValue));
          if (lbValue != 0)
            value =
                arith::AddIOp::create(b, loc, value, indexConstant(lbValue));
          mapping.map(iv, value);
        }
        for (Operation &op : loop.getBody()->without_terminator())
          b.clone(op, mapping);
        scf::YieldOp::create(b, loc);
      });
  // LLVM's cost model vectorizes a long elementwise body (a tanh, say)
  // with one vector per iteration, whose dependency chain then stalls the
  // FMA units; four independent vectors in flight keep them busy (GELU
  // over 16M f32: 9.5 -> 8.5 ms on one Zen 4 core). The same operations run
  // on every item, so results do not change. scf-to-cf moves the attribute
  // to the loop's back edge, where cf-to-llvm makes it llvm.br's
  // loop_annotation (llvm.loop.interleave.count).
  MLIRContext *ctx = builder.getContext();
  row->setAttr("loop_annotation",
               LLVM::LoopAnnotationAttr::get(
                   ctx, /*disableNonforced=*/nullptr, /*vectorize=*/nullptr,
                   LLVM::LoopInterleaveAttr::get(
                       ctx, IntegerAttr::get(IntegerType::get(ctx, 32), 4)),
                   /*unroll=*/nullptr, /*unrollAndJam=*/nullptr,
                   /*licm=*/nullptr, /*distribute=*/nullptr,
                   /*pipeline=*/nullptr, /*peeled=*/nullptr,
                   /*unswitch=*/nullptr, /*mustProgress=*/nullptr,
                   /*isVectorized=*/nullptr, /*startLoc=*/nullptr,
                   /*endLoc=*/nullptr, /*parallelAccesses=*/{}));
}

struct OutlineParallelLoopsPass
    : jaxc::impl::OutlineParallelLoopsPassBase<OutlineParallelLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbolTable(module);
    SymbolTableCollection symbols;
    SmallVector<std::pair<func::FuncOp, scf::ParallelOp>> candidates;
    for (auto func : module.getOps<func::FuncOp>())
      func.walk([&](scf::ParallelOp loop) {
        if (!loop->getParentOfType<scf::ParallelOp>())
          candidates.emplace_back(func, loop);
      });
    for (auto [func, loop] : candidates)
      outlineIfWorthIt(func, loop, symbolTable, symbols);
  }

  void outlineIfWorthIt(func::FuncOp parent, scf::ParallelOp loop,
                        SymbolTable &symbolTable,
                        SymbolTableCollection &symbols) {
    if (loop.getNumResults() != 0)
      return;
    std::optional<SmallVector<int64_t>> tripCounts = staticTripCounts(loop);
    if (!tripCounts)
      return;
    uint64_t count = 1;
    for (int64_t trips : *tripCounts)
      count = llvm::SaturatingMultiply(count, uint64_t(trips));
    uint64_t itemWork = std::max<uint64_t>(estimateWork(loop.getRegion()), 1);
    if (count > uint64_t(std::numeric_limits<int64_t>::max()) ||
        llvm::SaturatingMultiply(count, itemWork) < minWork)
      return;
    std::optional<LoopInputs> inputs =
        collectInputs(loop, /*withOperands=*/false);
    if (!inputs || !mayRunOnPool(loop, symbols))
      return;

    func::FuncOp body = Outliner(loop, *tripCounts, *inputs,
                                 findStreamingTarget(loop, streamingStoreBytes))
                            .outline(parent, symbolTable);
    OpBuilder builder(loop);
    int64_t grain = llvm::divideCeil(kMinChunkWork, itemWork);
    jaxc::rt::ParallelForOp::create(
        builder, loop.getLoc(), FlatSymbolRefAttr::get(body), inputs->captures,
        builder.getI64IntegerAttr(count), builder.getI64IntegerAttr(grain));
    loop.erase();
  }
};

} // namespace
