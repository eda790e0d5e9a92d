//===- ExpandArith.cpp - arith ops LLVM has no instruction for ------------===//
//
// MLIR's arith-expand-ops minus its maximumf/minimumf expansion. That
// expansion is a compare and select with no signed-zero case (max(+0, -0)
// came out -0) and, being a select, passes a subnormal through where the
// hardware under DAZ reads it as zero. Left alone, maximumf/minimumf become
// llvm.maximum/minimum, which the x86 backend lowers to vmaxps/vminps with
// the NaN and signed-zero fix-ups: IEEE 754-2019 maximum/minimum, and the
// instructions XLA's CPU backend runs, so flushed subnormals agree too.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace jaxc {
#define GEN_PASS_DEF_EXPANDARITHPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

struct ExpandArithPass : jaxc::impl::ExpandArithPassBase<ExpandArithPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    arith::populateCeilFloorDivExpandOpsPatterns(patterns);
    arith::populateExpandBFloat16Patterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
