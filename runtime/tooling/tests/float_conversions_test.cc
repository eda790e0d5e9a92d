//===- float_conversions_test.cc ------------------------------------------===//

#include "jaxc/tooling/float_conversions.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace jaxc::tooling {
namespace {

TEST(HalfToFloat, DecodesNormalsSubnormalsAndSpecials) {
  EXPECT_EQ(halfToFloat(0x3c00), 1.0f);
  EXPECT_EQ(halfToFloat(0xc000), -2.0f);
  EXPECT_EQ(halfToFloat(0x3555), 0x1.554p-2f);
  EXPECT_EQ(halfToFloat(0x7bff), 65504.0f);
  EXPECT_EQ(halfToFloat(0x0400), 0x1p-14f);
  EXPECT_EQ(halfToFloat(0x0001), 0x1p-24f);
  EXPECT_EQ(halfToFloat(0x03ff), 0x3ffp-24f);
  EXPECT_EQ(halfToFloat(0x7c00), std::numeric_limits<float>::infinity());
  EXPECT_EQ(halfToFloat(0xfc00), -std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::isnan(halfToFloat(0x7e00)));
  EXPECT_TRUE(std::isnan(halfToFloat(0x7c01)));
  EXPECT_TRUE(std::signbit(halfToFloat(0x8000)));
  EXPECT_EQ(halfToFloat(0x8000), 0.0f);
}

TEST(FloatToHalf, RoundsToNearestEven) {
  EXPECT_EQ(floatToHalf(1.0f), 0x3c00);
  EXPECT_EQ(floatToHalf(-2.0f), 0xc000);
  // Halfway between 1 and the next f16 (1 + 2^-10): ties go to even.
  EXPECT_EQ(floatToHalf(1.0f + 0x1p-11f), 0x3c00);
  EXPECT_EQ(floatToHalf(1.0f + 3 * 0x1p-11f), 0x3c02);
  EXPECT_EQ(floatToHalf(1.0f + 0x1p-11f + 0x1p-20f), 0x3c01);
  // Subnormals, with ties.
  EXPECT_EQ(floatToHalf(0x1p-24f), 0x0001);
  EXPECT_EQ(floatToHalf(0x1p-25f), 0x0000);
  EXPECT_EQ(floatToHalf(3 * 0x1p-25f), 0x0002);
  EXPECT_EQ(floatToHalf(0x1p-14f - 0x1p-25f), 0x0400);
  EXPECT_EQ(floatToHalf(0x1p-30f), 0x0000);
  EXPECT_EQ(floatToHalf(-0.0f), 0x8000);
}

TEST(FloatToHalf, OverflowsToInfinityAndKeepsNan) {
  EXPECT_EQ(floatToHalf(65504.0f), 0x7bff);
  EXPECT_EQ(floatToHalf(65519.0f), 0x7bff);
  EXPECT_EQ(floatToHalf(65520.0f), 0x7c00);
  EXPECT_EQ(floatToHalf(1e6f), 0x7c00);
  EXPECT_EQ(floatToHalf(-1e30f), 0xfc00);
  EXPECT_EQ(floatToHalf(std::numeric_limits<float>::infinity()), 0x7c00);
  uint16_t nan = floatToHalf(std::numeric_limits<float>::quiet_NaN());
  EXPECT_EQ(nan & 0x7c00, 0x7c00);
  EXPECT_NE(nan & 0x03ff, 0);
  // A signalling NaN whose payload lies only in the dropped bits.
  EXPECT_TRUE(std::isnan(halfToFloat(floatToHalf(floatFromBits(0x7f800001)))));
}

TEST(FloatToHalf, RoundTripsEveryHalf) {
  for (uint32_t bits = 0; bits <= 0xffff; ++bits) {
    auto half = static_cast<uint16_t>(bits);
    float value = halfToFloat(half);
    if (std::isnan(value))
      EXPECT_TRUE(std::isnan(halfToFloat(floatToHalf(value)))) << bits;
    else
      EXPECT_EQ(floatToHalf(value), half) << bits;
  }
}

TEST(Bfloat16, ConvertsAndRoundsToNearestEven) {
  EXPECT_EQ(bfloat16ToFloat(0x3f80), 1.0f);
  EXPECT_EQ(bfloat16ToFloat(0x4049), 3.140625f);
  EXPECT_EQ(floatToBfloat16(1.0f), 0x3f80);
  EXPECT_EQ(floatToBfloat16(3.14159265f), 0x4049);
  EXPECT_EQ(floatToBfloat16(1.0f + 0x1p-8f), 0x3f80);
  EXPECT_EQ(floatToBfloat16(1.0f + 3 * 0x1p-8f), 0x3f82);
  EXPECT_EQ(floatToBfloat16(std::numeric_limits<float>::max()), 0x7f80);
  EXPECT_EQ(floatToBfloat16(-std::numeric_limits<float>::infinity()), 0xff80);
  // Rounding must not carry a NaN's payload into an infinity.
  EXPECT_TRUE(
      std::isnan(bfloat16ToFloat(floatToBfloat16(floatFromBits(0x7f800001)))));
  EXPECT_TRUE(
      std::isnan(bfloat16ToFloat(floatToBfloat16(floatFromBits(0x7fffffff)))));
}

TEST(Bfloat16, RoundTripsEveryBfloat16) {
  for (uint32_t bits = 0; bits <= 0xffff; ++bits) {
    auto bfloat16 = static_cast<uint16_t>(bits);
    float value = bfloat16ToFloat(bfloat16);
    if (std::isnan(value))
      EXPECT_TRUE(std::isnan(bfloat16ToFloat(floatToBfloat16(value)))) << bits;
    else
      EXPECT_EQ(floatToBfloat16(value), bfloat16) << bits;
  }
}

} // namespace
} // namespace jaxc::tooling
