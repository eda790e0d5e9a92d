//===- module_constants.h - A module's CONSTANTS section, in place -*- C++ -*-//
//
// The native code reads its large constants (weights) through the pointer
// it exports as JAXC_CONSTANTS_SYMBOL. A module loaded from a file reads
// them where the file is mapped; one loaded from the caller's memory reads
// a copy, since the caller may free its bytes after loading. Either way the
// bytes stay put and unchanged while the module is loaded, so the kernels
// may keep packings of them (kernels/kernels.h).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_MODULE_CONSTANTS_H
#define JAXC_RUNTIME_SRC_MODULE_CONSTANTS_H

#include "mapped_file.h"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace jaxc::runtime::impl {

class ModuleConstants {
public:
  ModuleConstants() = default;
  ModuleConstants(const ModuleConstants &) = delete;
  ModuleConstants &operator=(const ModuleConstants &) = delete;
  ~ModuleConstants();

  // Uses `size` bytes at `data` inside `file`, which it keeps mapped.
  void useInPlace(std::unique_ptr<MappedFile> file, const uint8_t *data,
                  size_t size);
  // Uses a copy of `size` bytes at `data`. False if out of memory.
  bool useCopy(const uint8_t *data, size_t size);

  const uint8_t *data() const { return begin; }
  size_t byteSize() const { return size; }

private:
  void use(const uint8_t *data, size_t size, bool fileBacked);

  std::unique_ptr<MappedFile> file;
  struct FreeDeleter {
    void operator()(void *memory) const;
  };
  std::unique_ptr<uint8_t, FreeDeleter> copy;
  const uint8_t *begin = nullptr;
  size_t size = 0;
};

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_MODULE_CONSTANTS_H
