//===- Driver.h - Compile a StableHLO file, start to finish -----*- C++ -*-===//
//
// The one entry point the tools use: parse, run the phases (Pipelines.h) up
// to the requested one, and produce either printed IR or a module file.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DRIVER_DRIVER_H
#define JAXC_DRIVER_DRIVER_H

#include "jaxc/Pipelines/Pipelines.h"
#include "jaxc/Target/LLVMCPU.h"

#include <optional>
#include <string>
#include <vector>

namespace jaxc {

struct CompileOptions {
  Phase compileTo = Phase::Module;
  CPUTargetOptions target;
  bool printIRAfterAll = false; // --mlir-print-ir-after-all, to stderr
  // --fill-elided-constants: pseudo-random data for dense_resource<__elided__>
  // constants (benchmarking a model exported without weights); without it
  // they are an error.
  bool fillElidedConstants = false;
};

struct CompileOutcome {
  enum class Status { Ok, Unsupported, Error };
  Status status = Status::Ok;
  // The module file bytes, or the printed IR when compileTo < Module.
  std::string output;
  // `file:line:col: error: ...` diagnostics with source excerpts.
  std::string diagnostics;
  // For Unsupported: the op (or type) jaxc cannot lower yet.
  std::string unsupported;
};

// Compiles one MLIR module; `path` may be "-" for standard input. A file
// split into sections by `// -----` lines is an error here.
CompileOutcome compileFile(const std::string &path,
                           const CompileOptions &options);

// The same for text already read; `bufferName` names it in diagnostics.
CompileOutcome compileSource(const std::string &text,
                             const std::string &bufferName,
                             const CompileOptions &options);

// Reads a file and splits it at `// -----` lines (as mlir-opt
// --split-input-file does); each section keeps the file's line numbers.
// On failure returns nullopt and sets `error` to a diagnostic line.
std::optional<std::vector<std::string>>
readSourceSections(const std::string &path, std::string &error);

} // namespace jaxc

#endif // JAXC_DRIVER_DRIVER_H
