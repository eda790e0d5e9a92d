//===- StreamingStoresTest.cpp - Streaming stores at every buffer offset --===//
//
// Calls test/jaxc/Inputs/streaming_stores.mlir, compiled, with its results
// at every 4-byte offset within a 64-byte line and at an offset that is no
// multiple of 4, on local-sync and local-task. The offset moves where the
// scalar items end and the vectors with streaming stores begin, and the
// threads move the chunk boundaries; every result must still be exact
// (3x + 1 and a clamp on integers) or bitwise the same as on the first call
// (tanh).
//
//   jaxc-streaming-stores-test MODULE.vmfb
//
//===----------------------------------------------------------------------===//

#include "jaxc/runtime/runtime.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace {

constexpr size_t kCount = 4194304;
constexpr size_t kBytes = kCount * sizeof(float);

struct FreeDeleter {
  void operator()(void *memory) const { std::free(memory); }
};

// A result buffer `offset` bytes past a 64-byte boundary.
struct OffsetBuffer {
  explicit OffsetBuffer(size_t offset)
      : storage(std::aligned_alloc(64, kBytes + 64)), offset(offset) {}
  float at(size_t i) const {
    float value;
    std::memcpy(&value, data() + i * sizeof(float), sizeof(float));
    return value;
  }
  uint8_t *data() const {
    return static_cast<uint8_t *>(storage.get()) + offset;
  }
  std::unique_ptr<void, FreeDeleter> storage;
  size_t offset;
};

bool failed(jaxc_status_t status, const char *what) {
  if (!status)
    return false;
  std::fprintf(stderr, "error: %s: %s\n", what, jaxc_status_message(status));
  jaxc_status_free(status);
  return true;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s MODULE.vmfb\n", argv[0]);
    return 2;
  }
  jaxc_module_t *module = nullptr;
  const jaxc_function_t *function = nullptr;
  if (failed(jaxc_module_load_file(argv[1], &module), argv[1]) ||
      failed(jaxc_module_lookup(module, "main", &function), "main"))
    return 1;

  std::vector<float> input(kCount);
  for (size_t i = 0; i < kCount; ++i)
    input[i] = static_cast<float>(i);
  jaxc_buffer_t inputBuffer{input.data(), kBytes};

  std::vector<uint32_t> firstTanh;
  size_t calls = 0;
  std::vector<size_t> offsets = {2};
  for (size_t offset = 0; offset < 64; offset += 4)
    offsets.push_back(offset);
  for (jaxc_device_kind_t kind :
       {JAXC_DEVICE_LOCAL_SYNC, JAXC_DEVICE_LOCAL_TASK}) {
    jaxc_device_t *device = nullptr;
    if (failed(jaxc_device_create(kind, &device), "device"))
      return 1;
    for (size_t offset : offsets) {
      OffsetBuffer affine(offset), tanh(offset), clamped(offset);
      jaxc_buffer_t outputs[] = {{affine.data(), kBytes},
                                 {tanh.data(), kBytes},
                                 {clamped.data(), kBytes}};
      if (failed(jaxc_function_call_on(function, device, &inputBuffer, 1,
                                       outputs, 3),
                 "call"))
        return 1;
      ++calls;
      for (size_t i = 0; i < kCount; ++i) {
        float x = static_cast<float>(i);
        float expectedClamp =
            x > 3e6f ? 3e6f : (x - 1e6f > 0.0f ? x - 1e6f : 0.0f);
        if (affine.at(i) != 3.0f * x + 1.0f || clamped.at(i) != expectedClamp) {
          std::fprintf(stderr,
                       "FAIL: offset %zu, threads %u: at %zu, 3x+1 is %g and "
                       "the clamp %g, expected %g and %g\n",
                       offset, jaxc_device_thread_count(device), i,
                       affine.at(i), clamped.at(i), 3.0f * x + 1.0f,
                       expectedClamp);
          return 1;
        }
        uint32_t bits;
        float value = tanh.at(i);
        std::memcpy(&bits, &value, sizeof bits);
        if (firstTanh.size() < kCount) {
          firstTanh.push_back(bits);
        } else if (bits != firstTanh[i]) {
          std::fprintf(stderr,
                       "FAIL: offset %zu, threads %u: tanh at %zu differs "
                       "from the first call's\n",
                       offset, jaxc_device_thread_count(device), i);
          return 1;
        }
      }
    }
    jaxc_device_free(device);
  }
  jaxc_module_free(module);
  std::printf("%zu calls agree: results at byte offsets 0, 4, ..., 60 and 2, "
              "on local-sync and local-task\n",
              calls);
  return 0;
}
