//===- device.cc - Devices: a thread pool and its context -----------------===//

#include "device.h"

#include "kernels/kernels.h"
#include "kernels/lapack.h"
#include "status.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <mutex>
#include <string>
#include <system_error>

using namespace jaxc::runtime::impl;

namespace {

constexpr char kThreadCountVariable[] = "JAXC_THREAD_COUNT";
constexpr long kMaxThreadCount = 1024;

jaxc_device_t &deviceOf(jaxc_context_t *context) {
  return *static_cast<jaxc_device_t *>(context->runtime_private);
}

void contextParallelFor(jaxc_context_t *context, jaxc_parallel_body_t body,
                        void *data, int64_t count, int64_t grain) {
  deviceOf(context).pool.parallelFor(body, data, count, grain);
}

static_assert(sizeof(size_t) == sizeof(uint64_t), "the runtime is 64-bit");
// Generated code reads the context by field position
// (compiler/include/jaxc/Transforms/RuntimeContext.h): lapack is the ninth.
static_assert(offsetof(jaxc_context_t, lapack) == 8 + 6 * sizeof(void *),
              "jaxc_context_t's layout is part of the ABI");

void *contextAlloc(jaxc_context_t *context, uint64_t size) {
  return deviceOf(context).buffers.allocate(size);
}

void contextFree(jaxc_context_t *context, void *buffer) {
  deviceOf(context).buffers.release(buffer);
}

// local-task's thread count: JAXC_THREAD_COUNT if set, else one per core.
jaxc_status_t taskThreadCount(unsigned &count) {
  const char *value = std::getenv(kThreadCountVariable);
  if (!value || !*value) {
    count = std::max(1u, std::thread::hardware_concurrency());
    return nullptr;
  }
  char *end = nullptr;
  errno = 0;
  long parsed = std::strtol(value, &end, 10);
  if (*end != '\0' || errno != 0 || parsed < 1 || parsed > kMaxThreadCount)
    return makeStatus(JAXC_STATUS_INVALID_ARGUMENT,
                      std::string(kThreadCountVariable) + "=" + value +
                          ": expected a thread count from 1 to " +
                          std::to_string(kMaxThreadCount));
  count = static_cast<unsigned>(parsed);
  return nullptr;
}

jaxc_status_t createDevice(jaxc_device_kind_t kind, jaxc_device_t *&device) {
  unsigned threadCount = 1;
  if (kind == JAXC_DEVICE_LOCAL_TASK) {
    if (jaxc_status_t status = taskThreadCount(threadCount))
      return status;
  } else if (kind != JAXC_DEVICE_LOCAL_SYNC) {
    return makeStatus(JAXC_STATUS_INVALID_ARGUMENT,
                      "jaxc_device_create: unknown device kind " +
                          std::to_string(static_cast<int>(kind)) +
                          "; expected JAXC_DEVICE_LOCAL_SYNC (0) or "
                          "JAXC_DEVICE_LOCAL_TASK (1)");
  }
  try {
    device = new jaxc_device_t(kind, threadCount);
  } catch (const std::system_error &error) {
    return makeStatus(JAXC_STATUS_INTERNAL,
                      "jaxc_device_create: cannot start " +
                          std::to_string(threadCount) +
                          " threads: " + error.what());
  }
  return nullptr;
}

} // namespace

jaxc_device_t::jaxc_device_t(jaxc_device_kind_t kind, unsigned threadCount)
    : kind(kind), pool(threadCount), context{} {
  context.abi_version = JAXC_CONTEXT_ABI_VERSION;
  context.thread_count = pool.threadCount();
  context.parallel_for = contextParallelFor;
  context.matmul_f32 = jaxcMatmulF32;
  context.conv2d_f32 = jaxcConv2dF32;
  context.runtime_private = this;
  context.alloc = contextAlloc;
  context.free = contextFree;
  context.lapack = jaxcLapack;
}

namespace jaxc::runtime::impl {

jaxc_status_t getDefaultDevice(jaxc_device_t *&device) {
  // Never freed: its threads may still be asleep in the pool when static
  // destructors run at exit.
  static std::atomic<jaxc_device_t *> shared{nullptr};
  static std::mutex creation;
  device = shared.load(std::memory_order_acquire);
  if (device)
    return nullptr;
  std::lock_guard<std::mutex> lock(creation);
  device = shared.load(std::memory_order_relaxed);
  if (!device) {
    if (jaxc_status_t status = createDevice(JAXC_DEVICE_LOCAL_TASK, device))
      return status;
    shared.store(device, std::memory_order_release);
  }
  return nullptr;
}

} // namespace jaxc::runtime::impl

extern "C" {

jaxc_status_t jaxc_device_create(jaxc_device_kind_t kind, jaxc_device_t **out) {
  return runGuarded([&]() -> jaxc_status_t {
    if (!out)
      return makeStatus(JAXC_STATUS_INVALID_ARGUMENT,
                        "jaxc_device_create: NULL output pointer");
    *out = nullptr;
    return createDevice(kind, *out);
  });
}

void jaxc_device_free(jaxc_device_t *device) { delete device; }

uint32_t jaxc_device_thread_count(const jaxc_device_t *device) {
  return device ? device->context.thread_count : 0;
}

} // extern "C"
