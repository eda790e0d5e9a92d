//===- Pipelines.h - The phases of jaxc's compilation -----------*- C++ -*-===//
//
// Compilation is a sequence of named phases, as in IREE; `jaxc compile
// --compile-to=<phase>` stops after one and prints the IR:
//
//   input      parsed, private functions inlined, checks extracted (StableHLO)
//   linalg     StableHLO lowered to linalg/tensor/arith/math, fused
//   bufferized tensors turned into buffers; results written to out-params
//   llvm       LLVM dialect with the runtime's entry points
//   llvmir     LLVM IR, optimized for the target
//   module     the module file (the default)
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_PIPELINES_PIPELINES_H
#define JAXC_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"

#include <optional>

namespace jaxc {

enum class Phase { Input, Linalg, Bufferized, LLVM, LLVMIR, Module };

std::optional<Phase> parsePhase(llvm::StringRef name);
llvm::StringRef phaseName(Phase phase);
// "input, linalg, bufferized, llvm, llvmir, module".
std::string listPhases();

// The passes that take the IR from the end of one phase to the end of
// `phase`. Input..LLVM are MLIR pass pipelines; LLVMIR and Module are done
// by the target (Target/LLVMCPU.h).
void buildInputPhase(mlir::OpPassManager &pm);
void buildLinalgPhase(mlir::OpPassManager &pm);
void buildBufferizedPhase(mlir::OpPassManager &pm);
void buildLLVMPhase(mlir::OpPassManager &pm);

// Registers `jaxc-input-phase`, ... `jaxc-llvm-phase` and
// `jaxc-to-llvm` (all four) for jaxc-opt.
void registerPipelines();

} // namespace jaxc

#endif // JAXC_PIPELINES_PIPELINES_H
