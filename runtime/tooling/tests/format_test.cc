//===- format_test.cc -----------------------------------------------------===//

#include "jaxc/tooling/format.h"

#include <complex>
#include <limits>

#include <gtest/gtest.h>

namespace jaxc::tooling {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNan = std::numeric_limits<float>::quiet_NaN();

TEST(FormatBufferView, Rank1UsesSixSignificantDigits) {
  HostTensor tensor = makeHostTensor<float>(
      JAXC_DTYPE_F32, {3}, {4.841470985f, 5.909297427f, 6.141120008f});
  EXPECT_EQ(formatBufferView(tensor), "3xf32=4.84147 5.9093 6.14112");
}

TEST(FormatBufferView, Rank2BracketsRows) {
  HostTensor tensor =
      makeHostTensor<float>(JAXC_DTYPE_F32, {2, 3}, {1, 2, 3, 4, 5, 6});
  EXPECT_EQ(formatBufferView(tensor), "2x3xf32=[1 2 3][4 5 6]");
}

TEST(FormatBufferView, Rank3NestsBrackets) {
  HostTensor tensor = makeHostTensor<int32_t>(JAXC_DTYPE_I32, {2, 2, 2},
                                              {1, 2, 3, 4, 5, 6, 7, 8});
  EXPECT_EQ(formatBufferView(tensor), "2x2x2xi32=[[1 2][3 4]][[5 6][7 8]]");
}

TEST(FormatBufferView, Rank0HasNoShape) {
  EXPECT_EQ(formatBufferView(makeHostTensor<float>(JAXC_DTYPE_F32, {}, {3})),
            "f32=3");
  EXPECT_EQ(formatBufferView(makeHostTensor<double>(JAXC_DTYPE_F64, {}, {0.1})),
            "f64=0.1");
}

TEST(FormatBufferView, ZeroSizedTensorsHaveNoValues) {
  EXPECT_EQ(formatBufferView(zeroTensor(JAXC_DTYPE_F32, {0, 3})), "0x3xf32=");
  EXPECT_EQ(formatBufferView(zeroTensor(JAXC_DTYPE_I8, {2, 0})), "2x0xi8=");
}

TEST(FormatBufferView, BoolsPrintAsOneAndZero) {
  HostTensor tensor = makeHostTensor<uint8_t>(JAXC_DTYPE_I1, {3}, {1, 0, 1});
  EXPECT_EQ(formatBufferView(tensor), "3xi1=1 0 1");
}

TEST(FormatBufferView, IntegersPrintInDecimal) {
  EXPECT_EQ(formatBufferView(
                makeHostTensor<uint8_t>(JAXC_DTYPE_UI8, {3}, {255, 0, 7})),
            "3xui8=255 0 7");
  EXPECT_EQ(
      formatBufferView(makeHostTensor<int8_t>(JAXC_DTYPE_I8, {2}, {-128, 127})),
      "2xi8=-128 127");
  EXPECT_EQ(formatBufferView(makeHostTensor<int64_t>(
                JAXC_DTYPE_I64, {}, {std::numeric_limits<int64_t>::min()})),
            "i64=-9223372036854775808");
  EXPECT_EQ(formatBufferView(makeHostTensor<uint64_t>(
                JAXC_DTYPE_UI64, {}, {std::numeric_limits<uint64_t>::max()})),
            "ui64=18446744073709551615");
  EXPECT_EQ(formatBufferView(
                makeHostTensor<uint32_t>(JAXC_DTYPE_UI32, {}, {4294967295u})),
            "ui32=4294967295");
}

TEST(FormatBufferView, SpecialFloats) {
  HostTensor tensor = makeHostTensor<float>(
      JAXC_DTYPE_F32, {6}, {kNan, -kNan, kInf, -kInf, 1e10f, -0.0f});
  EXPECT_EQ(formatBufferView(tensor), "6xf32=nan nan inf -inf 1e+10 -0");
}

TEST(FormatBufferView, HalfAndBfloat16PrintThroughFloat) {
  EXPECT_EQ(formatBufferView(makeHostTensor<uint16_t>(
                JAXC_DTYPE_F16, {4}, {0x3e00, 0xc000, 0x7c00, 0x3555})),
            "4xf16=1.5 -2 inf 0.333252");
  EXPECT_EQ(formatBufferView(makeHostTensor<uint16_t>(JAXC_DTYPE_BF16, {2},
                                                      {0x3fc0, 0x4049})),
            "2xbf16=1.5 3.14062");
}

TEST(FormatBufferView, ComplexPrintsRealAndImaginaryParts) {
  HostTensor tensor = makeHostTensor<std::complex<float>>(
      JAXC_DTYPE_COMPLEX64, {2, 2},
      {{1, 2}, {1, -2}, {0, -0.0f}, {kNan, -kInf}});
  EXPECT_EQ(formatBufferView(tensor),
            "2x2xcomplex<f32>=[1+2j 1-2j][0-0j nan-infj]");
  EXPECT_EQ(formatBufferView(makeHostTensor<std::complex<double>>(
                JAXC_DTYPE_COMPLEX128, {}, {{0.5, kNan}})),
            "complex<f64>=0.5+nanj");
}

TEST(FormatShape, JoinsDimsWithX) {
  EXPECT_EQ(formatShape({}), "");
  EXPECT_EQ(formatShape({7}), "7");
  EXPECT_EQ(formatShape({1, 3, 224, 224}), "1x3x224x224");
}

TEST(FormatTensorType, AppendsTheElementType) {
  EXPECT_EQ(formatTensorType(JAXC_DTYPE_F32, {2, 3}), "2x3xf32");
  EXPECT_EQ(formatTensorType(JAXC_DTYPE_COMPLEX128, {}), "complex<f64>");
  const int64_t dims[] = {4, 5};
  EXPECT_EQ(formatTensorType(jaxc_tensor_type_t{JAXC_DTYPE_UI16, 2, dims}),
            "4x5xui16");
  EXPECT_EQ(formatTensorType(static_cast<jaxc_dtype_t>(99), {2}),
            "2x<unknown dtype 99>");
}

TEST(FormatElement, PrintsOneElement) {
  HostTensor tensor =
      makeHostTensor<int16_t>(JAXC_DTYPE_I16, {3}, {-5, 300, 7});
  EXPECT_EQ(formatElement(tensor, 0), "-5");
  EXPECT_EQ(formatElement(tensor, 1), "300");
}

} // namespace
} // namespace jaxc::tooling
