//===- module.h - The objects behind jaxc_module_t and jaxc_function_t ---===//
//
// A module owns its functions and its loaded native code; it is never moved
// once built, so function pointers handed out stay valid until it is freed.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_MODULE_H
#define JAXC_RUNTIME_SRC_MODULE_H

#include "module_constants.h"
#include "module_file.h"
#include "native_library.h"

#include <string>
#include <vector>

// The calling convention of module_format.h.
using jaxc_entry_function_t = void (*)(void *context, void **buffers);

struct jaxc_function {
  jaxc::runtime::impl::FunctionMetadata metadata;
  jaxc_entry_function_t entry;
  // The module's: the call runs with the thread's float control set to it.
  jaxc_denormal_mode_t denormalMode;
};

struct jaxc_module {
  // Declared first, so destroyed last: the functions point into its code.
  jaxc::runtime::impl::NativeLibrary library;
  // What the code reads through JAXC_CONSTANTS_SYMBOL.
  jaxc::runtime::impl::ModuleConstants constants;
  std::string fileName; // for error messages
  uint32_t formatVersion = 0;
  std::string targetTriple;
  std::string targetCpu;
  std::vector<std::string> cpuFeatures;
  jaxc_denormal_mode_t denormalMode = JAXC_DENORMALS_IEEE;
  size_t nativeCodeSize = 0;
  std::vector<jaxc_function> functions;
};

#endif // JAXC_RUNTIME_SRC_MODULE_H
