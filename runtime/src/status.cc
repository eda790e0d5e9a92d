//===- status.cc - Status objects -----------------------------------------===//

#include "status.h"

#include <system_error>
#include <utility>

namespace jaxc::runtime::impl {

jaxc_status_t makeStatus(jaxc_status_code_t code, std::string message) {
  return new jaxc_status{code, std::move(message)};
}

std::string errnoMessage(int error) {
  // Unlike strerror, this is thread-safe.
  return std::generic_category().message(error);
}

jaxc_status_t outOfMemoryStatus() {
  // Never modified after construction; the message fits the small-string
  // buffer, so constructing it does not allocate either.
  static jaxc_status status{JAXC_STATUS_INTERNAL, "out of memory"};
  return &status;
}

} // namespace jaxc::runtime::impl

using namespace jaxc::runtime::impl;

extern "C" {

jaxc_status_code_t jaxc_status_code(jaxc_status_t status) {
  return status ? status->code : JAXC_STATUS_OK;
}

const char *jaxc_status_message(jaxc_status_t status) {
  return status ? status->message.c_str() : "";
}

void jaxc_status_free(jaxc_status_t status) {
  if (status != outOfMemoryStatus())
    delete status;
}

} // extern "C"
