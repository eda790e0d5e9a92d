//===- ExtractChecks.cpp - check.expect_* calls become hidden results -----===//

#include "jaxc/Dialect/Check/IR/CheckOps.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Support/Unsupported.h"
#include "jaxc/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringSwitch.h"

namespace jaxc {
#define GEN_PASS_DEF_EXTRACTCHECKSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

// "file:line:col" of the first file location inside `loc`.
std::string describeLocation(Location loc) {
  std::string text;
  loc->walk([&](Location inner) {
    if (auto fileLoc = dyn_cast<FileLineColLoc>(inner)) {
      text = (fileLoc.getFilename().getValue() + ":" +
              Twine(fileLoc.getLine()) + ":" + Twine(fileLoc.getColumn()))
                 .str();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return text.empty() ? "<unknown location>" : text;
}

// One check, whichever spelling the test file used.
struct CheckInfo {
  Operation *op;
  StringRef kind; // "eq", "almost_eq" or "close"
  Value actual, expected;
  double tolerance = 0; // 0: the kind's default
};

// The check an op stands for; nullopt for ops that are no checks.
// `expected` of the *_const forms is materialized before the op.
FailureOr<std::optional<CheckInfo>> describeCheck(Operation *op) {
  using namespace jaxc;
  auto materialize = [&](ElementsAttr value) -> Value {
    OpBuilder builder(op);
    return stablehlo::ConstantOp::create(builder, op->getLoc(), value);
  };
  auto tolerance = [](FloatAttr attr) {
    return attr ? attr.getValueAsDouble() : 0.0;
  };
  if (auto call = dyn_cast<stablehlo::CustomCallOp>(op)) {
    if (!call.getCallTargetName().starts_with("check."))
      return std::optional<CheckInfo>();
    StringRef kind = llvm::StringSwitch<StringRef>(call.getCallTargetName())
                         .Case("check.expect_eq", "eq")
                         .Case("check.expect_almost_eq", "almost_eq")
                         .Case("check.expect_close", "close")
                         .Default("");
    if (kind.empty())
      return call.emitOpError("unknown check '")
             << call.getCallTargetName() << "'";
    if (call.getInputs().size() != 2 || call.getNumResults() != 0)
      return call.emitOpError("a check takes (actual, expected), no results");
    return std::optional<CheckInfo>(
        CheckInfo{op, kind, call.getInputs()[0], call.getInputs()[1]});
  }
  if (auto eq = dyn_cast<check::ExpectEqOp>(op))
    return std::optional<CheckInfo>(
        CheckInfo{op, "eq", eq.getLhs(), eq.getRhs()});
  if (auto almost = dyn_cast<check::ExpectAlmostEqOp>(op))
    return std::optional<CheckInfo>(
        CheckInfo{op, "almost_eq", almost.getLhs(), almost.getRhs(),
                  tolerance(almost.getToleranceAttr())});
  if (auto close = dyn_cast<check::ExpectCloseOp>(op)) {
    if (close.getMinUlpDifference().value_or(0) != 0)
      return jaxc::emitUnsupported(close, "min_ulp_difference");
    double ulps = static_cast<double>(close.getMaxUlpDifference().value_or(0));
    // max_ulp_difference = 0 asks for exact equality.
    if (close.getMaxUlpDifference() && ulps == 0)
      return std::optional<CheckInfo>(
          CheckInfo{op, "eq", close.getLhs(), close.getRhs()});
    return std::optional<CheckInfo>(
        CheckInfo{op, "close", close.getLhs(), close.getRhs(), ulps});
  }
  if (auto eq = dyn_cast<check::ExpectEqConstOp>(op))
    return std::optional<CheckInfo>(
        CheckInfo{op, "eq", eq.getLhs(), materialize(eq.getValue())});
  if (auto almost = dyn_cast<check::ExpectAlmostEqConstOp>(op))
    return std::optional<CheckInfo>(CheckInfo{
        op, "almost_eq", almost.getLhs(), materialize(almost.getValue()),
        tolerance(almost.getToleranceAttr())});
  return std::optional<CheckInfo>();
}

struct ExtractChecksPass
    : jaxc::impl::ExtractChecksPassBase<ExtractChecksPass> {
  void runOnOperation() override {
    replaceUnfoldableConstants();
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isDeclaration() && failed(extractChecks(func)))
        return signalPassFailure();
  }

  // IREE's tests mark inputs as unfoldable; to jaxc they are constants.
  void replaceUnfoldableConstants() {
    getOperation().walk([](jaxc::util::UnfoldableConstantOp op) {
      OpBuilder builder(op);
      auto constant = jaxc::stablehlo::ConstantOp::create(builder, op.getLoc(),
                                                          op.getValue());
      op.replaceAllUsesWith(constant.getResult());
      op.erase();
    });
  }

  LogicalResult extractChecks(func::FuncOp func) {
    SmallVector<CheckInfo> checks;
    WalkResult walk = func.walk([&](Operation *op) -> WalkResult {
      FailureOr<std::optional<CheckInfo>> check = describeCheck(op);
      if (failed(check))
        return WalkResult::interrupt();
      if (!*check)
        return WalkResult::advance();
      if (op->getParentOp() != func)
        return jaxc::emitUnsupported(op, "check inside a nested region");
      checks.push_back(**check);
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return failure();
    if (checks.empty())
      return success();
    if (!func.isPublic())
      return checks.front().op->emitOpError(
          "checks must be in a public function (run the inliner first)");

    auto returnOp = cast<func::ReturnOp>(func.getBody().back().getTerminator());
    MLIRContext *ctx = &getContext();
    Builder builder(ctx);
    SmallVector<Value> hiddenResults;
    SmallVector<Attribute> checkAttrs;
    for (const CheckInfo &check : checks) {
      int64_t actual = hiddenResults.size();
      hiddenResults.append({check.actual, check.expected});
      SmallVector<NamedAttribute> fields = {
          builder.getNamedAttr("kind", builder.getStringAttr(check.kind)),
          builder.getNamedAttr("actual", builder.getI64IntegerAttr(actual)),
          builder.getNamedAttr("expected",
                               builder.getI64IntegerAttr(actual + 1)),
          builder.getNamedAttr(
              "location",
              builder.getStringAttr(describeLocation(check.op->getLoc()))),
      };
      if (check.tolerance != 0)
        fields.push_back(builder.getNamedAttr(
            "tolerance", builder.getF64FloatAttr(check.tolerance)));
      checkAttrs.push_back(builder.getDictionaryAttr(fields));
      check.op->erase();
    }

    unsigned ownResults = func.getNumResults();
    returnOp->insertOperands(returnOp->getNumOperands(), hiddenResults);
    SmallVector<Type> resultTypes(func.getResultTypes());
    for (Value value : hiddenResults)
      resultTypes.push_back(value.getType());
    func.setType(FunctionType::get(ctx, func.getArgumentTypes(), resultTypes));
    // Keep per-result attributes aligned with the grown result list.
    SmallVector<DictionaryAttr> resultAttrs;
    func.getAllResultAttrs(resultAttrs);
    resultAttrs.resize(resultTypes.size(), builder.getDictionaryAttr({}));
    func.setAllResultAttrs(resultAttrs);
    func->setAttr("jaxc.result_count", builder.getI64IntegerAttr(ownResults));
    func->setAttr("jaxc.checks", builder.getArrayAttr(checkAttrs));
    return success();
  }
};

} // namespace
