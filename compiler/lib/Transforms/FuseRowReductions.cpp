//===- FuseRowReductions.cpp - One sweep over the rows of a reduction chain
//===//
//
// A layernorm or a softmax is a chain of row reductions and elementwise ops
// over the same rows. Elementwise fusion stops at each reduction, so every
// op of the chain streams the whole tensor through memory: a layernorm and
// a softmax over 4096 x 1024 f32 read or write 16 MB ten times. This pass
// groups such a chain and computes it tile of rows by tile of rows, in one
// scf.forall, so a tile's intermediates stay in the cache:
//
//   %sum = linalg.generic {reduction over d1} ins(%x) outs(%zeros)
//   %y = linalg.generic {elementwise} ins(%x, %sum) outs(%empty)
//   ==>
//   %y = scf.forall (%i) = (0) to (4096) step (16) shared_outs(%o = %empty) {
//     %xs = tensor.extract_slice %x[%i, 0] [16, 1024] [1, 1]
//     %sum_t = linalg.generic {...} ins(%xs) outs(<16 zeros>)
//     %y_t = linalg.generic {...} ins(%xs, %sum_t) outs(<slice of %o>)
//     scf.forall.in_parallel { tensor.parallel_insert_slice %y_t into %o }
//   }
//
// Ops join a group when one loop of theirs (the row loop: parallel, of the
// same extent) indexes, as a plain dimension, the same dimension of every
// value they share with the group; other operands are either sliced along
// that loop or read whole (a layernorm's scale). Each row is computed by
// the same ops in the same order as before, so the results keep their
// bits. Contractions stay out: the runtime's kernels compute them.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/IRMapping.h"

#include "llvm/ADT/MapVector.h"

namespace jaxc {
#define GEN_PASS_DEF_FUSEROWREDUCTIONSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

// Iterations of the widest op per tile: 16384 f32 are 64 KB, so a tile's
// few intermediates stay in the 512 KB L2.
constexpr int64_t kTileIterations = 16384;
// Tiles wanted at least, so that the thread pool has work to balance.
constexpr int64_t kMinTiles = 16;

// How an indexing map uses one loop dimension.
struct DimUse {
  enum Kind { Absent, Plain, Mixed } kind = Absent;
  unsigned position = 0; // the result that is the plain dimension
};

DimUse findDim(AffineMap map, unsigned dim) {
  DimUse use;
  for (auto [position, expr] : llvm::enumerate(map.getResults())) {
    if (!expr.isFunctionOfDim(dim))
      continue;
    if (!isa<AffineDimExpr>(expr) || use.kind != DimUse::Absent)
      return {DimUse::Mixed, 0};
    use = {DimUse::Plain, static_cast<unsigned>(position)};
  }
  return use;
}

// Ops a group may hold: elementwise ops and row reductions on tensors with
// static, non-empty loops (tensor.extract_slice refuses offset 0 into an
// empty dimension), that do not read their loop indices. Contractions and
// convolutions stay out (the runtime's kernels compute them; tiled here
// they would become scalar loops, as MobileNetV2's last 1x1 convolution
// did, 3x slower): every operand is indexed by loops, and one that a
// reduction loop indexes is read once per iteration (its map uses every
// loop).
bool isCandidate(linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op.hasIndexSemantics() ||
      linalg::isaContractionOpInterface(op) ||
      linalg::isaConvolutionOpInterface(op))
    return false;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  for (OpOperand &operand : op->getOpOperands()) {
    AffineMap map = op.getMatchingIndexingMap(&operand);
    if (!map.isProjectedPermutation(/*allowZeroInResults=*/true))
      return false;
    bool readsAlongReduction = llvm::any_of(
        llvm::seq<unsigned>(0, op.getNumLoops()), [&](unsigned dim) {
          return iterators[dim] == utils::IteratorType::reduction &&
                 map.isFunctionOfDim(dim);
        });
    if (readsAlongReduction && map.getNumResults() != op.getNumLoops())
      return false;
  }
  return llvm::all_of(op.getStaticLoopRanges(),
                      [](int64_t range) { return range > 0; });
}

// Whether `op` can be tiled along loop `dim` of extent `extent`: a
// parallel loop, which every init indexes plainly and no operand mixes
// into an expression.
bool admits(linalg::GenericOp op, unsigned dim, int64_t extent) {
  if (dim >= op.getNumLoops() || op.getStaticLoopRanges()[dim] != extent ||
      op.getIteratorTypesArray()[dim] != utils::IteratorType::parallel)
    return false;
  for (OpOperand &operand : op->getOpOperands()) {
    DimUse use = findDim(op.getMatchingIndexingMap(&operand), dim);
    if (use.kind == DimUse::Mixed ||
        (op.isDpsInit(&operand) && use.kind != DimUse::Plain))
      return false;
  }
  return true;
}

