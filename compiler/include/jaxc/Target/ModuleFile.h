//===- ModuleFile.h - Writing jaxc module files -----------------*- C++ -*-===//
//
// The layout is defined once, in runtime/include/jaxc/runtime/module_format.h;
// this is the compiler's writer for it.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TARGET_MODULEFILE_H
#define JAXC_TARGET_MODULEFILE_H

#include "mlir/IR/BuiltinOps.h"

#include <cstdint>
#include <string>
#include <vector>

namespace jaxc {

struct TensorSignature {
  uint32_t dtype = 0; // jaxc_dtype_t
  std::vector<int64_t> dims;
};

struct CheckSignature {
  uint32_t kind = 0; // jaxc_check_kind_t
  uint32_t actualSlot = 0, expectedSlot = 0;
  std::string location;
  double tolerance = 0; // 0: the kind's default
};

struct FunctionSignature {
  std::string name, entrySymbol;
  std::vector<TensorSignature> inputs, results, checkBuffers;
  std::vector<std::string> resultNames;
  std::vector<CheckSignature> checks;
};

struct ModuleMetadata {
  std::string targetTriple, targetCpu;
  // JAXC_X86_CPU_FEATURES names the code may use.
  std::vector<std::string> cpuFeatures;
  bool flushDenormals = true; // JAXC_DENORMALS_FLUSH, else _IEEE
  std::vector<FunctionSignature> functions;
};

// Reads the signatures of the public functions of a module at the end of
// the input phase (StableHLO types, checks extracted). Fails, with a
// diagnostic at the function, on a type the module format cannot describe.
mlir::FailureOr<ModuleMetadata> collectModuleMetadata(mlir::ModuleOp module);

// Serializes metadata, native code and the constants the code reads
// through JAXC_CONSTANTS_SYMBOL (none: no CONSTANTS section) into the
// module file format.
std::string writeModuleFile(const ModuleMetadata &metadata,
                            llvm::StringRef nativeCode,
                            llvm::StringRef constants);

} // namespace jaxc

#endif // JAXC_TARGET_MODULEFILE_H
