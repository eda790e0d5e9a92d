//===- CollapseParallelDims.cpp - Fewer, longer loops for elementwise ops -===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"

namespace jaxc {
#define GEN_PASS_DEF_COLLAPSEPARALLELDIMSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

bool isIdentityLayoutMemref(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  return memref && memref.getLayout().isIdentity();
}

// Whether `run`'s loops appear in `map`'s results either not at all or all,
// adjacent and in order. (linalg::areDimSequencesPreserved accepts a
// broadcast from a size-1 dimension, (d0, d1) -> (0, d1), which
// collapseOpIterationDims then gets wrong.)
bool keepsAdjacent(AffineMap map, ArrayRef<int64_t> run) {
  SmallVector<unsigned> positions;
  for (int64_t loop : run)
    if (std::optional<unsigned> position =
            map.getResultPosition(getAffineDimExpr(loop, map.getContext())))
      positions.push_back(*position);
  if (positions.empty())
    return true;
  if (positions.size() != run.size())
    return false;
  for (auto [i, position] : llvm::enumerate(positions))
    if (position != positions.front() + i)
      return false;
  return true;
}

// Runs of consecutive loops that every indexing map keeps adjacent and in
// order, so that each run can become one loop.
SmallVector<ReassociationIndices> collapsibleRuns(linalg::GenericOp op) {
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  SmallVector<ReassociationIndices> runs;
  for (int64_t loop = 0, e = op.getNumLoops(); loop < e; ++loop) {
    if (!runs.empty()) {
      ReassociationIndices extended = runs.back();
      extended.push_back(loop);
      if (llvm::all_of(maps, [&](AffineMap map) {
            return keepsAdjacent(map, extended);
          })) {
        runs.back() = std::move(extended);
        continue;
      }
    }
    runs.push_back({loop});
  }
  return runs;
}

struct CollapseParallelDimsPass
    : jaxc::impl::CollapseParallelDimsPassBase<CollapseParallelDimsPass> {
  void runOnOperation() override {
    SmallVector<linalg::GenericOp> candidates;
    getOperation().walk([&](linalg::GenericOp op) {
      // linalg.index would have to be recomputed from the collapsed loop
      // with divisions; reductions keep their loop structure.
      // Constant results (broadcasts from size-1 dimensions) are left alone
      // too.
      if (op.hasPureBufferSemantics() && op.getNumLoops() > 1 &&
          op.getNumLoops() == op.getNumParallelLoops() &&
          !op.hasIndexSemantics() &&
          llvm::all_of(
              op.getIndexingMapsArray(),
              [](AffineMap map) { return map.isProjectedPermutation(); }) &&
          llvm::all_of(op->getOperandTypes(), isIdentityLayoutMemref))
        candidates.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::GenericOp op : candidates) {
      SmallVector<ReassociationIndices> runs = collapsibleRuns(op);
      if (runs.size() == op.getNumLoops())
        continue;
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::CollapseResult> collapsed =
          linalg::collapseOpIterationDims(op, runs, rewriter);
      if (failed(collapsed))
        continue;
      rewriter.replaceOp(op, collapsed->results);
    }
  }
};

} // namespace
