//===- tensor_spec.cc - Parse IREE's --input= tensor syntax ---------------===//

#include "jaxc/tooling/tensor_spec.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include <unistd.h>

#include "element_types.h"
#include "jaxc/tooling/format.h"
#include "jaxc/tooling/npy.h"

namespace jaxc::tooling {

using namespace detail;

namespace {

enum class NumberError { None, Invalid, OutOfRange };

struct TensorType {
  jaxc_dtype_t dtype;
  std::vector<int64_t> shape;
};

} // namespace

// std::from_chars that must consume the whole text.
template <typename Number, typename... Format>
static NumberError fromChars(std::string_view text, Number &value,
                             Format... format) {
  const char *end = text.data() + text.size();
  std::from_chars_result result =
      std::from_chars(text.data(), end, value, format...);
  if (result.ptr != end)
    return NumberError::Invalid;
  if (result.ec == std::errc::result_out_of_range)
    return NumberError::OutOfRange;
  return result.ec == std::errc() ? NumberError::None : NumberError::Invalid;
}

// Decimal or hex (0x1.8p1) digits, nan or inf, with an optional sign.
static NumberError parseReal(std::string_view token, double &value) {
  bool negative = !token.empty() && token[0] == '-';
  if (!token.empty() && (token[0] == '-' || token[0] == '+'))
    token.remove_prefix(1);
  std::chars_format format = std::chars_format::general;
  if (token.size() > 2 && token[0] == '0' &&
      (token[1] == 'x' || token[1] == 'X')) {
    token.remove_prefix(2);
    format = std::chars_format::hex;
  }
  // from_chars takes a '-' of its own; a second sign is not a number.
  if (!token.empty() && token[0] == '-')
    return NumberError::Invalid;
  NumberError error = fromChars(token, value, format);
  if (error == NumberError::None && negative)
    value = -value;
  return error;
}

template <typename Int>
static NumberError parseInteger(std::string_view token, Int &value) {
  if (token.size() > 1 && token[0] == '+' && token[1] != '-')
    token.remove_prefix(1);
  // Parse at 64 bits of the same signedness, then check Int's range.
  using Wide = std::conditional_t<std::is_signed_v<Int>, int64_t, uint64_t>;
  Wide wide;
  NumberError error = fromChars(token, wide);
  if constexpr (std::is_unsigned_v<Int>) {
    // A negative number is out of an unsigned type's range, not malformed.
    int64_t negative;
    if (error == NumberError::Invalid &&
        fromChars(token, negative) != NumberError::Invalid)
      return NumberError::OutOfRange;
  }
  if (error != NumberError::None)
    return error;
  if (wide > static_cast<Wide>(std::numeric_limits<Int>::max()))
    return NumberError::OutOfRange;
  if constexpr (std::is_signed_v<Int>)
    if (wide < std::numeric_limits<Int>::min())
      return NumberError::OutOfRange;
  value = static_cast<Int>(wide);
  return NumberError::None;
}

// One token as an element of a real (not complex) type.
template <typename T>
static NumberError parseScalar(std::string_view token, T &value) {
  if constexpr (std::is_same_v<T, Bool>) {
    if (token == "true" || token == "1")
      value = Bool{1};
    else if (token == "false" || token == "0")
      value = Bool{0};
    else
      return NumberError::Invalid;
    return NumberError::None;
  } else if constexpr (std::is_integral_v<T>) {
    return parseInteger(token, value);
  } else {
    double number;
    if (NumberError error = parseReal(token, number);
        error != NumberError::None)
      return error;
    value = fromDouble<T>(number);
    // A finite literal that only fits as infinity is out of range.
    bool overflowed = std::isinf(toDouble(value)) && std::isfinite(number);
    return overflowed ? NumberError::OutOfRange : NumberError::None;
  }
}

// One token of a complex tensor: a lone number, which pairs up with its
// neighbour as (real, imag), or a whole value a+bj, a-bj or bj. Appends the
// parts it holds.
template <typename Part>
static NumberError parseComplexToken(std::string_view token,
                                     std::vector<Part> &parts) {
  Part real, imag;
  if (token.empty() || token.back() != 'j') {
    NumberError error = parseScalar(token, real);
    if (error == NumberError::None)
      parts.push_back(real);
    return error;
  }
  token.remove_suffix(1);
  // The imaginary part starts at a sign past the first character. Exponents
  // (1e-5) and hex digits (0x1e+2j) hold signs too, so try each one.
  for (size_t split = token.size(); split-- > 1;) {
    if (token[split] != '+' && token[split] != '-')
      continue;
    if (parseScalar(token.substr(0, split), real) == NumberError::None &&
        parseScalar(token.substr(split), imag) == NumberError::None) {
      parts.insert(parts.end(), {real, imag});
      return NumberError::None;
    }
  }
  NumberError error = parseScalar(token, imag);
  if (error == NumberError::None)
    parts.insert(parts.end(), {Part(0), imag});
  return error;
}

static std::string describeBadValue(NumberError error, std::string_view token,
                                    jaxc_dtype_t dtype, size_t position) {
  std::string quoted = "\"" + std::string(token) + "\"";
  std::string where = " at position " + std::to_string(position);
  if (error == NumberError::OutOfRange)
    return quoted + " is out of range for " + jaxc_dtype_name(dtype) + where;
  if (dtype == JAXC_DTYPE_I1)
    return "bad boolean " + quoted + where + " (use true, false, 1 or 0)";
  return "bad number " + quoted + where;
}

static std::string countOf(size_t count, const char *noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// Parses the value tokens into the tensor's elements; a single value is
// splatted to every element.
template <typename T>
static Status parseElements(const std::vector<std::string_view> &tokens,
                            HostTensor &tensor) {
  std::vector<T> values;
  if constexpr (isComplex<T>) {
    std::vector<typename T::value_type> parts;
    for (size_t i = 0; i < tokens.size(); ++i)
      if (NumberError error = parseComplexToken(tokens[i], parts);
          error != NumberError::None)
        return Error{describeBadValue(error, tokens[i], tensor.dtype, i)};
    if (parts.size() % 2 != 0)
      return Error{countOf(parts.size(), "number") +
                   " for complex values, which need real,imag pairs"};
    for (size_t i = 0; i < parts.size(); i += 2)
      values.emplace_back(parts[i], parts[i + 1]);
  } else {
    values.resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i)
      if (NumberError error = parseScalar(tokens[i], values[i]);
          error != NumberError::None)
        return Error{describeBadValue(error, tokens[i], tensor.dtype, i)};
  }

  size_t count = static_cast<size_t>(elementCount(tensor.shape));
  bool splat = values.size() == 1 && count > 0;
  if (!splat && values.size() != count)
    return Error{countOf(values.size(), "value") + " for " +
                 countOf(count, "element")};
  for (size_t i = 0; i < count; ++i)
    storeElement(tensor.bytes.data(), i, values[splat ? 0 : i]);
  return Status::success();
}

// Splits at commas, whitespace and brackets; the brackets must balance.
static Expected<std::vector<std::string_view>>
splitValues(std::string_view text) {
  std::vector<std::string_view> tokens;
  int depth = 0;
  size_t tokenStart = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if (c != ',' && c != '[' && c != ']' &&
        !std::isspace(static_cast<unsigned char>(c)))
      continue;
    if (i > tokenStart)
      tokens.push_back(text.substr(tokenStart, i - tokenStart));
    tokenStart = i + 1;
    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
    if (depth < 0)
      return Error{"unbalanced brackets"};
  }
  if (depth != 0)
    return Error{"unbalanced brackets"};
  return tokens;
}

