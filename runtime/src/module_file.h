//===- module_file.h - Parsing and verifying a module file ------*- C++ -*-===//
//
// Reads the layout of jaxc/runtime/module_format.h. Every malformed byte
// sequence yields a DATA_LOSS status naming the file and what is wrong.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_MODULE_FILE_H
#define JAXC_RUNTIME_SRC_MODULE_FILE_H

#include "types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace jaxc::runtime::impl {

struct Check {
  jaxc_check_kind_t kind;
  uint32_t actualSlot;
  uint32_t expectedSlot;
  std::string location;
  double tolerance; // > 0; the kind's default when the file says 0
};

struct FunctionMetadata {
  std::string name;
  std::string entrySymbol;
  std::vector<TensorType> inputs;
  std::vector<TensorType> results;
  std::vector<std::string> resultNames; // parallel to `results`
  std::vector<Check> checks;            // slots index `checkBuffers`
  std::vector<TensorType> checkBuffers;
};

struct ModuleFile {
  uint32_t formatVersion;
  std::string targetTriple;
  std::string targetCpu;
  uint32_t contextAbiVersion;
  std::vector<std::string> cpuFeatures;
  jaxc_denormal_mode_t denormalMode;
  std::vector<FunctionMetadata> functions;
  // Points into the parsed bytes: valid only as long as they are.
  const uint8_t *nativeCode;
  size_t nativeCodeSize;
  const uint8_t *constants; // nullptr and 0 without a CONSTANTS section
  size_t constantsSize;
};

// Parses and verifies `size` bytes; `fileName` prefixes error messages.
jaxc_status_t parseModuleFile(const uint8_t *data, size_t size,
                              const std::string &fileName, ModuleFile &file);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_MODULE_FILE_H
