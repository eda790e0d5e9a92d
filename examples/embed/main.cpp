//===- main.cpp - Embedding the jaxc runtime in a C++ program -------------===//
//
// Loads a compiled module (e.g. examples/sin_add.mlir compiled with
// `jaxc compile`), calls @main on two f32[3] vectors and prints the result.
// Links only the runtime library: no MLIR, no LLVM.
//
//   jaxc-embed-example /tmp/sin_add.vmfb
//
//===----------------------------------------------------------------------===//

#include "jaxc/runtime/runtime.hpp"

#include <cstring>
#include <iostream>
#include <vector>

namespace {

std::vector<uint8_t> bytesOf(const std::vector<float> &values) {
  std::vector<uint8_t> bytes(values.size() * sizeof(float));
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " MODULE.vmfb\n";
    return 2;
  }
  try {
    jaxc::runtime::Module module = jaxc::runtime::Module::load(argv[1]);
    jaxc::runtime::Function main = module.lookup("main");
    std::vector<std::vector<uint8_t>> results =
        main.call({bytesOf({1, 2, 3}), bytesOf({4, 5, 6})});
    std::vector<float> sum(results.at(0).size() / sizeof(float));
    std::memcpy(sum.data(), results[0].data(), results[0].size());
    std::cout << "main(1 2 3, 4 5 6) =";
    for (float value : sum)
      std::cout << " " << value;
    std::cout << "\n";
  } catch (const jaxc::runtime::Error &error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
