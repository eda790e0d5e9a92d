//===- Execution.cpp - What the commands that call functions share --------===//

#include "Execution.h"

#include "jaxc/tooling/tensor_spec.h"

#include <cstdio>

namespace jaxc::tools {

using tooling::Error;
using tooling::Expected;
using tooling::HostTensor;

std::string takeMessage(jaxc_status_t status) {
  std::string message = jaxc_status_message(status);
  jaxc_status_free(status);
  return message;
}

std::string countOf(size_t count, const std::string &noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

Expected<std::vector<HostTensor>>
parseInputs(const jaxc_function_t *function,
            const std::vector<std::string> &specs) {
  std::string name = jaxc_function_name(function);
  size_t inputCount = jaxc_function_input_count(function);
  if (specs.size() != inputCount)
    return Error{name + " expects " + countOf(inputCount, "input") + ", got " +
                 std::to_string(specs.size())};
  std::vector<HostTensor> inputs;
  for (size_t i = 0; i < inputCount; ++i) {
    Expected<HostTensor> input = tooling::parseTensorSpec(specs[i]);
    if (!input)
      return Error{input.error()};
    tooling::Status matches =
        tooling::checkMatchesType(*input, jaxc_function_input_type(function, i),
                                  "input " + std::to_string(i) + " of " + name);
    if (!matches)
      return Error{matches.error()};
    inputs.push_back(std::move(*input));
  }
  return inputs;
}

const char *deviceName(jaxc_device_kind_t kind) {
  return kind == JAXC_DEVICE_LOCAL_SYNC ? "local-sync" : "local-task";
}

Expected<jaxc_device_kind_t> parseDeviceFlag(const CommandSpec &command,
                                             const ParsedFlags &flags) {
  std::string device = flags.get("device", "local-task");
  for (jaxc_device_kind_t kind :
       {JAXC_DEVICE_LOCAL_SYNC, JAXC_DEVICE_LOCAL_TASK})
    if (device == deviceName(kind))
      return kind;
  // IREE's docs and older scripts say `local`; it means the task device.
  if (device == "local") {
    std::fprintf(stderr, "jaxc %s: note: --device=local means local-task\n",
                 command.name.c_str());
    return JAXC_DEVICE_LOCAL_TASK;
  }
  return Error{"unknown --device=" + device +
               "; jaxc runs on local-task (the default) or local-sync"};
}

} // namespace jaxc::tools
