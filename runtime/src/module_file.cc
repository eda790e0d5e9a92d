//===- module_file.cc - Parsing and verifying a module file ---------------===//

#include "module_file.h"

#include "checks.h"
#include "elf_layout.h"
#include "status.h"

#include "jaxc/runtime/module_checksum.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <unordered_set>
#include <utility>

namespace jaxc::runtime::impl {
namespace {

static_assert(sizeof(JAXC_MODULE_MAGIC) == JAXC_MODULE_MAGIC_SIZE,
              "the magic and its terminating NUL fill the magic field");

template <typename T> T loadLittleEndian(const uint8_t *bytes) {
  T value = 0;
  for (size_t i = 0; i < sizeof(T); ++i)
    value |= static_cast<T>(bytes[i]) << (8 * i);
  return value;
}

// Reads the METADATA section, checking every read against its end. Errors
// say where the parser was, e.g. "function 0 ('main'): input 1: unknown
// dtype 99".
class MetadataParser {
public:
  MetadataParser(const uint8_t *data, size_t size)
      : cursor(data), end(data + size) {}

  // Fills the metadata fields of `file`; on failure, error() says why.
  bool parse(ModuleFile &file);
  const std::string &error() const { return errorMessage; }

private:
  size_t remaining() const { return static_cast<size_t>(end - cursor); }
  bool fail(const std::string &what);
  bool readU32(uint32_t &value, const char *field);
  bool readI64(int64_t &value, const char *field);
  bool readF64(double &value, const char *field);
  bool readString(std::string &value, const char *field);
  bool readTensorType(TensorType &type, std::string item);
  bool readCheck(Check &check, std::string item);
  bool readFunction(FunctionMetadata &function);
  bool verifyChecks(const FunctionMetadata &function);

