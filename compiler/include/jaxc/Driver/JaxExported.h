//===- JaxExported.h - Read jax.export's serialize() files ------*- C++ -*-===//
//
// `jax.export.export(f)(*args).serialize()` writes a flatbuffer (schema
// jax_export.serialization.Exported, no file identifier) that holds a
// StableHLO portable artifact and the calling convention around it: which
// platforms the module serves, which of the function's arguments the module
// kept, their types, and how many ordered effects thread tokens.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DRIVER_JAXEXPORTED_H
#define JAXC_DRIVER_JAXEXPORTED_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace jaxc {

struct JaxExportedAval {
  std::vector<std::string> shape; // one string per dimension ("3", or "b")
  int dtype = 0;                  // the schema's DType enum
};

struct JaxExported {
  llvm::StringRef module; // the portable artifact, inside the file's bytes
  unsigned callingConventionVersion = 0;
  std::vector<std::string> platforms;
  std::vector<JaxExportedAval> inAvals;
  std::vector<unsigned> keptArguments; // indices into inAvals
  unsigned orderedEffects = 0;
  unsigned devices = 1;
};

// Whether `bytes` are a serialized Exported: a flatbuffer whose module field
// holds MLIR bytecode.
bool isJaxExported(llvm::StringRef bytes);

// Reads the file's fields; on malformed input returns nullopt and sets
// `error`.
std::optional<JaxExported> readJaxExported(llvm::StringRef bytes,
                                           std::string &error);

// Makes the module's public `main` take the exported function's arguments:
// the platform index argument becomes the index of "cpu", and arguments the
// export dropped as unused come back (unused) at their places.
mlir::LogicalResult adoptCallingConvention(mlir::ModuleOp module,
                                           const JaxExported &exported);

} // namespace jaxc

#endif // JAXC_DRIVER_JAXEXPORTED_H
