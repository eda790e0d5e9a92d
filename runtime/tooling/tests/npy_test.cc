//===- npy_test.cc --------------------------------------------------------===//

#include "jaxc/tooling/npy.h"

#include <complex>
#include <cstdio>
#include <unistd.h>

#include <gtest/gtest.h>

namespace jaxc::tooling {
namespace {

// A path no other test, or other run of this test, uses.
std::string tempPath(const std::string &suffix) {
  const testing::TestInfo *test =
      testing::UnitTest::GetInstance()->current_test_info();
  return testing::TempDir() + "jaxc_npy_" + test->name() + "_" +
         std::to_string(getpid()) + suffix;
}

// The bytes of a version 1.0 or 2.0 file with the given header dict, padded
// with spaces so that the data starts at byte 64 or 128.
std::string npyBytes(int major, const std::string &dict,
                     const std::string &data) {
  size_t prefix = major == 1 ? 10 : 12;
  size_t end = prefix + dict.size() + 1 <= 64 ? 64 : 128;
  std::string header =
      dict + std::string(end - prefix - dict.size() - 1, ' ') + "\n";
  std::string bytes = "\x93NUMPY";
  bytes +=
      {static_cast<char>(major), '\0', static_cast<char>(header.size()), '\0'};
  if (major == 2)
    bytes += {'\0', '\0'};
  return bytes + header + data;
}

std::string rawBytes(const HostTensor &tensor) {
  return std::string(tensor.bytes.begin(), tensor.bytes.end());
}

// The error parseNpy gives for the bytes; "" if it succeeds.
std::string parseError(const std::string &bytes) {
  Expected<HostTensor> tensor = parseNpy(bytes, "t.npy");
  return tensor ? "" : tensor.error();
}

TEST(SerializeNpy, WritesWhatNumPyWrites) {
  // np.save of np.arange(1, 7, dtype='<f4').reshape(2, 3).
  HostTensor tensor =
      makeHostTensor<float>(JAXC_DTYPE_F32, {2, 3}, {1, 2, 3, 4, 5, 6});
  std::string expected = std::string("\x93NUMPY\x01\x00\x76\x00", 10) +
                         "{'descr': '<f4', 'fortran_order': False, 'shape': "
                         "(2, 3), }" +
                         std::string(58, ' ') + "\n" + rawBytes(tensor);
  ASSERT_EQ(expected.size(), 128u + 24u);
  Expected<std::string> bytes = serializeNpy(tensor);
  ASSERT_TRUE(bytes) << bytes.error();
  EXPECT_EQ(*bytes, expected);
}

TEST(SerializeNpy, WritesRank0And1ShapesAsPythonTuples) {
  Expected<std::string> scalar =
      serializeNpy(makeHostTensor<int64_t>(JAXC_DTYPE_I64, {}, {7}));
  ASSERT_TRUE(scalar);
  EXPECT_NE(scalar->find("'descr': '<i8', 'fortran_order': False, "
                         "'shape': (), }"),
            std::string::npos);
  Expected<std::string> vector = serializeNpy(zeroTensor(JAXC_DTYPE_I1, {3}));
  ASSERT_TRUE(vector);
  EXPECT_NE(vector->find("'descr': '|b1', 'fortran_order': False, "
                         "'shape': (3,), }"),
            std::string::npos);
}

TEST(SerializeNpy, AlignsTheDataTo64Bytes) {
  for (size_t rank = 0; rank < 12; ++rank) {
    Expected<std::string> bytes =
        serializeNpy(zeroTensor(JAXC_DTYPE_UI8, std::vector<int64_t>(rank, 1)));
    ASSERT_TRUE(bytes);
    EXPECT_EQ((bytes->size() - 1) % 64, 0u) << rank;
    EXPECT_EQ((*bytes)[bytes->size() - 2], '\n') << rank;
  }
}

TEST(SerializeNpy, RejectsBfloat16) {
  Expected<std::string> bytes = serializeNpy(zeroTensor(JAXC_DTYPE_BF16, {2}));
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error(),
            "bf16 has no NumPy dtype, so it cannot be saved as .npy");
}

TEST(Npy, RoundTripsEveryDtype) {
  const jaxc_dtype_t dtypes[] = {
      JAXC_DTYPE_I1,        JAXC_DTYPE_I8,        JAXC_DTYPE_I16,
      JAXC_DTYPE_I32,       JAXC_DTYPE_I64,       JAXC_DTYPE_UI8,
      JAXC_DTYPE_UI16,      JAXC_DTYPE_UI32,      JAXC_DTYPE_UI64,
      JAXC_DTYPE_F16,       JAXC_DTYPE_F32,       JAXC_DTYPE_F64,
      JAXC_DTYPE_COMPLEX64, JAXC_DTYPE_COMPLEX128};
  const std::vector<int64_t> shapes[] = {{}, {5}, {2, 3}, {2, 0, 4}};
  for (jaxc_dtype_t dtype : dtypes) {
    for (const std::vector<int64_t> &shape : shapes) {
      HostTensor tensor = zeroTensor(dtype, shape);
      for (size_t i = 0; i < tensor.bytes.size(); ++i)
        tensor.bytes[i] =
            static_cast<uint8_t>(dtype == JAXC_DTYPE_I1 ? i % 2 : i * 7 + 1);
      Expected<std::string> bytes = serializeNpy(tensor);
      ASSERT_TRUE(bytes) << bytes.error();
      Expected<HostTensor> parsed = parseNpy(*bytes, "round-trip");
      ASSERT_TRUE(parsed) << parsed.error();
      EXPECT_EQ(*parsed, tensor)
          << jaxc_dtype_name(dtype) << " rank " << shape.size();
    }
  }
}

TEST(ParseNpy, ReadsAHandBuiltVersion1File) {
  std::string data =
      rawBytes(makeHostTensor<int16_t>(JAXC_DTYPE_I16, {3}, {-1, 2, 300}));
  Expected<HostTensor> tensor = parseNpy(
      npyBytes(1, "{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }",
               data),
      "t.npy");
  ASSERT_TRUE(tensor) << tensor.error();
  EXPECT_EQ(*tensor,
            makeHostTensor<int16_t>(JAXC_DTYPE_I16, {3}, {-1, 2, 300}));
}

TEST(ParseNpy, ReadsVersion2AndOtherKeyOrdersAndQuotes) {
  std::string data = rawBytes(
      makeHostTensor<uint16_t>(JAXC_DTYPE_F16, {2, 1}, {0x3c00, 0xc000}));
  Expected<HostTensor> tensor = parseNpy(
      npyBytes(2,
               "{\"shape\": (2,1), \"fortran_order\": False, \"descr\": "
               "\"<f2\"}",
               data),
      "t.npy");
  ASSERT_TRUE(tensor) << tensor.error();
  EXPECT_EQ(*tensor,
            makeHostTensor<uint16_t>(JAXC_DTYPE_F16, {2, 1}, {0x3c00, 0xc000}));
}

TEST(ParseNpy, RejectsFilesThatAreNotNpy) {
  EXPECT_EQ(parseError("PK\x03\x04 a zip file"),
            "invalid .npy file \"t.npy\": it does not start with the NumPy "
            "magic string");
  EXPECT_EQ(parseError(""), "invalid .npy file \"t.npy\": it does not start "
                            "with the NumPy magic string");
}

TEST(ParseNpy, RejectsOtherVersions) {
  std::string bytes = npyBytes(
      1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", "abcd");
  bytes[6] = 3;
  EXPECT_EQ(parseError(bytes), "invalid .npy file \"t.npy\": format version "
                               "3.0 is not supported (1.0 and 2.0 are)");
}

TEST(ParseNpy, RejectsTruncatedHeaders) {
  std::string bytes = npyBytes(
      1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", "");
  EXPECT_EQ(parseError(bytes.substr(0, 9)),
            "invalid .npy file \"t.npy\": truncated header");
  EXPECT_EQ(parseError(bytes.substr(0, 40)),
            "invalid .npy file \"t.npy\": truncated header");
}

TEST(ParseNpy, RejectsMalformedHeaders) {
  const char *dicts[] = {
      "{'descr': '<f4', 'fortran_order': False}",
      "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (), }",
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2 3), }",
      "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }",
      "{'descr': '<f4', 'fortran_order': False, 'shape': (), 'x': 1}",
      "{'descr': '<f4' 'fortran_order': False, 'shape': ()}",
      "['descr', '<f4']",
  };
  for (const char *dict : dicts)
    EXPECT_EQ(parseError(npyBytes(1, dict, "abcd")),
              "invalid .npy file \"t.npy\": malformed header")
        << dict;
}

TEST(ParseNpy, RejectsFortranOrder) {
  EXPECT_EQ(parseError(npyBytes(
                1, "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }",
                "abcd")),
            "invalid .npy file \"t.npy\": Fortran-order arrays are not "
            "supported; save a C-order array (numpy.ascontiguousarray)");
}

TEST(ParseNpy, RejectsUnsupportedDtypes) {
  EXPECT_EQ(parseError(npyBytes(
                1, "{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }",
                "abcd")),
            "invalid .npy file \"t.npy\": dtype '>f4' is not supported (|b1 "
            "|i1 <i2 <i4 <i8 |u1 <u2 <u4 <u8 <f2 <f4 <f8 <c8 <c16 are)");
}

TEST(ParseNpy, ChecksTheDataSize) {
  EXPECT_EQ(
      parseError(npyBytes(
          1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
          std::string(20, 'x'))),
      "invalid .npy file \"t.npy\": shape (2, 3) of '<f4' needs 24 data "
      "bytes, the file has 20");
  EXPECT_NE(parseError(npyBytes(
                1, "{'descr': '<u2', 'fortran_order': False, 'shape': (1,), }",
                std::string(3, 'x'))),
            "");
  EXPECT_EQ(parseError(npyBytes(1,
                                "{'descr': '<f8', 'fortran_order': False, "
                                "'shape': (4294967296, 4294967296), }",
                                "")),
            "invalid .npy file \"t.npy\": shape (4294967296, 4294967296) is "
            "too large");
}

TEST(NpyFile, WritesAndReadsBack) {
  std::string path = tempPath(".npy");
  HostTensor tensor = makeHostTensor<std::complex<double>>(
      JAXC_DTYPE_COMPLEX128, {2}, {{1, 2}, {-3, 4.5}});
  Status written = writeNpyFile(path, tensor);
  ASSERT_TRUE(written) << written.error();
  Expected<HostTensor> read = readNpyFile(path);
  std::remove(path.c_str());
  ASSERT_TRUE(read) << read.error();
  EXPECT_EQ(*read, tensor);
}

TEST(NpyFile, ErrorsNameThePath) {
  Expected<HostTensor> missing = readNpyFile("/nonexistent/x.npy");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(),
            "cannot open \"/nonexistent/x.npy\": No such file or directory");

