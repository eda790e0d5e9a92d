//===- status.h - Error results of the tooling library ---------*- C++ -*-===//
//
// The library never prints: every fallible function returns an Expected<T>
// (a value or an Error) or a Status (success or an Error). The message is
// complete and meant to be shown to the user as is.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TOOLING_STATUS_H
#define JAXC_TOOLING_STATUS_H

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace jaxc::tooling {

struct Error {
  std::string message;
};

// A T or an Error. Test it before dereferencing.
template <typename T> class [[nodiscard]] Expected {
public:
  Expected(T value) : storage(std::in_place_index<0>, std::move(value)) {}
  Expected(Error error) : storage(std::in_place_index<1>, std::move(error)) {}

  explicit operator bool() const { return storage.index() == 0; }
  T &operator*() { return std::get<0>(storage); }
  const T &operator*() const { return std::get<0>(storage); }
  T *operator->() { return &std::get<0>(storage); }
  const T *operator->() const { return &std::get<0>(storage); }
  const std::string &error() const { return std::get<1>(storage).message; }

private:
  std::variant<T, Error> storage;
};

// Success or an Error.
class [[nodiscard]] Status {
public:
  static Status success() { return Status(); }
  Status(Error error) : failure(std::move(error)) {}

  explicit operator bool() const { return !failure; }
  const std::string &error() const { return failure->message; }

private:
  Status() = default;
  std::optional<Error> failure;
};

} // namespace jaxc::tooling

#endif // JAXC_TOOLING_STATUS_H
