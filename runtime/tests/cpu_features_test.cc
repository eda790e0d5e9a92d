//===- cpu_features_test.cc - The runtime's CPUID table -------------------===//

#include "cpu_features.h"

#include "jaxc/runtime/module_format.h"

#include <gtest/gtest.h>

namespace {

using jaxc::runtime::impl::missingCpuFeatures;
using Names = std::vector<std::string>;

bool has(const char *name) { return missingCpuFeatures({name}).empty(); }

// Every x86-64 CPU has these (LLVM's x86-64 target).
TEST(CpuFeaturesTest, BaselineIsPresent) {
  EXPECT_EQ(missingCpuFeatures({"cx8", "cmov", "mmx", "fxsr", "sse", "sse2"}),
            Names{});
}

TEST(CpuFeaturesTest, UnknownNamesAreMissing) {
  EXPECT_EQ(missingCpuFeatures({"sse2", "warp-drive", "", "AVX2"}),
            (Names{"warp-drive", "", "AVX2"}));
}

// The table's CPUID bits and register states agree with GCC's own
// detection, which checks both, on whatever machine runs the test.
TEST(CpuFeaturesTest, AgreesWithTheCompilersDetection) {
  EXPECT_EQ(has("sse4.2"), !!__builtin_cpu_supports("sse4.2"));
  EXPECT_EQ(has("popcnt"), !!__builtin_cpu_supports("popcnt"));
  EXPECT_EQ(has("avx"), !!__builtin_cpu_supports("avx"));
  EXPECT_EQ(has("avx2"), !!__builtin_cpu_supports("avx2"));
  EXPECT_EQ(has("fma"), !!__builtin_cpu_supports("fma"));
  EXPECT_EQ(has("bmi2"), !!__builtin_cpu_supports("bmi2"));
  EXPECT_EQ(has("avx512f"), !!__builtin_cpu_supports("avx512f"));
  EXPECT_EQ(has("avx512bw"), !!__builtin_cpu_supports("avx512bw"));
  EXPECT_EQ(has("avx512vl"), !!__builtin_cpu_supports("avx512vl"));
  EXPECT_EQ(has("avx512bf16"), !!__builtin_cpu_supports("avx512bf16"));
  EXPECT_EQ(has("avx512fp16"), !!__builtin_cpu_supports("avx512fp16"));
  EXPECT_EQ(has("fma4"), !!__builtin_cpu_supports("fma4"));
  EXPECT_EQ(has("xop"), !!__builtin_cpu_supports("xop"));
}

// A feature implies those it extends: a CPU reporting one and not the
// other would be one jaxc's code could fault on.
TEST(CpuFeaturesTest, ExtensionsImplyTheirBase) {
  if (has("avx2"))
    EXPECT_TRUE(has("avx"));
  if (has("avx512vl"))
    EXPECT_TRUE(has("avx512f"));
  if (has("evex512"))
    EXPECT_TRUE(has("avx512f"));
}

} // namespace
