//===- format.cc - Print tensors the way iree-run-module does -------------===//

#include "jaxc/tooling/format.h"

#include <cmath>
#include <cstdio>

#include "element_types.h"

namespace jaxc::tooling {

using namespace detail;

// %g, with NaN always "nan": glibc prints a negative NaN as "-nan", but the
// sign of a NaN means nothing and the parser should read back what we print.
static void appendReal(std::string &out, double value) {
  if (std::isnan(value)) {
    out += "nan";
    return;
  }
  char text[32];
  std::snprintf(text, sizeof(text), "%g", value);
  out += text;
}

template <typename T> static void appendElement(std::string &out, T value) {
  if constexpr (std::is_same_v<T, Bool>) {
    out += value.byte ? '1' : '0';
  } else if constexpr (std::is_integral_v<T>) {
    out += std::to_string(value);
  } else if constexpr (isComplex<T>) {
    appendReal(out, value.real());
    bool negativeImag = std::signbit(value.imag()) && !std::isnan(value.imag());
    out += negativeImag ? '-' : '+';
    appendReal(out, std::abs(value.imag()));
    out += 'j';
  } else {
    appendReal(out, toDouble(value));
  }
}

// Elements of the innermost dimension are separated by spaces; each entry of
// an outer dimension is wrapped in brackets, so rank 2 prints [1 2 3][4 5 6]
// and rank 3 [[1 2][3 4]][[5 6][7 8]].
template <typename T>
static void appendElements(std::string &out, const HostTensor &tensor,
                           size_t dim, int64_t &flatIndex) {
  int64_t extent = tensor.shape[dim];
  for (int64_t i = 0; i < extent; ++i) {
    if (dim + 1 == tensor.shape.size()) {
      if (i != 0)
        out += ' ';
      appendElement(out, loadElement<T>(tensor.bytes.data(), flatIndex++));
      continue;
    }
    out += '[';
    appendElements<T>(out, tensor, dim + 1, flatIndex);
    out += ']';
  }
}

std::string formatShape(const std::vector<int64_t> &shape) {
  std::string text;
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? "x" : "") + std::to_string(shape[i]);
  return text;
}

std::string formatTensorType(jaxc_dtype_t dtype,
                             const std::vector<int64_t> &shape) {
  const char *name = jaxc_dtype_name(dtype);
  std::string dtypeText =
      name ? name : "<unknown dtype " + std::to_string(dtype) + ">";
  return shape.empty() ? dtypeText : formatShape(shape) + "x" + dtypeText;
}

std::string formatTensorType(const jaxc_tensor_type_t &type) {
  return formatTensorType(
      type.dtype, std::vector<int64_t>(type.dims, type.dims + type.rank));
}

std::string formatElement(const HostTensor &tensor, int64_t flatIndex) {
  std::string text;
  visitElementType(tensor.dtype, [&](auto row) {
    using T = typename decltype(row)::type;
    appendElement(text, loadElement<T>(tensor.bytes.data(), flatIndex));
  });
  return text;
}

std::string formatBufferView(const HostTensor &tensor) {
  std::string text = formatTensorType(tensor.dtype, tensor.shape) + "=";
  if (elementCount(tensor.shape) == 0)
    return text;
  visitElementType(tensor.dtype, [&](auto row) {
    using T = typename decltype(row)::type;
    if (tensor.shape.empty()) {
      appendElement(text, loadElement<T>(tensor.bytes.data(), 0));
      return;
    }
    int64_t flatIndex = 0;
    appendElements<T>(text, tensor, 0, flatIndex);
  });
  return text;
}

} // namespace jaxc::tooling
