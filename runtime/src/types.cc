//===- types.cc - The dtype table and tensor types ------------------------===//

#include "types.h"

#include <cstring>
#include <utility>

namespace jaxc::runtime::impl {
namespace {

constexpr FloatLayout kNotFloat = {0, 0};

constexpr DTypeInfo kDTypes[] = {
    {JAXC_DTYPE_I1, "i1", 1, ElementClass::Bool, kNotFloat},
    {JAXC_DTYPE_I8, "i8", 1, ElementClass::SignedInt, kNotFloat},
    {JAXC_DTYPE_I16, "i16", 2, ElementClass::SignedInt, kNotFloat},
    {JAXC_DTYPE_I32, "i32", 4, ElementClass::SignedInt, kNotFloat},
    {JAXC_DTYPE_I64, "i64", 8, ElementClass::SignedInt, kNotFloat},
    {JAXC_DTYPE_UI8, "ui8", 1, ElementClass::UnsignedInt, kNotFloat},
    {JAXC_DTYPE_UI16, "ui16", 2, ElementClass::UnsignedInt, kNotFloat},
    {JAXC_DTYPE_UI32, "ui32", 4, ElementClass::UnsignedInt, kNotFloat},
    {JAXC_DTYPE_UI64, "ui64", 8, ElementClass::UnsignedInt, kNotFloat},
    {JAXC_DTYPE_F16, "f16", 2, ElementClass::Float, {16, 10}},
    {JAXC_DTYPE_BF16, "bf16", 2, ElementClass::Float, {16, 7}},
    {JAXC_DTYPE_F32, "f32", 4, ElementClass::Float, {32, 23}},
    {JAXC_DTYPE_F64, "f64", 8, ElementClass::Float, {64, 52}},
    {JAXC_DTYPE_COMPLEX64, "complex<f32>", 8, ElementClass::Complex, {32, 23}},
    {JAXC_DTYPE_COMPLEX128,
     "complex<f64>",
     16,
     ElementClass::Complex,
     {64, 52}},
};

// The product of `dims`; false if one is negative or the product overflows.
bool elementCountOf(const int64_t *dims, size_t rank, int64_t &count) {
  int64_t product = 1;
  for (size_t i = 0; i < rank; ++i)
    if (dims[i] < 0 || __builtin_mul_overflow(product, dims[i], &product))
      return false;
  count = product;
  return true;
}

} // namespace

const DTypeInfo *findDType(uint32_t code) {
  for (const DTypeInfo &info : kDTypes)
    if (static_cast<uint32_t>(info.code) == code)
      return &info;
  return nullptr;
}

jaxc_tensor_type_t TensorType::view() const {
  return {dtype->code, static_cast<int32_t>(dims.size()), dims.data()};
}

std::string TensorType::str() const {
  std::string text;
  for (int64_t dim : dims)
    text += std::to_string(dim) + "x";
  return text + dtype->name;
}

bool TensorType::operator==(const TensorType &other) const {
  return dtype == other.dtype && dims == other.dims;
}

bool makeTensorType(const DTypeInfo &dtype, std::vector<int64_t> dims,
                    TensorType &type) {
  int64_t count;
  size_t bytes;
  if (!elementCountOf(dims.data(), dims.size(), count) ||
      __builtin_mul_overflow(static_cast<uint64_t>(count), dtype.size, &bytes))
    return false;
  type = TensorType{&dtype, std::move(dims), count, bytes};
  return true;
}

} // namespace jaxc::runtime::impl

using namespace jaxc::runtime::impl;

extern "C" {

size_t jaxc_dtype_size(jaxc_dtype_t dtype) {
  const DTypeInfo *info = findDType(static_cast<uint32_t>(dtype));
  return info ? info->size : 0;
}

const char *jaxc_dtype_name(jaxc_dtype_t dtype) {
  const DTypeInfo *info = findDType(static_cast<uint32_t>(dtype));
  return info ? info->name : nullptr;
}

jaxc_dtype_t jaxc_dtype_from_name(const char *name) {
  if (name)
    for (const DTypeInfo &info : kDTypes)
      if (std::strcmp(info.name, name) == 0)
        return info.code;
  return static_cast<jaxc_dtype_t>(0);
}

int64_t jaxc_tensor_type_element_count(const jaxc_tensor_type_t *type) {
  int64_t count;
  if (!type || type->rank < 0 || (type->rank > 0 && !type->dims) ||
      !elementCountOf(type->dims, static_cast<size_t>(type->rank), count))
    return -1;
  return count;
}

} // extern "C"
