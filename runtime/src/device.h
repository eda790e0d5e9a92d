//===- device.h - The object behind jaxc_device_t ---------------*- C++ -*-===//
//
// A device is a thread pool, a cache of the generated code's buffers and
// the jaxc_context_t that hands both to generated code (module_format.h). The
// context's runtime_private points back to the device.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_DEVICE_H
#define JAXC_RUNTIME_SRC_DEVICE_H

#include "buffer_cache.h"
#include "thread_pool.h"

#include "jaxc/runtime/runtime.h"

struct jaxc_device_t {
  jaxc_device_t(jaxc_device_kind_t kind, unsigned threadCount);
  jaxc_device_t(const jaxc_device_t &) = delete;
  jaxc_device_t &operator=(const jaxc_device_t &) = delete;

  jaxc_device_kind_t kind;
  jaxc::runtime::impl::ThreadPool pool;
  jaxc::runtime::impl::BufferCache buffers;
  jaxc_context_t context;
};

namespace jaxc::runtime::impl {

// The device jaxc_function_call uses: local-task, created on first use and
// kept for the life of the process.
jaxc_status_t getDefaultDevice(jaxc_device_t *&device);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_DEVICE_H
