//===- checks_test.cc - check.expect_eq, _almost_eq and _close ------------===//
//
// Each test loads a module whose function copies its inputs into the check
// buffers (jaxc_test_forward_to_checks), so it chooses the compared values.
//
//===----------------------------------------------------------------------===//

#include "test_module_writer.h"

#include "jaxc/runtime/runtime.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <complex>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

using namespace jaxc::runtime::test_support;

namespace {

constexpr const char *kLocation = "test.py:3:5";

// Calls a function whose check buffers hold copies of `values`, each of
// `type`, and which carries `checks` over them.
Outcome runChecks(const std::vector<CheckSpec> &checks, const TensorSpec &type,
                  const std::vector<const void *> &values, size_t bytes) {
  FunctionSpec function{"check",
                        "jaxc_test_forward_to_checks",
                        {{JAXC_DTYPE_UI64, {2}}},
                        {},
                        checks,
                        {}};
  for (size_t i = 0; i < values.size(); ++i) {
    function.inputs.push_back(type);
    function.checkBuffers.push_back(type);
  }
  std::vector<uint8_t> file = writeModuleFile(kernelModule({function}));
  jaxc_module_t *module = nullptr;
  Outcome load = takeStatus(
      jaxc_module_load_memory(file.data(), file.size(), "c.vmfb", &module));
  EXPECT_EQ(load.message, "");
  if (!module)
    return load;
  uint64_t header[2] = {values.size(), bytes};
  std::vector<jaxc_buffer_t> inputs = {{header, sizeof(header)}};
  for (const void *value : values)
    inputs.push_back({const_cast<void *>(value), bytes});
  Outcome outcome =
      takeStatus(jaxc_function_call(jaxc_module_function_at(module, 0),
                                    inputs.data(), inputs.size(), nullptr, 0));
  jaxc_module_free(module);
  return outcome;
}

// One check of `kind` comparing `actual` with `expected`, of shape `dims`
// (by default, a vector of their length).
template <typename T>
Outcome check(uint32_t kind, jaxc_dtype_t dtype, const std::vector<T> &actual,
              const std::vector<T> &expected, std::vector<int64_t> dims = {}) {
  EXPECT_EQ(actual.size(), expected.size());
  if (dims.empty())
    dims = {static_cast<int64_t>(actual.size())};
  return runChecks({{kind, 0, 1, kLocation}}, {dtype, dims},
                   {actual.data(), expected.data()}, actual.size() * sizeof(T));
}

template <typename T>
void expectPass(uint32_t kind, jaxc_dtype_t dtype, const std::vector<T> &actual,
                const std::vector<T> &expected) {
  Outcome outcome = check(kind, dtype, actual, expected);
  EXPECT_EQ(outcome.code, JAXC_STATUS_OK) << outcome.message;
}

template <typename T>
void expectFail(uint32_t kind, jaxc_dtype_t dtype, const std::vector<T> &actual,
                const std::vector<T> &expected) {
  EXPECT_EQ(check(kind, dtype, actual, expected).code,
            JAXC_STATUS_CHECK_FAILED);
}

// A float `steps` representable floats away from `value` (towards +inf for
// positive values).
float ulpsFrom(float value, int32_t steps) {
  int32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  bits += steps;
  std::memcpy(&value, &bits, sizeof(value));
  return value;
}

double ulpsFrom(double value, int64_t steps) {
  int64_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  bits += steps;
  std::memcpy(&value, &bits, sizeof(value));
  return value;
}

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

TEST(CheckEqTest, FailureNamesLocationIndexAndValues) {
  Outcome outcome =
      check<float>(JAXC_CHECK_EQ, JAXC_DTYPE_F32, {1, 2.5f, 3}, {1, 2, 3});
  EXPECT_EQ(outcome.code, JAXC_STATUS_CHECK_FAILED);
  EXPECT_EQ(outcome.message, "test.py:3:5: check.expect_eq failed at index [1] "
                             "(flat 1): actual 2.5, expected 2");
}

TEST(CheckEqTest, NaNEqualsNaNAndZeroEqualsMinusZero) {
  float otherNaN = ulpsFrom(kNaN, 1); // another payload
  expectPass<float>(JAXC_CHECK_EQ, JAXC_DTYPE_F32, {kNaN, -0.0f, kInf},
                    {otherNaN, 0.0f, kInf});
  expectFail<float>(JAXC_CHECK_EQ, JAXC_DTYPE_F32, {kNaN}, {1});
  expectFail<float>(JAXC_CHECK_EQ, JAXC_DTYPE_F32, {1}, {kNaN});
  expectFail<float>(JAXC_CHECK_EQ, JAXC_DTYPE_F32, {kInf}, {-kInf});
  expectFail<float>(JAXC_CHECK_EQ, JAXC_DTYPE_F32, {1}, {ulpsFrom(1.0f, 1)});
}

TEST(CheckAlmostEqTest, ToleranceIsOneThousandth) {
  expectPass<float>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F32, {1.0f, 100.0f},
                    {1.0009f, 99.9995f});
  Outcome outcome = check<float>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F32,
                                 {1.0f, 1.0f}, {1.0009f, 1.0011f});
  EXPECT_EQ(outcome.code, JAXC_STATUS_CHECK_FAILED);
  EXPECT_EQ(outcome.message,
            "test.py:3:5: check.expect_almost_eq failed at index [1] (flat 1): "
            "actual 1, expected 1.0011 (tolerance 0.001)");
}

