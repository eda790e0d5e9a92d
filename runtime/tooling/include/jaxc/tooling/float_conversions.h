//===- float_conversions.h - f16 and bf16 to and from f32 ------*- C++ -*-===//
//
// Bit-exact conversions between IEEE binary16 (f16), bfloat16 (bf16) and
// float. Narrowing rounds to nearest, ties to even; NaN stays a (quiet) NaN
// and overflow becomes infinity, as a hardware conversion does.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLING_FLOAT_CONVERSIONS_H
#define JAXC_TOOLING_FLOAT_CONVERSIONS_H

#include <cmath>
#include <cstdint>
#include <cstring>

namespace jaxc::tooling {

inline uint32_t floatBits(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  return bits;
}

inline float floatFromBits(uint32_t bits) {
  float value;
  std::memcpy(&value, &bits, sizeof(value));
  return value;
}

inline float halfToFloat(uint16_t half) {
  uint32_t sign = static_cast<uint32_t>(half & 0x8000u) << 16;
  uint32_t exponent = (half >> 10) & 0x1fu;
  uint32_t mantissa = half & 0x3ffu;
  if (exponent == 0) {
    // Zero or subnormal: mantissa * 2^-24, exact in float.
    float magnitude = static_cast<float>(mantissa) * 0x1p-24f;
    return sign ? -magnitude : magnitude;
  }
  if (exponent == 0x1f) // Infinity or NaN; the NaN payload is kept.
    return floatFromBits(sign | 0x7f800000u | (mantissa << 13));
  // Rebias the exponent from 15 to 127.
  return floatFromBits(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

inline uint16_t floatToHalf(float value) {
  uint32_t bits = floatBits(value);
  uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
  uint32_t magnitude = bits & 0x7fffffffu;
  if (magnitude > 0x7f800000u) // NaN: keep it quiet and keep the top payload.
    return sign | 0x7e00u | ((magnitude >> 13) & 0x1ffu);
  if (magnitude >= 0x47800000u) // >= 2^16, or infinity: past f16's range.
    return sign | 0x7c00u;
  if (magnitude < 0x38800000u) {
    // Below 2^-14 the result is subnormal: a count of 2^-24 steps. Scaling by
    // 2^24 is exact and nearbyint rounds ties to even in the default mode.
    float steps = std::nearbyint(floatFromBits(magnitude) * 0x1p24f);
    return sign | static_cast<uint16_t>(steps);
  }
  // Normal: rebias the exponent from 127 to 15 and round the 13 dropped
  // mantissa bits to nearest even. A carry out of the mantissa correctly
  // bumps the exponent, up to infinity (0x7c00) for values >= 65520.
  uint32_t rebiased = magnitude - (112u << 23);
  uint32_t roundingBias = 0xfffu + ((rebiased >> 13) & 1u);
  return sign | static_cast<uint16_t>((rebiased + roundingBias) >> 13);
}

inline float bfloat16ToFloat(uint16_t bfloat16) {
  return floatFromBits(static_cast<uint32_t>(bfloat16) << 16);
}

inline uint16_t floatToBfloat16(float value) {
  uint32_t bits = floatBits(value);
  if ((bits & 0x7fffffffu) > 0x7f800000u) // NaN: truncate and keep it quiet.
    return static_cast<uint16_t>((bits >> 16) | 0x40u);
  uint32_t roundingBias = 0x7fffu + ((bits >> 16) & 1u);
  return static_cast<uint16_t>((bits + roundingBias) >> 16);
}

} // namespace jaxc::tooling

#endif // JAXC_TOOLING_FLOAT_CONVERSIONS_H
