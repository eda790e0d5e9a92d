//===- FuseElementwise.cpp - Elementwise fusion that spares contractions --===//
//
// linalg-fuse-elementwise-ops with one more rule: a producer is not fused
// into a consumer with reduction loops through an operand that the
// consumer reads more than once per element (its indexing map is not a
// permutation of the loops: a matmul's or a convolution's operands). Fused
// there, the producer would be recomputed for every output element that
// reads the value (a batch norm and ReLU before a 1x1 convolution, once
// per output channel), and the contraction would no longer be the plain
// multiply-add that jaxc-linalg-to-runtime hands to the runtime's kernels.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace jaxc {
#define GEN_PASS_DEF_FUSEELEMENTWISEPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

// Upstream's rule (the producer has no other user) plus the one above.
bool shouldFuse(OpOperand *fusedOperand) {
  Operation *producer = fusedOperand->get().getDefiningOp();
  if (!producer || !producer->hasOneUse())
    return false;
  auto consumer = dyn_cast<linalg::LinalgOp>(fusedOperand->getOwner());
  return !consumer || consumer.getNumReductionLoops() == 0 ||
         consumer.getMatchingIndexingMap(fusedOperand).isPermutation();
}

bool producerHasOneUse(OpOperand *fusedOperand) {
  Operation *producer = fusedOperand->get().getDefiningOp();
  return producer && producer->hasOneUse();
}

struct FuseElementwisePass
    : jaxc::impl::FuseElementwisePassBase<FuseElementwisePass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    linalg::populateElementwiseOpsFusionPatterns(patterns, shouldFuse);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns,
                                                      producerHasOneUse);
    tensor::populateBubbleUpExpandShapePatterns(patterns);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, ctx);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, ctx);
    ctx->getLoadedDialect<linalg::LinalgDialect>()->getCanonicalizationPatterns(
        patterns);
    linalg::populateConstantFoldLinalgOperations(patterns, producerHasOneUse);
    (void)applyPatternsGreedily(getOperation(), std::move(patterns),
                                GreedyRewriteConfig().setUseTopDownTraversal());
  }
};

} // namespace
