//===- host_tensor.cc - HostTensor and the jaxc_buffer_t bridge -----------===//

#include "jaxc/tooling/host_tensor.h"

#include <cstring>
#include <string>

#include "jaxc/tooling/format.h"

namespace jaxc::tooling {

static std::vector<int64_t> shapeOf(const jaxc_tensor_type_t &type) {
  return std::vector<int64_t>(type.dims, type.dims + type.rank);
}

int64_t elementCount(const std::vector<int64_t> &shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

HostTensor zeroTensor(jaxc_dtype_t dtype, std::vector<int64_t> shape) {
  size_t byteCount = jaxc_dtype_size(dtype) * elementCount(shape);
  return HostTensor{dtype, std::move(shape), HostBytes(byteCount)};
}

bool operator==(const HostTensor &lhs, const HostTensor &rhs) {
  return lhs.dtype == rhs.dtype && lhs.shape == rhs.shape &&
         lhs.bytes == rhs.bytes;
}

HostTensor allocateFor(const jaxc_tensor_type_t &type) {
  return zeroTensor(type.dtype, shapeOf(type));
}

jaxc_buffer_t asBuffer(HostTensor &tensor) {
  return jaxc_buffer_t{tensor.bytes.data(), tensor.bytes.size()};
}

Expected<HostTensor> copyFromBuffer(const jaxc_tensor_type_t &type,
                                    const jaxc_buffer_t &buffer) {
  HostTensor tensor = allocateFor(type);
  if (buffer.size_bytes != tensor.bytes.size())
    return Error{"a buffer of " + formatTensorType(type) + " needs " +
                 std::to_string(tensor.bytes.size()) + " bytes, got " +
                 std::to_string(buffer.size_bytes)};
  if (buffer.size_bytes != 0)
    std::memcpy(tensor.bytes.data(), buffer.data, buffer.size_bytes);
  return tensor;
}

Status checkMatchesType(const HostTensor &tensor,
                        const jaxc_tensor_type_t &type, std::string_view what) {
  if (tensor.dtype == type.dtype && tensor.shape == shapeOf(type))
    return Status::success();
  return Error{std::string(what) + ": expected " + formatTensorType(type) +
               ", got " + formatTensorType(tensor.dtype, tensor.shape)};
}

} // namespace jaxc::tooling