  const uint8_t *cursor;
  const uint8_t *end;
  // Where the parser is: "function 0 ('main')" and "input 1".
  std::string functionContext;
  std::string itemContext;
  std::string errorMessage;
};

bool MetadataParser::fail(const std::string &what) {
  errorMessage.clear();
  for (const std::string *context : {&functionContext, &itemContext})
    if (!context->empty())
      errorMessage += *context + ": ";
  errorMessage += what;
  return false;
}

bool MetadataParser::readU32(uint32_t &value, const char *field) {
  if (remaining() < sizeof(value))
    return fail(std::string("truncated at ") + field);
  value = loadLittleEndian<uint32_t>(cursor);
  cursor += sizeof(value);
  return true;
}

bool MetadataParser::readI64(int64_t &value, const char *field) {
  if (remaining() < sizeof(value))
    return fail(std::string("truncated at ") + field);
  value = static_cast<int64_t>(loadLittleEndian<uint64_t>(cursor));
  cursor += sizeof(value);
  return true;
}

bool MetadataParser::readF64(double &value, const char *field) {
  int64_t bits;
  if (!readI64(bits, field))
    return false;
  std::memcpy(&value, &bits, sizeof(value));
  return true;
}

bool MetadataParser::readString(std::string &value, const char *field) {
  uint32_t length;
  if (!readU32(length, field))
    return false;
  if (length > remaining())
    return fail(std::string("truncated in ") + field + " (" +
                std::to_string(length) + " bytes)");
  // Strings reach users as C strings: an embedded NUL would cut them short.
  if (std::memchr(cursor, 0, length))
    return fail(std::string(field) + " contains a NUL byte");
  value.assign(reinterpret_cast<const char *>(cursor), length);
  cursor += length;
  return true;
}

bool MetadataParser::readTensorType(TensorType &type, std::string item) {
  itemContext = std::move(item);
  uint32_t dtypeCode, rank;
  if (!readU32(dtypeCode, "the dtype") || !readU32(rank, "the rank"))
    return false;
  const DTypeInfo *dtype = findDType(dtypeCode);
  if (!dtype)
    return fail("unknown dtype " + std::to_string(dtypeCode));
  if (rank > static_cast<uint32_t>(INT32_MAX))
    return fail("rank " + std::to_string(rank) + " is too large");
  // Checked before reserving, so that a corrupt rank cannot allocate much.
  if (rank > remaining() / sizeof(int64_t))
    return fail("truncated in the dims (rank " + std::to_string(rank) + ")");
  std::vector<int64_t> dims(rank);
  for (int64_t &dim : dims) {
    if (!readI64(dim, "the dims"))
      return false;
    if (dim < 0)
      return fail("negative dimension " + std::to_string(dim));
  }
  if (!makeTensorType(*dtype, std::move(dims), type))
    return fail("shape too large: its byte size overflows");
  itemContext.clear();
  return true;
}

bool MetadataParser::readCheck(Check &check, std::string item) {
  itemContext = std::move(item);
  uint32_t kind;
  if (!readU32(kind, "the check kind"))
    return false;
  if (!isKnownCheckKind(kind))
    return fail("unknown check kind " + std::to_string(kind));
  check.kind = static_cast<jaxc_check_kind_t>(kind);
  if (!readU32(check.actualSlot, "the actual slot") ||
      !readU32(check.expectedSlot, "the expected slot") ||
      !readString(check.location, "the location") ||
      !readF64(check.tolerance, "the tolerance"))
    return false;
  if (!(check.tolerance >= 0) || std::isinf(check.tolerance))
    return fail("invalid check tolerance");
  if (check.tolerance == 0)
    check.tolerance = defaultCheckTolerance(check.kind);
  itemContext.clear();
  return true;
}

bool MetadataParser::readFunction(FunctionMetadata &function) {
  if (!readString(function.name, "the function name"))
    return false;
  if (function.name.empty())
    return fail("empty function name");
  functionContext += " ('" + function.name + "')";
  if (!readString(function.entrySymbol, "the entry symbol"))
    return false;
  if (function.entrySymbol.empty())
    return fail("empty entry symbol");

  uint32_t inputCount, resultCount, checkCount, checkBufferCount;
  if (!readU32(inputCount, "the input count"))
    return false;
  // Lists grow as their items are read: a corrupt count runs into the end
  // of the metadata instead of allocating.
  for (uint32_t i = 0; i < inputCount; ++i)
    if (!readTensorType(function.inputs.emplace_back(),
                        "input " + std::to_string(i)))
      return false;
  if (!readU32(resultCount, "the result count"))
    return false;
  for (uint32_t i = 0; i < resultCount; ++i)
    if (!readTensorType(function.results.emplace_back(),
                        "result " + std::to_string(i)) ||
        !readString(function.resultNames.emplace_back(), "the result name"))
      return false;
  if (!readU32(checkCount, "the check count"))
    return false;
  for (uint32_t i = 0; i < checkCount; ++i)
    if (!readCheck(function.checks.emplace_back(),
                   "check " + std::to_string(i)))
      return false;
  if (!readU32(checkBufferCount, "the check buffer count"))
    return false;
  for (uint32_t i = 0; i < checkBufferCount; ++i)
    if (!readTensorType(function.checkBuffers.emplace_back(),
                        "check buffer " + std::to_string(i)))
      return false;
  return verifyChecks(function);
}

bool MetadataParser::verifyChecks(const FunctionMetadata &function) {
  const std::vector<TensorType> &buffers = function.checkBuffers;
  for (size_t i = 0; i < function.checks.size(); ++i) {
    const Check &check = function.checks[i];
    itemContext = "check " + std::to_string(i);
    for (uint32_t slot : {check.actualSlot, check.expectedSlot})
      if (slot >= buffers.size())
        return fail("slot " + std::to_string(slot) + " is out of range (" +
                    std::to_string(buffers.size()) + " check buffers)");
    const TensorType &actual = buffers[check.actualSlot];
    const TensorType &expected = buffers[check.expectedSlot];
    if (!(actual == expected))
      return fail("compares " + actual.str() + " with " + expected.str());
  }
  itemContext.clear();
  return true;
}

bool MetadataParser::parse(ModuleFile &file) {
  uint32_t featureCount, denormalMode, functionCount;
  if (!readString(file.targetTriple, "the target triple") ||
      !readString(file.targetCpu, "the target CPU") ||
      !readU32(file.contextAbiVersion, "the context ABI version") ||
      !readU32(featureCount, "the CPU feature count"))
    return false;
  for (uint32_t i = 0; i < featureCount; ++i)
    if (!readString(file.cpuFeatures.emplace_back(), "a CPU feature"))
      return false;
  if (!readU32(denormalMode, "the denormal mode"))
    return false;
  if (denormalMode != JAXC_DENORMALS_IEEE &&
      denormalMode != JAXC_DENORMALS_FLUSH)
    return fail("unknown denormal mode " + std::to_string(denormalMode));
  file.denormalMode = static_cast<jaxc_denormal_mode_t>(denormalMode);
  if (!readU32(functionCount, "the function count"))
    return false;
  std::unordered_set<std::string> names;
  for (uint32_t i = 0; i < functionCount; ++i) {
    functionContext = "function " + std::to_string(i);
    FunctionMetadata &function = file.functions.emplace_back();
    if (!readFunction(function))
      return false;
    if (!names.insert(function.name).second)
      return fail("duplicate function name");
  }
  functionContext.clear();
  if (remaining() != 0)
    return fail(std::to_string(remaining()) +
                " unexpected bytes after the last function");
  return true;
}

// A section of the file, as the section table places it.
struct Section {
  jaxc_section_kind_t kind;
  const char *name;
  const uint8_t *data;
  size_t size;
};

} // namespace

jaxc_status_t parseModuleFile(const uint8_t *data, size_t size,
                              const std::string &fileName, ModuleFile &file) {
  auto corrupt = [&](const std::string &what) {
    return makeStatus(JAXC_STATUS_DATA_LOSS, fileName + ": " + what);
  };

  // Compare what there is of the magic first: a short file of another kind
  // is "not a jaxc module" rather than "truncated".
  const auto *magic = reinterpret_cast<const uint8_t *>(JAXC_MODULE_MAGIC);
  size_t magicBytes = std::min<size_t>(size, JAXC_MODULE_MAGIC_SIZE);
  if (!std::equal(data, data + magicBytes, magic))
    return corrupt("not a jaxc module (bad magic)");
  if (size < JAXC_MODULE_HEADER_SIZE)
    return corrupt("truncated (" + std::to_string(size) +
                   " bytes, less than the " +
                   std::to_string(JAXC_MODULE_HEADER_SIZE) + "-byte header)");
  uint32_t version =
      loadLittleEndian<uint32_t>(data + JAXC_MODULE_VERSION_OFFSET);
  if (version != JAXC_MODULE_FORMAT_VERSION)
    return corrupt("format version " + std::to_string(version) +
                   ", this runtime reads " +
                   std::to_string(JAXC_MODULE_FORMAT_VERSION));
  uint32_t sectionCount =
      loadLittleEndian<uint32_t>(data + JAXC_MODULE_SECTION_COUNT_OFFSET);
  uint64_t fileSize =
      loadLittleEndian<uint64_t>(data + JAXC_MODULE_FILE_SIZE_OFFSET);
  uint64_t checksum =
      loadLittleEndian<uint64_t>(data + JAXC_MODULE_CHECKSUM_OFFSET);
  if (fileSize > size)
    return corrupt("truncated (" + std::to_string(size) + " of " +
                   std::to_string(fileSize) + " bytes)");
  if (fileSize < size)
    return corrupt(std::to_string(size) + " bytes, but the header says " +
                   std::to_string(fileSize) + " (trailing data)");
  if (jaxc_module_checksum(data + JAXC_MODULE_HEADER_SIZE,
                           size - JAXC_MODULE_HEADER_SIZE) != checksum)
    return corrupt("checksum mismatch (file is corrupt or truncated)");

  size_t tableRoom = size - JAXC_MODULE_HEADER_SIZE;
  if (sectionCount > tableRoom / JAXC_MODULE_SECTION_ENTRY_SIZE)
    return corrupt("the section table (" + std::to_string(sectionCount) +
                   " entries) extends past the end of the file");
  size_t payloadStart = JAXC_MODULE_HEADER_SIZE +
                        size_t{sectionCount} * JAXC_MODULE_SECTION_ENTRY_SIZE;
  Section sections[] = {
      {JAXC_SECTION_METADATA, "metadata", nullptr, 0},
      {JAXC_SECTION_NATIVE_CODE, "native code", nullptr, 0},
      {JAXC_SECTION_CONSTANTS, "constants", nullptr, 0},
  };
  for (uint32_t i = 0; i < sectionCount; ++i) {
    const uint8_t *entry = data + JAXC_MODULE_HEADER_SIZE +
                           size_t{i} * JAXC_MODULE_SECTION_ENTRY_SIZE;
    uint32_t kind =
        loadLittleEndian<uint32_t>(entry + JAXC_SECTION_ENTRY_KIND_OFFSET);
    uint32_t reserved =
        loadLittleEndian<uint32_t>(entry + JAXC_SECTION_ENTRY_RESERVED_OFFSET);
    uint64_t offset =
        loadLittleEndian<uint64_t>(entry + JAXC_SECTION_ENTRY_OFFSET_OFFSET);
    uint64_t sectionSize =
        loadLittleEndian<uint64_t>(entry + JAXC_SECTION_ENTRY_SIZE_OFFSET);
    std::string where = "section " + std::to_string(i);
    if (reserved != 0)
      return corrupt(where + ": reserved field is " + std::to_string(reserved) +
                     ", expected 0");
    if (offset < payloadStart || offset > size || sectionSize > size - offset)
      return corrupt(
          where + ": offset " + std::to_string(offset) + " and size " +
          std::to_string(sectionSize) + " lie outside the payload (bytes " +
          std::to_string(payloadStart) + " to " + std::to_string(size) + ")");
    auto section = std::find_if(
        std::begin(sections), std::end(sections),
        [&](const Section &candidate) { return candidate.kind == kind; });
    if (section == std::end(sections))
      return corrupt(where + ": unknown kind " + std::to_string(kind));
    if (section->data)
      return corrupt(where + ": a second " + section->name + " section");
    // The code assumes its constants' alignment.
    if (kind == JAXC_SECTION_CONSTANTS && offset % JAXC_CONSTANTS_ALIGNMENT)
      return corrupt(where + ": the constants start at offset " +
                     std::to_string(offset) + ", not " +
                     std::to_string(JAXC_CONSTANTS_ALIGNMENT) +
                     "-byte aligned");
    section->data = data + offset;
    section->size = static_cast<size_t>(sectionSize);
  }
  const Section &metadata = sections[0];
  const Section &nativeCode = sections[1];
  const Section &constants = sections[2];
  for (const Section *required : {&metadata, &nativeCode})
    if (!required->data)
      return corrupt(std::string("no ") + required->name + " section");
  std::string elfProblem = elfLayoutProblem(nativeCode.data, nativeCode.size);
  if (!elfProblem.empty())
    return corrupt("the native code " + elfProblem);
  MetadataParser parser(metadata.data, metadata.size);
  if (!parser.parse(file))
    return corrupt("metadata: " + parser.error());
  file.formatVersion = version;
  file.nativeCode = nativeCode.data;
  file.nativeCodeSize = nativeCode.size;
  file.constants = constants.data;
  file.constantsSize = constants.size;
  return nullptr;
}

} // namespace jaxc::runtime::impl
