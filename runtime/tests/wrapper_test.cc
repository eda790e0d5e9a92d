//===- wrapper_test.cc - The C++ wrapper, runtime.hpp ---------------------===//

#include "test_module_writer.h"

#include "jaxc/runtime/runtime.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

using namespace jaxc::runtime::test_support;
using jaxc::runtime::Error;
using jaxc::runtime::Function;
using jaxc::runtime::Module;
using jaxc::runtime::TensorType;

namespace {

std::vector<uint8_t> bytesOf(const std::vector<float> &values) {
  std::vector<uint8_t> bytes(values.size() * sizeof(float));
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

// Runs `body`, expecting it to throw an Error with `code`; returns its text.
template <typename Body>
std::string errorOf(jaxc_status_code_t code, Body &&body) {
  try {
    body();
  } catch (const Error &error) {
    EXPECT_EQ(error.code(), code) << error.what();
    return error.what();
  }
  ADD_FAILURE() << "no Error thrown";
  return "";
}

TEST(WrapperTest, LoadLookUpAndCall) {
  TempFile file("wrapper.vmfb",
                writeModuleFile(kernelModule({addFunction("main")})));
  Module module = Module::load(file.path());
  EXPECT_EQ(module.formatVersion(), JAXC_MODULE_FORMAT_VERSION);
  EXPECT_EQ(module.targetCpu(), "x86-64");
  ASSERT_EQ(module.functions().size(), 1u);
  EXPECT_EQ(module.functions()[0].name(), "main");

  Function main = module.lookup("main");
  std::vector<TensorType> f32x3(2, TensorType(JAXC_DTYPE_F32, {3}));
  EXPECT_EQ(main.inputs(), f32x3);
  ASSERT_EQ(main.results().size(), 1u);
  EXPECT_EQ(main.results()[0].byteSize(), 12u);
  EXPECT_EQ(main.resultName(0), "sum");
  EXPECT_EQ(main.checkCount(), 0u);

  std::vector<std::vector<uint8_t>> results =
      main.call({bytesOf({1, 2, 3}), bytesOf({0.5f, 0.5f, 0.5f})});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0], bytesOf({1.5f, 2.5f, 3.5f}));
}

TEST(WrapperTest, FailuresThrowErrorsWithTheStatus) {
  std::vector<uint8_t> bytes = writeModuleFile(kernelModule({addFunction()}));
  EXPECT_EQ(errorOf(JAXC_STATUS_NOT_FOUND,
                    [] { Module::load("/nonexistent/m.vmfb"); }),
            "/nonexistent/m.vmfb: cannot open: No such file or directory");
  EXPECT_EQ(errorOf(JAXC_STATUS_DATA_LOSS,
                    [&] { Module::loadMemory(bytes.data(), 20, "short"); }),
            "short: truncated (20 bytes, less than the 32-byte header)");

  Module module = Module::loadMemory(bytes.data(), bytes.size(), "m.vmfb");
  EXPECT_EQ(errorOf(JAXC_STATUS_NOT_FOUND, [&] { module.lookup("f"); }),
            "m.vmfb: no function 'f'; it has: main");
  Function main = module.lookup("main");
  EXPECT_EQ(errorOf(JAXC_STATUS_INVALID_ARGUMENT,
                    [&] {
                      main.call({bytesOf({1, 2, 3})});
                    }),
            "main: expected 2 inputs, got 1");
}

TEST(WrapperTest, ModulesMove) {
  std::vector<uint8_t> bytes = writeModuleFile(kernelModule({addFunction()}));
  Module module = Module::loadMemory(bytes.data(), bytes.size(), "m.vmfb");
  const jaxc_module_t *handle = module.get();
  Module moved = std::move(module);
  EXPECT_EQ(moved.get(), handle);
  float lhs[3] = {1, 2, 3}, rhs[3] = {1, 1, 1}, sum[3] = {};
  std::vector<jaxc::runtime::Buffer> outputs = {{sum, sizeof(sum)}};
  moved.lookup("main").call({{lhs, sizeof(lhs)}, {rhs, sizeof(rhs)}}, outputs);
  EXPECT_EQ(sum[2], 4.0f);
}

} // namespace
