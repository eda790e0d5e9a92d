//===- test_module_writer.cc - Module files for the runtime tests ---------===//

#include "test_module_writer.h"

#include "jaxc/runtime/module_checksum.h"

#include <cstring>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <tuple>
#include <unistd.h>
#include <utility>

namespace jaxc::runtime::test_support {
namespace {

// Appends little-endian fields to a byte vector.
class ByteWriter {
public:
  void u32(uint32_t value) { little(value, 4); }
  void u64(uint64_t value) { little(value, 8); }
  void f64(double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof(bits));
    u64(bits);
  }
  void string(const std::string &value) {
    u32(static_cast<uint32_t>(value.size()));
    bytes.insert(bytes.end(), value.begin(), value.end());
  }
  void tensorType(const TensorSpec &type) {
    u32(type.dtype);
    u32(static_cast<uint32_t>(type.dims.size()));
    for (int64_t dim : type.dims)
      u64(static_cast<uint64_t>(dim));
  }
  std::vector<uint8_t> bytes;

private:
  void little(uint64_t value, int size) {
    for (int i = 0; i < size; ++i)
      bytes.push_back(static_cast<uint8_t>(value >> (8 * i)));
  }
};

std::vector<uint8_t> encodeMetadata(const ModuleSpec &spec) {
  ByteWriter out;
  out.string(spec.targetTriple);
  out.string(spec.targetCpu);
  out.u32(spec.contextAbiVersion);
  out.u32(static_cast<uint32_t>(spec.cpuFeatures.size()));
  for (const std::string &feature : spec.cpuFeatures)
    out.string(feature);
  out.u32(spec.denormalMode);
  out.u32(static_cast<uint32_t>(spec.functions.size()));
  for (const FunctionSpec &function : spec.functions) {
    out.string(function.name);
    out.string(function.entrySymbol);
    out.u32(static_cast<uint32_t>(function.inputs.size()));
    for (const TensorSpec &input : function.inputs)
      out.tensorType(input);
    out.u32(static_cast<uint32_t>(function.results.size()));
    for (const ResultSpec &result : function.results) {
      out.tensorType(result.type);
      out.string(result.name);
    }
    out.u32(static_cast<uint32_t>(function.checks.size()));
    for (const CheckSpec &check : function.checks) {
      out.u32(check.kind);
      out.u32(check.actualSlot);
      out.u32(check.expectedSlot);
      out.string(check.location);
      out.f64(check.tolerance);
    }
    out.u32(static_cast<uint32_t>(function.checkBuffers.size()));
    for (const TensorSpec &buffer : function.checkBuffers)
      out.tensorType(buffer);
  }
  out.bytes.insert(out.bytes.end(), spec.trailingMetadata.begin(),
                   spec.trailingMetadata.end());
  return out.bytes;
}

} // namespace

std::vector<uint8_t> writeModuleFile(const ModuleSpec &spec) {
  std::vector<uint8_t> metadata = encodeMetadata(spec);
  uint32_t sectionCount = spec.constants.empty() ? 2 : 3;
  uint64_t metadataOffset =
      JAXC_MODULE_HEADER_SIZE + sectionCount * JAXC_MODULE_SECTION_ENTRY_SIZE;
  uint64_t nativeCodeOffset = metadataOffset + metadata.size();
  uint64_t constantsOffset =
      (nativeCodeOffset + spec.nativeCode.size() + 63) / 64 * 64 +
      spec.constantsMisalignment;
  uint64_t fileSize = spec.constants.empty()
                          ? nativeCodeOffset + spec.nativeCode.size()
                          : constantsOffset + spec.constants.size();

  ByteWriter out;
  out.bytes.assign(JAXC_MODULE_MAGIC,
                   JAXC_MODULE_MAGIC + JAXC_MODULE_MAGIC_SIZE);
  out.u32(spec.version);
  out.u32(sectionCount);
  out.u64(fileSize);
  out.u64(0); // the checksum, sealed below
  std::vector<std::tuple<uint32_t, uint64_t, uint64_t>> sections = {
      {JAXC_SECTION_METADATA, metadataOffset, metadata.size()},
      {JAXC_SECTION_NATIVE_CODE, nativeCodeOffset, spec.nativeCode.size()}};
  if (!spec.constants.empty())
    sections.emplace_back(JAXC_SECTION_CONSTANTS, constantsOffset,
                          spec.constants.size());
  for (auto [kind, offset, size] : sections) {
    out.u32(kind);
    out.u32(0);
    out.u64(offset);
    out.u64(size);
  }
  out.bytes.insert(out.bytes.end(), metadata.begin(), metadata.end());
  out.bytes.insert(out.bytes.end(), spec.nativeCode.begin(),
                   spec.nativeCode.end());
  if (!spec.constants.empty()) {
    out.bytes.resize(constantsOffset, 0);
    out.bytes.insert(out.bytes.end(), spec.constants.begin(),
                     spec.constants.end());
  }
  resealChecksum(out.bytes);
  return out.bytes;
}

