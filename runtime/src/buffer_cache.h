//===- buffer_cache.h - A device's reusable buffers -------------*- C++ -*-===//
//
// Generated code allocates its intermediate buffers on every call and frees
// them before returning. Served by malloc, the large ones are mapped afresh
// and unmapped each time (glibc maps blocks above 128 KiB), so every call
// pays page faults for all of them. A device keeps freed blocks instead and
// hands them out again to the next call that asks for the same size class:
// the same pages, already faulted in, with no process-wide malloc settings.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_BUFFER_CACHE_H
#define JAXC_RUNTIME_SRC_BUFFER_CACHE_H

#include "host_memory.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <vector>

namespace jaxc::runtime::impl {

class BufferCache {
public:
  // Blocks of at least this size are kept when freed; smaller ones go back
  // to malloc, which reuses them well by itself.
  static constexpr size_t kCachedSize = size_t{64} << 10;
  // What the cache keeps at most; blocks freed beyond it go back to the
  // system.
  static constexpr size_t kCacheLimit = size_t{1} << 30;
  static constexpr size_t kAlignment = kHostAlignment;

  BufferCache() = default;
  BufferCache(const BufferCache &) = delete;
  BufferCache &operator=(const BufferCache &) = delete;
  ~BufferCache();

  // `size` bytes (any size, 0 included), 64-byte aligned; nullptr if out
  // of memory. Thread-safe.
  void *allocate(size_t size);
  // Frees what allocate returned (nullptr is fine). Thread-safe.
  void release(void *buffer);

  // Bytes held in freed blocks, for tests and statistics.
  size_t cachedBytes() const;

private:
  mutable std::mutex mutex;
  // Freed blocks (their headers) by size class.
  std::map<size_t, std::vector<void *>> freeBlocks;
  size_t cached = 0;
};

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_BUFFER_CACHE_H
