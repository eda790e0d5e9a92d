//===- LoopInputs.h - What an outlined loop takes from outside --*- C++ -*-===//
//
// Shared by the passes that move loops into functions of their own
// (jaxc-outline-parallel-loops, jaxc-outline-loop-nests).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_LIB_TRANSFORMS_LOOPINPUTS_H
#define JAXC_LIB_TRANSFORMS_LOOPINPUTS_H

#include "mlir/IR/Operation.h"

#include <optional>

namespace jaxc {

// Values a loop needs from outside: `clones` are recreated in the outlined
// function (constants), `captures` are passed to it.
struct LoopInputs {
  llvm::SmallVector<mlir::Operation *> clones;
  llvm::SmallVector<mlir::Value> captures;
};

// Whether a value can be passed to an outlined function: scalars, and
// memrefs that the bare-pointer convention passes as one pointer (static
// shape, strides and offset).
bool isCapturable(mlir::Type type);

// The inputs of `loop`'s regions, and of its own operands too when
// `withOperands`; nullopt if one cannot be passed.
std::optional<LoopInputs> collectInputs(mlir::Operation *loop,
                                        bool withOperands);

} // namespace jaxc

#endif // JAXC_LIB_TRANSFORMS_LOOPINPUTS_H
