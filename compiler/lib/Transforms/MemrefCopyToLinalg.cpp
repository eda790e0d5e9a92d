//===- MemrefCopyToLinalg.cpp - memref.copy as linalg.copy ----------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace jaxc {
#define GEN_PASS_DEF_MEMREFCOPYTOLINALGPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

struct MemrefCopyToLinalgPass
    : jaxc::impl::MemrefCopyToLinalgPassBase<MemrefCopyToLinalgPass> {
  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    // A copy between identity-layout memrefs lowers to a memcpy intrinsic:
    // keep it, which is also far less code for LLVM than a loop nest.
    auto isContiguous = [](Type type) {
      auto memref = dyn_cast<MemRefType>(type);
      return memref && memref.getLayout().isIdentity();
    };
    getOperation().walk([&](memref::CopyOp copy) {
      if (!isContiguous(copy.getSource().getType()) ||
          !isContiguous(copy.getTarget().getType()))
        copies.push_back(copy);
    });
    IRRewriter rewriter(&getContext());
    for (memref::CopyOp copy : copies) {
      rewriter.setInsertionPoint(copy);
      rewriter.replaceOpWithNewOp<linalg::CopyOp>(copy, copy.getSource(),
                                                  copy.getTarget());
    }
  }
};

} // namespace