// A check may name its own tolerance (check.expect_close's
// max_ulp_difference, expect_almost_eq's tolerance).
TEST(CheckToleranceTest, ExplicitToleranceReplacesTheDefault) {
  float value = 1.0f;
  float fiveUlpsAway = ulpsFrom(1.0f, 5);
  auto run = [&](uint32_t kind, double tolerance, float expected) {
    CheckSpec spec{kind, 0, 1, kLocation, tolerance};
    return runChecks({spec}, {JAXC_DTYPE_F32, {1}}, {&value, &expected},
                     sizeof(float));
  };
  EXPECT_EQ(run(JAXC_CHECK_CLOSE, 0, fiveUlpsAway).code,
            JAXC_STATUS_CHECK_FAILED);
  EXPECT_EQ(run(JAXC_CHECK_CLOSE, 5, fiveUlpsAway).code, JAXC_STATUS_OK);
  Outcome tight = run(JAXC_CHECK_CLOSE, 4, fiveUlpsAway);
  EXPECT_NE(tight.message.find("(tolerance 4 ULP)"), std::string::npos)
      << tight.message;
  EXPECT_EQ(run(JAXC_CHECK_ALMOST_EQ, 0.01, 1.005f).code, JAXC_STATUS_OK);
  EXPECT_EQ(run(JAXC_CHECK_ALMOST_EQ, 0, 1.005f).code,
            JAXC_STATUS_CHECK_FAILED);
}

TEST(CheckAlmostEqTest, NonFiniteValues) {
  expectPass<float>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F32, {kNaN, kInf, -kInf},
                    {kNaN, kInf, -kInf});
  expectFail<float>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F32, {kInf}, {-kInf});
  expectFail<float>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F32, {kInf}, {FLT_MAX});
  expectFail<float>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F32, {kNaN}, {kInf});
  expectFail<float>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F32, {0}, {kNaN});
}

TEST(CheckAlmostEqTest, F64) {
  expectPass<double>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F64, {1e9}, {1e9 + 1e-4});
  expectFail<double>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F64, {1e9}, {1e9 + 1e-2});
}

TEST(CheckCloseTest, ThreeUlpsPassFourFail) {
  expectPass<float>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F32, {1.0f, 1.0f},
                    {ulpsFrom(1.0f, 3), ulpsFrom(1.0f, -3)});
  expectFail<float>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F32, {1.0f},
                    {ulpsFrom(1.0f, 4)});
  expectFail<float>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F32, {1.0f},
                    {ulpsFrom(1.0f, -4)});
  expectPass<double>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F64, {1e300},
                     {ulpsFrom(1e300, int64_t{3})});
  expectFail<double>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F64, {1e300},
                     {ulpsFrom(1e300, int64_t{4})});
}

TEST(CheckCloseTest, UlpsCountAcrossZero) {
  float tiny = ulpsFrom(0.0f, 1); // the smallest subnormal
  expectPass<float>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F32, {-0.0f, -tiny, -tiny},
                    {0.0f, tiny, 2 * tiny});
  expectFail<float>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F32, {-2 * tiny}, {2 * tiny});
}

TEST(CheckCloseTest, NonFiniteValuesMustMatchExactly) {
  expectPass<float>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F32, {kNaN, kInf, -kInf},
                    {ulpsFrom(kNaN, 1), kInf, -kInf});
  expectFail<float>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F32, {kInf}, {FLT_MAX});
  expectFail<float>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F32, {kNaN}, {kInf});
  expectFail<double>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F64, {DBL_MAX},
                     {std::numeric_limits<double>::infinity()});
}

TEST(CheckCloseTest, FailureGivesTheMultiDimensionalIndex) {
  Outcome outcome =
      check<float>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F32, {0, 0, 0, 0, 0.5f, 0},
                   {0, 0, 0, 0, 0.50001f, 0}, {2, 3});
  EXPECT_EQ(outcome.message,
            "test.py:3:5: check.expect_close failed at index [1, 1] (flat 4): "
            "actual 0.5, expected 0.50001 (tolerance 3 ULP)");
}

