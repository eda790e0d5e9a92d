//===- tensor_spec_test.cc ------------------------------------------------===//

#include "jaxc/tooling/tensor_spec.h"

#include <cmath>
#include <complex>
#include <cstdio>
#include <cstring>
#include <limits>
#include <unistd.h>

#include <gtest/gtest.h>

#include "jaxc/tooling/npy.h"

namespace jaxc::tooling {
namespace {

// The tensor a spec parses to; fails the test if it does not parse.
HostTensor parse(const std::string &spec) {
  Expected<HostTensor> tensor = parseTensorSpec(spec);
  EXPECT_TRUE(tensor) << tensor.error();
  return tensor ? *tensor : HostTensor();
}

// The error a spec gives; "" if it parses.
std::string parseError(const std::string &spec) {
  Expected<HostTensor> tensor = parseTensorSpec(spec);
  return tensor ? "" : tensor.error();
}

HostTensor f32Tensor(std::vector<int64_t> shape, std::vector<float> values) {
  return makeHostTensor<float>(JAXC_DTYPE_F32, std::move(shape), values);
}

TEST(ParseTensorSpec, CommaSeparatedValues) {
  EXPECT_EQ(parse("3xf32=1,2,3"), f32Tensor({3}, {1, 2, 3}));
}

TEST(ParseTensorSpec, CommasAndSpacesMix) {
  EXPECT_EQ(parse("2x3xf32=1, 2 3,4  5\t6"),
            f32Tensor({2, 3}, {1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(parse("  2xf32 = 1 2  "), f32Tensor({2}, {1, 2}));
}

TEST(ParseTensorSpec, BracketedForm) {
  EXPECT_EQ(parse("2x3xf32=[1 2 3][4 5 6]"),
            f32Tensor({2, 3}, {1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(parse("2x2x1xi8=[[1][2]][[3][4]]"),
            makeHostTensor<int8_t>(JAXC_DTYPE_I8, {2, 2, 1}, {1, 2, 3, 4}));
}

TEST(ParseTensorSpec, Rank0) {
  EXPECT_EQ(parse("f32=3.5"), f32Tensor({}, {3.5f}));
  EXPECT_EQ(parse("i64=-7"), makeHostTensor<int64_t>(JAXC_DTYPE_I64, {}, {-7}));
}

TEST(ParseTensorSpec, ShapeOnlyIsZeroFilled) {
  HostTensor tensor = parse("1x3x224x224xf32");
  EXPECT_EQ(tensor, zeroTensor(JAXC_DTYPE_F32, {1, 3, 224, 224}));
  EXPECT_EQ(tensor.bytes.size(), 3u * 224 * 224 * 4);
  EXPECT_EQ(parse("bf16"), zeroTensor(JAXC_DTYPE_BF16, {}));
  EXPECT_EQ(parse("2x1xcomplex<f32>"),
            zeroTensor(JAXC_DTYPE_COMPLEX64, {2, 1}));
}

TEST(ParseTensorSpec, OneValueIsSplatted) {
  EXPECT_EQ(parse("2x2xi32=7"),
            makeHostTensor<int32_t>(JAXC_DTYPE_I32, {2, 2}, {7, 7, 7, 7}));
}

TEST(ParseTensorSpec, ZeroSizedTensors) {
  EXPECT_EQ(parse("0x3xf32="), zeroTensor(JAXC_DTYPE_F32, {0, 3}));
  EXPECT_EQ(parse("0x3xf32"), zeroTensor(JAXC_DTYPE_F32, {0, 3}));
}

TEST(ParseTensorSpec, Bools) {
  EXPECT_EQ(parse("4xi1=true,false,1,0"),
            makeHostTensor<uint8_t>(JAXC_DTYPE_I1, {4}, {1, 0, 1, 0}));
}

TEST(ParseTensorSpec, IntegersOfEveryWidth) {
  EXPECT_EQ(parse("2xi8=-128,127"),
            makeHostTensor<int8_t>(JAXC_DTYPE_I8, {2}, {-128, 127}));
  EXPECT_EQ(parse("2xi16=-32768,+32767"),
            makeHostTensor<int16_t>(JAXC_DTYPE_I16, {2}, {-32768, 32767}));
  EXPECT_EQ(parse("2xi32=-2147483648,2147483647"),
            makeHostTensor<int32_t>(JAXC_DTYPE_I32, {2},
                                    {std::numeric_limits<int32_t>::min(),
                                     std::numeric_limits<int32_t>::max()}));
  EXPECT_EQ(parse("2xi64=-9223372036854775808,9223372036854775807"),
            makeHostTensor<int64_t>(JAXC_DTYPE_I64, {2},
                                    {std::numeric_limits<int64_t>::min(),
                                     std::numeric_limits<int64_t>::max()}));
  EXPECT_EQ(parse("2xui8=0,255"),
            makeHostTensor<uint8_t>(JAXC_DTYPE_UI8, {2}, {0, 255}));
  EXPECT_EQ(parse("ui16=65535"),
            makeHostTensor<uint16_t>(JAXC_DTYPE_UI16, {}, {65535}));
  EXPECT_EQ(parse("ui32=4294967295"),
            makeHostTensor<uint32_t>(JAXC_DTYPE_UI32, {}, {4294967295u}));
  EXPECT_EQ(parse("ui64=18446744073709551615"),
            makeHostTensor<uint64_t>(JAXC_DTYPE_UI64, {},
                                     {std::numeric_limits<uint64_t>::max()}));
}

TEST(ParseTensorSpec, FloatForms) {
  EXPECT_EQ(
      parse("4xf64=0x1.8p1,-0x1p-2,1e-3,+2.5"),
      makeHostTensor<double>(JAXC_DTYPE_F64, {4}, {3.0, -0.25, 1e-3, 2.5}));
  HostTensor special = parse("3xf32=nan,inf,-inf");
  float values[3];
  std::memcpy(values, special.bytes.data(), sizeof(values));
  EXPECT_TRUE(std::isnan(values[0]));
  EXPECT_EQ(values[1], std::numeric_limits<float>::infinity());
  EXPECT_EQ(values[2], -std::numeric_limits<float>::infinity());
  // Too small for f32 is zero, not an error.
  EXPECT_EQ(parse("f32=1e-50"), f32Tensor({}, {0}));
}

TEST(ParseTensorSpec, HalfAndBfloat16RoundFromTheValue) {
  EXPECT_EQ(
      parse("3xf16=1.5,-2,65504"),
      makeHostTensor<uint16_t>(JAXC_DTYPE_F16, {3}, {0x3e00, 0xc000, 0x7bff}));
  EXPECT_EQ(parse("2xbf16=1.5,3.14159"),
            makeHostTensor<uint16_t>(JAXC_DTYPE_BF16, {2}, {0x3fc0, 0x4049}));
}

TEST(ParseTensorSpec, ComplexPairsAndLiterals) {
  using C64 = std::complex<float>;
  using C128 = std::complex<double>;
  EXPECT_EQ(parse("2xcomplex<f32>=1,2,3,4"),
            makeHostTensor<C64>(JAXC_DTYPE_COMPLEX64, {2}, {{1, 2}, {3, 4}}));
  EXPECT_EQ(parse("4xcomplex<f64>=1+2j -3.5-4e-1j 2j 1e-5+0x1p1j"),
            makeHostTensor<C128>(JAXC_DTYPE_COMPLEX128, {4},
                                 {{1, 2}, {-3.5, -0.4}, {0, 2}, {1e-5, 2}}));
  EXPECT_EQ(parse("3xcomplex<f32>=1,-2"),
            makeHostTensor<C64>(JAXC_DTYPE_COMPLEX64, {3},
                                {{1, -2}, {1, -2}, {1, -2}}));
  EXPECT_EQ(parse("complex<f32>=-1e-5j"),
            makeHostTensor<C64>(JAXC_DTYPE_COMPLEX64, {}, {{0, -1e-5f}}));
}

TEST(ParseTensorSpec, ReadsNpyFiles) {
  std::string path =
      testing::TempDir() + "jaxc_spec_" + std::to_string(getpid()) + ".npy";
  HostTensor tensor =
      makeHostTensor<int32_t>(JAXC_DTYPE_I32, {2, 2}, {1, 2, 3, 4});
  ASSERT_TRUE(writeNpyFile(path, tensor));
  Expected<HostTensor> parsed = parseTensorSpec("@" + path);
  std::remove(path.c_str());
  ASSERT_TRUE(parsed) << parsed.error();
  EXPECT_EQ(*parsed, tensor);
}

TEST(ParseTensorSpecError, CountMismatch) {
  EXPECT_EQ(parseError("3xf32=1,2"),
            "invalid --input \"3xf32=1,2\": 2 values for 3 elements");
  EXPECT_EQ(parseError("2xf32=1,2,3"),
            "invalid --input \"2xf32=1,2,3\": 3 values for 2 elements");
  EXPECT_EQ(parseError("3xf32="),
            "invalid --input \"3xf32=\": 0 values for 3 elements");
  EXPECT_EQ(parseError("0xf32=1"),
            "invalid --input \"0xf32=1\": 1 value for 0 elements");
}

TEST(ParseTensorSpecError, NamesTheFlag) {
  Expected<HostTensor> tensor =
      parseTensorSpec("2xi32=1,2,3", "--expected_output");
  ASSERT_FALSE(tensor);
  EXPECT_EQ(tensor.error(),
            "invalid --expected_output \"2xi32=1,2,3\": 3 values for 2 "
            "elements");
}

TEST(ParseTensorSpecError, UnknownElementType) {
  EXPECT_EQ(parseError("3xf31=1"),
            "invalid --input \"3xf31=1\": unknown element type \"f31\" "
            "(known: i1 i8 i16 i32 i64 ui8 ui16 ui32 ui64 f16 bf16 f32 f64 "
            "complex<f32> complex<f64>)");
  EXPECT_NE(parseError("3xcomplex<f31>=1")
                .find("unknown element type \"complex<f31>\""),
            std::string::npos);
  EXPECT_EQ(parseError("3x=1"),
            "invalid --input \"3x=1\": missing element type");
  EXPECT_EQ(parseError("=1"), "invalid --input \"=1\": missing element type");
}

TEST(ParseTensorSpecError, BadDimension) {
  EXPECT_EQ(parseError("2xyxf32=1"),
            "invalid --input \"2xyxf32=1\": bad dimension \"y\"");
  EXPECT_EQ(parseError("-1xf32"),
            "invalid --input \"-1xf32\": bad dimension \"-1\"");
  EXPECT_EQ(parseError("?x4xf32"),
            "invalid --input \"?x4xf32\": bad dimension \"?\"");
  EXPECT_EQ(parseError("99999999999x99999999999xf32"),
            "invalid --input \"99999999999x99999999999xf32\": shape "
            "99999999999x99999999999 is too large");
}

// Found by tensor_spec_fuzzer: zeros of 64 GB were allocated (and, under
// ASan, aborted) instead of refused.
TEST(ParseTensorSpecError, LargerThanMemory) {
  EXPECT_EQ(parseError("2241x3224x2224xf32"),
            physicalMemoryBytes() < 64273457664
                ? "invalid --input \"2241x3224x2224xf32\": shape "
                  "2241x3224x2224 of f32 needs 64273457664 bytes, more than "
                  "this machine's " +
                      std::to_string(physicalMemoryBytes())
                : "");
  Expected<HostTensor> small = parseTensorSpec("4x4xf32", "--input", 63);
  ASSERT_FALSE(small);
  EXPECT_EQ(small.error(), "invalid --input \"4x4xf32\": shape 4x4 of f32 "
                           "needs 64 bytes, more than this machine's 63");
  EXPECT_TRUE(parseTensorSpec("4x4xf32", "--input", 64));
}

TEST(ParseTensorSpecError, BadNumber) {
  EXPECT_EQ(parseError("3xf32=1,abc,3"),
            "invalid --input \"3xf32=1,abc,3\": bad number \"abc\" at "
            "position 1");
  EXPECT_EQ(
      parseError("2xi32=1,1.5"),
      "invalid --input \"2xi32=1,1.5\": bad number \"1.5\" at position 1");
  const char *badFloats[] = {"--5", "+-5", "1e", "0x", "0x-1p2", "1.2.3", "j"};
  for (const char *bad : badFloats)
    EXPECT_EQ(parseError(std::string("f64=") + bad),
              "invalid --input \"f64=" + std::string(bad) +
                  "\": bad number \"" + bad + "\" at position 0");
  EXPECT_EQ(parseError("2xcomplex<f32>=1+2j,1+j"),
            "invalid --input \"2xcomplex<f32>=1+2j,1+j\": bad number \"1+j\" "
            "at position 1");
}

TEST(ParseTensorSpecError, BadBoolean) {
  EXPECT_EQ(parseError("2xi1=true,2"),
            "invalid --input \"2xi1=true,2\": bad boolean \"2\" at position 1 "
            "(use true, false, 1 or 0)");
}

TEST(ParseTensorSpecError, IntegerOutOfRange) {
  EXPECT_EQ(parseError("3xui8=256"),
            "invalid --input \"3xui8=256\": \"256\" is out of range for ui8 "
            "at position 0");
  EXPECT_EQ(parseError("2xui16=1,-1"),
            "invalid --input \"2xui16=1,-1\": \"-1\" is out of range for "
            "ui16 at position 1");
  EXPECT_EQ(parseError("i8=-129"),
            "invalid --input \"i8=-129\": \"-129\" is out of range for i8 at "
            "position 0");
  EXPECT_NE(parseError("i32=2147483648"), "");
  EXPECT_NE(parseError("i64=9223372036854775808"), "");
  EXPECT_NE(parseError("ui64=18446744073709551616"), "");
  EXPECT_NE(parseError("ui64=-99999999999999999999"), "");
}

TEST(ParseTensorSpecError, FloatOutOfRange) {
  EXPECT_EQ(parseError("f32=1e39"),
            "invalid --input \"f32=1e39\": \"1e39\" is out of range for f32 "
            "at position 0");
  EXPECT_EQ(parseError("f16=65520"),
            "invalid --input \"f16=65520\": \"65520\" is out of range for "
            "f16 at position 0");
  EXPECT_NE(parseError("bf16=-1e39"), "");
  EXPECT_NE(parseError("f64=1e400"), "");
}

TEST(ParseTensorSpecError, ComplexNeedsPairs) {
  EXPECT_EQ(parseError("2xcomplex<f32>=1,2,3"),
            "invalid --input \"2xcomplex<f32>=1,2,3\": 3 numbers for complex "
            "values, which need real,imag pairs");
}

TEST(ParseTensorSpecError, UnbalancedBrackets) {
  EXPECT_EQ(parseError("2xf32=[1 2"),
            "invalid --input \"2xf32=[1 2\": unbalanced brackets");
  EXPECT_EQ(parseError("2xf32=1 2]["),
            "invalid --input \"2xf32=1 2][\": unbalanced brackets");
}

TEST(ParseTensorSpecError, MissingNpyFile) {
  EXPECT_EQ(parseError("@/nonexistent/x.npy"),
            "invalid --input \"@/nonexistent/x.npy\": cannot open "
            "\"/nonexistent/x.npy\": No such file or directory");
}

TEST(ParseTensorSpecError, LongSpecsAreShortenedInErrors) {
  std::string spec = "41xi32=";
  for (int i = 0; i < 40; ++i)
    spec += "1,";
  spec += "x";
  EXPECT_EQ(parseError(spec), "invalid --input \"" + spec.substr(0, 64) +
                                  "...\": bad number \"x\" at position 40");
}

} // namespace
} // namespace jaxc::tooling