class RowGroup {
public:
  // A group grown from `seed`, a reduction, tiled along its outermost
  // parallel loop with more than one iteration.
  static std::optional<RowGroup> grow(linalg::GenericOp seed,
                                      const DenseSet<Operation *> &taken);

  // Rewrites the group into one scf.forall over tiles of rows, erasing
  // the members; adds them to `taken` first.
  void rewrite(RewriterBase &rewriter, DenseSet<Operation *> &taken);

private:
  // The dimension of `value` (a member's result) that holds the rows.
  unsigned rowDim(OpResult value) const {
    auto op = cast<linalg::GenericOp>(value.getOwner());
    return findDim(op.getIndexingMapMatchingResult(value), loops.lookup(op))
        .position;
  }
  bool isMember(Operation *op) const { return op && loops.contains(op); }
  // Whether `op`, tiled along `dim`, agrees with the members it shares
  // values with on which dimension of each holds the rows.
  bool agrees(linalg::GenericOp op, unsigned dim) const;
  bool tryAdd(linalg::GenericOp op, unsigned dim,
              const DenseSet<Operation *> &taken);
  bool isRewritable() const;
  int64_t chooseTile() const;
  Value slice(OpBuilder &builder, Location loc, Value full, unsigned dim,
              Value offset, int64_t size) const;
  Value tiledInit(OpBuilder &builder, Location loc, Value init, unsigned dim,
                  Value offset, int64_t size) const;

  // Members in the order they were added, with their row loop.
  llvm::MapVector<Operation *, unsigned> loops;
  int64_t extent = 0;
};

bool RowGroup::agrees(linalg::GenericOp op, unsigned dim) const {
  for (OpOperand &operand : op->getOpOperands()) {
    auto result = dyn_cast<OpResult>(operand.get());
    if (!result || !isMember(result.getOwner()))
      continue;
    DimUse use = findDim(op.getMatchingIndexingMap(&operand), dim);
    if (use.kind != DimUse::Plain || use.position != rowDim(result))
      return false;
  }
  for (OpResult result : op->getResults()) {
    unsigned position =
        findDim(op.getIndexingMapMatchingResult(result), dim).position;
    for (OpOperand &use : result.getUses()) {
      auto user = dyn_cast<linalg::GenericOp>(use.getOwner());
      if (!user || !isMember(user))
        continue;
      DimUse userUse =
          findDim(user.getMatchingIndexingMap(&use), loops.lookup(user));
      if (userUse.kind != DimUse::Plain || userUse.position != position)
        return false;
    }
  }
  return true;
}

bool RowGroup::tryAdd(linalg::GenericOp op, unsigned dim,
                      const DenseSet<Operation *> &taken) {
  if (isMember(op) || taken.contains(op) || !isCandidate(op) ||
      !admits(op, dim, extent) || !agrees(op, dim))
    return false;
  loops.insert({op, dim});
  return true;
}

std::optional<RowGroup> RowGroup::grow(linalg::GenericOp seed,
                                       const DenseSet<Operation *> &taken) {
  if (seed.getNumReductionLoops() == 0 || !isCandidate(seed) ||
      taken.contains(seed))
    return std::nullopt;
  SmallVector<int64_t> ranges = seed.getStaticLoopRanges();
  SmallVector<utils::IteratorType> iterators = seed.getIteratorTypesArray();
  std::optional<unsigned> rowLoop;
  for (unsigned dim = 0; dim < ranges.size() && !rowLoop; ++dim)
    if (iterators[dim] == utils::IteratorType::parallel && ranges[dim] > 1)
      rowLoop = dim;
  if (!rowLoop)
    return std::nullopt;
  RowGroup group;
  group.extent = ranges[*rowLoop];
  if (!group.tryAdd(seed, *rowLoop, taken))
    return std::nullopt;
  Block *block = seed->getBlock();
  // Breadth first over producers and consumers in the seed's block.
  for (size_t next = 0; next < group.loops.size(); ++next) {
    auto op = cast<linalg::GenericOp>(group.loops.begin()[next].first);
    unsigned dim = group.loops.begin()[next].second;
    for (OpOperand &operand : op->getOpOperands()) {
      auto producer = operand.get().getDefiningOp<linalg::GenericOp>();
      if (!producer || producer->getBlock() != block)
        continue;
      DimUse use = findDim(op.getMatchingIndexingMap(&operand), dim);
      if (use.kind != DimUse::Plain)
        continue;
      AffineMap map =
          producer.getIndexingMapMatchingResult(cast<OpResult>(operand.get()));
      if (auto expr = dyn_cast<AffineDimExpr>(map.getResult(use.position)))
        group.tryAdd(producer, expr.getPosition(), taken);
    }
    for (OpResult result : op->getResults()) {
      unsigned position = group.rowDim(result);
      for (OpOperand &use : result.getUses()) {
        auto consumer = dyn_cast<linalg::GenericOp>(use.getOwner());
        if (!consumer || consumer->getBlock() != block)
          continue;
        AffineMap map = consumer.getMatchingIndexingMap(&use);
        if (auto expr = dyn_cast<AffineDimExpr>(map.getResult(position)))
          group.tryAdd(consumer, expr.getPosition(), taken);
      }
    }
  }
  if (group.loops.size() < 2 || !group.isRewritable())
    return std::nullopt;
  return group;
}

