//===- call_test.cc - Looking up and calling functions --------------------===//

#include "test_module_writer.h"

#include "jaxc/runtime/runtime.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace jaxc::runtime::test_support;

namespace {

class CallTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::vector<uint8_t> bytes = writeModuleFile(
        kernelModule({addFunction("main"), addFunction("add2")}));
    ASSERT_EQ(
        jaxc_module_load_memory(bytes.data(), bytes.size(), "m.vmfb", &module),
        nullptr);
    ASSERT_EQ(jaxc_module_lookup(module, "main", &main), nullptr);
  }
  void TearDown() override { jaxc_module_free(module); }

  Outcome call(std::vector<jaxc_buffer_t> inputs,
               std::vector<jaxc_buffer_t> outputs) {
    return takeStatus(jaxc_function_call(main, inputs.data(), inputs.size(),
                                         outputs.data(), outputs.size()));
  }

  jaxc_module_t *module = nullptr;
  const jaxc_function_t *main = nullptr;
  float lhs[3] = {1, 2, 3};
  float rhs[3] = {4, 5, 6};
  float sum[3] = {};
};

TEST_F(CallTest, AddsItsInputs) {
  Outcome outcome =
      call({{lhs, sizeof(lhs)}, {rhs, sizeof(rhs)}}, {{sum, sizeof(sum)}});
  ASSERT_EQ(outcome.message, "");
  EXPECT_EQ(sum[0], 5.0f);
  EXPECT_EQ(sum[1], 7.0f);
  EXPECT_EQ(sum[2], 9.0f);
}

TEST_F(CallTest, LookupFindsEachFunction) {
  const jaxc_function_t *add2 = nullptr;
  ASSERT_EQ(jaxc_module_lookup(module, "add2", &add2), nullptr);
  EXPECT_EQ(add2, jaxc_module_function_at(module, 1));
  EXPECT_EQ(main, jaxc_module_function_at(module, 0));
}

TEST_F(CallTest, LookupOfAnUnknownFunctionListsTheKnownOnes) {
  const jaxc_function_t *function = main;
  Outcome outcome = takeStatus(jaxc_module_lookup(module, "mian", &function));
  EXPECT_EQ(outcome.code, JAXC_STATUS_NOT_FOUND);
  EXPECT_EQ(outcome.message, "m.vmfb: no function 'mian'; it has: main, add2");
  EXPECT_EQ(function, nullptr);
}

TEST_F(CallTest, WrongInputCount) {
  Outcome outcome = call({{lhs, sizeof(lhs)}}, {{sum, sizeof(sum)}});
  EXPECT_EQ(outcome.code, JAXC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(outcome.message, "main: expected 2 inputs, got 1");
}

TEST_F(CallTest, WrongOutputCount) {
  Outcome outcome = call({{lhs, sizeof(lhs)}, {rhs, sizeof(rhs)}}, {});
  EXPECT_EQ(outcome.code, JAXC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(outcome.message, "main: expected 1 output, got 0");
}

TEST_F(CallTest, WrongInputByteSize) {
  Outcome outcome = call({{lhs, sizeof(lhs)}, {rhs, 8}}, {{sum, sizeof(sum)}});
  EXPECT_EQ(outcome.code, JAXC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(outcome.message,
            "main: input 1: expected 3xf32 (12 bytes), got 8 bytes");
}

TEST_F(CallTest, WrongOutputByteSize) {
  Outcome outcome = call({{lhs, sizeof(lhs)}, {rhs, sizeof(rhs)}}, {{sum, 16}});
  EXPECT_EQ(outcome.code, JAXC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(outcome.message,
            "main: output 0: expected 3xf32 (12 bytes), got 16 bytes");
}

TEST_F(CallTest, NullDataOrArrays) {
  EXPECT_EQ(
      call({{nullptr, 12}, {rhs, sizeof(rhs)}}, {{sum, sizeof(sum)}}).message,
      "main: input 0: data is NULL");
  EXPECT_EQ(
      takeStatus(jaxc_function_call(main, nullptr, 2, nullptr, 1)).message,
      "main: inputs: the buffer array is NULL");
  EXPECT_EQ(
      takeStatus(jaxc_function_call(nullptr, nullptr, 0, nullptr, 0)).code,
      JAXC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(takeStatus(jaxc_module_lookup(module, nullptr, &main)).code,
            JAXC_STATUS_INVALID_ARGUMENT);
}

TEST_F(CallTest, AccessorsOutOfRangeAreEmpty) {
  EXPECT_EQ(jaxc_module_function_at(module, 2), nullptr);
  jaxc_tensor_type_t type = jaxc_function_input_type(main, 2);
  EXPECT_EQ(type.rank, 0);
  EXPECT_EQ(type.dims, nullptr);
  EXPECT_EQ(jaxc_function_result_type(main, 1).dims, nullptr);
  EXPECT_STREQ(jaxc_function_result_name(main, 1), "");
}

TEST(StatusTest, NullIsSuccess) {
  EXPECT_EQ(jaxc_status_code(nullptr), JAXC_STATUS_OK);
  EXPECT_STREQ(jaxc_status_message(nullptr), "");
  jaxc_status_free(nullptr);
  jaxc_module_free(nullptr);
  EXPECT_EQ(jaxc_module_function_count(nullptr), 0u);
  EXPECT_STREQ(jaxc_function_name(nullptr), "");
}

} // namespace
