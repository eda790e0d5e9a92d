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

// What the phases need to know of the target and the user's flags.
struct PipelineOptions {
  // --denormals=flush: the logarithms and atan, glibc calls, get subnormal
  // arguments as zeros (jaxc-flush-subnormal-arguments), as DAZ reads them.
  bool flushDenormals = true;
  // Elementwise outputs of at least this many bytes are written with
  // non-temporal stores (jaxc-outline-parallel-loops); 0: never.
  int64_t streamingStoreBytes = 0;
  // bf16 maximum/minimum select an operand's own bits after comparing in
  // f32, rather than rounding an f32 maximum back (jaxc-expand-arith). XLA's
  // CPU backend does so on CPUs with AVX512-BF16 (Sapphire Rapids: a
  // subnormal result survives DAZ, max(+0, 2^-133) is +0), and rounds an
  // f32 result elsewhere (Zen 3: the subnormal flushes); jax.jit is the
  // reference, so jaxc follows the target.
  bool selectBF16MinMax = false;

  // The options for code that runs on `triple`: streaming stores from
  // 16 MiB on x86-64 (an output that large leaves the caches before
  // anything reads it back; the stores and their fence are x86's).
  static PipelineOptions forTarget(llvm::StringRef triple, bool flushDenormals);
};

// The passes that take the IR from the end of one phase to the end of
// `phase`. Input..LLVM are MLIR pass pipelines; LLVMIR and Module are done
// by the target (Target/LLVMCPU.h).
void buildInputPhase(mlir::OpPassManager &pm, const PipelineOptions &options);
void buildLinalgPhase(mlir::OpPassManager &pm, const PipelineOptions &options);
void buildBufferizedPhase(mlir::OpPassManager &pm,
                          const PipelineOptions &options);
void buildLLVMPhase(mlir::OpPassManager &pm, const PipelineOptions &options);

// Registers `jaxc-input-phase`, ... `jaxc-llvm-phase` and
// `jaxc-to-llvm` (all four) for jaxc-opt, with the options for the host
// and flushed denormals (jaxc compile's defaults).
void registerPipelines();

} // namespace jaxc

#endif // JAXC_PIPELINES_PIPELINES_H
