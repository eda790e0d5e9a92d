//===- runtime.hpp - C++ wrapper of the jaxc runtime C API ----*- C++ -*-===//
//
// Header-only RAII over runtime.h. Failures throw jaxc::runtime::Error,
// which carries the status code and message.
//
//   auto module = jaxc::runtime::Module::load("m.vmfb");
//   jaxc::runtime::Function main = module.lookup("main");
//   std::vector<std::vector<uint8_t>> results = main.call({lhs, rhs});
//   jaxc::runtime::Device sync(JAXC_DEVICE_LOCAL_SYNC);
//   results = main.call(sync, {lhs, rhs});   // on the calling thread only
//
// A Function is a view: it is valid while its Module lives.
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_RUNTIME_HPP
#define JAXC_RUNTIME_RUNTIME_HPP

#include "jaxc/runtime/runtime.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace jaxc::runtime {

class Error : public std::runtime_error {
public:
  Error(jaxc_status_code_t code, const std::string &message)
      : std::runtime_error(message), statusCode(code) {}
  jaxc_status_code_t code() const noexcept { return statusCode; }

private:
  jaxc_status_code_t statusCode;
};

namespace detail {
// Frees `status` and, if it is an error, throws it as an Error.
inline void throwIfError(jaxc_status_t status) {
  std::unique_ptr<jaxc_status, void (*)(jaxc_status_t)> owned(status,
                                                              jaxc_status_free);
  if (owned)
    throw Error(jaxc_status_code(status), jaxc_status_message(status));
}
} // namespace detail

using Buffer = jaxc_buffer_t;

struct TensorType {
  jaxc_dtype_t dtype;
  std::vector<int64_t> dims;

  TensorType(jaxc_dtype_t dtype, std::vector<int64_t> dims)
      : dtype(dtype), dims(std::move(dims)) {}
  explicit TensorType(const jaxc_tensor_type_t &type)
      : dtype(type.dtype), dims(type.dims, type.dims + type.rank) {}
  bool operator==(const TensorType &other) const {
    return dtype == other.dtype && dims == other.dims;
  }
  int64_t elementCount() const {
    jaxc_tensor_type_t view{dtype, static_cast<int32_t>(dims.size()),
                            dims.data()};
    return jaxc_tensor_type_element_count(&view);
  }
  size_t byteSize() const {
    return static_cast<size_t>(elementCount()) * jaxc_dtype_size(dtype);
  }
};

// Where calls run (runtime.h's devices); owns its threads.
class Device {
public:
  explicit Device(jaxc_device_kind_t kind = JAXC_DEVICE_LOCAL_TASK)
      : device(create(kind), jaxc_device_free) {}

  uint32_t threadCount() const { return jaxc_device_thread_count(get()); }
  jaxc_device_t *get() const { return device.get(); }

private:
  static jaxc_device_t *create(jaxc_device_kind_t kind) {
    jaxc_device_t *created = nullptr;
    detail::throwIfError(jaxc_device_create(kind, &created));
    return created;
  }

  std::unique_ptr<jaxc_device_t, void (*)(jaxc_device_t *)> device;
};

class Function {
public:
  explicit Function(const jaxc_function_t *function) : function(function) {}

  std::string name() const { return jaxc_function_name(function); }
  std::vector<TensorType> inputs() const {
    return types(jaxc_function_input_count(function), jaxc_function_input_type);
  }
  std::vector<TensorType> results() const {
    return types(jaxc_function_result_count(function),
                 jaxc_function_result_type);
  }
  std::string resultName(size_t index) const {
    return jaxc_function_result_name(function, index);
  }
  size_t checkCount() const { return jaxc_function_check_count(function); }

  // Calls with caller-owned buffers, on the process-wide local-task device
  // or on `device`. On a failed check this throws, and the outputs are
  // still written.
  void call(const std::vector<Buffer> &inputs,
            std::vector<Buffer> &outputs) const {
    callOn(nullptr, inputs, outputs);
  }
  void call(Device &device, const std::vector<Buffer> &inputs,
            std::vector<Buffer> &outputs) const {
    callOn(device.get(), inputs, outputs);
  }