// f16 and bf16 are given as their bits.
constexpr uint16_t kHalfOne = 0x3c00, kHalfInf = 0x7c00, kHalfNaN = 0x7e00;
constexpr uint16_t kBfloatOne = 0x3f80, kBfloatNaN = 0x7fc0;

TEST(CheckF16Test, EachKind) {
  expectPass<uint16_t>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F16, {kHalfOne},
                       {kHalfOne + 3});
  expectFail<uint16_t>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F16, {kHalfOne},
                       {kHalfOne + 4});
  // One f16 ULP at 1 is 2^-10, just under the tolerance; two are over.
  expectPass<uint16_t>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F16, {kHalfOne},
                       {kHalfOne + 1});
  expectFail<uint16_t>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_F16, {kHalfOne},
                       {kHalfOne + 2});
  expectPass<uint16_t>(JAXC_CHECK_EQ, JAXC_DTYPE_F16,
                       {kHalfNaN, kHalfInf, 0x8000},
                       {kHalfInf + 1, kHalfInf, 0});
  expectFail<uint16_t>(JAXC_CHECK_CLOSE, JAXC_DTYPE_F16, {kHalfInf},
                       {kHalfInf - 1});
}

TEST(CheckF16Test, ValuesArePrintedAsNumbers) {
  Outcome outcome = check<uint16_t>(JAXC_CHECK_EQ, JAXC_DTYPE_F16,
                                    {kHalfOne + 4, 0x0001}, {kHalfOne, 0x0001});
  EXPECT_EQ(outcome.message, "test.py:3:5: check.expect_eq failed at index [0] "
                             "(flat 0): actual 1.0039, expected 1");
  outcome = check<uint16_t>(JAXC_CHECK_EQ, JAXC_DTYPE_F16, {0x0001}, {0x8002});
  EXPECT_EQ(outcome.message,
            "test.py:3:5: check.expect_eq failed at index [0] "
            "(flat 0): actual 5.9605e-08, expected -1.1921e-07");
}

TEST(CheckBf16Test, EachKind) {
  expectPass<uint16_t>(JAXC_CHECK_CLOSE, JAXC_DTYPE_BF16, {kBfloatOne},
                       {kBfloatOne + 3});
  expectFail<uint16_t>(JAXC_CHECK_CLOSE, JAXC_DTYPE_BF16, {kBfloatOne},
                       {kBfloatOne + 4});
  // One bf16 ULP at 1 is 2^-7, well over the tolerance.
  expectFail<uint16_t>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_BF16, {kBfloatOne},
                       {kBfloatOne + 1});
  expectPass<uint16_t>(JAXC_CHECK_EQ, JAXC_DTYPE_BF16, {kBfloatNaN, 0x8000},
                       {kBfloatNaN + 1, 0});
  Outcome outcome = check<uint16_t>(JAXC_CHECK_EQ, JAXC_DTYPE_BF16,
                                    {kBfloatOne}, {kBfloatOne + 1});
  EXPECT_EQ(outcome.message, "test.py:3:5: check.expect_eq failed at index [0] "
                             "(flat 0): actual 1, expected 1.008");
}

TEST(CheckComplexTest, ComponentsAreComparedSeparately) {
  using C64 = std::complex<float>;
  expectPass<C64>(JAXC_CHECK_EQ, JAXC_DTYPE_COMPLEX64, {{1, 2}, {kNaN, 3}},
                  {{1, 2}, {kNaN, 3}});
  expectPass<C64>(JAXC_CHECK_CLOSE, JAXC_DTYPE_COMPLEX64, {{1, 2}},
                  {{ulpsFrom(1.0f, 3), ulpsFrom(2.0f, -3)}});
  Outcome outcome = check<C64>(JAXC_CHECK_CLOSE, JAXC_DTYPE_COMPLEX64, {{1, 2}},
                               {{1, ulpsFrom(2.0f, 4)}});
  EXPECT_EQ(outcome.message,
            "test.py:3:5: check.expect_close failed at index [0] (flat 0): "
            "actual (1, 2), expected (1, 2.000001) (tolerance 3 ULP)");

  using C128 = std::complex<double>;
  expectPass<C128>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_COMPLEX128, {{1, 1}},
                   {{1.0005, 0.9995}});
  expectFail<C128>(JAXC_CHECK_ALMOST_EQ, JAXC_DTYPE_COMPLEX128, {{1, 1}},
                   {{1, 1.002}});
}

TEST(CheckIntegerTest, EveryKindIsExact) {
  for (uint32_t kind :
       {JAXC_CHECK_EQ, JAXC_CHECK_ALMOST_EQ, JAXC_CHECK_CLOSE}) {
    expectPass<int32_t>(kind, JAXC_DTYPE_I32, {-5, 7}, {-5, 7});
    expectFail<int32_t>(kind, JAXC_DTYPE_I32, {-5, 7}, {-5, 8});
  }
}

