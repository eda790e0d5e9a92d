//===- tensor_spec_fuzzer.cc - The --input parser, fuzzed -----------------===//

#include "jaxc/tooling/tensor_spec.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string_view spec(reinterpret_cast<const char *>(data), size);
  // "@path" reads a file (npy_fuzzer covers the reader); a long spec only
  // slows the run.
  if (size > 4096 || spec.find('@') != std::string_view::npos)
    return 0;
  // Tensors above 64 MiB are refused, as above the machine's memory.
  (void)jaxc::tooling::parseTensorSpec(spec, "--input", uint64_t{64} << 20);
  return 0;
}