void resealChecksum(std::vector<uint8_t> &file) {
  storeU64(file, JAXC_MODULE_CHECKSUM_OFFSET,
           jaxc_module_checksum(file.data() + JAXC_MODULE_HEADER_SIZE,
                                file.size() - JAXC_MODULE_HEADER_SIZE));
}

void storeU32(std::vector<uint8_t> &file, size_t offset, uint32_t value) {
  for (size_t i = 0; i < 4; ++i)
    file.at(offset + i) = static_cast<uint8_t>(value >> (8 * i));
}

void storeU64(std::vector<uint8_t> &file, size_t offset, uint64_t value) {
  for (size_t i = 0; i < 8; ++i)
    file.at(offset + i) = static_cast<uint8_t>(value >> (8 * i));
}

uint64_t loadU64(const std::vector<uint8_t> &file, size_t offset) {
  uint64_t value = 0;
  for (size_t i = 0; i < 8; ++i)
    value |= static_cast<uint64_t>(file.at(offset + i)) << (8 * i);
  return value;
}

std::vector<uint8_t> testKernelCode() {
  std::ifstream file(JAXC_TEST_KERNEL_PATH, std::ios::binary);
  std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(file),
                             std::istreambuf_iterator<char>()};
  EXPECT_FALSE(bytes.empty()) << "cannot read " << JAXC_TEST_KERNEL_PATH;
  return bytes;
}

FunctionSpec addFunction(const std::string &name) {
  TensorSpec f32x3{JAXC_DTYPE_F32, {3}};
  return {name, "jaxc_test_add", {f32x3, f32x3}, {{f32x3, "sum"}}, {}, {}};
}

FunctionSpec readConstantsFunction() {
  return {"main", "jaxc_test_read_constants",
          {},     {{{JAXC_DTYPE_UI8, {64}}, ""}},
          {},     {}};
}

ModuleSpec kernelModule(std::vector<FunctionSpec> functions) {
  ModuleSpec spec;
  spec.functions = std::move(functions);
  spec.nativeCode = testKernelCode();
  return spec;
}

TempFile::TempFile(const std::string &name, const std::vector<uint8_t> &bytes)
    // The process id keeps test processes that run at once apart.
    : filePath(::testing::TempDir() + "jaxc_" + std::to_string(getpid()) + "_" +
               name) {
  std::ofstream file(filePath, std::ios::binary);
  file.write(reinterpret_cast<const char *>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  EXPECT_TRUE(file.good()) << "cannot write " << filePath;
}

TempFile::~TempFile() { std::remove(filePath.c_str()); }

Outcome takeStatus(jaxc_status_t status) {
  Outcome outcome{jaxc_status_code(status), jaxc_status_message(status)};
  jaxc_status_free(status);
  return outcome;
}

} // namespace jaxc::runtime::test_support
