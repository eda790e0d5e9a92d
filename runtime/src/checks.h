//===- checks.h - Evaluating a function's check.expect_* --------*- C++ -*-===//
//
// The compiled code writes both operands of every check into hidden check
// buffers; the runtime compares them after the call.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_CHECKS_H
#define JAXC_RUNTIME_SRC_CHECKS_H

#include "module_file.h"

namespace jaxc::runtime::impl {

bool isKnownCheckKind(uint32_t kind);
// 1e-3 for ALMOST_EQ, 3 (ULP) for CLOSE, 0 for EQ.
double defaultCheckTolerance(jaxc_check_kind_t kind);

// Compares the check buffers after a call of `function`. Every check is
// evaluated; CHECK_FAILED describes the first failing one and counts them.
jaxc_status_t evaluateChecks(const FunctionMetadata &function,
                             void *const *checkBuffers);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_CHECKS_H
