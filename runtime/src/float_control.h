//===- float_control.h - The thread's float control word -----*- C++ -*-===//
//
// How subnormal numbers are treated is per thread state: MXCSR on x86-64
// (FTZ, bit 15: subnormal results become zero; DAZ, bit 6: subnormal inputs
// read as zero) and FPCR on AArch64 (FZ, bit 24, both at once). A module
// compiled with JAXC_DENORMALS_FLUSH runs with them set; the caller's word
// is put back when the call returns, so embedding programs see no change.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_FLOAT_CONTROL_H
#define JAXC_RUNTIME_SRC_FLOAT_CONTROL_H

#include "jaxc/runtime/module_format.h"

#include <cstdint>

namespace jaxc::runtime::impl {

using FloatControl = uint64_t;

inline FloatControl readFloatControl() {
#if defined(__x86_64__) || defined(__i386__)
  return __builtin_ia32_stmxcsr();
#elif defined(__aarch64__)
  uint64_t fpcr;
  asm volatile("mrs %0, fpcr" : "=r"(fpcr));
  return fpcr;
#else
  return 0;
#endif
}

inline void writeFloatControl(FloatControl control) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_ldmxcsr(static_cast<unsigned>(control));
#elif defined(__aarch64__)
  asm volatile("msr fpcr, %0" : : "r"(control));
#else
  (void)control;
#endif
}

// `control` with the denormal bits set as `mode` asks.
inline FloatControl withDenormalMode(FloatControl control,
                                     jaxc_denormal_mode_t mode) {
#if defined(__x86_64__) || defined(__i386__)
  constexpr FloatControl kFlushBits = (1u << 15) | (1u << 6); // FTZ | DAZ
#elif defined(__aarch64__)
  constexpr FloatControl kFlushBits = FloatControl{1} << 24; // FZ
#else
  constexpr FloatControl kFlushBits = 0;
#endif
  return mode == JAXC_DENORMALS_FLUSH ? control | kFlushBits
                                      : control & ~kFlushBits;
}

// Sets the thread's control word for a scope and restores the previous one.
// Writes nothing when the word is already right (the common case for pool
// workers, which keep the last loop's word).
class ScopedFloatControl {
public:
  explicit ScopedFloatControl(FloatControl control)
      : saved(readFloatControl()) {
    if (control != saved)
      writeFloatControl(control);
  }
  ScopedFloatControl(const ScopedFloatControl &) = delete;
  ScopedFloatControl &operator=(const ScopedFloatControl &) = delete;
  ~ScopedFloatControl() {
    if (readFloatControl() != saved)
      writeFloatControl(saved);
  }

private:
  FloatControl saved;
};

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_FLOAT_CONTROL_H
