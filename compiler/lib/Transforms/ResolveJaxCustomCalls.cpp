//===- ResolveJaxCustomCalls.cpp - JAX's own custom calls on one device ---===//

#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/Verifier.h"

namespace jaxc {
#define GEN_PASS_DEF_RESOLVEJAXCUSTOMCALLSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;
using jaxc::stablehlo::CustomCallOp;

namespace {

// JAX's shape_assertion message with `{i}` replaced by the i-th dimension
// operand's value (operand i + 1 of the call).
std::string formatAssertionMessage(llvm::StringRef message,
                                   llvm::ArrayRef<std::string> values) {
  std::string out;
  for (size_t i = 0; i < message.size(); ++i) {
    size_t close = message.find('}', i);
    unsigned index = 0;
    if (message[i] == '{' && close != llvm::StringRef::npos &&
        !message.slice(i + 1, close).getAsInteger(10, index) &&
        index < values.size()) {
      out += values[index];
      i = close;
      continue;
    }
    out += message[i];
  }
  return out;
}

// The scalar integer a constant operand holds, printed; or "?" when the
// operand is not a constant.
std::string constantText(Value value) {
  DenseIntElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)) || attr.getNumElements() != 1)
    return "?";
  return std::to_string((*attr.begin()).getSExtValue());
}

LogicalResult resolveShapeAssertion(CustomCallOp op) {
  DenseIntElementsAttr holds;
  if (op.getInputs().empty() ||
      !matchPattern(op.getInputs()[0], m_Constant(&holds)))
    return op.emitError("'stablehlo.custom_call' @shape_assertion checks a "
                        "shape known only at run time: jaxc needs static "
                        "shapes");
  if (!holds.getSplatValue<bool>()) {
    auto message = op->getAttrOfType<StringAttr>("error_message");
    SmallVector<std::string> values;
    for (Value dim : op.getInputs().drop_front())
      values.push_back(constantText(dim));
    return op.emitError(formatAssertionMessage(
        message ? message.getValue() : "shape assertion failed", values));
  }
  op.erase();
  return success();
}

// `@mhlo.<op>` with its attributes in `mhlo.attributes`: `chlo.<op>`.
LogicalResult resolveChloSpelling(CustomCallOp op, llvm::StringRef name) {
  MLIRContext *context = op.getContext();
  std::string chloName = ("chlo." + name).str();
  context->getOrLoadDialect("chlo"); // registered, maybe not loaded yet
  if (!RegisteredOperationName::lookup(chloName, context))
    return success(); // the lowering names the unsupported target
  OperationState state(op.getLoc(), chloName);
  state.addOperands(op.getInputs());
  state.addTypes(op.getResultTypes());
  if (auto attributes = op->getAttrOfType<DictionaryAttr>("mhlo.attributes"))
    state.addAttributes(attributes.getValue());
  OpBuilder builder(op);
  Operation *chlo = builder.create(state);
  if (failed(mlir::verify(chlo)))
    return failure();
  op.replaceAllUsesWith(chlo->getResults());
  op.erase();
  return success();
}

struct ResolveJaxCustomCallsPass final
    : jaxc::impl::ResolveJaxCustomCallsPassBase<ResolveJaxCustomCallsPass> {
  void runOnOperation() override {
    SmallVector<CustomCallOp> calls;
    getOperation().walk([&](CustomCallOp op) { calls.push_back(op); });
    for (CustomCallOp op : calls) {
      llvm::StringRef target = op.getCallTargetName();
      LogicalResult resolved = success();
      if (target == "annotate_device_placement") {
        op.replaceAllUsesWith(op.getInputs());
        op.erase();
      } else if (target == "shape_assertion") {
        resolved = resolveShapeAssertion(op);
      } else if (target.consume_front("mhlo.")) {
        resolved = resolveChloSpelling(op, target);
      }
      if (failed(resolved))
        return signalPassFailure();
    }
  }
};

} // namespace
