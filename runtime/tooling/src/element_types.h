//===- element_types.h - The dtype table and typed dispatch ----*- C++ -*-===//
//
// Private to the library. Each jaxc dtype maps to the C++ type that stores
// one element; code that works on elements is written once as a template and
// instantiated for every row of the table through visitElementType.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLING_SRC_ELEMENT_TYPES_H
#define JAXC_TOOLING_SRC_ELEMENT_TYPES_H

#include <cassert>
#include <complex>
#include <cstdint>
#include <cstring>
#include <optional>
#include <tuple>
#include <type_traits>
#include <vector>

#include "jaxc/runtime/runtime.h"
#include "jaxc/tooling/float_conversions.h"

namespace jaxc::tooling::detail {

// i1 is one byte per element; its own type keeps it apart from ui8.
struct Bool {
  uint8_t byte;
};
// f16 and bf16 are raw bits; arithmetic goes through float.
struct Half {
  uint16_t bits;
};
struct BFloat16 {
  uint16_t bits;
};

template <typename T, jaxc_dtype_t Code> struct Element {
  using type = T;
  static constexpr jaxc_dtype_t dtype = Code;
};

using ElementTable = std::tuple<
    Element<Bool, JAXC_DTYPE_I1>, Element<int8_t, JAXC_DTYPE_I8>,
    Element<int16_t, JAXC_DTYPE_I16>, Element<int32_t, JAXC_DTYPE_I32>,
    Element<int64_t, JAXC_DTYPE_I64>, Element<uint8_t, JAXC_DTYPE_UI8>,
    Element<uint16_t, JAXC_DTYPE_UI16>, Element<uint32_t, JAXC_DTYPE_UI32>,
    Element<uint64_t, JAXC_DTYPE_UI64>, Element<Half, JAXC_DTYPE_F16>,
    Element<BFloat16, JAXC_DTYPE_BF16>, Element<float, JAXC_DTYPE_F32>,
    Element<double, JAXC_DTYPE_F64>,
    Element<std::complex<float>, JAXC_DTYPE_COMPLEX64>,
    Element<std::complex<double>, JAXC_DTYPE_COMPLEX128>>;

// Calls fn(Element<T, dtype>{}) for the row of `dtype`, which must be known:
// tensors get their dtype from a name, a .npy descr or the runtime.
template <typename Fn> void visitElementType(jaxc_dtype_t dtype, Fn &&fn) {
  [[maybe_unused]] bool known = std::apply(
      [&](auto... rows) {
        return ((rows.dtype == dtype ? (fn(rows), true) : false) || ...);
      },
      ElementTable());
  assert(known && "unknown dtype");
}

// Calls fn(Element<T, dtype>{}) for every row, in dtype order.
template <typename Fn> void forEachElementType(Fn &&fn) {
  std::apply([&](auto... rows) { (fn(rows), ...); }, ElementTable());
}

template <typename T> inline constexpr bool isComplex = false;
template <typename T> inline constexpr bool isComplex<std::complex<T>> = true;

template <typename T>
inline constexpr bool isReal =
    std::is_floating_point_v<T> || std::is_same_v<T, Half> ||
    std::is_same_v<T, BFloat16>;

inline double toDouble(Half value) { return halfToFloat(value.bits); }
inline double toDouble(BFloat16 value) { return bfloat16ToFloat(value.bits); }
inline double toDouble(float value) { return value; }
inline double toDouble(double value) { return value; }

// Rounds to nearest even, like a cast.
template <typename T> T fromDouble(double value) {
  if constexpr (std::is_same_v<T, Half>)
    return Half{floatToHalf(static_cast<float>(value))};
  else if constexpr (std::is_same_v<T, BFloat16>)
    return BFloat16{floatToBfloat16(static_cast<float>(value))};
  else
    return static_cast<T>(value);
}

// Elements are copied in and out because tensor bytes need not be aligned.
template <typename T> T loadElement(const uint8_t *data, int64_t index) {
  T value;
  std::memcpy(&value, data + index * sizeof(T), sizeof(T));
  return value;
}

template <typename T>
void storeElement(uint8_t *data, int64_t index, const T &value) {
  std::memcpy(data + index * sizeof(T), &value, sizeof(T));
}

// Bytes of a dense tensor; nullopt for a negative dim, an unknown dtype or a
// size that overflows.
inline std::optional<size_t>
checkedByteSize(jaxc_dtype_t dtype, const std::vector<int64_t> &shape) {
  size_t bytes = jaxc_dtype_size(dtype);
  if (bytes == 0)
    return std::nullopt;
  for (int64_t dim : shape)
    if (dim < 0 ||
        __builtin_mul_overflow(bytes, static_cast<size_t>(dim), &bytes))
      return std::nullopt;
  return bytes;
}

} // namespace jaxc::tooling::detail

#endif // JAXC_TOOLING_SRC_ELEMENT_TYPES_H
