//===- checks.cc - Evaluating a function's check.expect_* -----------------===//

#include "checks.h"

#include "status.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <utility>

namespace jaxc::runtime::impl {
namespace {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "check buffers are read as little-endian");

// The bits of one float component, and where its fields are.
struct FloatBits {
  uint64_t bits;
  FloatLayout layout;

  uint64_t signMask() const { return uint64_t{1} << (layout.bits - 1); }
  uint64_t mantissaMask() const {
    return (uint64_t{1} << layout.mantissaBits) - 1;
  }
  uint64_t exponentMask() const { return (signMask() - 1) & ~mantissaMask(); }
  bool isFinite() const { return (bits & exponentMask()) != exponentMask(); }
  bool isNaN() const { return !isFinite() && (bits & mantissaMask()) != 0; }

  // The exact value: every f16, bf16, f32 and f64 is a double.
  double value() const {
    int mantissaBits = static_cast<int>(layout.mantissaBits);
    int exponentBits = static_cast<int>(layout.bits) - 1 - mantissaBits;
    int bias = (1 << (exponentBits - 1)) - 1;
    uint64_t mantissa = bits & mantissaMask();
    int exponent = static_cast<int>((bits & exponentMask()) >> mantissaBits);
    double sign = (bits & signMask()) ? -1.0 : 1.0;
    if (!isFinite())
      return mantissa ? std::numeric_limits<double>::quiet_NaN()
                      : sign * std::numeric_limits<double>::infinity();
    if (exponent == 0) // Zero or subnormal: no implicit leading one.
      return sign *
             std::ldexp(static_cast<double>(mantissa), 1 - bias - mantissaBits);
    return sign * std::ldexp(static_cast<double>(mantissa |
                                                 (uint64_t{1} << mantissaBits)),
                             exponent - bias - mantissaBits);
  }

  // The float's position among the floats of its layout: neighbours differ
  // by one, and -0 and +0 are both 0.
  int64_t ordinal() const {
    auto magnitude = static_cast<int64_t>(bits & ~signMask());
    return (bits & signMask()) ? -magnitude : magnitude;
  }
};

bool exactlyEqual(const FloatBits &actual, const FloatBits &expected, double) {
  return actual.value() == expected.value();
}

bool almostEqual(const FloatBits &actual, const FloatBits &expected,
                 double tolerance) {
  double a = actual.value(), e = expected.value();
  // a == e first: equal infinities differ by NaN.
  return a == e || std::fabs(a - e) <= tolerance;
}

bool withinUlps(const FloatBits &actual, const FloatBits &expected,
                double ulps) {
  if (!actual.isFinite() || !expected.isFinite())
    return actual.bits == expected.bits;
  int64_t a = actual.ordinal(), e = expected.ordinal();
  // Unsigned: the distance across all of f64 overflows int64_t.
  uint64_t distance = a > e
                          ? static_cast<uint64_t>(a) - static_cast<uint64_t>(e)
                          : static_cast<uint64_t>(e) - static_cast<uint64_t>(a);
  return static_cast<double>(distance) <= ulps;
}

struct CheckKindInfo {
  jaxc_check_kind_t kind;
  const char *opName;
  double defaultTolerance;
  const char *toleranceUnit; // nullptr when the kind has no tolerance
  // Compares two float components, neither of them NaN.
  bool (*floatsMatch)(const FloatBits &actual, const FloatBits &expected,
                      double tolerance);
};

constexpr CheckKindInfo kCheckKinds[] = {
    {JAXC_CHECK_EQ, "check.expect_eq", 0, nullptr, exactlyEqual},
    {JAXC_CHECK_ALMOST_EQ, "check.expect_almost_eq", 1e-3, "", almostEqual},
    {JAXC_CHECK_CLOSE, "check.expect_close", 3, " ULP", withinUlps},
};

const CheckKindInfo *findCheckKind(uint32_t kind) {
  for (const CheckKindInfo &info : kCheckKinds)
    if (static_cast<uint32_t>(info.kind) == kind)
      return &info;
  return nullptr;
}

uint64_t loadComponent(const uint8_t *bytes, size_t size) {
  uint64_t value = 0;
  std::memcpy(&value, bytes, size);
  return value;
}

bool elementsMatch(const CheckKindInfo &kind, double tolerance,
                   const DTypeInfo &dtype, const uint8_t *actual,
                   const uint8_t *expected) {
  bool isComplex = dtype.elementClass == ElementClass::Complex;
  if (dtype.elementClass != ElementClass::Float && !isComplex)
    return std::memcmp(actual, expected, dtype.size) == 0;
  size_t componentSize = isComplex ? dtype.size / 2 : dtype.size;
  for (size_t offset = 0; offset < dtype.size; offset += componentSize) {
    FloatBits a{loadComponent(actual + offset, componentSize),
                dtype.componentLayout};
    FloatBits e{loadComponent(expected + offset, componentSize),
                dtype.componentLayout};
    bool match = a.isNaN() || e.isNaN() ? a.isNaN() && e.isNaN()
                                        : kind.floatsMatch(a, e, tolerance);
    if (!match)
      return false;
  }
  return true;
}

std::string formatFloat(const FloatBits &component) {
  char text[32];
  double value = component.value();
  std::to_chars_result result;
  // f64 and f32: the shortest text that reads back as the same value.
  if (component.layout.bits == 64)
    result = std::to_chars(text, std::end(text), value);
  else if (component.layout.bits == 32)
    result = std::to_chars(text, std::end(text), static_cast<float>(value));
  else // f16, bf16: as many significant digits as reading back needs.
    result = std::to_chars(
        text, std::end(text), value, std::chars_format::general,
        static_cast<int>(std::ceil(1 + (component.layout.mantissaBits + 1) *
                                           std::log10(2.0))));
  return std::string(text, result.ptr);
}

std::string formatElement(const DTypeInfo &dtype, const uint8_t *element) {
  if (dtype.elementClass == ElementClass::Complex) {
    size_t half = dtype.size / 2;
    return "(" +
           formatFloat({loadComponent(element, half), dtype.componentLayout}) +
           ", " +
           formatFloat(
               {loadComponent(element + half, half), dtype.componentLayout}) +
           ")";
  }
  uint64_t bits = loadComponent(element, dtype.size);
  if (dtype.elementClass == ElementClass::Float)
    return formatFloat({bits, dtype.componentLayout});
  if (dtype.elementClass == ElementClass::Bool && bits <= 1)
    return bits ? "true" : "false";
  if (dtype.elementClass == ElementClass::SignedInt) {
    unsigned unusedBits = 64 - 8 * static_cast<unsigned>(dtype.size);
    return std::to_string(static_cast<int64_t>(bits << unusedBits) >>
                          unusedBits);
  }
  return std::to_string(bits);
}

// "[2, 3]": the row-major multi-dimensional index of element `flat`.
std::string formatIndex(const std::vector<int64_t> &dims, int64_t flat) {
  std::vector<int64_t> index(dims.size());
  for (size_t i = dims.size(); i-- > 0;) {
    index[i] = flat % dims[i];
    flat /= dims[i];
  }
  std::string text = "[";
  for (size_t i = 0; i < index.size(); ++i)
    text += (i ? ", " : "") + std::to_string(index[i]);
  return text + "]";
}

// " (tolerance 3 ULP)", " (tolerance 0.001)", or "" for exact checks.
std::string describeTolerance(const CheckKindInfo &kind, double tolerance) {
  if (!kind.toleranceUnit)
    return "";
  char text[32];
  std::snprintf(text, sizeof(text), "%g", tolerance);
  return std::string(" (tolerance ") + text + kind.toleranceUnit + ")";
}

// The flat index of the first element where the check fails, if any.
std::optional<int64_t> firstMismatch(const CheckKindInfo &kind,
                                     double tolerance, const TensorType &type,
                                     const uint8_t *actual,
                                     const uint8_t *expected) {
  size_t size = type.dtype->size;
  for (int64_t i = 0; i < type.elementCount; ++i) {
    size_t offset = static_cast<size_t>(i) * size;
    if (!elementsMatch(kind, tolerance, *type.dtype, actual + offset,
                       expected + offset))
      return i;
  }
  return std::nullopt;
}

} // namespace

