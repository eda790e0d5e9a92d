//===- RunCommand.cpp - jaxc run and jaxc run-mlir ------------------------===//
//
// `jaxc run` mirrors iree-run-module: call one function of a module file with
// --input values, then print, save (--output) or check (--expected_output)
// its results. `jaxc run-mlir` mirrors iree-run-mlir: compile a .mlir file in
// memory and run it the same way, or run all of its zero-argument functions
// (test programs whose check.expect_* ops check themselves).
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Execution.h"
#include "Flags.h"

#include "jaxc/runtime/runtime.h"
#include "jaxc/tooling/compare.h"
#include "jaxc/tooling/format.h"
#include "jaxc/tooling/host_tensor.h"
#include "jaxc/tooling/npy.h"
#include "jaxc/tooling/tensor_spec.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace jaxc::tools {
namespace {

using tooling::Error;
using tooling::Expected;
using tooling::HostTensor;

std::vector<FlagSpec> executionFlags() {
  return {
      {"function", true, false, "the function to run (default: main)", ""},
      {"input", true, true,
       "an input: 2x3xf32=1,2,3,4,5,6 or @file.npy, one per argument", ""},
      {"output", true, true,
       "@file.npy: write a result there instead of printing it, one per "
       "result",
       ""},
      {"expected_output", true, true,
       "check a result against this value (--input syntax), one per result",
       ""},
      {"device", true, false, "local-sync or local-task (default: local-task)",
       ""},
      {"expected_f16_threshold", true, false,
       "absolute tolerance for f16 results (default: 0.001)", ""},
      {"expected_bf16_threshold", true, false,
       "absolute tolerance for bf16 results (default: 0)", ""},
      {"expected_f32_threshold", true, false,
       "absolute tolerance for f32 results (default: 0.0001)", ""},
      {"expected_f64_threshold", true, false,
       "absolute tolerance for f64 results (default: 0.0001)", ""},
  };
}

CommandSpec runCommandSpec() {
  CommandSpec spec{"run", "--module=FILE [--function=NAME] [--input=...] ...",
                   executionFlags()};
  spec.flags.insert(spec.flags.begin(),
                    {"module", true, false, "the module file to load", ""});
  return spec;
}

CommandSpec runMlirCommandSpec() {
  CommandSpec spec{"run-mlir", "FILE.mlir [--function=NAME] [--input=...] ...",
                   executionFlags()};
  spec.flags.push_back(denormalsFlagSpec());
  return spec;
}

// What the execution flags ask for.
struct RunOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::vector<std::string> expectedOutputs;
  tooling::Tolerances tolerances;
  DevicePtr device; // --device, shared by every function the command runs

  bool givesValues() const {
    return !inputs.empty() || !outputs.empty() || !expectedOutputs.empty();
  }
};

Expected<RunOptions> parseRunOptions(const CommandSpec &command,
                                     const ParsedFlags &flags) {
  Expected<jaxc_device_kind_t> deviceKind = parseDeviceFlag(command, flags);
  if (!deviceKind)
    return Error{deviceKind.error()};

  RunOptions options;
  jaxc_device_t *device = nullptr;
  if (jaxc_status_t status = jaxc_device_create(*deviceKind, &device))
    return Error{takeMessage(status)};
  options.device.reset(device);
  options.inputs = flags.getAll("input");
  options.outputs = flags.getAll("output");
  options.expectedOutputs = flags.getAll("expected_output");
  for (auto [flag, tolerance] :
       {std::pair{"expected_f16_threshold", &options.tolerances.f16},
        std::pair{"expected_bf16_threshold", &options.tolerances.bf16},
        std::pair{"expected_f32_threshold", &options.tolerances.f32},
        std::pair{"expected_f64_threshold", &options.tolerances.f64}}) {
    Expected<double> value = flags.getNumber(flag, *tolerance);
    if (!value)
      return Error{value.error()};
    if (*value < 0)
      return Error{"invalid --" + std::string(flag) + "=" + flags.get(flag) +
                   ": a tolerance cannot be negative"};
    *tolerance = *value;
  }
  return options;
}

// How a function's run ended: kExitOk, kExitCheckFailed (a check.expect_* or
// --expected_output mismatched) or kExitError, with the message to report.
struct RunOutcome {
  ExitCode code;
  std::string message;
};

// Writes each result to its --output=@file.npy.
tooling::Status writeOutputs(const std::vector<HostTensor> &results,
                             const std::vector<std::string> &paths) {
  for (size_t i = 0; i < paths.size(); ++i) {
    tooling::Status written =
        tooling::writeNpyFile(paths[i].substr(1), results[i]);
    if (!written)
      return written;
  }
  return tooling::Status::success();
}

