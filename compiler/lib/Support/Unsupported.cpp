//===- Unsupported.cpp - "jaxc cannot do this yet" diagnostics ------------===//

#include "jaxc/Support/Unsupported.h"

#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;

namespace jaxc {
namespace {

/// The metadata entry's prefix; the op's name follows it.
constexpr llvm::StringLiteral kMarker = "jaxc.unsupported:";

} // namespace

InFlightDiagnostic markUnsupported(InFlightDiagnostic diagnostic,
                                   MLIRContext *context, StringRef name,
                                   const llvm::Twine &what) {
  if (!what.isTriviallyEmpty())
    diagnostic << what << " ";
  diagnostic << "is not supported by jaxc yet";
  // An attribute, not a StringRef: the diagnostic may outlive `name`.
  if (Diagnostic *underlying = diagnostic.getUnderlyingDiagnostic())
    underlying->getMetadata().push_back(
        DiagnosticArgument(StringAttr::get(context, (kMarker + name).str())));
  return diagnostic;
}

InFlightDiagnostic emitUnsupported(Operation *op, const llvm::Twine &what) {
  return markUnsupported(op->emitOpError(), op->getContext(),
                         op->getName().getStringRef(), what);
}

ParseResult refuseUnknownOp(OpAsmParser &parser, OperationState &state) {
  // The parser words it "custom op '<name>' <message>".
  markUnsupported(parser.emitError(parser.getNameLoc()), parser.getContext(),
                  state.name.getStringRef(), {})
      << " (jaxc does not know this op)";
  return failure();
}

std::optional<std::string> getUnsupportedOpName(const Diagnostic &diagnostic) {
  for (const DiagnosticArgument &argument :
       const_cast<Diagnostic &>(diagnostic).getMetadata()) {
    if (argument.getKind() !=
        DiagnosticArgument::DiagnosticArgumentKind::Attribute)
      continue;
    auto text = dyn_cast<StringAttr>(argument.getAsAttribute());
    if (text && text.getValue().starts_with(kMarker))
      return text.getValue().drop_front(kMarker.size()).str();
  }
  return std::nullopt;
}

} // namespace jaxc
