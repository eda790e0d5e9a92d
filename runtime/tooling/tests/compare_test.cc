//===- compare_test.cc ----------------------------------------------------===//

#include "jaxc/tooling/compare.h"

#include <complex>
#include <limits>

#include <gtest/gtest.h>

namespace jaxc::tooling {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNan = std::numeric_limits<float>::quiet_NaN();

HostTensor f32Tensor(std::vector<int64_t> shape, std::vector<float> values) {
  return makeHostTensor<float>(JAXC_DTYPE_F32, std::move(shape), values);
}

// The message of the first mismatch, "" when the tensors match.
std::string mismatchMessage(const HostTensor &actual,
                            const HostTensor &expected,
                            const Tolerances &tolerances = {},
                            size_t resultIndex = 0) {
  std::optional<Mismatch> mismatch =
      compareTensors(actual, expected, tolerances, resultIndex);
  return mismatch ? mismatch->message : "";
}

TEST(CompareTensors, EqualTensorsMatch) {
  HostTensor tensor = f32Tensor({2, 3}, {1, 2, 3, 4, 5, 6});
  EXPECT_FALSE(compareTensors(tensor, tensor, {}, 0));
}

TEST(CompareTensors, ReportsTheFirstMismatch) {
  HostTensor expected = f32Tensor({2, 3}, {1, 2, 3, 4, 5, 5.25f});
  HostTensor actual = f32Tensor({2, 3}, {1, 2, 3, 4, 5, 5.5f});
  std::optional<Mismatch> mismatch = compareTensors(actual, expected, {}, 0);
  ASSERT_TRUE(mismatch);
  EXPECT_EQ(mismatch->kind, Mismatch::Kind::Value);
  EXPECT_EQ(mismatch->message, "result 0: mismatch at [1, 2]: got 5.5, "
                               "expected 5.25 (tolerance 0.0001)");
  EXPECT_EQ(mismatch->index, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(mismatch->flatIndex, 5);
  EXPECT_EQ(mismatch->actual, "5.5");
  EXPECT_EQ(mismatch->expected, "5.25");
}

TEST(CompareTensors, ReportsOnlyTheFirstOfSeveral) {
  EXPECT_EQ(mismatchMessage(f32Tensor({4}, {0, 9, 9, 9}),
                            f32Tensor({4}, {0, 1, 2, 3}), {}, 3),
            "result 3: mismatch at [1]: got 9, expected 1 (tolerance 0.0001)");
}

TEST(CompareTensors, Rank0MismatchHasNoIndex) {
  EXPECT_EQ(mismatchMessage(f32Tensor({}, {1}), f32Tensor({}, {2})),
            "result 0: mismatch: got 1, expected 2 (tolerance 0.0001)");
}

TEST(CompareTensors, FloatsMatchWithinTheTolerance) {
  EXPECT_EQ(mismatchMessage(f32Tensor({1}, {1.00005f}), f32Tensor({1}, {1})),
            "");
  EXPECT_NE(mismatchMessage(f32Tensor({1}, {1.0002f}), f32Tensor({1}, {1})),
            "");
}

TEST(CompareTensors, ADifferenceOfExactlyTheToleranceMatches) {
  Tolerances tolerances;
  tolerances.f64 = 0.25;
  HostTensor expected = makeHostTensor<double>(JAXC_DTYPE_F64, {1}, {1.0});
  HostTensor actual = makeHostTensor<double>(JAXC_DTYPE_F64, {1}, {1.25});
  EXPECT_EQ(mismatchMessage(actual, expected, tolerances), "");
  tolerances.f64 = 0.2499;
  EXPECT_EQ(mismatchMessage(actual, expected, tolerances),
            "result 0: mismatch at [0]: got 1.25, expected 1 (tolerance "
            "0.2499)");
}

TEST(CompareTensors, NanMatchesOnlyNan) {
  EXPECT_EQ(
      mismatchMessage(f32Tensor({2}, {kNan, 1}), f32Tensor({2}, {-kNan, 1})),
      "");
  EXPECT_EQ(mismatchMessage(f32Tensor({1}, {1}), f32Tensor({1}, {kNan})),
            "result 0: mismatch at [0]: got 1, expected nan (tolerance "
            "0.0001)");
  EXPECT_NE(mismatchMessage(f32Tensor({1}, {kNan}), f32Tensor({1}, {1})), "");
}

TEST(CompareTensors, InfinityMatchesOnlyItself) {
  EXPECT_EQ(mismatchMessage(f32Tensor({1}, {kInf}), f32Tensor({1}, {kInf})),
            "");
  EXPECT_NE(mismatchMessage(f32Tensor({1}, {-kInf}), f32Tensor({1}, {kInf})),
            "");
  EXPECT_NE(mismatchMessage(f32Tensor({1}, {3e38f}), f32Tensor({1}, {kInf})),
            "");
}

TEST(CompareTensors, IntegersAndBoolsMustBeExact) {
  HostTensor expected = makeHostTensor<int32_t>(JAXC_DTYPE_I32, {2}, {1, 1});
  HostTensor actual = makeHostTensor<int32_t>(JAXC_DTYPE_I32, {2}, {1, 2});
  EXPECT_EQ(mismatchMessage(actual, expected, {}, 2),
            "result 2: mismatch at [1]: got 2, expected 1");
  EXPECT_EQ(
      mismatchMessage(makeHostTensor<uint8_t>(JAXC_DTYPE_I1, {2}, {1, 0}),
                      makeHostTensor<uint8_t>(JAXC_DTYPE_I1, {2}, {1, 1})),
      "result 0: mismatch at [1]: got 0, expected 1");
  EXPECT_EQ(mismatchMessage(
                makeHostTensor<uint64_t>(JAXC_DTYPE_UI64, {}, {~0ull}),
                makeHostTensor<uint64_t>(JAXC_DTYPE_UI64, {}, {~0ull - 1})),
            "result 0: mismatch: got 18446744073709551615, expected "
            "18446744073709551614");
}

TEST(CompareTensors, HalfUsesTheF16Tolerance) {
  // 0x3c01 is 1 + 2^-10 (0.00098 away from 1), 0x3c02 is 1 + 2^-9.
  HostTensor one = makeHostTensor<uint16_t>(JAXC_DTYPE_F16, {1}, {0x3c00});
  EXPECT_EQ(mismatchMessage(
                makeHostTensor<uint16_t>(JAXC_DTYPE_F16, {1}, {0x3c01}), one),
            "");
  EXPECT_EQ(mismatchMessage(
                makeHostTensor<uint16_t>(JAXC_DTYPE_F16, {1}, {0x3c02}), one),
            "result 0: mismatch at [0]: got 1.00195, expected 1 (tolerance "
            "0.001)");
}

TEST(CompareTensors, Bfloat16IsExactByDefault) {
  HostTensor one = makeHostTensor<uint16_t>(JAXC_DTYPE_BF16, {1}, {0x3f80});
  HostTensor next = makeHostTensor<uint16_t>(JAXC_DTYPE_BF16, {1}, {0x3f81});
  EXPECT_EQ(mismatchMessage(next, one),
            "result 0: mismatch at [0]: got 1.00781, expected 1 (tolerance "
            "0)");
  Tolerances tolerances;
  tolerances.bf16 = 0.01;
  EXPECT_EQ(mismatchMessage(next, one, tolerances), "");
}

TEST(CompareTensors, ComplexComparesEachPart) {
  auto complexTensor = [](std::complex<float> value) {
    return makeHostTensor<std::complex<float>>(JAXC_DTYPE_COMPLEX64, {1},
                                               {value});
  };
  EXPECT_EQ(
      mismatchMessage(complexTensor({1, 2.00005f}), complexTensor({1, 2})), "");
  EXPECT_EQ(mismatchMessage(complexTensor({1, 2.001f}), complexTensor({1, 2})),
            "result 0: mismatch at [0]: got 1+2.001j, expected 1+2j "
            "(tolerance 0.0001)");
  EXPECT_NE(mismatchMessage(complexTensor({1.001f, 2}), complexTensor({1, 2})),
            "");
}

TEST(CompareTensors, ElementTypesMustAgree) {
  std::optional<Mismatch> mismatch =
      compareTensors(makeHostTensor<int32_t>(JAXC_DTYPE_I32, {1}, {1}),
                     f32Tensor({1}, {1}), {}, 0);
  ASSERT_TRUE(mismatch);
  EXPECT_EQ(mismatch->kind, Mismatch::Kind::ElementType);
  EXPECT_EQ(mismatch->message, "result 0: expected element type f32, got i32");
}

TEST(CompareTensors, ShapesMustAgree) {
  std::optional<Mismatch> mismatch =
      compareTensors(zeroTensor(JAXC_DTYPE_F32, {3, 2}),
                     zeroTensor(JAXC_DTYPE_F32, {2, 3}), {}, 1);
  ASSERT_TRUE(mismatch);
  EXPECT_EQ(mismatch->kind, Mismatch::Kind::Shape);
  EXPECT_EQ(mismatch->message, "result 1: expected shape 2x3, got 3x2");
  EXPECT_EQ(mismatchMessage(f32Tensor({1}, {1}), f32Tensor({}, {1})),
            "result 0: expected shape scalar, got 1");
}

} // namespace
} // namespace jaxc::tooling
