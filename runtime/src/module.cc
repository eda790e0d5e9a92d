//===- module.cc - Loading modules, looking up functions ------------------===//

#include "module.h"

#include "cpu_features.h"
#include "status.h"

#include <algorithm>
#include <memory>
#include <utility>

using namespace jaxc::runtime::impl;

namespace {

jaxc_status_t invalidArgument(const std::string &message) {
  return makeStatus(JAXC_STATUS_INVALID_ARGUMENT, message);
}

// Refuses a module this machine or this runtime cannot run: code compiled
// against another context layout, or for CPU features this one lacks
// (which would die by SIGILL in the middle of a call).
jaxc_status_t checkRunnable(const ModuleFile &file,
                            const std::string &fileName) {
  if (file.contextAbiVersion != JAXC_CONTEXT_ABI_VERSION)
    return makeStatus(JAXC_STATUS_UNSUPPORTED,
                      fileName + ": compiled for runtime context ABI " +
                          std::to_string(file.contextAbiVersion) +
                          ", this runtime provides " +
                          std::to_string(JAXC_CONTEXT_ABI_VERSION));
  std::vector<std::string> missing = missingCpuFeatures(file.cpuFeatures);
  if (missing.empty())
    return nullptr;
  // Diamond Rapids has 52 features Zen 3 lacks: name the first few.
  constexpr size_t kNamed = 8;
  std::string names;
  for (size_t i = 0; i < std::min(missing.size(), kNamed); ++i)
    names += (i ? ", " : "") + missing[i];
  if (missing.size() > kNamed)
    names += " and " + std::to_string(missing.size() - kNamed) + " more";
  return makeStatus(JAXC_STATUS_UNSUPPORTED,
                    fileName + ": compiled for CPU '" + file.targetCpu +
                        "', it needs CPU features this machine lacks: " +
                        names + "; recompile with --target-cpu=host");
}

// Loads the module in `size` bytes at `data`: the whole of `mapped` when
// loading a file (kept mapped if the code reads constants from it), the
// caller's memory otherwise.
jaxc_status_t loadModule(const uint8_t *data, size_t size,
                         std::unique_ptr<MappedFile> mapped,
                         const std::string &fileName, jaxc_module_t *&out) {
  ModuleFile file;
  if (jaxc_status_t status = parseModuleFile(data, size, fileName, file))
    return status;
  if (jaxc_status_t status = checkRunnable(file, fileName))
    return status;
  auto module = std::make_unique<jaxc_module>();
  module->fileName = fileName;
  module->formatVersion = file.formatVersion;
  module->targetTriple = std::move(file.targetTriple);
  module->targetCpu = std::move(file.targetCpu);
  module->cpuFeatures = std::move(file.cpuFeatures);
  module->denormalMode = file.denormalMode;
  module->nativeCodeSize = file.nativeCodeSize;
  if (jaxc_status_t status =
          module->library.open(file.nativeCode, file.nativeCodeSize, fileName))
    return status;
  if (file.constantsSize > 0) {
    auto *pointer = static_cast<const void **>(
        module->library.symbol(JAXC_CONSTANTS_SYMBOL));
    if (!pointer)
      return makeStatus(JAXC_STATUS_DATA_LOSS,
                        fileName +
                            ": the module has a constants section but "
                            "its native code exports no '" +
                            std::string(JAXC_CONSTANTS_SYMBOL) + "'");
    if (mapped)
      module->constants.useInPlace(std::move(mapped), file.constants,
                                   file.constantsSize);
    else if (!module->constants.useCopy(file.constants, file.constantsSize))
      return makeStatus(JAXC_STATUS_INTERNAL,
                        fileName + ": no memory for the constants (" +
                            std::to_string(file.constantsSize) + " bytes)");
    *pointer = module->constants.data();
  }
  module->functions.reserve(file.functions.size());
  for (FunctionMetadata &metadata : file.functions) {
    void *entry = module->library.symbol(metadata.entrySymbol);
    if (!entry)
      return makeStatus(JAXC_STATUS_INTERNAL,
                        fileName + ": function '" + metadata.name +
                            "': the native code has no entry symbol '" +
                            metadata.entrySymbol + "'");
    module->functions.push_back({std::move(metadata),
                                 reinterpret_cast<jaxc_entry_function_t>(entry),
                                 module->denormalMode});
  }
  out = module.release();
  return nullptr;
}

} // namespace

