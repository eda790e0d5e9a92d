//===- LLVMCPU.h - Native code for the host CPU -----------------*- C++ -*-===//

#ifndef JAXC_TARGET_LLVMCPU_H
#define JAXC_TARGET_LLVMCPU_H

#include "mlir/IR/BuiltinOps.h"

#include <string>
#include <vector>

namespace jaxc {

struct CPUTargetOptions {
  // "host" (this machine's CPU and features), or an LLVM CPU name such as
  // "x86-64" (portable) or "znver4".
  std::string cpu = "host";
  // Subnormal floats read and written as zero (keeping the sign), as XLA's
  // CPU backend runs: jax.jit's answers are the reference. false: IEEE 754
  // subnormals, as the StableHLO spec (and its interpreter) has them.
  bool flushDenormals = true;
};

// The resolved triple, CPU name and denormal mode, as recorded in the
// module file.
struct ResolvedTarget {
  std::string triple, cpu, features;
  bool flushDenormals = true;
};
mlir::FailureOr<ResolvedTarget> resolveTarget(const CPUTargetOptions &options,
                                              std::string &error);

// The CPU features of module_format.h's lists that the target has, which
// the generated code may use: the module file records them and the runtime
// refuses the module on a CPU that lacks one.
std::vector<std::string> requiredCpuFeatures(const ResolvedTarget &target);

// Translates an LLVM-dialect module to LLVM IR optimized for the target and
// returns its text (the `llvmir` phase).
mlir::FailureOr<std::string> emitLLVMIR(mlir::ModuleOp module,
                                        const ResolvedTarget &target);

// Compiles an LLVM-dialect module to an ELF shared object (bytes): LLVM IR,
// O2, an object file, then ld.lld -shared (against libm).
mlir::FailureOr<std::string> emitSharedObject(mlir::ModuleOp module,
                                              const ResolvedTarget &target);

} // namespace jaxc

#endif // JAXC_TARGET_LLVMCPU_H