bool isKnownCheckKind(uint32_t kind) { return findCheckKind(kind) != nullptr; }

double defaultCheckTolerance(jaxc_check_kind_t kind) {
  return findCheckKind(kind)->defaultTolerance;
}

jaxc_status_t evaluateChecks(const FunctionMetadata &function,
                             void *const *checkBuffers) {
  std::string firstFailure;
  size_t failureCount = 0;
  for (size_t i = 0; i < function.checks.size(); ++i) {
    const Check &check = function.checks[i];
    const CheckKindInfo &kind = *findCheckKind(check.kind);
    const TensorType &type = function.checkBuffers[check.actualSlot];
    const auto *actual =
        static_cast<const uint8_t *>(checkBuffers[check.actualSlot]);
    const auto *expected =
        static_cast<const uint8_t *>(checkBuffers[check.expectedSlot]);
    std::optional<int64_t> mismatch =
        firstMismatch(kind, check.tolerance, type, actual, expected);
    if (!mismatch || failureCount++ > 0)
      continue;
    size_t offset = static_cast<size_t>(*mismatch) * type.dtype->size;
    std::string location =
        check.location.empty() ? "check " + std::to_string(i) : check.location;
    firstFailure = location + ": " + kind.opName + " failed at index " +
                   formatIndex(type.dims, *mismatch) + " (flat " +
                   std::to_string(*mismatch) + "): actual " +
                   formatElement(*type.dtype, actual + offset) + ", expected " +
                   formatElement(*type.dtype, expected + offset) +
                   describeTolerance(kind, check.tolerance);
  }
  if (failureCount == 0)
    return nullptr;
  if (failureCount > 1)
    firstFailure += "; " + std::to_string(failureCount) + " of " +
                    std::to_string(function.checks.size()) + " checks failed";
  return makeStatus(JAXC_STATUS_CHECK_FAILED, std::move(firstFailure));
}

} // namespace jaxc::runtime::impl
