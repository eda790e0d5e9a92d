//===- module_file_fuzzer.cc - The module loader's checks, fuzzed ---------===//
//
// Feeds bytes to what jaxc_module_load_* runs before dlopen: the header,
// section table and metadata parser, then the native code's ELF layout
// check. Every input is tried twice: as it is, and with the header's file
// size and checksum made right, so that mutations get past the checksum to
// the structural checks behind it.
//
//===----------------------------------------------------------------------===//

#include "elf_layout.h"
#include "module_file.h"

#include "jaxc/runtime/module_checksum.h"
#include "jaxc/runtime/module_format.h"

#include <cstring>
#include <vector>

using namespace jaxc::runtime::impl;

namespace {

void parse(const uint8_t *data, size_t size) {
  ModuleFile file;
  jaxc_status_t status = parseModuleFile(data, size, "fuzz.vmfb", file);
  if (status) {
    jaxc_status_free(status);
    return;
  }
  (void)elfLayoutProblem(file.nativeCode, file.nativeCodeSize);
}

void storeU64(uint8_t *at, uint64_t value) {
  for (int i = 0; i < 8; ++i)
    at[i] = static_cast<uint8_t>(value >> (8 * i));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  parse(data, size);
  if (size < JAXC_MODULE_HEADER_SIZE)
    return 0;
  std::vector<uint8_t> fixed(data, data + size);
  storeU64(fixed.data() + JAXC_MODULE_FILE_SIZE_OFFSET, size);
  storeU64(fixed.data() + JAXC_MODULE_CHECKSUM_OFFSET,
           jaxc_module_checksum(fixed.data() + JAXC_MODULE_HEADER_SIZE,
                                size - JAXC_MODULE_HEADER_SIZE));
  parse(fixed.data(), fixed.size());
  return 0;
}
