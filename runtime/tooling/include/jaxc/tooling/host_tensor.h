//===- host_tensor.h - A dense tensor in host memory -----------*- C++ -*-===//
//
// HostTensor is what the tools move around: parsed from --input, read from
// .npy, handed to jaxc_function_call as a jaxc_buffer_t, printed and compared.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLING_HOST_TENSOR_H
#define JAXC_TOOLING_HOST_TENSOR_H

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string_view>
#include <utility>
#include <vector>

#include "jaxc/runtime/runtime.h"
#include "jaxc/tooling/status.h"

namespace jaxc::tooling {

// Tensor bytes from jaxc_host_allocate: aligned like the runtime's own
// buffers, on huge pages when large.
template <typename T> struct HostAllocator {
  using value_type = T;
  HostAllocator() = default;
  template <typename U> HostAllocator(const HostAllocator<U> &) {}
  T *allocate(size_t count) {
    if (count > SIZE_MAX / sizeof(T))
      throw std::bad_array_new_length();
    void *memory = jaxc_host_allocate(count * sizeof(T));
    if (!memory)
      throw std::bad_alloc();
    return static_cast<T *>(memory);
  }
  void deallocate(T *memory, size_t) { jaxc_host_free(memory); }
  template <typename U> bool operator==(const HostAllocator<U> &) const {
    return true;
  }
  template <typename U> bool operator!=(const HostAllocator<U> &) const {
    return false;
  }
};
using HostBytes = std::vector<uint8_t, HostAllocator<uint8_t>>;

// Dense, row-major. bytes.size() is elementCount(shape) times the dtype's
// element size (one byte per i1; complex is (real, imag) pairs), as the
// runtime's buffers are.
struct HostTensor {
  jaxc_dtype_t dtype{};
  std::vector<int64_t> shape; // empty for rank 0
  HostBytes bytes;
};

// Product of the dims; 1 for rank 0.
int64_t elementCount(const std::vector<int64_t> &shape);

// A zero-filled tensor.
HostTensor zeroTensor(jaxc_dtype_t dtype, std::vector<int64_t> shape);

// A tensor holding `values`. T must have the dtype's element size: raw bits
// (uint16_t) for f16 and bf16, one byte per i1, std::complex for complex.
template <typename T>
HostTensor makeHostTensor(jaxc_dtype_t dtype, std::vector<int64_t> shape,
                          const std::vector<T> &values) {
  HostTensor tensor = zeroTensor(dtype, std::move(shape));
  assert(values.size() * sizeof(T) == tensor.bytes.size());
  if (!values.empty())
    std::memcpy(tensor.bytes.data(), values.data(), tensor.bytes.size());
  return tensor;
}

// Same dtype, shape and bytes.
bool operator==(const HostTensor &lhs, const HostTensor &rhs);
inline bool operator!=(const HostTensor &lhs, const HostTensor &rhs) {
  return !(lhs == rhs);
}

// A zero-filled tensor of a function's input or result type.
HostTensor allocateFor(const jaxc_tensor_type_t &type);

// A view of the tensor's bytes for jaxc_function_call; valid while the tensor
// lives and its bytes are not resized.
jaxc_buffer_t asBuffer(HostTensor &tensor);

// Copies a buffer of the given type; fails if its size does not match.
Expected<HostTensor> copyFromBuffer(const jaxc_tensor_type_t &type,
                                    const jaxc_buffer_t &buffer);

// Checks that the tensor has exactly the type, e.g. for the inputs of a
// function. The error reads "<what>: expected 2x3xf32, got 3x2xf32".
Status checkMatchesType(const HostTensor &tensor,
                        const jaxc_tensor_type_t &type, std::string_view what);

} // namespace jaxc::tooling

#endif // JAXC_TOOLING_HOST_TENSOR_H
