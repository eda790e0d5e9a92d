//===- dtype_test.cc - The dtype table and tensor types -------------------===//

#include "jaxc/runtime/runtime.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace {

struct ExpectedDType {
  jaxc_dtype_t code;
  const char *name;
  size_t size;
};

// Restates the format's table, so that a change to either shows here.
constexpr ExpectedDType kExpectedDTypes[] = {
    {JAXC_DTYPE_I1, "i1", 1},
    {JAXC_DTYPE_I8, "i8", 1},
    {JAXC_DTYPE_I16, "i16", 2},
    {JAXC_DTYPE_I32, "i32", 4},
    {JAXC_DTYPE_I64, "i64", 8},
    {JAXC_DTYPE_UI8, "ui8", 1},
    {JAXC_DTYPE_UI16, "ui16", 2},
    {JAXC_DTYPE_UI32, "ui32", 4},
    {JAXC_DTYPE_UI64, "ui64", 8},
    {JAXC_DTYPE_F16, "f16", 2},
    {JAXC_DTYPE_BF16, "bf16", 2},
    {JAXC_DTYPE_F32, "f32", 4},
    {JAXC_DTYPE_F64, "f64", 8},
    {JAXC_DTYPE_COMPLEX64, "complex<f32>", 8},
    {JAXC_DTYPE_COMPLEX128, "complex<f64>", 16},
};

TEST(DTypeTest, EveryCodeRoundTripsThroughItsName) {
  for (const ExpectedDType &expected : kExpectedDTypes) {
    SCOPED_TRACE(expected.name);
    ASSERT_NE(jaxc_dtype_name(expected.code), nullptr);
    EXPECT_STREQ(jaxc_dtype_name(expected.code), expected.name);
    EXPECT_EQ(jaxc_dtype_size(expected.code), expected.size);
    EXPECT_EQ(jaxc_dtype_from_name(expected.name), expected.code);
  }
}

TEST(DTypeTest, UnknownCodesAndNamesAreRejected) {
  // 0 is the one unknown code a C++ caller can form: a jaxc_dtype_t holds
  // 0 to 15 only. Module files' unknown codes are tested in MetadataTest.
  auto unknown = static_cast<jaxc_dtype_t>(0);
  EXPECT_EQ(jaxc_dtype_size(unknown), 0u);
  EXPECT_EQ(jaxc_dtype_name(unknown), nullptr);
  for (const char *name : {"f128", "F32", "complex64", "", "f32 "})
    EXPECT_EQ(jaxc_dtype_from_name(name), 0) << name;
  EXPECT_EQ(jaxc_dtype_from_name(nullptr), 0);
}

int64_t elementCount(std::initializer_list<int64_t> dims) {
  jaxc_tensor_type_t type{JAXC_DTYPE_F32, static_cast<int32_t>(dims.size()),
                          dims.begin()};
  return jaxc_tensor_type_element_count(&type);
}

TEST(TensorTypeTest, ElementCountIsTheProductOfTheDims) {
  EXPECT_EQ(elementCount({}), 1);
  EXPECT_EQ(elementCount({7}), 7);
  EXPECT_EQ(elementCount({2, 3, 4}), 24);
  EXPECT_EQ(elementCount({2, 0, 4}), 0);
}

TEST(TensorTypeTest, InvalidTypesCountMinusOne) {
  EXPECT_EQ(elementCount({2, -3}), -1);
  EXPECT_EQ(elementCount({INT64_MAX, 2}), -1);
  EXPECT_EQ(jaxc_tensor_type_element_count(nullptr), -1);
  jaxc_tensor_type_t noDims{JAXC_DTYPE_F32, 2, nullptr};
  EXPECT_EQ(jaxc_tensor_type_element_count(&noDims), -1);
}

} // namespace
