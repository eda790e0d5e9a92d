//===- InspectCommand.cpp - jaxc inspect ----------------------------------===//
//
// Prints what a module file holds:
//
//   module: /tmp/sin_add.vmfb (format 5, 12345 bytes)
//   target: x86_64-unknown-linux-gnu, cpu znver4, denormals flush, ...
//   cpu features: avx, avx2, bmi, bmi2, f16c, fma, ...
//   functions:
//     @main(3xf32, 3xf32) -> (3xf32 "result")
//       checks: 0
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Flags.h"

#include "jaxc/runtime/runtime.h"
#include "jaxc/tooling/format.h"

#include <cstdio>
#include <filesystem>
#include <string>

namespace jaxc::tools {
namespace {

// "@main(3xf32, 3xf32) -> (3xf32 "result")": result names are JAX's.
std::string formatSignature(const jaxc_function_t *function) {
  std::string text = "@" + std::string(jaxc_function_name(function)) + "(";
  for (size_t i = 0; i < jaxc_function_input_count(function); ++i)
    text += (i ? ", " : "") +
            tooling::formatTensorType(jaxc_function_input_type(function, i));
  text += ") -> (";
  for (size_t i = 0; i < jaxc_function_result_count(function); ++i) {
    text += (i ? ", " : "") +
            tooling::formatTensorType(jaxc_function_result_type(function, i));
    std::string name = jaxc_function_result_name(function, i);
    if (!name.empty())
      text += " \"" + name + "\"";
  }
  return text + ")";
}

} // namespace

int inspectCommand(const Args &args) {
  CommandSpec command{"inspect", "FILE", {}};
  int exitCode = kExitOk;
  std::optional<ParsedFlags> flags = parseCommandLine(command, args, exitCode);
  if (!flags)
    return exitCode;
  if (flags->positionals.size() != 1)
    return reportError(command, "expected one module file, got " +
                                    std::to_string(flags->positionals.size()));
  const std::string &path = flags->positionals.front();

  jaxc_module_t *module = nullptr;
  if (jaxc_status_t status = jaxc_module_load_file(path.c_str(), &module)) {
    std::string message = jaxc_status_message(status);
    jaxc_status_free(status);
    return reportError(command, message);
  }
  std::error_code error;
  uintmax_t fileSize = std::filesystem::file_size(path, error);
  std::printf("module: %s (format %u, %ju bytes)\n", path.c_str(),
              jaxc_module_format_version(module), error ? 0 : fileSize);
  std::printf(
      "target: %s, cpu %s, denormals %s, native code %zu bytes, "
      "constants %zu bytes\n",
      jaxc_module_target_triple(module), jaxc_module_target_cpu(module),
      jaxc_module_denormal_mode(module) == JAXC_DENORMALS_FLUSH ? "flush"
                                                                : "ieee",
      jaxc_module_native_code_size(module), jaxc_module_constants_size(module));
  std::printf("cpu features:");
  for (size_t i = 0; i < jaxc_module_cpu_feature_count(module); ++i)
    std::printf("%s %s", i ? "," : "", jaxc_module_cpu_feature_at(module, i));
  std::printf("%s\n", jaxc_module_cpu_feature_count(module) ? "" : " none");
  std::printf("functions:\n");
  for (size_t i = 0; i < jaxc_module_function_count(module); ++i) {
    const jaxc_function_t *function = jaxc_module_function_at(module, i);
    std::printf("  %s\n    checks: %zu\n", formatSignature(function).c_str(),
                jaxc_function_check_count(function));
  }
  jaxc_module_free(module);
  return kExitOk;
}

} // namespace jaxc::tools