// The forall goes where the last member is. Every value used outside the
// group must be used only after it, and an init the forall writes into
// must exist before it.
bool RowGroup::isRewritable() const {
  Operation *last = nullptr;
  for (auto [op, dim] : loops)
    if (!last || last->isBeforeInBlock(op))
      last = op;
  Block *block = last->getBlock();
  for (auto [member, dim] : loops) {
    auto op = cast<linalg::GenericOp>(member);
    for (OpResult result : op->getResults()) {
      bool escapes = false;
      for (Operation *user : result.getUsers()) {
        if (isMember(user))
          continue;
        escapes = true;
        Operation *ancestor = block->findAncestorOpInBlock(*user);
        if (!ancestor || !last->isBeforeInBlock(ancestor))
          return false;
      }
      if (escapes) {
        auto init = dyn_cast<OpResult>(
            op.getDpsInitOperand(result.getResultNumber())->get());
        if (init && isMember(init.getOwner()))
          return false;
      }
    }
  }
  return true;
}

// Rows per tile: a divisor of the extent (every tile then has static
// shapes), as large as kTileIterations and kMinTiles allow.
int64_t RowGroup::chooseTile() const {
  int64_t perRow = 1;
  for (auto [member, dim] : loops) {
    int64_t iterations = 1;
    for (int64_t range : cast<linalg::GenericOp>(member).getStaticLoopRanges())
      iterations *= range;
    perRow = std::max(perRow, iterations / extent);
  }
  int64_t tile = std::clamp<int64_t>(
      std::min(kTileIterations / perRow, extent / kMinTiles), 1, extent);
  while (extent % tile != 0)
    --tile;
  return tile;
}

// The offsets, sizes and strides of the rows [offset, offset + size) of a
// tensor of `shape` along `dim`.
struct RowSlice {
  SmallVector<OpFoldResult> offsets, sizes, strides;
  RowSlice(OpBuilder &builder, ArrayRef<int64_t> shape, unsigned dim,
           OpFoldResult offset, int64_t size)
      : offsets(shape.size(), builder.getIndexAttr(0)),
        strides(shape.size(), builder.getIndexAttr(1)) {
    for (int64_t extent : shape)
      sizes.push_back(builder.getIndexAttr(extent));
    offsets[dim] = offset;
    sizes[dim] = builder.getIndexAttr(size);
  }
};

Value RowGroup::slice(OpBuilder &builder, Location loc, Value full,
                      unsigned dim, Value offset, int64_t size) const {
  RowSlice rows(builder, cast<RankedTensorType>(full.getType()).getShape(), dim,
                offset, size);
  return tensor::ExtractSliceOp::create(builder, loc, full, rows.offsets,
                                        rows.sizes, rows.strides);
}

