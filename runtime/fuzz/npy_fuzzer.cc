//===- npy_fuzzer.cc - The .npy reader, fuzzed ----------------------------===//

#include "jaxc/tooling/npy.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  auto tensor = jaxc::tooling::parseNpy(
      std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.npy");
  // What parses must serialize again.
  if (tensor)
    (void)jaxc::tooling::serializeNpy(*tensor);
  return 0;
}
