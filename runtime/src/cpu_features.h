//===- cpu_features.h - What this machine's CPU can run ---------*- C++ -*-===//
//
// A module lists the CPU features its code may use (module_format.h); the
// runtime refuses one that needs a feature this CPU or its operating system
// lacks, instead of dying by SIGILL in the middle of a call.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_CPU_FEATURES_H
#define JAXC_RUNTIME_SRC_CPU_FEATURES_H

#include <string>
#include <vector>

namespace jaxc::runtime::impl {

// The features of `required` this machine cannot run, in their order: those
// its CPU does not report or its operating system does not enable, and
// those this runtime does not know.
std::vector<std::string>
missingCpuFeatures(const std::vector<std::string> &required);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_CPU_FEATURES_H
