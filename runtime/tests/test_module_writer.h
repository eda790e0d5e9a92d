//===- test_module_writer.h - Module files for the runtime tests -*- C++
//-*-===//
//
// Writes the layout of module_format.h independently of the runtime's
// reader (and of the compiler), around the test kernel's native code. It
// validates nothing, so tests can write malformed files too.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_TESTS_TEST_MODULE_WRITER_H
#define JAXC_RUNTIME_TESTS_TEST_MODULE_WRITER_H

#include "jaxc/runtime/runtime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace jaxc::runtime::test_support {

struct TensorSpec {
  uint32_t dtype; // a jaxc_dtype_t, or any other code
  std::vector<int64_t> dims;
};

struct ResultSpec {
  TensorSpec type;
  std::string name;
};

struct CheckSpec {
  uint32_t kind;
  uint32_t actualSlot;
  uint32_t expectedSlot;
  std::string location;
  double tolerance = 0; // 0: the kind's default
};

struct FunctionSpec {
  std::string name;
  std::string entrySymbol;
  std::vector<TensorSpec> inputs;
  std::vector<ResultSpec> results;
  std::vector<CheckSpec> checks;
  std::vector<TensorSpec> checkBuffers;
};

struct ModuleSpec {
  uint32_t version = JAXC_MODULE_FORMAT_VERSION;
  std::string targetTriple = "x86_64-unknown-linux-gnu";
  std::string targetCpu = "x86-64";
  uint32_t contextAbiVersion = JAXC_CONTEXT_ABI_VERSION;
  std::vector<std::string> cpuFeatures = {"sse2"};
  uint32_t denormalMode = JAXC_DENORMALS_IEEE; // jaxc_denormal_mode_t
  std::vector<FunctionSpec> functions;
  std::vector<uint8_t> trailingMetadata; // written after the functions
  std::vector<uint8_t> nativeCode;
  // Written as a CONSTANTS section after the native code, if not empty, at
  // a 64-byte aligned offset plus `constantsMisalignment`.
  std::vector<uint8_t> constants;
  size_t constantsMisalignment = 0;
};

// A written file holds the header, a section table of two entries (the
// metadata, then the native code), the metadata and the native code; the
// offsets below are those of such a file. With constants, the table has a
// third entry and the constants follow the native code.
constexpr size_t kVersionOffset = JAXC_MODULE_VERSION_OFFSET;
constexpr size_t kSectionCountOffset = JAXC_MODULE_SECTION_COUNT_OFFSET;
constexpr size_t kMetadataEntryOffset = JAXC_MODULE_HEADER_SIZE;
constexpr size_t kNativeCodeEntryOffset =
    JAXC_MODULE_HEADER_SIZE + JAXC_MODULE_SECTION_ENTRY_SIZE;
constexpr size_t kMetadataOffset =
    JAXC_MODULE_HEADER_SIZE + 2 * JAXC_MODULE_SECTION_ENTRY_SIZE;
// Within a section table entry.
constexpr size_t kEntryKindOffset = JAXC_SECTION_ENTRY_KIND_OFFSET;
constexpr size_t kEntryReservedOffset = JAXC_SECTION_ENTRY_RESERVED_OFFSET;
constexpr size_t kEntryOffsetOffset = JAXC_SECTION_ENTRY_OFFSET_OFFSET;
constexpr size_t kEntrySizeOffset = JAXC_SECTION_ENTRY_SIZE_OFFSET;

std::vector<uint8_t> writeModuleFile(const ModuleSpec &spec);
// Recomputes the header checksum after a test edited the file.
void resealChecksum(std::vector<uint8_t> &file);
void storeU32(std::vector<uint8_t> &file, size_t offset, uint32_t value);
void storeU64(std::vector<uint8_t> &file, size_t offset, uint64_t value);
uint64_t loadU64(const std::vector<uint8_t> &file, size_t offset);

// The bytes of the test kernel shared library (test_kernel.c).
std::vector<uint8_t> testKernelCode();
// "main": f32[3] + f32[3] -> f32[3] named "sum", by jaxc_test_add.
FunctionSpec addFunction(const std::string &name = "main");
// A module of the test kernel with `functions`.
// "main": no inputs; result ui8[64], the first 64 bytes of the module's
// constants.
FunctionSpec readConstantsFunction();
ModuleSpec kernelModule(std::vector<FunctionSpec> functions);

// A file in the test's temporary directory, removed on destruction.
class TempFile {
public:
  TempFile(const std::string &name, const std::vector<uint8_t> &bytes);
  TempFile(const TempFile &) = delete;
  TempFile &operator=(const TempFile &) = delete;
  ~TempFile();
  const std::string &path() const { return filePath; }

private:
  std::string filePath;
};

// A status's code and message; the status is freed.
struct Outcome {
  jaxc_status_code_t code;
  std::string message;
};
Outcome takeStatus(jaxc_status_t status);

} // namespace jaxc::runtime::test_support

#endif // JAXC_RUNTIME_TESTS_TEST_MODULE_WRITER_H
