//===- host_tensor_test.cc ------------------------------------------------===//

#include "jaxc/tooling/host_tensor.h"

#include <gtest/gtest.h>

namespace jaxc::tooling {
namespace {

TEST(ElementCount, MultipliesTheDims) {
  EXPECT_EQ(elementCount({}), 1);
  EXPECT_EQ(elementCount({2, 3}), 6);
  EXPECT_EQ(elementCount({4, 0, 5}), 0);
}

TEST(ZeroTensor, SizesBytesByTheDtype) {
  HostTensor tensor = zeroTensor(JAXC_DTYPE_COMPLEX128, {2, 3});
  EXPECT_EQ(tensor.dtype, JAXC_DTYPE_COMPLEX128);
  EXPECT_EQ(tensor.shape, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(tensor.bytes, HostBytes(6 * 16, 0));
  EXPECT_EQ(zeroTensor(JAXC_DTYPE_I1, {5}).bytes.size(), 5u);
  EXPECT_EQ(zeroTensor(JAXC_DTYPE_BF16, {}).bytes.size(), 2u);
}

TEST(ZeroTensor, BytesAreAlignedLikeTheRuntimesBuffers) {
  for (int64_t count : {1, 1000, 1 << 20}) {
    HostTensor tensor = zeroTensor(JAXC_DTYPE_F32, {count});
    EXPECT_EQ(reinterpret_cast<uintptr_t>(tensor.bytes.data()) % 64, 0u)
        << count;
  }
}

TEST(HostTensor, EqualityComparesDtypeShapeAndBytes) {
  HostTensor tensor = makeHostTensor<int32_t>(JAXC_DTYPE_I32, {2}, {1, 2});
  EXPECT_EQ(tensor, makeHostTensor<int32_t>(JAXC_DTYPE_I32, {2}, {1, 2}));
  EXPECT_NE(tensor, makeHostTensor<int32_t>(JAXC_DTYPE_I32, {2}, {1, 3}));
  EXPECT_NE(tensor, makeHostTensor<int32_t>(JAXC_DTYPE_I32, {1, 2}, {1, 2}));
  EXPECT_NE(tensor, makeHostTensor<uint32_t>(JAXC_DTYPE_UI32, {2}, {1, 2}));
}

TEST(AllocateFor, MakesAZeroTensorOfTheType) {
  const int64_t dims[] = {2, 3};
  HostTensor tensor = allocateFor(jaxc_tensor_type_t{JAXC_DTYPE_F32, 2, dims});
  EXPECT_EQ(tensor, zeroTensor(JAXC_DTYPE_F32, {2, 3}));
  EXPECT_EQ(allocateFor(jaxc_tensor_type_t{JAXC_DTYPE_I64, 0, nullptr}),
            zeroTensor(JAXC_DTYPE_I64, {}));
}

TEST(AsBuffer, ViewsTheBytes) {
  HostTensor tensor = zeroTensor(JAXC_DTYPE_I16, {3});
  jaxc_buffer_t buffer = asBuffer(tensor);
  EXPECT_EQ(buffer.data, tensor.bytes.data());
  EXPECT_EQ(buffer.size_bytes, 6u);
  static_cast<int16_t *>(buffer.data)[2] = -1;
  EXPECT_EQ(tensor, makeHostTensor<int16_t>(JAXC_DTYPE_I16, {3}, {0, 0, -1}));
}

TEST(CopyFromBuffer, CopiesABufferOfTheRightSize) {
  const int64_t dims[] = {2};
  jaxc_tensor_type_t type{JAXC_DTYPE_F64, 1, dims};
  double values[] = {1.5, -2.5};
  Expected<HostTensor> tensor =
      copyFromBuffer(type, jaxc_buffer_t{values, sizeof(values)});
  ASSERT_TRUE(tensor) << tensor.error();
  EXPECT_EQ(*tensor, makeHostTensor<double>(JAXC_DTYPE_F64, {2}, {1.5, -2.5}));

  Expected<HostTensor> wrongSize =
      copyFromBuffer(type, jaxc_buffer_t{values, sizeof(double)});
  ASSERT_FALSE(wrongSize);
  EXPECT_EQ(wrongSize.error(), "a buffer of 2xf64 needs 16 bytes, got 8");
}

TEST(CheckMatchesType, NamesTheExpectedAndTheGivenType) {
  const int64_t dims[] = {2, 3};
  jaxc_tensor_type_t type{JAXC_DTYPE_F32, 2, dims};
  EXPECT_TRUE(checkMatchesType(zeroTensor(JAXC_DTYPE_F32, {2, 3}), type, "x"));

  Status wrongShape =
      checkMatchesType(zeroTensor(JAXC_DTYPE_F32, {3, 2}), type, "input 1");
  ASSERT_FALSE(wrongShape);
  EXPECT_EQ(wrongShape.error(), "input 1: expected 2x3xf32, got 3x2xf32");

  Status wrongDtype =
      checkMatchesType(zeroTensor(JAXC_DTYPE_I32, {2, 3}), type, "input 0");
  ASSERT_FALSE(wrongDtype);
  EXPECT_EQ(wrongDtype.error(), "input 0: expected 2x3xf32, got 2x3xi32");
}

} // namespace
} // namespace jaxc::tooling
