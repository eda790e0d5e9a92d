//===- native_library.h - A module's native code, loaded --------*- C++ -*-===//
//
// The NATIVE_CODE section is an ELF shared object. It is written to an
// anonymous memory file and dlopen'ed from there: nothing touches the disk.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_NATIVE_LIBRARY_H
#define JAXC_RUNTIME_SRC_NATIVE_LIBRARY_H

#include "unique_fd.h"

#include "jaxc/runtime/runtime.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace jaxc::runtime::impl {

class NativeLibrary {
public:
  NativeLibrary() = default;
  NativeLibrary(const NativeLibrary &) = delete;
  NativeLibrary &operator=(const NativeLibrary &) = delete;
  ~NativeLibrary();

  // Loads `size` bytes of ELF; `fileName` prefixes error messages. Call once.
  jaxc_status_t open(const uint8_t *elf, size_t size,
                     const std::string &fileName);
  // The address of an exported symbol, or nullptr.
  void *symbol(const std::string &name) const;

private:
  UniqueFd memoryFile;
  void *handle = nullptr;
  // The loaded library's read-only segments: its constants, which the
  // kernels may pack once (kernels/kernels.h).
  std::vector<std::pair<const void *, const void *>> constantSegments;
};

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_NATIVE_LIBRARY_H
