//===- CompileCommand.cpp - jaxc compile, and compiling for run-mlir ------===//

#include "Commands.h"
#include "Flags.h"

#include "jaxc/Driver/Driver.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <iostream>

namespace jaxc::tools {

namespace {

const CommandSpec kCompile = {
    "compile",
    "FILE.mlir --output=FILE.vmfb [--iree-hal-target-backends=llvm-cpu] "
    "[--compile-to=PHASE] [--target-cpu=host|x86-64|CPU] "
    "[--denormals=flush|ieee]",
    {
        {"output", true, false, "where to write the module (or IR)", "o"},
        {"iree-hal-target-backends", true, true,
         "target backend; jaxc has llvm-cpu", ""},
        {"compile-to", true, false,
         "stop after a phase and print its IR: " + jaxc::listPhases(), ""},
        {"target-cpu", true, false,
         "CPU to generate code for: host (default), x86-64, znver4, ...", ""},
        denormalsFlagSpec(),
        {"iree-input-type", true, false,
         "accepted for IREE compatibility: stablehlo", ""},
        {"mlir-print-ir-after-all", false, false,
         "print the IR after every pass to stderr", ""},
        {"fill-elided-constants", false, false,
         "fill dense_resource<__elided__> weights with pseudo-random values "
         "(for benchmarking)",
         ""},
    }};

constexpr const char *kTargetBackends = "llvm-cpu";

// Checks --iree-hal-target-backends. IREE's docs pair llvm-cpu (a compiler
// target) with local-task/local-sync (runtime devices); users mix them up.
int checkTargetBackends(const ParsedFlags &flags) {
  for (const std::string &backend : flags.getAll("iree-hal-target-backends")) {
    if (backend == "llvm-cpu")
      continue;
    if (backend == "local-task" || backend == "local-sync") {
      std::cerr << "jaxc compile: note: " << backend
                << " is a runtime device (use it as `jaxc run --device="
                << backend << "`); compiling for llvm-cpu\n";
      continue;
    }
    return reportError(kCompile, "unknown target backend '" + backend +
                                     "'; jaxc has: " + kTargetBackends);
  }
  std::string inputType = flags.get("iree-input-type", "stablehlo");
  if (inputType != "stablehlo" && inputType != "auto")
    return reportError(kCompile, "unsupported --iree-input-type=" + inputType +
                                     "; jaxc reads stablehlo");
  return kExitOk;
}

// Writes through a temporary file, so a failed write leaves any existing
// file as it was.
int writeOutput(const std::string &path, const std::string &bytes) {
  if (path == "-") {
    std::cout.write(bytes.data(), bytes.size());
    return std::cout ? kExitOk : reportError(kCompile, "cannot write stdout");
  }
  llvm::SmallString<128> temp(path);
  temp += ".tmp-%%%%%%";
  int fd;
  if (llvm::sys::fs::createUniqueFile(temp, fd, temp))
    return reportError(kCompile, "cannot write '" + path + "'");
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << bytes;
    os.close();
    if (os.has_error()) {
      llvm::sys::fs::remove(temp);
      return reportError(kCompile, "cannot write '" + path + "'");
    }
  }
  if (llvm::sys::fs::rename(temp, path)) {
    llvm::sys::fs::remove(temp);
    return reportError(kCompile, "cannot write '" + path + "'");
  }
  return kExitOk;
}

// Whether a section holds more than blank lines and comments.
bool hasCode(llvm::StringRef section) {
  while (!section.empty()) {
    auto [line, rest] = section.split('\n');
    llvm::StringRef text = line.trim();
    if (!text.empty() && !text.starts_with("//"))
      return true;
    section = rest;
  }
  return false;
}

ExitCode exitCodeOf(const jaxc::CompileOutcome &outcome) {
  switch (outcome.status) {
  case jaxc::CompileOutcome::Status::Ok:
    return kExitOk;
  case jaxc::CompileOutcome::Status::Unsupported:
    return kExitUnsupported;
  case jaxc::CompileOutcome::Status::Error:
    return kExitError;
  }
  return kExitError;
}

} // namespace

int compileCommand(const Args &args) {
  int exitCode = kExitOk;
  std::optional<ParsedFlags> flags = parseCommandLine(kCompile, args, exitCode);
  if (!flags)
    return exitCode;
  if (flags->positionals.size() != 1)
    return reportError(kCompile, "expected one input file, got " +
                                     std::to_string(flags->positionals.size()));
  if (int rc = checkTargetBackends(*flags))
    return rc;

  jaxc::CompileOptions options;
  if (flags->has("compile-to")) {
    std::optional<jaxc::Phase> phase =
        jaxc::parsePhase(flags->get("compile-to"));
    if (!phase)
      return reportError(kCompile, "unknown phase '" +
                                       flags->get("compile-to") +
                                       "'; phases: " + jaxc::listPhases());
    options.compileTo = *phase;
  }
  options.target.cpu = flags->get("target-cpu", "host");
  tooling::Expected<bool> flushDenormals = flushDenormalsFlag(*flags);
  if (!flushDenormals)
    return reportError(kCompile, flushDenormals.error());
  options.target.flushDenormals = *flushDenormals;
  options.printIRAfterAll = flags->enabled("mlir-print-ir-after-all");
  options.fillElidedConstants = flags->enabled("fill-elided-constants");

  const std::string &input = flags->positionals.front();
  bool isModule = options.compileTo == jaxc::Phase::Module;
  std::string output = flags->get("output", isModule ? "" : "-");
  if (output.empty()) {
    if (llvm::sys::Process::StandardOutIsDisplayed())
      return reportError(kCompile,
                         "give --output=FILE.vmfb (or -o -) for the module");
    output = "-";
  }
  if (output != "-" && input != "-" && llvm::sys::fs::equivalent(input, output))
    return reportError(kCompile,
                       "--output would overwrite the input '" + input + "'");

  jaxc::CompileOutcome outcome = jaxc::compileFile(input, options);
  std::cerr << outcome.diagnostics;
  if (outcome.status != jaxc::CompileOutcome::Status::Ok)
    return exitCodeOf(outcome);
  return writeOutput(output, outcome.output);
}

std::vector<CompileResult> compileModuleSections(const std::string &path,
                                                 bool flushDenormals) {
  auto toResult = [](jaxc::CompileOutcome outcome) {
    CompileResult result;
    result.status = exitCodeOf(outcome);
    result.moduleBytes = std::move(outcome.output);
    result.diagnostics = std::move(outcome.diagnostics);
    result.unsupportedOp = std::move(outcome.unsupported);
    return result;
  };
  std::string error;
  std::optional<std::vector<std::string>> sections =
      jaxc::readSourceSections(path, error);
  if (!sections) {
    CompileResult result;
    result.status = kExitError;
    result.diagnostics = error;
    return {result};
  }
  jaxc::CompileOptions options;
  options.target.flushDenormals = flushDenormals;
  std::vector<CompileResult> results;
  for (const std::string &section : *sections)
    if (hasCode(section) || sections->size() == 1)
      results.push_back(toResult(jaxc::compileSource(section, path, options)));
  return results;
}

} // namespace jaxc::tools
