//===- Execution.h - What the commands that call functions share -*- C++
//-*-===//
//
// `jaxc run`, `jaxc run-mlir` and `jaxc benchmark` load modules, parse
// --input values against a function's signature and pick a --device the same
// way. Runtime C API only: the tools do not use the throwing C++ wrapper.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLS_JAXC_EXECUTION_H
#define JAXC_TOOLS_JAXC_EXECUTION_H

#include "Flags.h"

#include "jaxc/runtime/runtime.h"
#include "jaxc/tooling/host_tensor.h"

#include <memory>
#include <string>
#include <vector>

namespace jaxc::tools {

struct ModuleDeleter {
  void operator()(jaxc_module_t *module) const { jaxc_module_free(module); }
};
using ModulePtr = std::unique_ptr<jaxc_module_t, ModuleDeleter>;

struct DeviceDeleter {
  void operator()(jaxc_device_t *device) const { jaxc_device_free(device); }
};
using DevicePtr = std::unique_ptr<jaxc_device_t, DeviceDeleter>;

// The status's message; the status is freed.
std::string takeMessage(jaxc_status_t status);

// "1 input", "2 inputs".
std::string countOf(size_t count, const std::string &noun);

// Parses the --input values and checks them against the function's inputs.
tooling::Expected<std::vector<tooling::HostTensor>>
parseInputs(const jaxc_function_t *function,
            const std::vector<std::string> &specs);

// --device (default local-task). `local` is taken as local-task, with a note
// on stderr; any other name is an error listing the devices.
tooling::Expected<jaxc_device_kind_t>
parseDeviceFlag(const CommandSpec &command, const ParsedFlags &flags);

// "local-sync", "local-task".
const char *deviceName(jaxc_device_kind_t kind);

} // namespace jaxc::tools

#endif // JAXC_TOOLS_JAXC_EXECUTION_H
