//===- Commands.h - The subcommands of the jaxc tool ------------*- C++ -*-===//
//
// `jaxc <command> [flags]`: each command is one function taking the arguments
// after the command name. main.cpp only dispatches.
//
// Commands that execute modules use the runtime C API only; compiling goes
// through compileModuleSections, implemented on the compiler side
// (CompileCommand.cpp), so run-mlir shares the exact path of `jaxc compile`.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLS_JAXC_COMMANDS_H
#define JAXC_TOOLS_JAXC_COMMANDS_H

#include <string>
#include <vector>

namespace jaxc::tools {

using Args = std::vector<std::string>;

// Exit codes shared by all commands; `jaxc conformance` reads those of its
// `jaxc run-mlir` children.
enum ExitCode : int {
  kExitOk = 0,
  kExitCheckFailed = 1, // a check.expect_* or --expected_output mismatched
  kExitUnsupported = 2, // the program uses an op/type jaxc does not lower yet
  kExitError = 3,       // bad input, bad flags, compile or load failure
};

int compileCommand(const Args &args);     // CompileCommand.cpp
int runCommand(const Args &args);         // RunCommand.cpp
int runMlirCommand(const Args &args);     // RunCommand.cpp
int benchmarkCommand(const Args &args);   // BenchmarkCommand.cpp
int inspectCommand(const Args &args);     // InspectCommand.cpp
int conformanceCommand(const Args &args); // ConformanceCommand.cpp

// The result of compiling an MLIR file in memory.
struct CompileResult {
  ExitCode status = kExitOk; // kExitOk, kExitUnsupported or kExitError
  std::string moduleBytes;   // the module file, when status == kExitOk
  // Diagnostics as `file:line:col: error: message` lines. For
  // kExitUnsupported the first line names the op, e.g.
  // "f.mlir:3:8: error: 'stablehlo.fft' op is not supported by jaxc yet".
  std::string diagnostics;
  std::string unsupportedOp; // e.g. "stablehlo.fft", for kExitUnsupported
};

// Compiles `path` for the host CPU: one module file per section of the file
// (sections are split by `// -----` lines, as in StableHLO's and IREE's test
// files; sections without code are skipped). A file that cannot be read
// gives one result with the error. `flushDenormals`: --denormals=flush.
std::vector<CompileResult> compileModuleSections(const std::string &path,
                                                 bool flushDenormals);

} // namespace jaxc::tools

#endif // JAXC_TOOLS_JAXC_COMMANDS_H
