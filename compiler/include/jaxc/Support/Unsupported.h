//===- Unsupported.h - "jaxc cannot do this yet" diagnostics ----*- C++ -*-===//
//
// One mechanism for what jaxc refuses because it lacks the feature, not
// because the input is wrong: the error reads "... is not supported by jaxc
// yet" for people, and carries the op's name as diagnostic metadata for
// tools. The driver reads the metadata to exit 2 instead of 1, and
// `jaxc conformance` to count the program unsupported; neither reads the
// text.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_SUPPORT_UNSUPPORTED_H
#define JAXC_SUPPORT_UNSUPPORTED_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/Operation.h"

#include <optional>
#include <string>

namespace jaxc {

/// Emits "'<op>' op <what> is not supported by jaxc yet" at `op`; `what`
/// says which part of the op (a target, an attribute, a type) if not all of
/// it. The caller may stream a reason after, e.g. " (on complex<f64>)".
mlir::InFlightDiagnostic emitUnsupported(mlir::Operation *op,
                                         const llvm::Twine &what = {});

/// Words `diagnostic` "<what> is not supported by jaxc yet" and marks it as
/// naming `name`, for callers with no op to emit at (a bytecode reader).
mlir::InFlightDiagnostic markUnsupported(mlir::InFlightDiagnostic diagnostic,
                                         mlir::MLIRContext *context,
                                         llvm::StringRef name,
                                         const llvm::Twine &what);

/// A dialect's parse hook for an op name it does not register (one of a
/// newer StableHLO, or of the spec's that jaxc lacks): refuses it as
/// unsupported, not as an unknown op, since the program may be right.
mlir::ParseResult refuseUnknownOp(mlir::OpAsmParser &parser,
                                  mlir::OperationState &state);

/// The op an unsupported diagnostic names; nullopt for any other diagnostic.
std::optional<std::string>
getUnsupportedOpName(const mlir::Diagnostic &diagnostic);

} // namespace jaxc

#endif // JAXC_SUPPORT_UNSUPPORTED_H
