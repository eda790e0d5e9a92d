//===- device_test.cc - Devices and calls on them -------------------------===//

#include "test_module_writer.h"

#include "jaxc/runtime/runtime.h"
#include "jaxc/runtime/runtime.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using namespace jaxc::runtime::test_support;

namespace {

unsigned coreCount() {
  return std::max(1u, std::thread::hardware_concurrency());
}

// Sets an environment variable for one test.
class ScopedEnvironment {
public:
  ScopedEnvironment(const char *name, const char *value) : name(name) {
    setenv(name, value, /*overwrite=*/1);
  }
  ~ScopedEnvironment() { unsetenv(name); }

private:
  const char *name;
};

TEST(DeviceTest, LocalSyncHasOneThread) {
  jaxc_device_t *device = nullptr;
  ASSERT_EQ(jaxc_device_create(JAXC_DEVICE_LOCAL_SYNC, &device), nullptr);
  EXPECT_EQ(jaxc_device_thread_count(device), 1u);
  jaxc_device_free(device);
}

TEST(DeviceTest, LocalTaskHasAThreadPerCore) {
  jaxc_device_t *device = nullptr;
  ASSERT_EQ(jaxc_device_create(JAXC_DEVICE_LOCAL_TASK, &device), nullptr);
  EXPECT_EQ(jaxc_device_thread_count(device), coreCount());
  jaxc_device_free(device);
}

TEST(DeviceTest, TheEnvironmentSetsLocalTasksThreadCount) {
  ScopedEnvironment threads("JAXC_THREAD_COUNT", "3");
  jaxc_device_t *device = nullptr;
  ASSERT_EQ(jaxc_device_create(JAXC_DEVICE_LOCAL_TASK, &device), nullptr);
  EXPECT_EQ(jaxc_device_thread_count(device), 3u);
  jaxc_device_free(device);
}

TEST(DeviceTest, BadThreadCountsAreRejected) {
  for (const char *value : {"0", "-2", "abc", "4x", "1025"}) {
    ScopedEnvironment threads("JAXC_THREAD_COUNT", value);
    jaxc_device_t *device = nullptr;
    Outcome outcome =
        takeStatus(jaxc_device_create(JAXC_DEVICE_LOCAL_TASK, &device));
    EXPECT_EQ(outcome.code, JAXC_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(outcome.message, std::string("JAXC_THREAD_COUNT=") + value +
                                   ": expected a thread count from 1 to 1024");
    EXPECT_EQ(device, nullptr);
  }
}

TEST(DeviceTest, FreeingNullIsFine) { jaxc_device_free(nullptr); }

// Calls of jaxc_test_parallel_affine, whose loop runs on the context's
// parallel_for: y = 3x + 1 and the context's thread count.
class CallOnTest : public ::testing::Test {
protected:
  static constexpr int64_t kCount = JAXC_TEST_AFFINE_COUNT;

  void SetUp() override {
    TensorSpec vector{JAXC_DTYPE_I64, {kCount}};
    FunctionSpec affine{
        "affine", "jaxc_test_parallel_affine",
        {vector}, {{vector, "y"}, {{JAXC_DTYPE_UI32, {}}, "threads"}},
        {},       {}};
    std::vector<uint8_t> bytes = writeModuleFile(kernelModule({affine}));
    ASSERT_EQ(
        jaxc_module_load_memory(bytes.data(), bytes.size(), "m.vmfb", &module),
        nullptr);
    ASSERT_EQ(jaxc_module_lookup(module, "affine", &function), nullptr);
    for (int64_t i = 0; i < kCount; ++i)
      x[i] = i * 7 - 5000;
  }
  void TearDown() override { jaxc_module_free(module); }

  // Calls on `device`, or with jaxc_function_call if it is NULL; returns
  // the thread count the code saw and checks y.
  uint32_t call(jaxc_device_t *device) {
    std::vector<int64_t> y(kCount, 0);
    uint32_t threads = 0;
    jaxc_buffer_t inputs[] = {{x.data(), x.size() * sizeof(int64_t)}};
    jaxc_buffer_t outputs[] = {{y.data(), y.size() * sizeof(int64_t)},
                               {&threads, sizeof(threads)}};
    Outcome outcome = takeStatus(
        device ? jaxc_function_call_on(function, device, inputs, 1, outputs, 2)
               : jaxc_function_call(function, inputs, 1, outputs, 2));
    EXPECT_EQ(outcome.message, "");
    for (int64_t i = 0; i < kCount; ++i)
      if (y[i] != 3 * x[i] + 1) {
        ADD_FAILURE() << "y[" << i << "] = " << y[i];
        break;
      }
    return threads;
  }

  jaxc_module_t *module = nullptr;
  const jaxc_function_t *function = nullptr;
  std::vector<int64_t> x = std::vector<int64_t>(kCount);
};

TEST_F(CallOnTest, EachDeviceHandsItsPoolToTheCode) {
  for (auto [kind, threads] :
       {std::pair{JAXC_DEVICE_LOCAL_SYNC, 1u},
        std::pair{JAXC_DEVICE_LOCAL_TASK, coreCount()}}) {
    jaxc_device_t *device = nullptr;
    ASSERT_EQ(jaxc_device_create(kind, &device), nullptr);
    EXPECT_EQ(call(device), threads);
    jaxc_device_free(device);
  }
}

TEST_F(CallOnTest, FunctionCallUsesALocalTaskDevice) {
  EXPECT_EQ(call(nullptr), coreCount());
}

TEST_F(CallOnTest, ThreadsMayCallOnOneDeviceAtOnce) {
  ScopedEnvironment threads("JAXC_THREAD_COUNT", "3");
  jaxc_device_t *device = nullptr;
  ASSERT_EQ(jaxc_device_create(JAXC_DEVICE_LOCAL_TASK, &device), nullptr);
  auto calls = [&] {
    for (int round = 0; round < 50; ++round)
      EXPECT_EQ(call(device), 3u);
  };
  std::thread first(calls), second(calls);
  first.join();
  second.join();
  jaxc_device_free(device);
}

TEST_F(CallOnTest, NullDeviceOrFunctionIsRejected) {
  Outcome outcome = takeStatus(
      jaxc_function_call_on(function, nullptr, nullptr, 0, nullptr, 0));
  EXPECT_EQ(outcome.code, JAXC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(outcome.message, "jaxc_function_call_on: NULL device");
  jaxc_device_t *device = nullptr;
  ASSERT_EQ(jaxc_device_create(JAXC_DEVICE_LOCAL_SYNC, &device), nullptr);
  outcome = takeStatus(
      jaxc_function_call_on(nullptr, device, nullptr, 0, nullptr, 0));
  EXPECT_EQ(outcome.message, "jaxc_function_call_on: NULL function");
  jaxc_device_free(device);
}

TEST_F(CallOnTest, WrapperDevices) {
  jaxc::runtime::Function affine(function);
  std::vector<uint8_t> input(kCount * sizeof(int64_t));
  std::memcpy(input.data(), x.data(), input.size());
  jaxc::runtime::Device sync(JAXC_DEVICE_LOCAL_SYNC);
  jaxc::runtime::Device task;
  EXPECT_EQ(sync.threadCount(), 1u);
  EXPECT_EQ(task.threadCount(), coreCount());
  std::vector<std::vector<uint8_t>> onSync = affine.call(sync, {input});
  std::vector<std::vector<uint8_t>> onTask = affine.call(task, {input});
  ASSERT_EQ(onSync.size(), 2u);
  EXPECT_EQ(onSync[0], onTask[0]);
  uint32_t syncThreads = 0;
  std::memcpy(&syncThreads, onSync[1].data(), sizeof(syncThreads));
  EXPECT_EQ(syncThreads, 1u);
}

} // namespace
