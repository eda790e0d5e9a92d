//===- InlineEverything.h - Inlining for value-semantic dialects -*- C++
//-*-===//

#ifndef JAXC_DIALECT_INLINEEVERYTHING_H
#define JAXC_DIALECT_INLINEEVERYTHING_H

#include "mlir/Transforms/InliningUtils.h"

namespace jaxc {

// StableHLO and CHLO ops are pure computations on values, so calls into
// JAX's private helper functions (@inputs, @expected, ...) always inline.
struct InlineEverything : public mlir::DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(mlir::Operation *, mlir::Operation *, bool) const final {
    return true;
  }
  bool isLegalToInline(mlir::Region *, mlir::Region *, bool,
                       mlir::IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(mlir::Operation *, mlir::Region *, bool,
                       mlir::IRMapping &) const final {
    return true;
  }
};

} // namespace jaxc

#endif // JAXC_DIALECT_INLINEEVERYTHING_H
