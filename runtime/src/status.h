//===- status.h - The status object behind jaxc_status_t --------*- C++ -*-===//
//
// Statuses are heap objects owned by the caller of the C API. No exception
// may cross the C API: entry points run their body under runGuarded.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_STATUS_H
#define JAXC_RUNTIME_SRC_STATUS_H

#include "jaxc/runtime/runtime.h"

#include <string>

struct jaxc_status {
  jaxc_status_code_t code;
  std::string message;
};

namespace jaxc::runtime::impl {

jaxc_status_t makeStatus(jaxc_status_code_t code, std::string message);

// The text of an errno value, e.g. "No such file or directory".
std::string errnoMessage(int error);

// The status reporting an allocation failure. It is preallocated, since
// reporting the failure must not allocate; jaxc_status_free skips it.
jaxc_status_t outOfMemoryStatus();

// Runs `body`, a callable returning a jaxc_status_t. Only allocation throws
// in the runtime, so any exception becomes outOfMemoryStatus().
template <typename Body> jaxc_status_t runGuarded(Body &&body) noexcept {
  try {
    return body();
  } catch (...) {
    return outOfMemoryStatus();
  }
}

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_STATUS_H