// A tile's init: a fresh tensor where the whole one was fresh (empty or
// filled), else the tile's slice of it.
Value RowGroup::tiledInit(OpBuilder &builder, Location loc, Value init,
                          unsigned dim, Value offset, int64_t size) const {
  auto type = cast<RankedTensorType>(init.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape[dim] = size;
  auto empty = [&] {
    return tensor::EmptyOp::create(builder, loc, shape, type.getElementType());
  };
  if (init.getDefiningOp<tensor::EmptyOp>())
    return empty();
  if (auto fill = init.getDefiningOp<linalg::FillOp>())
    if (fill.getOutputs()[0].getDefiningOp<tensor::EmptyOp>())
      return linalg::FillOp::create(builder, loc, fill.getInputs()[0],
                                    ValueRange{empty()})
          .getResult(0);
  return slice(builder, loc, init, dim, offset, size);
}

void RowGroup::rewrite(RewriterBase &rewriter, DenseSet<Operation *> &taken) {
  SmallVector<linalg::GenericOp> members;
  for (auto [op, dim] : loops) {
    members.push_back(cast<linalg::GenericOp>(op));
    taken.insert(op);
  }
  llvm::sort(members, [](linalg::GenericOp a, linalg::GenericOp b) {
    return a->isBeforeInBlock(b);
  });
  // Results used outside the group leave through the forall, written in
  // place into their init.
  SmallVector<OpResult> escaping;
  SmallVector<Value> sharedInits;
  for (linalg::GenericOp op : members)
    for (OpResult result : op->getResults())
      if (llvm::any_of(result.getUsers(),
                       [&](Operation *user) { return !isMember(user); })) {
        escaping.push_back(result);
        sharedInits.push_back(
            op.getDpsInitOperand(result.getResultNumber())->get());
      }

  Location loc = members.back().getLoc();
  int64_t tile = chooseTile();
  rewriter.setInsertionPoint(members.back());
  auto forall = scf::ForallOp::create(
      rewriter, loc, ArrayRef<OpFoldResult>{rewriter.getIndexAttr(0)},
      ArrayRef<OpFoldResult>{rewriter.getIndexAttr(extent)},
      ArrayRef<OpFoldResult>{rewriter.getIndexAttr(tile)}, sharedInits,
      /*mapping=*/std::nullopt);
  Value offset = forall.getInductionVars()[0];
  rewriter.setInsertionPointToStart(forall.getBody());

  IRMapping tiled;
  for (linalg::GenericOp op : members) {
    unsigned dim = loops.lookup(op);
    SmallVector<Value> operands;
    SmallVector<Type> resultTypes;
    for (OpOperand &operand : op->getOpOperands()) {
      Value value = operand.get();
      DimUse use = findDim(op.getMatchingIndexingMap(&operand), dim);
      Value newValue;
      if (Value mapped = tiled.lookupOrNull(value)) {
        newValue = mapped;
      } else if (!op.isDpsInit(&operand)) {
        newValue = use.kind == DimUse::Plain
                       ? slice(rewriter, loc, value, use.position, offset, tile)
                       : value;
      } else {
        OpResult result = op.getTiedOpResult(&operand);
        auto shared = llvm::find(escaping, result);
        newValue =
            shared != escaping.end()
                ? slice(rewriter, loc,
                        forall.getRegionIterArgs()[shared - escaping.begin()],
                        use.position, offset, tile)
                : tiledInit(rewriter, loc, value, use.position, offset, tile);
      }
      operands.push_back(newValue);
      if (op.isDpsInit(&operand))
        resultTypes.push_back(newValue.getType());
    }
    Operation *clone = mlir::clone(rewriter, op, resultTypes, operands);
    tiled.map(op->getResults(), clone->getResults());
  }

  rewriter.setInsertionPointToStart(forall.getTerminator().getBody());
  for (auto [index, result] : llvm::enumerate(escaping)) {
    Value tileValue = tiled.lookup(Value(result));
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(tileValue.getType()).getShape();
    unsigned dim = rowDim(result);
    RowSlice rows(rewriter, shape, dim, offset, shape[dim]);
    tensor::ParallelInsertSliceOp::create(
        rewriter, loc, tileValue, forall.getRegionIterArgs()[index],
        rows.offsets, rows.sizes, rows.strides);
  }

  for (auto [index, result] : llvm::enumerate(escaping))
    rewriter.replaceUsesWithIf(
        result, forall.getResult(index),
        [&](OpOperand &use) { return !isMember(use.getOwner()); });
  // Inits the clones replaced (fresh tensors, fills of them) may be dead.
  SetVector<Operation *> inits;
  for (linalg::GenericOp op : members)
    for (Value init : op.getDpsInits())
      if (Operation *def = init.getDefiningOp();
          isa_and_nonnull<tensor::EmptyOp, linalg::FillOp>(def))
        inits.insert(def);
  for (linalg::GenericOp op : llvm::reverse(members))
    rewriter.eraseOp(op);
  for (size_t next = 0; next < inits.size(); ++next) {
    Operation *def = inits[next];
    if (!def->use_empty())
      continue;
    for (Value operand : def->getOperands())
      if (Operation *producer = operand.getDefiningOp<tensor::EmptyOp>())
        inits.insert(producer);
    rewriter.eraseOp(def);
  }
}

struct FuseRowReductionsPass
    : jaxc::impl::FuseRowReductionsPassBase<FuseRowReductionsPass> {
  void runOnOperation() override {
    SmallVector<linalg::GenericOp> seeds;
    getOperation()->walk([&](linalg::GenericOp op) {
      if (op.getNumReductionLoops() > 0)
        seeds.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    DenseSet<Operation *> taken;
    for (linalg::GenericOp seed : seeds) {
      if (taken.contains(seed))
        continue;
      std::optional<RowGroup> group = RowGroup::grow(seed, taken);
      if (!group)
        continue;
      group->rewrite(rewriter, taken);
    }
  }
};

} // namespace
