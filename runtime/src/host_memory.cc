//===- host_memory.cc - Memory for large tensors --------------------------===//

#include "host_memory.h"

#include "jaxc/runtime/runtime.h"

#include <cstdlib>

#include <sys/mman.h>

namespace jaxc::runtime::impl {

void *allocateHostMemory(size_t size) {
  size_t alignment = size >= kHugePageSize ? kHugePageSize : kHostAlignment;
  // aligned_alloc wants a nonzero multiple of the alignment.
  size_t rounded = (size + alignment - 1) / alignment * alignment;
  if (rounded < size)
    return nullptr;
  void *memory = std::aligned_alloc(alignment, rounded ? rounded : alignment);
#ifdef MADV_HUGEPAGE
  // Advice: where the kernel has no huge pages, the block keeps small ones.
  if (memory && alignment == kHugePageSize)
    madvise(memory, rounded, MADV_HUGEPAGE);
#endif
  return memory;
}

} // namespace jaxc::runtime::impl

extern "C" {

void *jaxc_host_allocate(size_t size) {
  return jaxc::runtime::impl::allocateHostMemory(size);
}

void jaxc_host_free(void *memory) { std::free(memory); }

} // extern "C"