extern "C" {

jaxc_status_t jaxc_module_load_file(const char *path, jaxc_module_t **out) {
  return runGuarded([&]() -> jaxc_status_t {
    if (!path || !out)
      return invalidArgument("jaxc_module_load_file: NULL path or out");
    *out = nullptr;
    auto file = std::make_unique<MappedFile>();
    if (jaxc_status_t status = file->open(path))
      return status;
    const uint8_t *data = file->data();
    size_t size = file->byteSize();
    return loadModule(data, size, std::move(file), path, *out);
  });
}

jaxc_status_t jaxc_module_load_memory(const void *data, size_t size,
                                      const char *name, jaxc_module_t **out) {
  return runGuarded([&]() -> jaxc_status_t {
    if (!out || (!data && size > 0))
      return invalidArgument("jaxc_module_load_memory: NULL data or out");
    *out = nullptr;
    return loadModule(static_cast<const uint8_t *>(data), size, nullptr,
                      name ? name : "<memory>", *out);
  });
}

void jaxc_module_free(jaxc_module_t *module) { delete module; }

uint32_t jaxc_module_format_version(const jaxc_module_t *module) {
  return module ? module->formatVersion : 0;
}

const char *jaxc_module_target_triple(const jaxc_module_t *module) {
  return module ? module->targetTriple.c_str() : "";
}

jaxc_denormal_mode_t jaxc_module_denormal_mode(const jaxc_module_t *module) {
  return module ? module->denormalMode : JAXC_DENORMALS_IEEE;
}

const char *jaxc_module_target_cpu(const jaxc_module_t *module) {
  return module ? module->targetCpu.c_str() : "";
}

size_t jaxc_module_cpu_feature_count(const jaxc_module_t *module) {
  return module ? module->cpuFeatures.size() : 0;
}

const char *jaxc_module_cpu_feature_at(const jaxc_module_t *module,
                                       size_t index) {
  if (!module || index >= module->cpuFeatures.size())
    return nullptr;
  return module->cpuFeatures[index].c_str();
}

size_t jaxc_module_native_code_size(const jaxc_module_t *module) {
  return module ? module->nativeCodeSize : 0;
}

size_t jaxc_module_constants_size(const jaxc_module_t *module) {
  return module ? module->constants.byteSize() : 0;
}

size_t jaxc_module_function_count(const jaxc_module_t *module) {
  return module ? module->functions.size() : 0;
}

const jaxc_function_t *jaxc_module_function_at(const jaxc_module_t *module,
                                               size_t index) {
  if (!module || index >= module->functions.size())
    return nullptr;
  return &module->functions[index];
}

jaxc_status_t jaxc_module_lookup(const jaxc_module_t *module, const char *name,
                                 const jaxc_function_t **out) {
  return runGuarded([&]() -> jaxc_status_t {
    if (!module || !name || !out)
      return invalidArgument("jaxc_module_lookup: NULL module, name or out");
    for (const jaxc_function &function : module->functions)
      if (function.metadata.name == name) {
        *out = &function;
        return nullptr;
      }
    *out = nullptr;
    std::string known;
    for (const jaxc_function &function : module->functions)
      known += (known.empty() ? "" : ", ") + function.metadata.name;
    return makeStatus(JAXC_STATUS_NOT_FOUND,
                      module->fileName + ": no function '" + name + "'; " +
                          (known.empty() ? "it has none" : "it has: " + known));
  });
}

const char *jaxc_function_name(const jaxc_function_t *fn) {
  return fn ? fn->metadata.name.c_str() : "";
}

size_t jaxc_function_input_count(const jaxc_function_t *fn) {
  return fn ? fn->metadata.inputs.size() : 0;
}

size_t jaxc_function_result_count(const jaxc_function_t *fn) {
  return fn ? fn->metadata.results.size() : 0;
}

jaxc_tensor_type_t jaxc_function_input_type(const jaxc_function_t *fn,
                                            size_t index) {
  if (!fn || index >= fn->metadata.inputs.size())
    return {};
  return fn->metadata.inputs[index].view();
}

jaxc_tensor_type_t jaxc_function_result_type(const jaxc_function_t *fn,
                                             size_t index) {
  if (!fn || index >= fn->metadata.results.size())
    return {};
  return fn->metadata.results[index].view();
}

const char *jaxc_function_result_name(const jaxc_function_t *fn, size_t index) {
  if (!fn || index >= fn->metadata.resultNames.size())
    return "";
  return fn->metadata.resultNames[index].c_str();
}

size_t jaxc_function_check_count(const jaxc_function_t *fn) {
  return fn ? fn->metadata.checks.size() : 0;
}

} // extern "C"