// The mismatches between the results and their --expected_output values,
// joined with "; "; empty if all match.
std::string compareResults(const std::vector<HostTensor> &results,
                           const std::vector<HostTensor> &expected,
                           const tooling::Tolerances &tolerances) {
  std::string mismatches;
  for (size_t i = 0; i < expected.size(); ++i) {
    if (std::optional<tooling::Mismatch> mismatch =
            tooling::compareTensors(results[i], expected[i], tolerances, i))
      mismatches += (mismatches.empty() ? "" : "; ") + mismatch->message;
  }
  return mismatches;
}

// Checks the --output and --expected_output flags against the function's
// results and parses the expected values.
Expected<std::vector<HostTensor>>
parseExpectedOutputs(const jaxc_function_t *function,
                     const RunOptions &options) {
  std::string name = jaxc_function_name(function);
  size_t resultCount = jaxc_function_result_count(function);
  for (auto [flag, count] :
       {std::pair{"--output", options.outputs.size()},
        std::pair{"--expected_output", options.expectedOutputs.size()}}) {
    if (count != 0 && count != resultCount)
      return Error{name + " returns " + countOf(resultCount, "result") +
                   ", got " + std::to_string(count) + " " + flag + " values"};
  }
  for (const std::string &output : options.outputs)
    if (output.size() < 2 || output[0] != '@')
      return Error{"invalid --output=" + output + ": expected @FILE.npy"};
  std::vector<HostTensor> expected;
  for (const std::string &spec : options.expectedOutputs) {
    Expected<HostTensor> value =
        tooling::parseTensorSpec(spec, "--expected_output");
    if (!value)
      return Error{value.error()};
    expected.push_back(std::move(*value));
  }
  return expected;
}

// Runs one function: prints `EXEC @name`, then, as iree-run-module does, the
// results (`result[0]: hal.buffer_view` and the buffer view), unless they go
// to --output files or are checked against --expected_output values.
RunOutcome runFunction(const jaxc_function_t *function,
                       const RunOptions &options) {
  Expected<std::vector<HostTensor>> inputs =
      parseInputs(function, options.inputs);
  if (!inputs)
    return RunOutcome{kExitError, inputs.error()};
  Expected<std::vector<HostTensor>> expected =
      parseExpectedOutputs(function, options);
  if (!expected)
    return RunOutcome{kExitError, expected.error()};

  std::vector<HostTensor> results;
  for (size_t i = 0; i < jaxc_function_result_count(function); ++i)
    results.push_back(
        tooling::allocateFor(jaxc_function_result_type(function, i)));
  std::vector<jaxc_buffer_t> inputBuffers, resultBuffers;
  for (HostTensor &input : *inputs)
    inputBuffers.push_back(tooling::asBuffer(input));
  for (HostTensor &result : results)
    resultBuffers.push_back(tooling::asBuffer(result));

  std::printf("EXEC @%s\n", jaxc_function_name(function));
  std::fflush(stdout); // Should the native code crash, say where.
  jaxc_status_t status = jaxc_function_call_on(
      function, options.device.get(), inputBuffers.data(), inputBuffers.size(),
      resultBuffers.data(), resultBuffers.size());
  std::optional<RunOutcome> checkFailure;
  if (status) {
    // A failed check.expect_* still leaves the results written.
    bool checkFailed = jaxc_status_code(status) == JAXC_STATUS_CHECK_FAILED;
    RunOutcome outcome{checkFailed ? kExitCheckFailed : kExitError,
                       takeMessage(status)};
    if (!checkFailed)
      return outcome;
    checkFailure = std::move(outcome);
  }

  if (tooling::Status written = writeOutputs(results, options.outputs);
      !written)
    return RunOutcome{kExitError, written.error()};
  if (options.outputs.empty() && expected->empty()) {
    for (size_t i = 0; i < results.size(); ++i)
      std::printf("result[%zu]: hal.buffer_view\n%s\n", i,
                  tooling::formatBufferView(results[i]).c_str());
  }
  if (checkFailure)
    return *checkFailure;
  if (!expected->empty()) {
    std::string mismatches =
        compareResults(results, *expected, options.tolerances);
    if (!mismatches.empty())
      return RunOutcome{kExitCheckFailed, mismatches};
    std::printf(
        "[SUCCESS] all function outputs matched their expected values.\n");
  }
  return {kExitOk, ""};
}

// Runs the function called `name` as iree-run-module does.
int runNamedFunction(const CommandSpec &command, const jaxc_module_t *module,
                     const std::string &name, const RunOptions &options) {
  const jaxc_function_t *function = nullptr;
  if (jaxc_status_t status =
          jaxc_module_lookup(module, name.c_str(), &function))
    return reportError(command, takeMessage(status));
  RunOutcome outcome = runFunction(function, options);
  if (outcome.code != kExitOk)
    return reportError(command, outcome.message, outcome.code);
  return kExitOk;
}

