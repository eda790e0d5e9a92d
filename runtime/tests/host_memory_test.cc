//===- host_memory_test.cc ------------------------------------------------===//

#include "jaxc/runtime/runtime.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

namespace {

uintptr_t address(const void *memory) {
  return reinterpret_cast<uintptr_t>(memory);
}

TEST(HostAllocate, SmallBlocksAreCacheLineAligned) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{100}, size_t{1} << 20}) {
    void *memory = jaxc_host_allocate(size);
    ASSERT_NE(memory, nullptr) << size;
    EXPECT_EQ(address(memory) % 64, 0u) << size;
    std::memset(memory, 0xab, size);
    jaxc_host_free(memory);
  }
}

TEST(HostAllocate, LargeBlocksStartOnAHugePage) {
  size_t size = (size_t{3} << 20) + 5;
  auto *memory = static_cast<uint8_t *>(jaxc_host_allocate(size));
  ASSERT_NE(memory, nullptr);
  EXPECT_EQ(address(memory) % (size_t{2} << 20), 0u);
  std::memset(memory, 0xcd, size);
  EXPECT_EQ(memory[size - 1], 0xcd);
  jaxc_host_free(memory);
}

TEST(HostAllocate, ImpossibleSizesGiveNull) {
  EXPECT_EQ(jaxc_host_allocate(SIZE_MAX), nullptr);
  EXPECT_EQ(jaxc_host_allocate(SIZE_MAX - 100), nullptr);
  jaxc_host_free(nullptr);
}

} // namespace
