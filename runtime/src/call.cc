//===- call.cc - Calling a function's native code -------------------------===//

#include "checks.h"
#include "device.h"
#include "float_control.h"
#include "host_memory.h"
#include "kernels/lapack.h"
#include "module.h"
#include "status.h"

#include <cstdlib>
#include <cstring>
#include <memory>

using namespace jaxc::runtime::impl;

namespace {

// Compiled code may use aligned vector loads on the buffers it owns.
constexpr size_t kCheckBufferAlignment = kHostAlignment;

struct FreeDeleter {
  void operator()(void *memory) const { std::free(memory); }
};
using AlignedStorage = std::unique_ptr<void, FreeDeleter>;

std::string countOf(size_t count, const std::string &noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// Checks the caller's buffers against the declared types; `role` is "input"
// or "output".
jaxc_status_t validateBuffers(const jaxc_function &function,
                              const std::string &role,
                              const std::vector<TensorType> &types,
                              const jaxc_buffer_t *buffers, size_t count) {
  auto invalid = [&](const std::string &what) {
    return makeStatus(JAXC_STATUS_INVALID_ARGUMENT,
                      function.metadata.name + ": " + what);
  };
  if (count != types.size())
    return invalid("expected " + countOf(types.size(), role) + ", got " +
                   std::to_string(count));
  if (count > 0 && !buffers)
    return invalid(role + "s: the buffer array is NULL");
  for (size_t i = 0; i < count; ++i) {
    const TensorType &type = types[i];
    std::string argument = role + " " + std::to_string(i);
    if (buffers[i].size_bytes != type.byteSize)
      return invalid(argument + ": expected " + type.str() + " (" +
                     countOf(type.byteSize, "byte") + "), got " +
                     countOf(buffers[i].size_bytes, "byte"));
    if (!buffers[i].data && type.byteSize > 0)
      return invalid(argument + ": data is NULL");
  }
  return nullptr;
}

// Allocates the hidden check buffers, zeroed and aligned, in one block, and
// appends their addresses to `pointers`.
jaxc_status_t allocateCheckBuffers(const jaxc_function &function,
                                   AlignedStorage &storage,
                                   std::vector<void *> &pointers) {
  const std::vector<TensorType> &types = function.metadata.checkBuffers;
  std::vector<size_t> offsets;
  size_t total = 0;
  for (const TensorType &type : types) {
    offsets.push_back(total);
    size_t padded = (type.byteSize + kCheckBufferAlignment - 1) /
                    kCheckBufferAlignment * kCheckBufferAlignment;
    if (padded < type.byteSize || __builtin_add_overflow(total, padded, &total))
      return makeStatus(JAXC_STATUS_INTERNAL,
                        function.metadata.name +
                            ": the check buffers overflow the address space");
  }
  storage.reset(allocateHostMemory(total));
  if (!storage)
    return makeStatus(JAXC_STATUS_INTERNAL,
                      function.metadata.name + ": cannot allocate " +
                          countOf(total, "byte") + " of check buffers");
  // Zeroed, so that a check the code fails to write compares the same way
  // on every call.
  std::memset(storage.get(), 0, total);
  for (size_t offset : offsets)
    pointers.push_back(static_cast<char *>(storage.get()) + offset);
  return nullptr;
}

jaxc_status_t callFunction(const jaxc_function &function, jaxc_device_t &device,
                           const jaxc_buffer_t *inputs, size_t inputCount,
                           jaxc_buffer_t *outputs, size_t outputCount) {
  const FunctionMetadata &metadata = function.metadata;
  if (jaxc_status_t status = validateBuffers(function, "input", metadata.inputs,
                                             inputs, inputCount))
    return status;
  if (jaxc_status_t status = validateBuffers(
          function, "output", metadata.results, outputs, outputCount))
    return status;

  // The convention's buffer list: inputs, results, check buffers.
  std::vector<void *> buffers;
  buffers.reserve(inputCount + outputCount + metadata.checkBuffers.size());
  for (size_t i = 0; i < inputCount; ++i)
    buffers.push_back(inputs[i].data);
  for (size_t i = 0; i < outputCount; ++i)
    buffers.push_back(outputs[i].data);
  AlignedStorage checkStorage;
  if (!metadata.checkBuffers.empty())
    if (jaxc_status_t status =
            allocateCheckBuffers(function, checkStorage, buffers))
      return status;

  {
    ScopedFloatControl floatControl(
        withDenormalMode(readFloatControl(), function.denormalMode));
    function.entry(&device.context, buffers.data());
  }
  // A service that failed (lapack: no library) fails the call.
  std::string serviceError = takeLapackError();
  if (!serviceError.empty())
    return makeStatus(JAXC_STATUS_INTERNAL,
                      metadata.name + ": " + serviceError);
  return evaluateChecks(metadata, buffers.data() + inputCount + outputCount);
}

} // namespace

extern "C" jaxc_status_t jaxc_function_call(const jaxc_function_t *fn,
                                            const jaxc_buffer_t *inputs,
                                            size_t input_count,
                                            jaxc_buffer_t *outputs,
                                            size_t output_count) {
  return runGuarded([&]() -> jaxc_status_t {
    if (!fn)
      return makeStatus(JAXC_STATUS_INVALID_ARGUMENT,
                        "jaxc_function_call: NULL function");
    jaxc_device_t *device = nullptr;
    if (jaxc_status_t status = getDefaultDevice(device))
      return status;
    return callFunction(*fn, *device, inputs, input_count, outputs,
                        output_count);
  });
}

extern "C" jaxc_status_t
jaxc_function_call_on(const jaxc_function_t *fn, jaxc_device_t *device,
                      const jaxc_buffer_t *inputs, size_t input_count,
                      jaxc_buffer_t *outputs, size_t output_count) {
  return runGuarded([&]() -> jaxc_status_t {
    if (!fn || !device)
      return makeStatus(JAXC_STATUS_INVALID_ARGUMENT,
                        std::string("jaxc_function_call_on: NULL ") +
                            (fn ? "device" : "function"));
    return callFunction(*fn, *device, inputs, input_count, outputs,
                        output_count);
  });
}
