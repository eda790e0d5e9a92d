//===- mapped_file.h - A whole file, mapped read-only -----------*- C++ -*-===//
//
// Mapping rather than reading saves a copy of what may be 100 MB of
// weights; a module whose constants the code reads in place keeps its file
// mapped for as long as it is loaded.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_MAPPED_FILE_H
#define JAXC_RUNTIME_SRC_MAPPED_FILE_H

#include "jaxc/runtime/runtime.h"

#include <cstddef>
#include <cstdint>

namespace jaxc::runtime::impl {

class MappedFile {
public:
  MappedFile() = default;
  MappedFile(const MappedFile &) = delete;
  MappedFile &operator=(const MappedFile &) = delete;
  ~MappedFile();

  // Maps the regular file at `path`; errors name it. Call once.
  jaxc_status_t open(const char *path);

  // nullptr for an empty file.
  const uint8_t *data() const;
  size_t byteSize() const { return size; }

private:
  void *mapping = nullptr;
  size_t size = 0;
};

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_MAPPED_FILE_H
