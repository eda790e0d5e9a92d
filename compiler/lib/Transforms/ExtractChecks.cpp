//===- ExtractChecks.cpp - check.expect_* calls become hidden results -----===//

#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
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

struct ExtractChecksPass
    : jaxc::impl::ExtractChecksPassBase<ExtractChecksPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isDeclaration() && failed(extractChecks(func)))
        return signalPassFailure();
  }

  LogicalResult extractChecks(func::FuncOp func) {
    SmallVector<jaxc::stablehlo::CustomCallOp> checks;
    WalkResult walk =
        func.walk([&](jaxc::stablehlo::CustomCallOp call) -> WalkResult {
          if (!call.getCallTargetName().starts_with("check."))
            return WalkResult::advance();
          if (call->getParentOp() != func)
            return call.emitOpError(
                "check inside a nested region is not supported by jaxc yet");
          checks.push_back(call);
          return WalkResult::advance();
        });
    if (walk.wasInterrupted())
      return failure();
    if (checks.empty())
      return success();
    if (!func.isPublic())
      return checks.front().emitOpError(
          "checks must be in a public function (run the inliner first)");

    auto returnOp = cast<func::ReturnOp>(func.getBody().back().getTerminator());
    MLIRContext *ctx = &getContext();
    Builder builder(ctx);
    SmallVector<Value> hiddenResults;
    SmallVector<Attribute> checkAttrs;
    for (auto call : checks) {
      StringRef kind =
          llvm::StringSwitch<StringRef>(call.getCallTargetName())
              .Case("check.expect_eq", "eq")
              .Case("check.expect_almost_eq", "almost_eq")
              .Case("check.expect_close", "close")
              .Default("");
      if (kind.empty())
        return call.emitOpError("unknown check '")
               << call.getCallTargetName() << "'";
      if (call.getInputs().size() != 2 || call.getNumResults() != 0)
        return call.emitOpError("a check takes (actual, expected), no results");
      int64_t actual = hiddenResults.size();
      hiddenResults.append(call.getInputs().begin(), call.getInputs().end());
      checkAttrs.push_back(builder.getDictionaryAttr({
          builder.getNamedAttr("kind", builder.getStringAttr(kind)),
          builder.getNamedAttr("actual", builder.getI64IntegerAttr(actual)),
          builder.getNamedAttr("expected",
                               builder.getI64IntegerAttr(actual + 1)),
          builder.getNamedAttr(
              "location",
              builder.getStringAttr(describeLocation(call.getLoc()))),
      }));
      call.erase();
    }

    unsigned ownResults = func.getNumResults();
    returnOp->insertOperands(returnOp->getNumOperands(), hiddenResults);
    SmallVector<Type> resultTypes(func.getResultTypes());
    for (Value value : hiddenResults)
      resultTypes.push_back(value.getType());
    func.setType(
        FunctionType::get(ctx, func.getArgumentTypes(), resultTypes));
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
