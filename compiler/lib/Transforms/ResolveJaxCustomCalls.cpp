//===- ResolveJaxCustomCalls.cpp - JAX's own custom calls on one device ---===//

#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
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

// An integer of `mhlo.backend_config`, or an error naming it.
FailureOr<int64_t> configInteger(CustomCallOp op, DictionaryAttr config,
                                 llvm::StringRef name) {
  auto value = config ? config.getAs<IntegerAttr>(name) : IntegerAttr();
  if (!value)
    return op.emitError("'stablehlo.custom_call' @")
           << op.getCallTargetName() << " needs an integer " << name
           << " in mhlo.backend_config";
  return value.getInt();
}

// lax.approx_max_k/approx_min_k: @ApproxTopK(operands..., init values...)
// with a sort comparator in called_computations. On CPU XLA runs its exact
// fallback, a sort along reduction_dim and the first top_k of each operand,
// which this builds (a stable sort: ties keep the lower index, as XLA's
// sort does). The comparator function is dropped when nothing else calls
// it: its body ends in stablehlo.return, a region's terminator.
LogicalResult resolveApproxTopK(CustomCallOp op, SymbolTable &symbols) {
  auto config = op->getAttrOfType<DictionaryAttr>("mhlo.backend_config");
  FailureOr<int64_t> topK = configInteger(op, config, "top_k");
  FailureOr<int64_t> dimension = configInteger(op, config, "reduction_dim");
  if (failed(topK) || failed(dimension))
    return failure();
  size_t count = op.getNumResults();
  auto callees = dyn_cast_or_null<ArrayAttr>(op.getCalledComputationsAttr());
  if (count == 0 || op.getInputs().size() != 2 * count || !callees ||
      callees.size() != 1 || !isa<FlatSymbolRefAttr>(callees[0]))
    return op.emitError("'stablehlo.custom_call' @ApproxTopK expects N "
                        "operands, N init values, N results and one "
                        "comparator in called_computations");
  auto comparator = symbols.lookup<func::FuncOp>(
      cast<FlatSymbolRefAttr>(callees[0]).getValue());
  if (!comparator || comparator.getBody().getBlocks().size() != 1 ||
      comparator.getNumArguments() != 2 * count)
    return op.emitError("'stablehlo.custom_call' @ApproxTopK: the comparator "
                        "must be a one-block function of ")
           << 2 * count << " scalars";

  // With aggregate_to_topk false the results may hold more than top_k
  // candidates; the sorted prefix is as long as the result says.
  ValueRange operands = op.getInputs().take_front(count);
  auto operandType = cast<RankedTensorType>(operands[0].getType());
  auto resultType = cast<RankedTensorType>(op.getResultTypes()[0]);
  int64_t rank = operandType.getRank();
  if (*dimension < 0 || *dimension >= rank || resultType.getRank() != rank ||
      *topK < 0 || *topK > resultType.getDimSize(*dimension) ||
      resultType.getDimSize(*dimension) > operandType.getDimSize(*dimension))
    return op.emitError("'stablehlo.custom_call' @ApproxTopK: reduction_dim ")
           << *dimension << " and top_k " << *topK << " do not fit "
           << operandType << " -> " << resultType;

  OpBuilder builder(op);
  Location loc = op.getLoc();
  auto sort = jaxc::stablehlo::SortOp::create(builder, loc, operands.getTypes(),
                                              operands, *dimension,
                                              /*is_stable=*/true);
  IRMapping mapping;
  comparator.getBody().cloneInto(&sort.getComparator(), mapping);
  Operation *terminator = sort.getComparator().front().getTerminator();
  if (auto funcReturn = dyn_cast<func::ReturnOp>(terminator)) {
    OpBuilder atEnd(funcReturn);
    jaxc::stablehlo::ReturnOp::create(atEnd, funcReturn.getLoc(),
                                      funcReturn.getOperands());
    funcReturn.erase();
  }
  if (failed(mlir::verify(sort)))
    return failure();

  SmallVector<int64_t> start(rank, 0), strides(rank, 1);
  SmallVector<int64_t> limit(operandType.getShape());
  limit[*dimension] = resultType.getDimSize(*dimension);
  SmallVector<Value> results;
  for (auto [sorted, resultType] :
       llvm::zip(sort.getResults(), op.getResultTypes()))
    results.push_back(jaxc::stablehlo::SliceOp::create(
        builder, loc, resultType, sorted, start, limit, strides));
  op.replaceAllUsesWith(results);
  op.erase();
  if (SymbolTable::symbolKnownUseEmpty(comparator, symbols.getOp()))
    symbols.erase(comparator);
  return success();
}

struct ResolveJaxCustomCallsPass final
    : jaxc::impl::ResolveJaxCustomCallsPassBase<ResolveJaxCustomCallsPass> {
  void runOnOperation() override {
    SmallVector<CustomCallOp> calls;
    getOperation().walk([&](CustomCallOp op) { calls.push_back(op); });
    SymbolTable symbols(getOperation());
    for (CustomCallOp op : calls) {
      llvm::StringRef target = op.getCallTargetName();
      LogicalResult resolved = success();
      if (target == "annotate_device_placement") {
        op.replaceAllUsesWith(op.getInputs());
        op.erase();
      } else if (target == "shape_assertion") {
        resolved = resolveShapeAssertion(op);
      } else if (target == "ApproxTopK") {
        resolved = resolveApproxTopK(op, symbols);
      } else if (target.consume_front("mhlo.")) {
        resolved = resolveChloSpelling(op, target);
      }
      if (failed(resolved))
        return signalPassFailure();
    }
  }
};

} // namespace
