//===- DecomposeComposites.cpp - Run composites' decompositions -----------===//
//
// `stablehlo.composite "name" %x {decomposition = @f}` means `call @f(%x)`:
// the name and attributes let a backend that knows the op do better, and
// jaxc knows none of them (JAX's serialized artifacts wrap CHLO ops such as
// erf, sinh and top_k this way), so each becomes a call that the inliner
// then opens up.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Transforms/Passes.h"

#include "mlir/IR/Builders.h"

namespace jaxc {
#define GEN_PASS_DEF_DECOMPOSECOMPOSITESPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

struct DecomposeCompositesPass final
    : jaxc::impl::DecomposeCompositesPassBase<DecomposeCompositesPass> {
  void runOnOperation() override {
    SmallVector<jaxc::stablehlo::CompositeOp> composites;
    getOperation().walk(
        [&](jaxc::stablehlo::CompositeOp op) { composites.push_back(op); });
    for (jaxc::stablehlo::CompositeOp op : composites) {
      OpBuilder builder(op);
      auto call =
          func::CallOp::create(builder, op.getLoc(), op.getDecompositionAttr(),
                               op.getResultTypes(), op.getInputs());
      op.replaceAllUsesWith(call.getResults());
      op.erase();
    }
  }
};

} // namespace
