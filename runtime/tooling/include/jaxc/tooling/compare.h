//===- compare.h - Check results against --expected_output -----*- C++ -*-===//
//
// Integers and i1 must match exactly. Floats match within an absolute
// tolerance per type (IREE's --expected_f16_threshold, _f32_, _f64_), NaN
// matches NaN and an infinity only itself. Complex values compare each part
// with the tolerance of the part's type.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLING_COMPARE_H
#define JAXC_TOOLING_COMPARE_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jaxc/tooling/host_tensor.h"

namespace jaxc::tooling {

struct Tolerances {
  double f16 = 0.001;  // --expected_f16_threshold
  double bf16 = 0.0;   // IREE compares bf16 exactly and has no flag for it
  double f32 = 0.0001; // --expected_f32_threshold
  double f64 = 0.0001; // --expected_f64_threshold
};

struct Mismatch {
  enum class Kind { ElementType, Shape, Value };
  Kind kind;
  // Complete, e.g.
  //   result 0: expected shape 2x3, got 3x2
  //   result 0: mismatch at [1, 2]: got 5.5, expected 5.25 (tolerance 0.0001)
  std::string message;
  // For Kind::Value only: where, and the two elements as printed.
  std::vector<int64_t> index;
  int64_t flatIndex = -1;
  std::string actual;
  std::string expected;
};

// The first difference between result `resultIndex` and its expected value,
// or nullopt if they match.
std::optional<Mismatch> compareTensors(const HostTensor &actual,
                                       const HostTensor &expected,
                                       const Tolerances &tolerances,
                                       size_t resultIndex);

} // namespace jaxc::tooling

#endif // JAXC_TOOLING_COMPARE_H
