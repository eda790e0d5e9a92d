//===- buffer_cache.cc - A device's reusable buffers ----------------------===//

#include "buffer_cache.h"

#include "host_memory.h"

#include <cstdlib>

namespace jaxc::runtime::impl {
namespace {

// Each block starts with a header holding its size class; the buffer
// follows, 64-byte aligned like the block.
struct alignas(BufferCache::kAlignment) BlockHeader {
  size_t sizeClass;
};
static_assert(sizeof(BlockHeader) == BufferCache::kAlignment);

// The capacity a request of `size` bytes gets: small sizes rounded to the
// alignment, cached ones up to one of 8 steps per power of two, so that
// requests that differ a little share blocks (at most 12.5% unused).
size_t sizeClassOf(size_t size) {
  size_t aligned =
      (size + BufferCache::kAlignment - 1) & ~(BufferCache::kAlignment - 1);
  if (aligned < BufferCache::kCachedSize)
    return aligned == 0 ? BufferCache::kAlignment : aligned;
  size_t power = size_t{1} << (63 - __builtin_clzll(aligned));
  size_t step = power / 8;
  return (aligned + step - 1) / step * step;
}

} // namespace

BufferCache::~BufferCache() {
  for (auto &[sizeClass, blocks] : freeBlocks)
    for (void *block : blocks)
      std::free(block);
}

void *BufferCache::allocate(size_t size) {
  if (size > SIZE_MAX - 2 * kAlignment)
    return nullptr;
  size_t sizeClass = sizeClassOf(size);
  void *block = nullptr;
  if (sizeClass >= kCachedSize) {
    std::lock_guard<std::mutex> lock(mutex);
    auto found = freeBlocks.find(sizeClass);
    if (found != freeBlocks.end() && !found->second.empty()) {
      block = found->second.back();
      found->second.pop_back();
      cached -= sizeClass;
    }
  }
  if (!block) {
    block = allocateHostMemory(sizeof(BlockHeader) + sizeClass);
    if (!block)
      return nullptr;
    static_cast<BlockHeader *>(block)->sizeClass = sizeClass;
  }
  return static_cast<BlockHeader *>(block) + 1;
}

void BufferCache::release(void *buffer) {
  if (!buffer)
    return;
  BlockHeader *block = static_cast<BlockHeader *>(buffer) - 1;
  size_t sizeClass = block->sizeClass;
  if (sizeClass >= kCachedSize) {
    std::lock_guard<std::mutex> lock(mutex);
    if (cached + sizeClass <= kCacheLimit) {
      freeBlocks[sizeClass].push_back(block);
      cached += sizeClass;
      return;
    }
  }
  std::free(block);
}

size_t BufferCache::cachedBytes() const {
  std::lock_guard<std::mutex> lock(mutex);
  return cached;
}

} // namespace jaxc::runtime::impl
