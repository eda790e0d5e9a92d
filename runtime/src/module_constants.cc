//===- module_constants.cc - A module's CONSTANTS section, in place -------===//

#include "module_constants.h"

#include "jaxc/runtime/module_format.h"
#include "kernels/kernels.h"

#include <cstdlib>
#include <cstring>

namespace jaxc::runtime::impl {

void ModuleConstants::FreeDeleter::operator()(void *memory) const {
  std::free(memory);
}

ModuleConstants::~ModuleConstants() {
  // Before the bytes go: no packing may outlive what it was packed from.
  if (size > 0)
    forgetConstantMemory(begin, begin + size);
}

void ModuleConstants::useInPlace(std::unique_ptr<MappedFile> mapped,
                                 const uint8_t *data, size_t bytes) {
  file = std::move(mapped);
  use(data, bytes, /*fileBacked=*/true);
}

bool ModuleConstants::useCopy(const uint8_t *data, size_t bytes) {
  // The compiler aligns every constant to JAXC_CONSTANTS_ALIGNMENT within
  // the section; the copy keeps that alignment.
  size_t rounded = (bytes + JAXC_CONSTANTS_ALIGNMENT - 1) /
                   JAXC_CONSTANTS_ALIGNMENT * JAXC_CONSTANTS_ALIGNMENT;
  void *memory = std::aligned_alloc(JAXC_CONSTANTS_ALIGNMENT, rounded);
  if (!memory)
    return false;
  std::memcpy(memory, data, bytes);
  copy.reset(static_cast<uint8_t *>(memory));
  use(copy.get(), bytes, /*fileBacked=*/false);
  return true;
}

void ModuleConstants::use(const uint8_t *data, size_t bytes, bool fileBacked) {
  begin = data;
  size = bytes;
  if (size > 0)
    registerConstantMemory(begin, begin + size, fileBacked);
}

} // namespace jaxc::runtime::impl