// Runs every function that takes no arguments, reporting each failed check as
// `FAIL @name: message`, and keeps going after a failure.
int runZeroArgumentFunctions(const CommandSpec &command,
                             const jaxc_module_t *module,
                             const std::string &path,
                             const RunOptions &options) {
  ExitCode worst = kExitOk;
  bool ranAny = false;
  for (size_t i = 0; i < jaxc_module_function_count(module); ++i) {
    const jaxc_function_t *function = jaxc_module_function_at(module, i);
    if (jaxc_function_input_count(function) != 0)
      continue;
    ranAny = true;
    RunOutcome outcome = runFunction(function, options);
    std::string name = jaxc_function_name(function);
    if (outcome.code == kExitCheckFailed) {
      std::fflush(stdout);
      std::fprintf(stderr, "FAIL @%s: %s\n", name.c_str(),
                   outcome.message.c_str());
    } else if (outcome.code != kExitOk) {
      reportError(command, "@" + name + ": " + outcome.message);
    }
    // kExitError outranks kExitCheckFailed.
    worst = std::max(worst, outcome.code);
  }
  if (!ranAny)
    return reportError(command, path + " has no function without arguments to "
                                       "run; pick one with --function=NAME");
  return worst;
}

// Whether run-mlir without --function runs main with the given values
// rather than every zero-argument function.
bool runsMain(const jaxc_module_t *module, const RunOptions &options) {
  if (options.givesValues())
    return true;
  const jaxc_function_t *main = nullptr;
  jaxc_status_t status = jaxc_module_lookup(module, "main", &main);
  if (status) {
    jaxc_status_free(status);
    return false;
  }
  return jaxc_function_input_count(main) != 0;
}

// Parses the command line of run or run-mlir. Returns nullopt when the
// command should exit with `exitCode`.
std::optional<std::pair<ParsedFlags, RunOptions>>
parseRunCommandLine(const CommandSpec &command, const Args &args,
                    int &exitCode) {
  std::optional<ParsedFlags> flags = parseCommandLine(command, args, exitCode);
  if (!flags)
    return std::nullopt;
  Expected<RunOptions> options = parseRunOptions(command, *flags);
  if (!options) {
    exitCode = reportError(command, options.error());
    return std::nullopt;
  }
  return std::pair{std::move(*flags), std::move(*options)};
}

} // namespace

int runCommand(const Args &args) {
  CommandSpec command = runCommandSpec();
  int exitCode = kExitOk;
  auto parsed = parseRunCommandLine(command, args, exitCode);
  if (!parsed)
    return exitCode;
  auto &[flags, options] = *parsed;
  if (!flags.positionals.empty())
    return reportError(command, "unexpected argument '" +
                                    flags.positionals.front() +
                                    "'; give the module as --module=FILE");
  if (!flags.has("module"))
    return reportError(command, "no module given; use --module=FILE");

  jaxc_module_t *loaded = nullptr;
  if (jaxc_status_t status =
          jaxc_module_load_file(flags.get("module").c_str(), &loaded))
    return reportError(command, takeMessage(status));
  ModulePtr module(loaded);
  return runNamedFunction(command, module.get(), flags.get("function", "main"),
                          options);
}

namespace {

int runCompiledSection(const CommandSpec &command, const ParsedFlags &flags,
                       const RunOptions &options, const std::string &path,
                       const CompileResult &compiled) {
  if (compiled.status != kExitOk) {
    // The diagnostics are complete `file:line:col: error: ...` lines.
    if (compiled.diagnostics.empty())
      return reportError(command, path + ": compilation failed",
                         compiled.status);
    std::fputs(compiled.diagnostics.c_str(), stderr);
    if (compiled.diagnostics.back() != '\n')
      std::fputc('\n', stderr);
    return compiled.status;
  }

  jaxc_module_t *loaded = nullptr;
  if (jaxc_status_t status = jaxc_module_load_memory(
          compiled.moduleBytes.data(), compiled.moduleBytes.size(),
          path.c_str(), &loaded))
    return reportError(command, takeMessage(status));
  ModulePtr module(loaded);
  if (flags.has("function") || runsMain(module.get(), options))
    return runNamedFunction(command, module.get(),
                            flags.get("function", "main"), options);
  return runZeroArgumentFunctions(command, module.get(), path, options);
}

} // namespace

int runMlirCommand(const Args &args) {
  CommandSpec command = runMlirCommandSpec();
  int exitCode = kExitOk;
  auto parsed = parseRunCommandLine(command, args, exitCode);
  if (!parsed)
    return exitCode;
  auto &[flags, options] = *parsed;
  if (flags.positionals.size() != 1)
    return reportError(command, "expected one .mlir file, got " +
                                    std::to_string(flags.positionals.size()));
  const std::string &path = flags.positionals.front();
  Expected<bool> flushDenormals = flushDenormalsFlag(flags);
  if (!flushDenormals)
    return reportError(command, flushDenormals.error());

  // Each `// -----` section is compiled and run on its own; the exit code
  // is the worst of them.
  ExitCode worst = kExitOk;
  for (const CompileResult &compiled :
       compileModuleSections(path, *flushDenormals))
    worst = std::max(worst, static_cast<ExitCode>(runCompiledSection(
                                command, flags, options, path, compiled)));
  return worst;
}

} // namespace jaxc::tools
