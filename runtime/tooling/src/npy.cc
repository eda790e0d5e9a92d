//===- npy.cc - NumPy .npy files ------------------------------------------===//
//
// The format:
// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
//
//===----------------------------------------------------------------------===//

#include "jaxc/tooling/npy.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "element_types.h"
#include "jaxc/tooling/format.h"

// Tensor bytes are copied to and from .npy data as they are.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the .npy reader and writer assume a little-endian host");

namespace jaxc::tooling {

using namespace detail;

namespace {

constexpr std::string_view kMagic("\x93NUMPY", 6);

struct NpyDtype {
  jaxc_dtype_t dtype;
  std::string_view descr;
};

// NumPy's dtype strings. bf16 has none.
constexpr NpyDtype kNpyDtypes[] = {
    {JAXC_DTYPE_I1, "|b1"},        {JAXC_DTYPE_I8, "|i1"},
    {JAXC_DTYPE_I16, "<i2"},       {JAXC_DTYPE_I32, "<i4"},
    {JAXC_DTYPE_I64, "<i8"},       {JAXC_DTYPE_UI8, "|u1"},
    {JAXC_DTYPE_UI16, "<u2"},      {JAXC_DTYPE_UI32, "<u4"},
    {JAXC_DTYPE_UI64, "<u8"},      {JAXC_DTYPE_F16, "<f2"},
    {JAXC_DTYPE_F32, "<f4"},       {JAXC_DTYPE_F64, "<f8"},
    {JAXC_DTYPE_COMPLEX64, "<c8"}, {JAXC_DTYPE_COMPLEX128, "<c16"},
};

struct NpyHeader {
  std::string descr;
  bool fortranOrder;
  std::vector<int64_t> shape;
};

// The header is a Python dict literal, padded with spaces:
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
class HeaderParser {
public:
  explicit HeaderParser(std::string_view text) : rest(text) {}
  Expected<NpyHeader> parse();

private:
  void skipSpaces();
  bool consume(char c);
  bool consume(std::string_view word);
  std::optional<std::string> parseString();
  std::optional<bool> parseBool();
  std::optional<std::vector<int64_t>> parseTuple();