static std::string knownDtypeNames() {
  std::string names;
  forEachElementType([&](auto row) {
    names +=
        (names.empty() ? "" : " ") + std::string(jaxc_dtype_name(row.dtype));
  });
  return names;
}

static bool isDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// "2x3xf32", "f32": dims then the element type, joined by 'x'.
static Expected<TensorType> parseTensorType(std::string_view text) {
  // The element type is the first suffix after an 'x' that names one;
  // "complex<f32>" holds an 'x' itself.
  auto dtypeFrom = [&](size_t start) {
    return jaxc_dtype_from_name(std::string(text.substr(start)).c_str());
  };
  size_t dtypeStart = 0;
  jaxc_dtype_t dtype = dtypeFrom(0);
  for (size_t x = text.find('x'); dtype == 0 && x != std::string_view::npos;
       x = text.find('x', x + 1))
    dtype = dtypeFrom(dtypeStart = x + 1);
  if (dtype == 0) {
    // Name what follows the dims that look right.
    size_t nameStart = 0;
    for (size_t x = text.find('x');
         x != std::string_view::npos &&
         isDigits(text.substr(nameStart, x - nameStart));
         x = text.find('x', nameStart))
      nameStart = x + 1;
    std::string name(text.substr(nameStart));
    if (name.empty())
      return Error{"missing element type"};
    return Error{"unknown element type \"" + name +
                 "\" (known: " + knownDtypeNames() + ")"};
  }

  std::vector<int64_t> shape;
  for (std::string_view dims = text.substr(0, dtypeStart); !dims.empty();) {
    size_t dimEnd = dims.find('x');
    std::string_view dim = dims.substr(0, dimEnd);
    int64_t extent;
    if (fromChars(dim, extent) != NumberError::None || extent < 0)
      return Error{"bad dimension \"" + std::string(dim) + "\""};
    shape.push_back(extent);
    dims.remove_prefix(dimEnd + 1);
  }
  if (!checkedByteSize(dtype, shape))
    return Error{"shape " + formatShape(shape) + " is too large"};
  return TensorType{dtype, std::move(shape)};
}