TEST(CheckIntegerTest, ValuesArePrintedByTheirType) {
  EXPECT_EQ(check<int8_t>(JAXC_CHECK_EQ, JAXC_DTYPE_I8, {-1}, {1}).message,
            "test.py:3:5: check.expect_eq failed at index [0] (flat 0): "
            "actual -1, expected 1");
  EXPECT_EQ(check<uint64_t>(JAXC_CHECK_EQ, JAXC_DTYPE_UI64, {UINT64_MAX}, {0})
                .message,
            "test.py:3:5: check.expect_eq failed at index [0] (flat 0): "
            "actual 18446744073709551615, expected 0");
  EXPECT_EQ(
      check<int16_t>(JAXC_CHECK_EQ, JAXC_DTYPE_I16, {-32768}, {0}).message,
      "test.py:3:5: check.expect_eq failed at index [0] (flat 0): "
      "actual -32768, expected 0");
  EXPECT_EQ(check<uint8_t>(JAXC_CHECK_EQ, JAXC_DTYPE_I1, {1}, {0}).message,
            "test.py:3:5: check.expect_eq failed at index [0] (flat 0): "
            "actual true, expected false");
}

TEST(CheckTest, AllChecksAreEvaluatedAndTheFirstFailureReported) {
  float one[2] = {1, 1}, two[2] = {1, 2}, three[2] = {1, 3};
  Outcome outcome =
      runChecks({{JAXC_CHECK_EQ, 0, 1, "a.py:1:1"},
                 {JAXC_CHECK_EQ, 0, 2, "a.py:2:1"},
                 {JAXC_CHECK_CLOSE, 1, 2, "a.py:3:1"}},
                {JAXC_DTYPE_F32, {2}}, {one, one, two}, sizeof(one));
  EXPECT_EQ(outcome.code, JAXC_STATUS_CHECK_FAILED);
  EXPECT_EQ(outcome.message, "a.py:2:1: check.expect_eq failed at index [1] "
                             "(flat 1): actual 1, expected 2; 2 of 3 checks "
                             "failed");
  EXPECT_EQ(runChecks({{JAXC_CHECK_EQ, 0, 1, ""}}, {JAXC_DTYPE_F32, {2}},
                      {two, three}, sizeof(two))
                .message,
            "check 0: check.expect_eq failed at index [1] (flat 1): actual 2, "
            "expected 3");
}

TEST(CheckTest, EmptyAndScalarBuffers) {
  float actual = 1, expected = 2;
  EXPECT_EQ(runChecks({{JAXC_CHECK_EQ, 0, 1, kLocation}},
                      {JAXC_DTYPE_F32, {2, 0}}, {&actual, &expected}, 0)
                .code,
            JAXC_STATUS_OK);
  EXPECT_EQ(runChecks({{JAXC_CHECK_EQ, 0, 1, kLocation}}, {JAXC_DTYPE_F32, {}},
                      {&actual, &expected}, sizeof(actual))
                .message,
            "test.py:3:5: check.expect_eq failed at index [] (flat 0): "
            "actual 1, expected 2");
}

TEST(CheckTest, OutputsAreWrittenWhenACheckFails) {
  TensorSpec f32x3{JAXC_DTYPE_F32, {3}};
  FunctionSpec function{"main",
                        "jaxc_test_add_checked",
                        {f32x3, f32x3, f32x3},
                        {{f32x3, ""}},
                        {{JAXC_CHECK_CLOSE, 0, 1, "add.py:7:3"}},
                        {f32x3, f32x3}};
  std::vector<uint8_t> file = writeModuleFile(kernelModule({function}));
  jaxc_module_t *module = nullptr;
  ASSERT_EQ(
      jaxc_module_load_memory(file.data(), file.size(), "a.vmfb", &module),
      nullptr);
  const jaxc_function_t *main = jaxc_module_function_at(module, 0);
  EXPECT_EQ(jaxc_function_check_count(main), 1u);
  float lhs[3] = {1, 2, 3}, rhs[3] = {4, 5, 6}, sum[3] = {};
  float right[3] = {5, 7, 9}, wrong[3] = {5, 7, 10};
  for (float *expected : {right, wrong}) {
    jaxc_buffer_t inputs[] = {
        {lhs, sizeof(lhs)}, {rhs, sizeof(rhs)}, {expected, sizeof(right)}};
    jaxc_buffer_t output{sum, sizeof(sum)};
    Outcome outcome =
        takeStatus(jaxc_function_call(main, inputs, 3, &output, 1));
    EXPECT_EQ(outcome.message,
              expected == right
                  ? ""
                  : "add.py:7:3: check.expect_close failed at index [2] "
                    "(flat 2): actual 9, expected 10 (tolerance 3 ULP)");
    EXPECT_EQ(sum[2], 9.0f);
  }
  jaxc_module_free(module);
}

} // namespace
