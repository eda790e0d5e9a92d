//===- cpu_features.cc - What this machine's CPU can run ------------------===//

#include "cpu_features.h"

#include "jaxc/runtime/module_format.h"

#include <cstdint>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace jaxc::runtime::impl {

namespace {

struct CpuidFeature {
  const char *name;
  uint32_t leaf, subleaf;
  jaxc_cpuid_register_t reg;
  uint32_t bit;
  uint64_t registerState;
};

struct Avx10Feature {
  const char *name;
  uint32_t version;
};

#define JAXC_CPUID_FEATURE(name, leaf, subleaf, reg, bit, state)               \
  {name, leaf, subleaf, reg, bit, state},
constexpr CpuidFeature kCpuidFeatures[] = {
    JAXC_X86_CPU_FEATURES(JAXC_CPUID_FEATURE)};
#undef JAXC_CPUID_FEATURE

#define JAXC_AVX10_FEATURE(name, version) {name, version},
constexpr Avx10Feature kAvx10Features[] = {
    JAXC_X86_AVX10_FEATURES(JAXC_AVX10_FEATURE)};
#undef JAXC_AVX10_FEATURE

#if defined(__x86_64__)

// EAX, EBX, ECX, EDX of CPUID(leaf, subleaf); zeros past the highest leaf.
struct CpuidResult {
  uint32_t registers[4] = {0, 0, 0, 0};
};

CpuidResult cpuid(uint32_t leaf, uint32_t subleaf) {
  CpuidResult result;
  uint32_t *r = result.registers;
  if (!__get_cpuid_count(leaf, subleaf, &r[0], &r[1], &r[2], &r[3]))
    return CpuidResult{};
  return result;
}

// The register state the operating system saves and restores (XCR0): a
// feature whose registers it does not enable faults like a missing one.
uint64_t enabledRegisterState() {
  constexpr uint32_t kOsxsave = 1u << 27; // CPUID.1:ECX
  if (!(cpuid(1, 0).registers[JAXC_CPUID_ECX] & kOsxsave))
    return JAXC_XCR0_NONE | JAXC_XCR0_SSE; // no XSAVE: SSE state only
  uint32_t low, high;
  __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
  return (uint64_t{high} << 32) | low;
}

bool hasCpuidFeature(const CpuidFeature &feature, uint64_t state) {
  uint32_t value = cpuid(feature.leaf, feature.subleaf).registers[feature.reg];
  return (value >> feature.bit & 1) &&
         (state & feature.registerState) == feature.registerState;
}

bool hasAvx10(uint32_t version, uint64_t state) {
  constexpr uint32_t kAvx10Bit = 19; // CPUID.(7,1):EDX
  if (!(cpuid(7, 1).registers[JAXC_CPUID_EDX] >> kAvx10Bit & 1) ||
      (state & JAXC_XCR0_AVX512) != JAXC_XCR0_AVX512)
    return false;
  return (cpuid(0x24, 0).registers[JAXC_CPUID_EBX] & 0xff) >= version;
}

#endif

// Whether this machine runs `name`; false for names it does not know.
bool hasFeature(const std::string &name, [[maybe_unused]] uint64_t state) {
#if defined(__x86_64__)
  for (const CpuidFeature &feature : kCpuidFeatures)
    if (name == feature.name)
      return hasCpuidFeature(feature, state);
  for (const Avx10Feature &feature : kAvx10Features)
    if (name == feature.name)
      return hasAvx10(feature.version, state);
#endif
  return false;
}

} // namespace

std::vector<std::string>
missingCpuFeatures(const std::vector<std::string> &required) {
  uint64_t state = 0;
#if defined(__x86_64__)
  state = enabledRegisterState();
#endif
  std::vector<std::string> missing;
  for (const std::string &name : required)
    if (!hasFeature(name, state))
      missing.push_back(name);
  return missing;
}

} // namespace jaxc::runtime::impl
