//===- compare.cc - Check results against --expected_output ---------------===//

#include "jaxc/tooling/compare.h"

#include <cmath>
#include <cstdio>

#include "element_types.h"
#include "jaxc/tooling/format.h"

namespace jaxc::tooling {

using namespace detail;

static bool realsMatch(double actual, double expected, double tolerance) {
  if (actual == expected || (std::isnan(actual) && std::isnan(expected)))
    return true;
  // Also false when one side is NaN or infinite.
  return std::fabs(actual - expected) <= tolerance;
}

template <typename T>
static bool elementsMatch(T actual, T expected, double tolerance) {
  if constexpr (std::is_same_v<T, Bool>)
    return (actual.byte != 0) == (expected.byte != 0);
  else if constexpr (std::is_integral_v<T>)
    return actual == expected;
  else if constexpr (isComplex<T>)
    return realsMatch(actual.real(), expected.real(), tolerance) &&
           realsMatch(actual.imag(), expected.imag(), tolerance);
  else
    return realsMatch(toDouble(actual), toDouble(expected), tolerance);
}

template <typename T>
static std::optional<int64_t> firstMismatch(const HostTensor &actual,
                                            const HostTensor &expected,
                                            double tolerance) {
  int64_t count = elementCount(actual.shape);
  for (int64_t i = 0; i < count; ++i)
    if (!elementsMatch(loadElement<T>(actual.bytes.data(), i),
                       loadElement<T>(expected.bytes.data(), i), tolerance))
      return i;
  return std::nullopt;
}

// The tolerance for a float or complex dtype; nullopt for exact ones.
static std::optional<double> toleranceFor(jaxc_dtype_t dtype,
                                          const Tolerances &tolerances) {
  switch (dtype) {
  case JAXC_DTYPE_F16:
    return tolerances.f16;
  case JAXC_DTYPE_BF16:
    return tolerances.bf16;
  case JAXC_DTYPE_F32:
  case JAXC_DTYPE_COMPLEX64:
    return tolerances.f32;
  case JAXC_DTYPE_F64:
  case JAXC_DTYPE_COMPLEX128:
    return tolerances.f64;
  default:
    return std::nullopt;
  }
}

static std::vector<int64_t> unflatten(int64_t flatIndex,
                                      const std::vector<int64_t> &shape) {
  std::vector<int64_t> index(shape.size());
  for (size_t dim = shape.size(); dim-- > 0;) {
    index[dim] = flatIndex % shape[dim];
    flatIndex /= shape[dim];
  }
  return index;
}

static std::string describeShape(const std::vector<int64_t> &shape) {
  return shape.empty() ? "scalar" : formatShape(shape);
}

std::optional<Mismatch> compareTensors(const HostTensor &actual,
                                       const HostTensor &expected,
                                       const Tolerances &tolerances,
                                       size_t resultIndex) {
  std::string prefix = "result " + std::to_string(resultIndex) + ": ";
  Mismatch mismatch;
  if (actual.dtype != expected.dtype) {
    mismatch.kind = Mismatch::Kind::ElementType;
    mismatch.message = prefix + "expected element type " +
                       formatTensorType(expected.dtype, {}) + ", got " +
                       formatTensorType(actual.dtype, {});
    return mismatch;
  }
  if (actual.shape != expected.shape) {
    mismatch.kind = Mismatch::Kind::Shape;
    mismatch.message = prefix + "expected shape " +
                       describeShape(expected.shape) + ", got " +
                       describeShape(actual.shape);
    return mismatch;
  }

  std::optional<double> tolerance = toleranceFor(actual.dtype, tolerances);
  std::optional<int64_t> flatIndex;
  visitElementType(actual.dtype, [&](auto row) {
    flatIndex = firstMismatch<typename decltype(row)::type>(
        actual, expected, tolerance.value_or(0));
  });
  if (!flatIndex)
    return std::nullopt;

  mismatch.kind = Mismatch::Kind::Value;
  mismatch.index = unflatten(*flatIndex, actual.shape);
  mismatch.flatIndex = *flatIndex;
  mismatch.actual = formatElement(actual, *flatIndex);
  mismatch.expected = formatElement(expected, *flatIndex);
  std::string where;
  for (int64_t position : mismatch.index)
    where += (where.empty() ? "" : ", ") + std::to_string(position);
  mismatch.message = prefix + "mismatch" +
                     (where.empty() ? "" : " at [" + where + "]") + ": got " +
                     mismatch.actual + ", expected " + mismatch.expected;
  if (tolerance) {
    char text[32];
    std::snprintf(text, sizeof(text), " (tolerance %g)", *tolerance);
    mismatch.message += text;
  }
  return mismatch;
}

} // namespace jaxc::tooling