  std::string_view rest;
};

struct FileCloser {
  void operator()(FILE *file) const { std::fclose(file); }
};

} // namespace

void HeaderParser::skipSpaces() {
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\n'))
    rest.remove_prefix(1);
}

bool HeaderParser::consume(char c) { return consume(std::string_view(&c, 1)); }

bool HeaderParser::consume(std::string_view word) {
  skipSpaces();
  if (rest.substr(0, word.size()) != word)
    return false;
  rest.remove_prefix(word.size());
  return true;
}

std::optional<std::string> HeaderParser::parseString() {
  skipSpaces();
  if (rest.empty() || (rest.front() != '\'' && rest.front() != '"'))
    return std::nullopt;
  size_t end = rest.find(rest.front(), 1);
  if (end == std::string_view::npos)
    return std::nullopt;
  std::string text(rest.substr(1, end - 1));
  rest.remove_prefix(end + 1);
  return text;
}

std::optional<bool> HeaderParser::parseBool() {
  if (consume("True"))
    return true;
  if (consume("False"))
    return false;
  return std::nullopt;
}

// "()", "(3,)", "(2, 3)".
std::optional<std::vector<int64_t>> HeaderParser::parseTuple() {
  if (!consume('('))
    return std::nullopt;
  std::vector<int64_t> dims;
  while (!consume(')')) {
    skipSpaces();
    int64_t dim;
    std::from_chars_result result =
        std::from_chars(rest.data(), rest.data() + rest.size(), dim);
    if (result.ec != std::errc() || dim < 0)
      return std::nullopt;
    dims.push_back(dim);
    rest.remove_prefix(result.ptr - rest.data());
    if (!consume(',') && rest.substr(0, 1) != ")")
      return std::nullopt;
  }
  return dims;
}

Expected<NpyHeader> HeaderParser::parse() {
  Error malformed{"malformed header"};
  std::optional<std::string> descr;
  std::optional<bool> fortranOrder;
  std::optional<std::vector<int64_t>> shape;
  if (!consume('{'))
    return malformed;
  while (!consume('}')) {
    std::optional<std::string> key = parseString();
    if (!key || !consume(':'))
      return malformed;
    bool parsed = *key == "descr"           ? bool(descr = parseString())
                  : *key == "shape"         ? bool(shape = parseTuple())
                  : *key == "fortran_order" ? bool(fortranOrder = parseBool())
                                            : false;
    if (!parsed || (!consume(',') && rest.substr(0, 1) != "}"))
      return malformed;
  }
  skipSpaces();
  if (!descr || !fortranOrder || !shape || !rest.empty())
    return malformed;
  return NpyHeader{*descr, *fortranOrder, *shape};
}

// The shape as NumPy writes it in the header.
static std::string pythonTuple(const std::vector<int64_t> &shape) {
  std::string text = "(";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + (shape.size() == 1 ? ",)" : ")");
}

template <typename Predicate>
static const NpyDtype *findNpyDtype(Predicate matches) {
  for (const NpyDtype &entry : kNpyDtypes)
    if (matches(entry))
      return &entry;
  return nullptr;
}

static std::string supportedDescrs() {
  std::string text;
  for (const NpyDtype &entry : kNpyDtypes)
    text += (text.empty() ? "" : " ") + std::string(entry.descr);
  return text;
}

Expected<HostTensor> parseNpy(std::string_view bytes, std::string_view name) {
  auto fail = [&](const std::string &problem) {
    return Error{"invalid .npy file \"" + std::string(name) + "\": " + problem};
  };
  if (bytes.size() < kMagic.size() + 2 ||
      bytes.substr(0, kMagic.size()) != kMagic)
    return fail("it does not start with the NumPy magic string");
  auto major = static_cast<uint8_t>(bytes[6]);
  auto minor = static_cast<uint8_t>(bytes[7]);
  // Version 1.0 stores the header length in 2 bytes, 2.0 in 4.
  size_t lengthBytes = major == 1 ? 2 : major == 2 ? 4 : 0;
  if (lengthBytes == 0 || minor != 0)
    return fail("format version " + std::to_string(major) + "." +
                std::to_string(minor) + " is not supported (1.0 and 2.0 are)");
  size_t headerStart = kMagic.size() + 2 + lengthBytes;
  if (bytes.size() < headerStart)
    return fail("truncated header");
  size_t headerLength = 0;
  for (size_t i = 0; i < lengthBytes; ++i)
    headerLength |= static_cast<size_t>(static_cast<uint8_t>(bytes[8 + i]))
                    << (8 * i);
  if (bytes.size() - headerStart < headerLength)
    return fail("truncated header");

  Expected<NpyHeader> header =
      HeaderParser(bytes.substr(headerStart, headerLength)).parse();
  if (!header)
    return fail(header.error());
  if (header->fortranOrder)
    return fail("Fortran-order arrays are not supported; save a C-order "
                "array (numpy.ascontiguousarray)");
  const NpyDtype *npyDtype = findNpyDtype(
      [&](const NpyDtype &entry) { return entry.descr == header->descr; });
  if (!npyDtype)
    return fail("dtype '" + header->descr + "' is not supported (" +
                supportedDescrs() + " are)");

  std::string_view data = bytes.substr(headerStart + headerLength);
  std::optional<size_t> dataSize =
      checkedByteSize(npyDtype->dtype, header->shape);
  if (!dataSize)
    return fail("shape " + pythonTuple(header->shape) + " is too large");
  if (*dataSize != data.size())
    return fail("shape " + pythonTuple(header->shape) + " of '" +
                header->descr + "' needs " + std::to_string(*dataSize) +
                " data bytes, the file has " + std::to_string(data.size()));
  HostTensor tensor = zeroTensor(npyDtype->dtype, std::move(header->shape));
  std::copy(data.begin(), data.end(), tensor.bytes.begin());
  return tensor;
}

Expected<std::string> serializeNpy(const HostTensor &tensor) {
  const NpyDtype *npyDtype = findNpyDtype(
      [&](const NpyDtype &entry) { return entry.dtype == tensor.dtype; });
  if (!npyDtype)
    return Error{formatTensorType(tensor.dtype, {}) +
                 " has no NumPy dtype, so it cannot be saved as .npy"};

  std::string header =
      "{'descr': '" + std::string(npyDtype->descr) +
      "', 'fortran_order': False, 'shape': " + pythonTuple(tensor.shape) +
      ", }";
  // Pad with spaces and end with '\n' so that the data starts at a multiple
  // of 64 bytes, with NumPy's formula.
  size_t prefixSize = kMagic.size() + 2 + 2;
  header.append(64 - (prefixSize + header.size() + 1) % 64, ' ');
  header += '\n';
  if (header.size() > 0xffff)
    return Error{"rank " + std::to_string(tensor.shape.size()) +
                 " is too large for a .npy 1.0 header"};

  std::string bytes(kMagic);
  bytes += {'\x01', '\x00', static_cast<char>(header.size() & 0xff),
            static_cast<char>(header.size() >> 8)};
  bytes += header;
  bytes.append(tensor.bytes.begin(), tensor.bytes.end());
  return bytes;
}

Expected<HostTensor> readNpyFile(const std::string &path) {
  std::unique_ptr<FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file)
    return Error{"cannot open \"" + path + "\": " + std::strerror(errno)};
  std::string bytes;
  char chunk[1 << 16];
  while (size_t count = std::fread(chunk, 1, sizeof(chunk), file.get()))
    bytes.append(chunk, count);
  if (std::ferror(file.get()))
    return Error{"cannot read \"" + path + "\": " + std::strerror(errno)};
  return parseNpy(bytes, path);
}

Status writeNpyFile(const std::string &path, const HostTensor &tensor) {
  Expected<std::string> bytes = serializeNpy(tensor);
  if (!bytes)
    return Error{"cannot write \"" + path + "\": " + bytes.error()};
  FILE *file = std::fopen(path.c_str(), "wb");
  if (!file)
    return Error{"cannot write \"" + path + "\": " + std::strerror(errno)};
  bool written =
      std::fwrite(bytes->data(), 1, bytes->size(), file) == bytes->size();
  bool closed = std::fclose(file) == 0;
  if (!written || !closed)
    return Error{"cannot write \"" + path + "\": " + std::strerror(errno)};
  return Status::success();
}

} // namespace jaxc::tooling
