//===- EraseTokens.cpp - Remove !stablehlo.token values -------------------===//
//
// Tokens only order side effects. jaxc runs a program's ops in program order
// on one device and has no side-effecting op that takes a token, so every
// token value can go: from signatures, calls, loops, conditionals and
// optimization barriers. Each removed token is first replaced by a
// create_token where it was defined, so that after the rewrite only
// after_all and create_token produce or consume tokens; those are erased
// last. An op jaxc cannot rewrite that still uses a token (a host callback,
// send, recv, outfeed...) is an error naming it.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Transforms/Passes.h"

#include "mlir/IR/Builders.h"

namespace jaxc {
#define GEN_PASS_DEF_ERASETOKENSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;
using namespace jaxc;

namespace {

bool isToken(Type type) { return isa<stablehlo::TokenType>(type); }
bool isToken(Value value) { return isToken(value.getType()); }

bool isTokenProducer(Operation *op) {
  return isa<stablehlo::AfterAllOp, stablehlo::CreateTokenOp>(op);
}

SmallVector<Value> nonTokens(ValueRange values) {
  return llvm::to_vector(
      llvm::make_filter_range(values, [](Value v) { return !isToken(v); }));
}

SmallVector<Type> nonTokens(TypeRange types) {
  return llvm::to_vector(
      llvm::make_filter_range(types, [](Type t) { return !isToken(t); }));
}

// Gives the uses of a token that is about to disappear a create_token of
// their own, at `builder`'s insertion point.
void detachToken(OpBuilder &builder, Value token) {
  if (token.use_empty())
    return;
  Value fresh = stablehlo::CreateTokenOp::create(builder, token.getLoc(),
                                                 token.getType());
  token.replaceAllUsesWith(fresh);
}

// Drops the token arguments of every block in `region`.
void eraseTokenArguments(Region &region) {
  for (Block &block : region) {
    OpBuilder builder = OpBuilder::atBlockBegin(&block);
    llvm::BitVector erase(block.getNumArguments());
    for (BlockArgument arg : block.getArguments())
      if (isToken(arg)) {
        detachToken(builder, arg);
        erase.set(arg.getArgNumber());
      }
    block.eraseArguments(erase);
  }
}

// Drops the token operands of the terminators of `region`.
void eraseTokenReturns(Region &region) {
  for (Block &block : region) {
    Operation *terminator = block.getTerminator();
    SmallVector<Value> kept = nonTokens(terminator->getOperands());
    terminator->setOperands(kept);
  }
}

// Replaces `op` by a copy without token operands and results (and, for its
// regions, without token block arguments and returned tokens).
void rebuildWithoutTokens(Operation *op, bool regionArgsCarryOperands) {
  OpBuilder builder(op);
  OperationState state(op->getLoc(), op->getName());
  state.addOperands(nonTokens(op->getOperands()));
  state.addTypes(nonTokens(op->getResultTypes()));
  state.addAttributes(op->getDiscardableAttrDictionary().getValue());
  state.propertiesAttr = op->getPropertiesAsAttribute();
  for (Region &region : op->getRegions()) {
    if (regionArgsCarryOperands)
      eraseTokenArguments(region);
    eraseTokenReturns(region);
    state.addRegion()->takeBody(region);
  }
  Operation *rebuilt = builder.create(state);
  builder.setInsertionPointAfter(rebuilt);
  unsigned next = 0;
  for (OpResult result : op->getResults()) {
    if (isToken(result))
      detachToken(builder, result);
    else
      result.replaceAllUsesWith(rebuilt->getResult(next++));
  }
  op->erase();
}

bool hasTokens(Operation *op) {
  return llvm::any_of(op->getOperandTypes(),
                      [](Type t) { return isToken(t); }) ||
         llvm::any_of(op->getResultTypes(), [](Type t) { return isToken(t); });
}

struct EraseTokensPass final
    : jaxc::impl::EraseTokensPassBase<EraseTokensPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    bool sawUnsupported = false;
    // Innermost first, so that a loop's body is settled before the loop.
    module.walk<WalkOrder::PostOrder>(
        [&](Operation *op) {
          if (isTokenProducer(op) || !hasTokens(op))
            return;
          if (isa<stablehlo::WhileOp>(op))
            return rebuildWithoutTokens(op, /*regionArgsCarryOperands=*/true);
          if (isa<stablehlo::IfOp, stablehlo::CaseOp, func::CallOp,
                  stablehlo::OptimizationBarrierOp>(op))
            return rebuildWithoutTokens(op, /*regionArgsCarryOperands=*/false);
          if (isa<func::ReturnOp, stablehlo::ReturnOp>(op))
            return; // the function or the parent op drops these
          op->emitError("'")
              << op->getName()
              << "' uses a token: a side effect jaxc cannot run (it runs "
                 "functions without host callbacks or I/O)";
          sawUnsupported = true;
        });
    if (sawUnsupported)
      return signalPassFailure();

    for (auto function : module.getOps<func::FuncOp>()) {
      if (function.isExternal())
        continue;
      FunctionType type = function.getFunctionType();
      SmallVector<unsigned> tokenInputs, tokenResults;
      for (auto [i, input] : llvm::enumerate(type.getInputs()))
        if (isToken(input))
          tokenInputs.push_back(i);
      for (auto [i, result] : llvm::enumerate(type.getResults()))
        if (isToken(result))
          tokenResults.push_back(i);
      eraseTokenReturns(function.getBody());
      OpBuilder builder = OpBuilder::atBlockBegin(&function.front());
      for (unsigned i : tokenInputs)
        detachToken(builder, function.getArgument(i));
      llvm::BitVector inputs(type.getNumInputs()),
          results(type.getNumResults());
      for (unsigned i : tokenInputs)
        inputs.set(i);
      for (unsigned i : tokenResults)
        results.set(i);
      if (failed(function.eraseArguments(inputs)) ||
          failed(function.eraseResults(results)))
        return signalPassFailure();
    }

    // Now only after_all and create_token touch tokens.
    SmallVector<Operation *> producers;
    module.walk([&](Operation *op) {
      if (isTokenProducer(op))
        producers.push_back(op);
    });
    for (Operation *op : producers)
      op->dropAllUses();
    for (Operation *op : producers)
      op->erase();
  }
};

} // namespace
