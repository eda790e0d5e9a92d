//===- LoopInputs.h - What an outlined loop takes from outside --*- C++ -*-===//
//
// Shared by the passes that move loops into functions of their own
// (jaxc-outline-parallel-loops, jaxc-outline-loop-nests).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_LIB_TRANSFORMS_LOOPINPUTS_H
#define JAXC_LIB_TRANSFORMS_LOOPINPUTS_H

#include "mlir/IR/Operation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

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

// Marks llvm.noalias each argument of `function` from `firstCapture` on
// (the captures, in order) that is a memref and the only view, among the
// captures, of a buffer the module allocated. The caller's arguments may
// be views of one another; fresh allocations are not. Without it, LLVM
// guards every vectorized loop with run-time overlap checks and keeps a
// scalar copy of it: more code, compiled slower.
void markNoaliasCaptures(mlir::FunctionOpInterface function,
                         unsigned firstCapture,
                         llvm::ArrayRef<mlir::Value> captures);

} // namespace jaxc

#endif // JAXC_LIB_TRANSFORMS_LOOPINPUTS_H
