//===- buffer_cache_test.cc - A device's reusable buffers -----------------===//

#include "buffer_cache.h"
#include "device.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

using jaxc::runtime::impl::BufferCache;

namespace {

bool isAligned(const void *buffer) {
  return reinterpret_cast<uintptr_t>(buffer) % BufferCache::kAlignment == 0;
}

TEST(BufferCacheTest, BuffersAreAlignedDistinctAndWritable) {
  BufferCache cache;
  std::vector<void *> buffers;
  for (size_t size : {size_t{0}, size_t{1}, size_t{100}, size_t{4096},
                      BufferCache::kCachedSize, size_t{3} << 20}) {
    void *buffer = cache.allocate(size);
    ASSERT_NE(buffer, nullptr) << size;
    EXPECT_TRUE(isAligned(buffer)) << size;
    std::memset(buffer, 0xab, size);
    buffers.push_back(buffer);
  }
  EXPECT_EQ(std::set<void *>(buffers.begin(), buffers.end()).size(),
            buffers.size());
  for (void *buffer : buffers)
    cache.release(buffer);
  cache.release(nullptr);
}

TEST(BufferCacheTest, ALargeFreedBlockServesTheNextRequestOfItsSizeClass) {
  BufferCache cache;
  void *first = cache.allocate(1 << 20);
  cache.release(first);
  EXPECT_GE(cache.cachedBytes(), size_t{1} << 20);
  // A little less than before: the same size class, the same block.
  void *second = cache.allocate((1 << 20) - 1000);
  EXPECT_EQ(second, first);
  EXPECT_EQ(cache.cachedBytes(), 0u);
  // Another class gets another block while the first is in use.
  void *other = cache.allocate(4 << 20);
  EXPECT_NE(other, second);
  cache.release(second);
  cache.release(other);
}

TEST(BufferCacheTest, SmallBlocksAreNotKept) {
  BufferCache cache;
  cache.release(cache.allocate(BufferCache::kCachedSize / 2));
  EXPECT_EQ(cache.cachedBytes(), 0u);
}

TEST(BufferCacheTest, TheCacheStaysUnderItsLimit) {
  BufferCache cache;
  size_t size = BufferCache::kCacheLimit / 3;
  std::vector<void *> buffers;
  for (int i = 0; i < 4; ++i)
    buffers.push_back(cache.allocate(size));
  for (void *buffer : buffers) {
    ASSERT_NE(buffer, nullptr);
    cache.release(buffer);
  }
  EXPECT_LE(cache.cachedBytes(), BufferCache::kCacheLimit);
  EXPECT_GT(cache.cachedBytes(), 0u);
}

TEST(BufferCacheTest, ThreadsShareOneCache) {
  BufferCache cache;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 200; ++i) {
        size_t size = (size_t{1} << 16) * (1 + (i + t) % 5);
        auto *buffer = static_cast<unsigned char *>(cache.allocate(size));
        ASSERT_NE(buffer, nullptr);
        buffer[0] = buffer[size - 1] = static_cast<unsigned char>(t);
        cache.release(buffer);
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_GT(cache.cachedBytes(), 0u);
}

TEST(BufferCacheTest, TheDeviceContextAllocatesFromItsCache) {
  jaxc_device_t *device = nullptr;
  ASSERT_EQ(jaxc_device_create(JAXC_DEVICE_LOCAL_SYNC, &device), nullptr);
  jaxc_context_t *context = &device->context;
  EXPECT_EQ(context->abi_version, JAXC_CONTEXT_ABI_VERSION);
  void *buffer = context->alloc(context, 1 << 20);
  ASSERT_NE(buffer, nullptr);
  EXPECT_TRUE(isAligned(buffer));
  context->free(context, buffer);
  EXPECT_EQ(context->alloc(context, 1 << 20), buffer);
  context->free(context, buffer);
  EXPECT_GT(device->buffers.cachedBytes(), 0u);
  jaxc_device_free(device);
}

} // namespace