static std::string_view trim(std::string_view text) {
  auto isSpace = [](char c) {
    return std::isspace(static_cast<unsigned char>(c));
  };
  while (!text.empty() && isSpace(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back()))
    text.remove_suffix(1);
  return text;
}

// A spec can hold a million values; errors quote only its start.
static std::string quoteSpec(std::string_view spec) {
  constexpr size_t kMaxQuoted = 64;
  if (spec.size() <= kMaxQuoted)
    return "\"" + std::string(spec) + "\"";
  return "\"" + std::string(spec.substr(0, kMaxQuoted)) + "...\"";
}

uint64_t physicalMemoryBytes() {
  long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || pageSize <= 0)
    return UINT64_MAX;
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(pageSize);
}

Expected<HostTensor> parseTensorSpec(std::string_view spec,
                                     std::string_view flagName,
                                     uint64_t maxBytes) {
  auto fail = [&](const std::string &problem) {
    return Error{"invalid " + std::string(flagName) + " " + quoteSpec(spec) +
                 ": " + problem};
  };
  std::string_view text = trim(spec);
  if (!text.empty() && text[0] == '@') {
    Expected<HostTensor> tensor = readNpyFile(std::string(text.substr(1)));
    if (!tensor)
      return fail(tensor.error());
    return tensor;
  }

  size_t equals = text.find('=');
  Expected<TensorType> type = parseTensorType(trim(text.substr(0, equals)));
  if (!type)
    return fail(type.error());
  // parseTensorType checked that the size fits 64 bits.
  uint64_t bytes = *checkedByteSize(type->dtype, type->shape);
  if (bytes > maxBytes)
    return fail("shape " + formatShape(type->shape) + " of " +
                jaxc_dtype_name(type->dtype) + " needs " +
                std::to_string(bytes) + " bytes, more than this machine's " +
                std::to_string(maxBytes));
  HostTensor tensor = zeroTensor(type->dtype, std::move(type->shape));
  if (equals == std::string_view::npos)
    return tensor;

  Expected<std::vector<std::string_view>> tokens =
      splitValues(text.substr(equals + 1));
  if (!tokens)
    return fail(tokens.error());
  Status parsed = Status::success();
  visitElementType(tensor.dtype, [&](auto row) {
    parsed = parseElements<typename decltype(row)::type>(*tokens, tensor);
  });
  if (!parsed)
    return fail(parsed.error());
  return tensor;
}

} // namespace jaxc::tooling
