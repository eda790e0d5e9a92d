//===- host_memory.h - Memory for large tensors ----------------*- C++ -*-===//
//
// Streaming over tens of megabytes touches a new 4 KiB page every 64
// vectors, and each page's translation misses the TLB. Transparent huge
// pages (2 MiB) take those misses away, but Linux's default setting
// ("madvise") gives them only to memory that asks: large blocks here start
// on a 2 MiB boundary and ask (numpy does the same for its arrays).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_HOST_MEMORY_H
#define JAXC_RUNTIME_SRC_HOST_MEMORY_H

#include <cstddef>

namespace jaxc::runtime::impl {

// From this size on, blocks are huge-page aligned and ask for huge pages.
constexpr size_t kHugePageSize = size_t{2} << 20;
// Every block's alignment at least: one cache line, an AVX-512 vector.
constexpr size_t kHostAlignment = 64;

// `size` bytes (0 included), kHostAlignment-aligned; nullptr if out of
// memory. Free with std::free.
void *allocateHostMemory(size_t size);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_HOST_MEMORY_H
