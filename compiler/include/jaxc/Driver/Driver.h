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

#include <string>

namespace jaxc {

struct CompileOptions {
  Phase compileTo = Phase::Module;
  CPUTargetOptions target;
  bool printIRAfterAll = false; // --mlir-print-ir-after-all, to stderr
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

// `path` may be "-" for standard input.
CompileOutcome compileFile(const std::string &path,
                           const CompileOptions &options);

} // namespace jaxc

#endif // JAXC_DRIVER_DRIVER_H
