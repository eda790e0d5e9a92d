//===- LLVMCPU.h - Native code for the host CPU -----------------*- C++ -*-===//

#ifndef JAXC_TARGET_LLVMCPU_H
#define JAXC_TARGET_LLVMCPU_H

#include "mlir/IR/BuiltinOps.h"

#include <string>

namespace jaxc {

struct CPUTargetOptions {
  // "host" (this machine's CPU and features), or an LLVM CPU name such as
  // "x86-64" (portable) or "znver4".
  std::string cpu = "host";
};

// The resolved triple and CPU name, as recorded in the module file.
struct ResolvedTarget {
  std::string triple, cpu, features;
};
mlir::FailureOr<ResolvedTarget> resolveTarget(const CPUTargetOptions &options,
                                              std::string &error);

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
