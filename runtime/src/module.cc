//===- module.cc - Loading modules, looking up functions ------------------===//

#include "module.h"

#include "status.h"
#include "unique_fd.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <memory>
#include <utility>

using namespace jaxc::runtime::impl;

namespace {

jaxc_status_t invalidArgument(const std::string &message) {
  return makeStatus(JAXC_STATUS_INVALID_ARGUMENT, message);
}

// A whole file mapped read-only. Mapping rather than reading saves a copy
// of what may be 100 MB of weights; the loader copies the native code once,
// into its memory file.
class MappedFile {
public:
  MappedFile() = default;
  MappedFile(const MappedFile &) = delete;
  MappedFile &operator=(const MappedFile &) = delete;
  ~MappedFile() {
    if (mapping != MAP_FAILED)
      ::munmap(mapping, size);
  }

  jaxc_status_t open(const char *path) {
    UniqueFd file(::open(path, O_RDONLY | O_CLOEXEC));
    if (!file) {
      int error = errno;
      jaxc_status_code_t code = error == ENOENT || error == ENOTDIR
                                    ? JAXC_STATUS_NOT_FOUND
                                    : JAXC_STATUS_INTERNAL;
      return makeStatus(code, std::string(path) +
                                  ": cannot open: " + errnoMessage(error));
    }
    struct stat info;
    if (::fstat(file.get(), &info) != 0)
      return makeStatus(JAXC_STATUS_INTERNAL,
                        std::string(path) + ": cannot stat: " +
                            errnoMessage(errno));
    if (!S_ISREG(info.st_mode))
      return makeStatus(JAXC_STATUS_INVALID_ARGUMENT,
                        std::string(path) + ": not a regular file");
    size = static_cast<size_t>(info.st_size);
    if (size == 0)
      return nullptr; // the parser reports the missing header
    mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
                     file.get(), 0);
    if (mapping == MAP_FAILED)
      return makeStatus(JAXC_STATUS_INTERNAL,
                        std::string(path) + ": cannot map: " +
                            errnoMessage(errno));
    return nullptr;
  }

  const uint8_t *data() const {
    return mapping == MAP_FAILED ? nullptr
                                 : static_cast<const uint8_t *>(mapping);
  }
  size_t byteSize() const { return size; }

private:
  void *mapping = MAP_FAILED;
  size_t size = 0;
};

jaxc_status_t loadModule(const uint8_t *data, size_t size,
                         const std::string &fileName, jaxc_module_t *&out) {
  ModuleFile file;
  if (jaxc_status_t status = parseModuleFile(data, size, fileName, file))
    return status;
  auto module = std::make_unique<jaxc_module>();
  module->fileName = fileName;
  module->formatVersion = file.formatVersion;
  module->targetTriple = std::move(file.targetTriple);
  module->targetCpu = std::move(file.targetCpu);
  module->nativeCodeSize = file.nativeCodeSize;
  if (jaxc_status_t status =
          module->library.open(file.nativeCode, file.nativeCodeSize, fileName))
    return status;
  module->functions.reserve(file.functions.size());
  for (FunctionMetadata &metadata : file.functions) {
    void *entry = module->library.symbol(metadata.entrySymbol);
    if (!entry)
      return makeStatus(JAXC_STATUS_INTERNAL,
                        fileName + ": function '" + metadata.name +
                            "': the native code has no entry symbol '" +
                            metadata.entrySymbol + "'");
    module->functions.push_back(
        {std::move(metadata), reinterpret_cast<jaxc_entry_function_t>(entry)});
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
    MappedFile file;
    if (jaxc_status_t status = file.open(path))
      return status;
    return loadModule(file.data(), file.byteSize(), path, *out);
  });
}

jaxc_status_t jaxc_module_load_memory(const void *data, size_t size,
                                      const char *name, jaxc_module_t **out) {
  return runGuarded([&]() -> jaxc_status_t {
    if (!out || (!data && size > 0))
      return invalidArgument("jaxc_module_load_memory: NULL data or out");
    *out = nullptr;
    return loadModule(static_cast<const uint8_t *>(data), size,
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

const char *jaxc_module_target_cpu(const jaxc_module_t *module) {
  return module ? module->targetCpu.c_str() : "";
}

size_t jaxc_module_native_code_size(const jaxc_module_t *module) {
  return module ? module->nativeCodeSize : 0;
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
