//===- module_file_test.cc - Loading and verifying module files -----------===//

#include "test_module_writer.h"

#include "jaxc/runtime/runtime.h"

#include <cstdio>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace jaxc::runtime::test_support;

namespace {

constexpr const char *kName = "m.vmfb";

// Loads `bytes` under the name "m.vmfb"; frees the module if it loads.
Outcome load(const std::vector<uint8_t> &bytes) {
  jaxc_module_t *module = nullptr;
  Outcome outcome = takeStatus(
      jaxc_module_load_memory(bytes.data(), bytes.size(), kName, &module));
  EXPECT_EQ(module == nullptr, outcome.code != JAXC_STATUS_OK);
  jaxc_module_free(module);
  return outcome;
}

std::vector<uint8_t> validFile() {
  return writeModuleFile(kernelModule({addFunction()}));
}

void expectDataLoss(const std::vector<uint8_t> &bytes,
                    const std::string &message) {
  Outcome outcome = load(bytes);
  EXPECT_EQ(outcome.code, JAXC_STATUS_DATA_LOSS);
  EXPECT_EQ(outcome.message, std::string(kName) + ": " + message);
}

TEST(ModuleFileTest, LoadsAValidFileAndDescribesIt) {
  std::vector<uint8_t> code = testKernelCode();
  TempFile file("valid.vmfb", validFile());
  jaxc_module_t *module = nullptr;
  ASSERT_EQ(
      takeStatus(jaxc_module_load_file(file.path().c_str(), &module)).message,
      "");
  EXPECT_EQ(jaxc_module_format_version(module), JAXC_MODULE_FORMAT_VERSION);
  EXPECT_STREQ(jaxc_module_target_triple(module), "x86_64-unknown-linux-gnu");
  EXPECT_STREQ(jaxc_module_target_cpu(module), "x86-64");
  ASSERT_EQ(jaxc_module_cpu_feature_count(module), 1u);
  EXPECT_STREQ(jaxc_module_cpu_feature_at(module, 0), "sse2");
  EXPECT_EQ(jaxc_module_cpu_feature_at(module, 1), nullptr);
  EXPECT_EQ(jaxc_module_native_code_size(module), code.size());
  ASSERT_EQ(jaxc_module_function_count(module), 1u);
  const jaxc_function_t *main = jaxc_module_function_at(module, 0);
  EXPECT_STREQ(jaxc_function_name(main), "main");
  EXPECT_EQ(jaxc_function_input_count(main), 2u);
  EXPECT_EQ(jaxc_function_result_count(main), 1u);
  EXPECT_EQ(jaxc_function_check_count(main), 0u);
  jaxc_tensor_type_t input = jaxc_function_input_type(main, 1);
  EXPECT_EQ(input.dtype, JAXC_DTYPE_F32);
  ASSERT_EQ(input.rank, 1);
  EXPECT_EQ(input.dims[0], 3);
  EXPECT_EQ(jaxc_function_result_type(main, 0).dtype, JAXC_DTYPE_F32);
  EXPECT_STREQ(jaxc_function_result_name(main, 0), "sum");
  jaxc_module_free(module);
}

TEST(ModuleFileTest, LoadFromMemoryCopiesTheBytes) {
  std::vector<uint8_t> bytes = validFile();
  jaxc_module_t *module = nullptr;
  ASSERT_EQ(jaxc_module_load_memory(bytes.data(), bytes.size(), kName, &module),
            nullptr);
  bytes.assign(bytes.size(), 0);
  EXPECT_STREQ(jaxc_module_target_cpu(module), "x86-64");
  EXPECT_STREQ(jaxc_function_name(jaxc_module_function_at(module, 0)), "main");
  jaxc_module_free(module);
}

TEST(ModuleFileTest, MissingFileIsNotFoundAndNamesThePath) {
  std::string path = ::testing::TempDir() + "no_such_module.vmfb";
  jaxc_module_t *module = nullptr;
  Outcome outcome = takeStatus(jaxc_module_load_file(path.c_str(), &module));
  EXPECT_EQ(outcome.code, JAXC_STATUS_NOT_FOUND);
  EXPECT_EQ(outcome.message, path + ": cannot open: No such file or directory");
  EXPECT_EQ(module, nullptr);
}

TEST(ModuleFileTest, DirectoryIsAnError) {
  std::string directory = ::testing::TempDir();
  jaxc_module_t *module = nullptr;
  Outcome outcome =
      takeStatus(jaxc_module_load_file(directory.c_str(), &module));
  EXPECT_EQ(outcome.code, JAXC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(outcome.message, directory + ": not a regular file");
  EXPECT_EQ(module, nullptr);
}

TEST(ModuleFileTest, EmptyFileHasNoHeader) {
  std::string path = ::testing::TempDir() + "jaxc_empty_module.vmfb";
  std::FILE *file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  std::fclose(file);
  jaxc_module_t *module = nullptr;
  Outcome outcome = takeStatus(jaxc_module_load_file(path.c_str(), &module));
  std::remove(path.c_str());
  EXPECT_EQ(outcome.code, JAXC_STATUS_DATA_LOSS);
  EXPECT_NE(outcome.message.find(path + ": "), std::string::npos);
  EXPECT_NE(outcome.message.find("header"), std::string::npos);
  EXPECT_EQ(module, nullptr);
}

TEST(ModuleFileTest, NullArgumentsAreInvalid) {
  jaxc_module_t *module = nullptr;
  EXPECT_EQ(takeStatus(jaxc_module_load_file(nullptr, &module)).code,
            JAXC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(takeStatus(jaxc_module_load_file("m.vmfb", nullptr)).code,
            JAXC_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(
      takeStatus(jaxc_module_load_memory(nullptr, 8, kName, &module)).code,
      JAXC_STATUS_INVALID_ARGUMENT);
}

TEST(ModuleFileTest, BadMagicIsNotAModule) {
  std::vector<uint8_t> bytes = validFile();
  bytes[3] = 'X';
  expectDataLoss(bytes, "not a jaxc module (bad magic)");
  expectDataLoss({'\x7f', 'E', 'L', 'F'}, "not a jaxc module (bad magic)");
}

TEST(ModuleFileTest, OtherFormatVersionsAreRejected) {
  ModuleSpec spec = kernelModule({addFunction()});
  std::string reads =
      ", this runtime reads " + std::to_string(JAXC_MODULE_FORMAT_VERSION);
  spec.version = 7;
  expectDataLoss(writeModuleFile(spec), "format version 7" + reads);
  // The previous version does not say which CPU features the code needs.
  spec.version = JAXC_MODULE_FORMAT_VERSION - 1;
  expectDataLoss(writeModuleFile(spec),
                 "format version " + std::to_string(spec.version) + reads);
}

TEST(ModuleFileTest, AnotherContextAbiIsUnsupported) {
  ModuleSpec spec = kernelModule({addFunction()});
  spec.contextAbiVersion = JAXC_CONTEXT_ABI_VERSION + 1;
  Outcome outcome = load(writeModuleFile(spec));
  EXPECT_EQ(outcome.code, JAXC_STATUS_UNSUPPORTED);
  EXPECT_EQ(outcome.message, "m.vmfb: compiled for runtime context ABI " +
                                 std::to_string(JAXC_CONTEXT_ABI_VERSION + 1) +
                                 ", this runtime provides " +
                                 std::to_string(JAXC_CONTEXT_ABI_VERSION));
}

// A feature this runtime cannot check is one it cannot promise.
TEST(ModuleFileTest, UnknownCpuFeatureIsUnsupported) {
  ModuleSpec spec = kernelModule({addFunction()});
  spec.targetCpu = "future";
  spec.cpuFeatures = {"sse2", "warp-drive"};
  Outcome outcome = load(writeModuleFile(spec));
  EXPECT_EQ(outcome.code, JAXC_STATUS_UNSUPPORTED);
  EXPECT_EQ(outcome.message,
            "m.vmfb: compiled for CPU 'future', it needs CPU features this "
            "machine lacks: warp-drive; recompile with --target-cpu=host");
}

TEST(ModuleFileTest, ManyMissingCpuFeaturesAreCounted) {
  ModuleSpec spec = kernelModule({addFunction()});
  spec.cpuFeatures.clear();
  for (int i = 0; i < 11; ++i)
    spec.cpuFeatures.push_back("f" + std::to_string(i));
  Outcome outcome = load(writeModuleFile(spec));
  EXPECT_EQ(outcome.code, JAXC_STATUS_UNSUPPORTED);
  EXPECT_NE(
      outcome.message.find("lacks: f0, f1, f2, f3, f4, f5, f6, f7 and 3 more;"),
      std::string::npos)
      << outcome.message;
}

TEST(ModuleFileTest, ChecksumMismatchIsCorruption) {
  std::vector<uint8_t> bytes = validFile();
  bytes.back() ^= 0x01;
  expectDataLoss(bytes, "checksum mismatch (file is corrupt or truncated)");
  bytes = validFile();
  bytes[kMetadataOffset] ^= 0x80;
  expectDataLoss(bytes, "checksum mismatch (file is corrupt or truncated)");
}

TEST(ModuleFileTest, EveryPrefixFailsCleanly) {
  std::vector<uint8_t> bytes = validFile();
  for (size_t size = 0; size < bytes.size(); ++size) {
    std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + size);
    Outcome outcome = load(prefix);
    ASSERT_EQ(outcome.code, JAXC_STATUS_DATA_LOSS) << size;
    ASSERT_NE(outcome.message.find("m.vmfb: truncated ("), std::string::npos)
        << size << ": " << outcome.message;
  }
}

TEST(ModuleFileTest, TrailingBytesAreRejected) {
  std::vector<uint8_t> bytes = validFile();
  size_t size = bytes.size();
  bytes.push_back(0);
  expectDataLoss(bytes, std::to_string(size + 1) +
                            " bytes, but the header says " +
                            std::to_string(size) + " (trailing data)");
}

// The loader must survive any corrupt header, section table or metadata
// that carries a valid checksum: load or fail, never crash.
TEST(ModuleFileTest, EveryCorruptMetadataByteFailsCleanlyOrLoads) {
  std::vector<uint8_t> bytes = validFile();
  size_t nativeCodeOffset =
      loadU64(bytes, kNativeCodeEntryOffset + kEntryOffsetOffset);
  for (size_t offset = kVersionOffset + 4; offset < nativeCodeOffset;
       ++offset) {
    if (offset >= JAXC_MODULE_CHECKSUM_OFFSET &&
        offset < JAXC_MODULE_HEADER_SIZE)
      continue; // the checksum itself
    for (uint8_t flip : {0x01, 0x80, 0xff}) {
      std::vector<uint8_t> corrupt = bytes;
      corrupt[offset] ^= flip;
      resealChecksum(corrupt);
      Outcome outcome = load(corrupt);
      if (outcome.code == JAXC_STATUS_OK)
        continue;
      ASSERT_TRUE(outcome.code == JAXC_STATUS_DATA_LOSS ||
                  outcome.code == JAXC_STATUS_INTERNAL ||
                  outcome.code == JAXC_STATUS_UNSUPPORTED)
          << offset << ": " << outcome.message;
      ASSERT_EQ(outcome.message.rfind("m.vmfb: ", 0), 0u) << outcome.message;
    }
  }
}

class SectionTableTest : public ::testing::Test {
protected:
  void expectCorrupt(const std::string &message) {
    resealChecksum(bytes);
    expectDataLoss(bytes, message);
  }
  std::vector<uint8_t> bytes = validFile();
};

TEST_F(SectionTableTest, TableBeyondTheFile) {
  storeU32(bytes, kSectionCountOffset, 0x10000000);
  expectCorrupt(
      "the section table (268435456 entries) extends past the end of the file");
}

TEST_F(SectionTableTest, ReservedFieldMustBeZero) {
  storeU32(bytes, kNativeCodeEntryOffset + kEntryReservedOffset, 5);
  expectCorrupt("section 1: reserved field is 5, expected 0");
}

TEST_F(SectionTableTest, UnknownKind) {
  storeU32(bytes, kNativeCodeEntryOffset + kEntryKindOffset, 9);
  expectCorrupt("section 1: unknown kind 9");
}

TEST_F(SectionTableTest, DuplicateSection) {
  storeU32(bytes, kNativeCodeEntryOffset + kEntryKindOffset,
           JAXC_SECTION_METADATA);
  expectCorrupt("section 1: a second metadata section");
}

TEST_F(SectionTableTest, MissingNativeCode) {
  storeU32(bytes, kSectionCountOffset, 1);
  expectCorrupt("no native code section");
}

TEST_F(SectionTableTest, SectionPastTheEnd) {
  uint64_t size = bytes.size();
  storeU64(bytes, kNativeCodeEntryOffset + kEntrySizeOffset, UINT64_MAX);
  uint64_t offset = loadU64(bytes, kNativeCodeEntryOffset + kEntryOffsetOffset);
  expectCorrupt("section 1: offset " + std::to_string(offset) +
                " and size 18446744073709551615 lie outside the payload "
                "(bytes 80 to " +
                std::to_string(size) + ")");
}

TEST_F(SectionTableTest, SectionOverlappingTheHeader) {
  storeU64(bytes, kMetadataEntryOffset + kEntryOffsetOffset, 0);
  expectCorrupt(
      "section 0: offset 0 and size " +
      std::to_string(loadU64(bytes, kMetadataEntryOffset + kEntrySizeOffset)) +
      " lie outside the payload (bytes 80 to " + std::to_string(bytes.size()) +
      ")");
}

TEST(ModuleFileTest, NativeCodeMustBeElf) {
  ModuleSpec spec = kernelModule({addFunction()});
  spec.nativeCode = {'#', '!', '/', 'b', 'i', 'n'};
  expectDataLoss(writeModuleFile(spec), "the native code is not an ELF object");
}

// A metadata error, reported after "m.vmfb: metadata: ".
void expectBadMetadata(const ModuleSpec &spec, const std::string &message) {
  expectDataLoss(writeModuleFile(spec), "metadata: " + message);
}

TEST(MetadataTest, UnknownDType) {
  FunctionSpec function = addFunction();
  function.inputs[1].dtype = 99;
  expectBadMetadata(kernelModule({function}),
                    "function 0 ('main'): input 1: unknown dtype 99");
}

TEST(MetadataTest, NegativeDimension) {
  FunctionSpec function = addFunction();
  function.results[0].type.dims = {2, -3};
  expectBadMetadata(kernelModule({function}),
                    "function 0 ('main'): result 0: negative dimension -3");
}

TEST(MetadataTest, ShapeTooLarge) {
  FunctionSpec function = addFunction();
  function.inputs[0].dims = {INT64_MAX / 2, 3};
  expectBadMetadata(
      kernelModule({function}),
      "function 0 ('main'): input 0: shape too large: its byte size overflows");
}

TEST(MetadataTest, UnknownCheckKind) {
  FunctionSpec function = addFunction();
  function.checks = {{42, 0, 0, "t.py:1:1"}};
  expectBadMetadata(kernelModule({function}),
                    "function 0 ('main'): check 0: unknown check kind 42");
}

TEST(MetadataTest, CheckSlotOutOfRange) {
  FunctionSpec function = addFunction();
  function.checks = {{JAXC_CHECK_EQ, 0, 2, "t.py:1:1"}};
  function.checkBuffers = {{JAXC_DTYPE_F32, {3}}, {JAXC_DTYPE_F32, {3}}};
  expectBadMetadata(
      kernelModule({function}),
      "function 0 ('main'): check 0: slot 2 is out of range (2 check buffers)");
}

TEST(MetadataTest, CheckOperandsOfDifferentTypes) {
  FunctionSpec function = addFunction();
  function.checks = {{JAXC_CHECK_EQ, 0, 1, "t.py:1:1"}};
  function.checkBuffers = {{JAXC_DTYPE_F32, {3}}, {JAXC_DTYPE_F32, {2, 3}}};
  expectBadMetadata(
      kernelModule({function}),
      "function 0 ('main'): check 0: compares 3xf32 with 2x3xf32");
}

TEST(MetadataTest, DuplicateFunctionName) {
  expectBadMetadata(kernelModule({addFunction(), addFunction()}),
                    "function 1 ('main'): duplicate function name");
}

TEST(MetadataTest, EmptyFunctionName) {
  expectBadMetadata(kernelModule({addFunction("")}),
                    "function 0: empty function name");
}

TEST(MetadataTest, NulInAString) {
  ModuleSpec spec = kernelModule({addFunction()});
  spec.targetCpu = std::string("x86\0-64", 7);
  expectBadMetadata(spec, "the target CPU contains a NUL byte");
}

TEST(MetadataTest, TrailingBytes) {
  ModuleSpec spec = kernelModule({addFunction()});
  spec.trailingMetadata = {1, 2, 3};
  expectBadMetadata(spec, "3 unexpected bytes after the last function");
}

TEST(MetadataTest, TruncatedMetadata) {
  ModuleSpec spec = kernelModule({addFunction()});
  spec.functions[0].inputs.clear(); // leaves the count of 0 only
  spec.functions[0].results.clear();
  std::vector<uint8_t> bytes = writeModuleFile(spec);
  // Cut the metadata section short by the final check buffer count.
  uint64_t size = loadU64(bytes, kMetadataEntryOffset + kEntrySizeOffset);
  storeU64(bytes, kMetadataEntryOffset + kEntrySizeOffset, size - 4);
  resealChecksum(bytes);
  expectDataLoss(bytes, "metadata: function 0 ('main'): truncated at the "
                        "check buffer count");
}

// Truncated native code would fault inside dlopen: it must be caught first.
TEST(NativeCodeTest, EveryTruncatedElfIsRejected) {
  ModuleSpec spec = kernelModule({addFunction()});
  std::vector<uint8_t> code = spec.nativeCode;
  // Every length across the ELF header, then a sample: each load hashes
  // the whole file.
  for (size_t size = 0; size < code.size(); size += size < 128 ? 1 : 37) {
    spec.nativeCode.assign(code.begin(), code.begin() + size);
    Outcome outcome = load(writeModuleFile(spec));
    ASSERT_EQ(outcome.code, JAXC_STATUS_DATA_LOSS) << size;
    ASSERT_EQ(outcome.message.rfind("m.vmfb: the native code is ", 0), 0u)
        << outcome.message;
  }
  spec.nativeCode.assign(code.begin(), code.end() - 1);
  EXPECT_EQ(load(writeModuleFile(spec)).message,
            "m.vmfb: the native code is truncated (" +
                std::to_string(code.size() - 1) +
                " bytes): its section headers end past them");
}

TEST(NativeCodeTest, MissingEntrySymbolIsAnError) {
  FunctionSpec function = addFunction();
  function.entrySymbol = "jaxc_test_no_such_entry";
  Outcome outcome = load(writeModuleFile(kernelModule({function})));
  EXPECT_EQ(outcome.code, JAXC_STATUS_INTERNAL);
  EXPECT_EQ(outcome.message, "m.vmfb: function 'main': the native code has no "
                             "entry symbol 'jaxc_test_no_such_entry'");
}

TEST(NativeCodeTest, UnloadableCodeIsAnError) {
  ModuleSpec spec = kernelModule({addFunction()});
  spec.nativeCode.assign(64, 0);
  spec.nativeCode[0] = 0x7f;
  spec.nativeCode[1] = 'E';
  spec.nativeCode[2] = 'L';
  spec.nativeCode[3] = 'F';
  Outcome outcome = load(writeModuleFile(spec));
  EXPECT_EQ(outcome.code, JAXC_STATUS_INTERNAL);
  EXPECT_EQ(outcome.message.rfind("m.vmfb: cannot load the native code: ", 0),
            0u)
      << outcome.message;
}

// Each load has its own copy of the code, even while another module with
// the same code is loaded, or after one was freed.
TEST(NativeCodeTest, ModulesLoadAndUnloadIndependently) {
  FunctionSpec countCalls{"count_calls",
                          "jaxc_test_count_calls",
                          {},
                          {{{JAXC_DTYPE_UI64, {}}, ""}},
                          {},
                          {}};
  std::vector<uint8_t> bytes = writeModuleFile(kernelModule({countCalls}));
  auto callCount = [](const jaxc_module_t *module) {
    uint64_t calls = 0;
    jaxc_buffer_t output{&calls, sizeof(calls)};
    EXPECT_EQ(jaxc_function_call(jaxc_module_function_at(module, 0), nullptr, 0,
                                 &output, 1),
              nullptr);
    return calls;
  };
  jaxc_module_t *first = nullptr, *second = nullptr, *third = nullptr;
  ASSERT_EQ(jaxc_module_load_memory(bytes.data(), bytes.size(), "1", &first),
            nullptr);
  ASSERT_EQ(jaxc_module_load_memory(bytes.data(), bytes.size(), "2", &second),
            nullptr);
  EXPECT_EQ(callCount(first), 1u);
  EXPECT_EQ(callCount(first), 2u);
  EXPECT_EQ(callCount(second), 1u);
  jaxc_module_free(first);
  ASSERT_EQ(jaxc_module_load_memory(bytes.data(), bytes.size(), "3", &third),
            nullptr);
  EXPECT_EQ(callCount(third), 1u);
  EXPECT_EQ(callCount(second), 2u);
  jaxc_module_free(second);
  jaxc_module_free(third);
}

// The native code reads the CONSTANTS section through jaxc_constants:
// where the file is mapped, or from a copy when loaded from memory.
class ConstantsTest : public ::testing::Test {
protected:
  ConstantsTest() {
    for (size_t i = 0; i < 1000; ++i)
      spec.constants.push_back(static_cast<uint8_t>(i * 7 + 3));
  }

  // The 64 bytes the code reads from its constants.
  std::vector<uint8_t> readConstants(const jaxc_module_t *module) {
    std::vector<uint8_t> result(64);
    jaxc_buffer_t out{result.data(), result.size()};
    const jaxc_function_t *main = jaxc_module_function_at(module, 0);
    EXPECT_EQ(takeStatus(jaxc_function_call(main, nullptr, 0, &out, 1)).message,
              "");
    return result;
  }

  std::vector<uint8_t> expected() const {
    return {spec.constants.begin(), spec.constants.begin() + 64};
  }

  ModuleSpec spec = kernelModule({readConstantsFunction()});
};

TEST_F(ConstantsTest, FromAFileTheCodeReadsTheMappedSection) {
  TempFile file("constants.vmfb", writeModuleFile(spec));
  jaxc_module_t *module = nullptr;
  ASSERT_EQ(
      takeStatus(jaxc_module_load_file(file.path().c_str(), &module)).message,
      "");
  EXPECT_EQ(jaxc_module_constants_size(module), spec.constants.size());
  EXPECT_EQ(readConstants(module), expected());
  jaxc_module_free(module);
}

TEST_F(ConstantsTest, FromMemoryTheCodeReadsACopy) {
  std::vector<uint8_t> bytes = writeModuleFile(spec);
  jaxc_module_t *module = nullptr;
  ASSERT_EQ(jaxc_module_load_memory(bytes.data(), bytes.size(), kName, &module),
            nullptr);
  bytes.assign(bytes.size(), 0);
  bytes.shrink_to_fit();
  EXPECT_EQ(readConstants(module), expected());
  jaxc_module_free(module);
}

TEST_F(ConstantsTest, TwoModulesReadTheirOwnConstants) {
  ModuleSpec other = spec;
  for (uint8_t &byte : other.constants)
    byte = static_cast<uint8_t>(~byte);
  TempFile first("first.vmfb", writeModuleFile(spec));
  TempFile second("second.vmfb", writeModuleFile(other));
  jaxc_module_t *a = nullptr, *b = nullptr;
  ASSERT_EQ(jaxc_module_load_file(first.path().c_str(), &a), nullptr);
  ASSERT_EQ(jaxc_module_load_file(second.path().c_str(), &b), nullptr);
  EXPECT_EQ(readConstants(a), expected());
  EXPECT_EQ(readConstants(b),
            std::vector<uint8_t>(other.constants.begin(),
                                 other.constants.begin() + 64));
  jaxc_module_free(a);
  jaxc_module_free(b);
}

TEST_F(ConstantsTest, MisalignedSectionIsCorruption) {
  spec.constantsMisalignment = 8;
  std::vector<uint8_t> bytes = writeModuleFile(spec);
  uint64_t offset = loadU64(bytes, JAXC_MODULE_HEADER_SIZE +
                                       2 * JAXC_MODULE_SECTION_ENTRY_SIZE +
                                       kEntryOffsetOffset);
  expectDataLoss(bytes, "section 2: the constants start at offset " +
                            std::to_string(offset) + ", not 64-byte aligned");
}

TEST_F(ConstantsTest, WithoutTheSectionThereAreNoConstants) {
  jaxc_module_t *module = nullptr;
  std::vector<uint8_t> bytes = validFile();
  ASSERT_EQ(jaxc_module_load_memory(bytes.data(), bytes.size(), kName, &module),
            nullptr);
  EXPECT_EQ(jaxc_module_constants_size(module), 0u);
  jaxc_module_free(module);
}

} // namespace