  Expected<HostTensor> directory = readNpyFile("/");
  ASSERT_FALSE(directory);
  EXPECT_EQ(directory.error(), "cannot read \"/\": Is a directory");

  Status unwritable =
      writeNpyFile("/nonexistent/x.npy", zeroTensor(JAXC_DTYPE_F32, {1}));
  ASSERT_FALSE(unwritable);
  EXPECT_EQ(unwritable.error(),
            "cannot write \"/nonexistent/x.npy\": No such file or directory");

  Status bfloat16 =
      writeNpyFile("/nonexistent/x.npy", zeroTensor(JAXC_DTYPE_BF16, {1}));
  ASSERT_FALSE(bfloat16);
  EXPECT_EQ(bfloat16.error(), "cannot write \"/nonexistent/x.npy\": bf16 has "
                              "no NumPy dtype, so it cannot be saved as .npy");
}

TEST(NpyFile, ReadErrorsNameTheFile) {
  std::string path = tempPath(".npy");
  FILE *file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  std::fputs("not npy", file);
  std::fclose(file);
  Expected<HostTensor> tensor = readNpyFile(path);
  std::remove(path.c_str());
  ASSERT_FALSE(tensor);
  EXPECT_EQ(tensor.error(), "invalid .npy file \"" + path +
                                "\": it does not start with the NumPy magic "
                                "string");
}

} // namespace
} // namespace jaxc::tooling