  // Calls with byte vectors; returns the results, allocated to size.
  std::vector<std::vector<uint8_t>>
  call(const std::vector<std::vector<uint8_t>> &inputs) const {
    return callOn(nullptr, inputs);
  }
  std::vector<std::vector<uint8_t>>
  call(Device &device, const std::vector<std::vector<uint8_t>> &inputs) const {
    return callOn(device.get(), inputs);
  }

  const jaxc_function_t *get() const { return function; }

private:
  // NULL device: jaxc_function_call's default device.
  void callOn(jaxc_device_t *device, const std::vector<Buffer> &inputs,
              std::vector<Buffer> &outputs) const {
    detail::throwIfError(
        device ? jaxc_function_call_on(function, device, inputs.data(),
                                       inputs.size(), outputs.data(),
                                       outputs.size())
               : jaxc_function_call(function, inputs.data(), inputs.size(),
                                    outputs.data(), outputs.size()));
  }

  std::vector<std::vector<uint8_t>>
  callOn(jaxc_device_t *device,
         const std::vector<std::vector<uint8_t>> &inputs) const {
    std::vector<Buffer> inputBuffers;
    for (const std::vector<uint8_t> &input : inputs)
      // The code only reads its inputs; the C struct has no const variant.
      inputBuffers.push_back(
          {const_cast<uint8_t *>(input.data()), input.size()});
    std::vector<std::vector<uint8_t>> results;
    std::vector<Buffer> outputBuffers;
    for (const TensorType &type : this->results())
      results.emplace_back(type.byteSize());
    for (std::vector<uint8_t> &result : results)
      outputBuffers.push_back({result.data(), result.size()});
    callOn(device, inputBuffers, outputBuffers);
    return results;
  }

  std::vector<TensorType>
  types(size_t count,
        jaxc_tensor_type_t (*typeAt)(const jaxc_function_t *, size_t)) const {
    std::vector<TensorType> result;
    for (size_t i = 0; i < count; ++i)
      result.emplace_back(typeAt(function, i));
    return result;
  }

  const jaxc_function_t *function;
};

class Module {
public:
  static Module load(const std::string &path) {
    jaxc_module_t *module = nullptr;
    detail::throwIfError(jaxc_module_load_file(path.c_str(), &module));
    return Module(module);
  }
  static Module loadMemory(const void *data, size_t size,
                           const std::string &name) {
    jaxc_module_t *module = nullptr;
    detail::throwIfError(
        jaxc_module_load_memory(data, size, name.c_str(), &module));
    return Module(module);
  }

  // Throws a NOT_FOUND Error listing the module's functions.
  Function lookup(const std::string &name) const {
    const jaxc_function_t *function = nullptr;
    detail::throwIfError(
        jaxc_module_lookup(module.get(), name.c_str(), &function));
    return Function(function);
  }
  std::vector<Function> functions() const {
    std::vector<Function> result;
    for (size_t i = 0, e = jaxc_module_function_count(module.get()); i < e; ++i)
      result.emplace_back(jaxc_module_function_at(module.get(), i));
    return result;
  }
  uint32_t formatVersion() const {
    return jaxc_module_format_version(module.get());
  }
  std::string targetTriple() const {
    return jaxc_module_target_triple(module.get());
  }
  std::string targetCpu() const { return jaxc_module_target_cpu(module.get()); }
  jaxc_denormal_mode_t denormalMode() const {
    return jaxc_module_denormal_mode(module.get());
  }
  const jaxc_module_t *get() const { return module.get(); }

private:
  explicit Module(jaxc_module_t *module) : module(module, jaxc_module_free) {}

  std::unique_ptr<jaxc_module_t, void (*)(jaxc_module_t *)> module;
};

} // namespace jaxc::runtime

#endif // JAXC_RUNTIME_RUNTIME_HPP
