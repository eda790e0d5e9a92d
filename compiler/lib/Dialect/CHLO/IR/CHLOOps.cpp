//===- CHLOOps.cpp - The CHLO dialect -------------------------------------===//

#include "jaxc/Dialect/CHLO/IR/CHLOOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/Transforms/InliningUtils.h"

using namespace mlir;
using namespace jaxc::chlo;

#include "jaxc/Dialect/CHLO/IR/CHLODialect.cpp.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/CHLO/IR/CHLOOps.cpp.inc"

namespace {
// Every op is pure computation on values: JAX's private helper functions
// (@inputs, @expected, ...) inline into main.
struct InlineEverything : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Operation *, bool) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void CHLODialect::initialize() {
  addInterfaces<InlineEverything>();
  addOperations<
#define GET_OP_LIST
#include "jaxc/Dialect/CHLO/IR/CHLOOps.cpp.inc"
      >();
}
