//===- types.h - Element types and tensor types -----------------*- C++ -*-===//
//
// One table describes every jaxc_dtype_t: its name, its size and how its
// elements are read (integer, or floating point of a given bit layout).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_TYPES_H
#define JAXC_RUNTIME_SRC_TYPES_H

#include "jaxc/runtime/runtime.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace jaxc::runtime::impl {

enum class ElementClass { Bool, SignedInt, UnsignedInt, Float, Complex };

// Where sign, exponent and mantissa sit in an IEEE-style binary float: the
// sign is the top bit, the mantissa the low `mantissaBits`, the exponent the
// bits in between.
struct FloatLayout {
  unsigned bits;
  unsigned mantissaBits;
};

struct DTypeInfo {
  jaxc_dtype_t code;
  const char *name;
  size_t size;
  ElementClass elementClass;
  // The layout of each component, for Float (one) and Complex (two).
  FloatLayout componentLayout;
};

// The table entry for `code`, or nullptr if the code is unknown. The code is
// an integer: a file's or a C caller's value need not be an enumerator.
const DTypeInfo *findDType(uint32_t code);

// A statically shaped tensor type of a module; its sizes are known to fit.
struct TensorType {
  const DTypeInfo *dtype;
  std::vector<int64_t> dims;
  int64_t elementCount;
  size_t byteSize;

  // The C API's view; valid while this object lives.
  jaxc_tensor_type_t view() const;
  // IREE's spelling, e.g. "3x4xf32", or "f32" for rank 0.
  std::string str() const;
  bool operator==(const TensorType &other) const;
};

// Builds a TensorType; false if a dimension is negative or the element count
// or the byte size overflows.
bool makeTensorType(const DTypeInfo &dtype, std::vector<int64_t> dims,
                    TensorType &type);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_TYPES_H
