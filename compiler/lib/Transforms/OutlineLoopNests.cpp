//===- OutlineLoopNests.cpp - Each serial loop nest a function of its own -===//
//
// Loops with too little work for the thread pool stay in the function that
// runs them. A program of many small ops (GPT-2's decode step: vectors of
// 768) then becomes one function of 24000 LLVM instructions, which LLVM
// optimizes in time that grows faster than its size (9.5 s of a 10 s
// compile), and which the compiler cannot split over threads. Each such
// outermost loop nest becomes a private function called in its place:
//
//   scf.for %i = %c0 to %c768 step %c1 { ... %a ... }
//   ==>
//   func.call @main_loop_0(%a)
//   func.func private @main_loop_0(%a: memref<768xf32>)
//       attributes {passthrough = ["noinline"]} { scf.for ... }
//
// noinline keeps LLVM from inlining the nests back into one function.
// Functions that are thread-pool bodies are left alone: their loops are
// the chunk loops.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Transforms/Passes.h"

#include "LoopInputs.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/StringSet.h"

namespace jaxc {
#define GEN_PASS_DEF_OUTLINELOOPNESTSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

// Moves `nest` into a new private function of `parent`'s module and calls
// it in its place; leaves it if an input cannot be passed.
void outline(func::FuncOp parent, Operation *nest, SymbolTable &symbolTable) {
  std::optional<jaxc::LoopInputs> inputs =
      jaxc::collectInputs(nest, /*withOperands=*/true);
  if (!inputs)
    return;
  OpBuilder builder(parent);
  builder.setInsertionPointAfter(parent);
  Location loc = nest->getLoc();
  auto type = builder.getFunctionType(ValueRange(inputs->captures).getTypes(),
                                      TypeRange{});
  auto function = func::FuncOp::create(
      builder, loc, (parent.getSymName() + "_loop").str(), type);
  function.setPrivate();
  function->setAttr("passthrough",
                    builder.getArrayAttr({builder.getStringAttr("noinline")}));
  symbolTable.insert(function);
  jaxc::markNoaliasCaptures(function, /*firstCapture=*/0, inputs->captures);

  Block *entry = function.addEntryBlock();
  builder.setInsertionPointToStart(entry);
  IRMapping mapping;
  mapping.map(inputs->captures, entry->getArguments());
  for (Operation *constant : inputs->clones)
    builder.clone(*constant, mapping);
  builder.clone(*nest, mapping);
  func::ReturnOp::create(builder, loc);

  builder.setInsertionPoint(nest);
  func::CallOp::create(builder, loc, function, inputs->captures);
  nest->erase();
}

struct OutlineLoopNestsPass
    : jaxc::impl::OutlineLoopNestsPassBase<OutlineLoopNestsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbolTable(module);
    llvm::StringSet<> poolBodies;
    module.walk([&](jaxc::rt::ParallelForOp op) {
      poolBodies.insert(op.getBodyAttr().getValue());
    });
    SmallVector<std::pair<func::FuncOp, Operation *>> nests;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal() || poolBodies.contains(func.getSymName()))
        continue;
      func.walk<WalkOrder::PreOrder>([&](Operation *op) {
        // A loop with results (stablehlo.while's) is looked into instead.
        if (!isa<scf::ForOp, scf::ParallelOp, scf::WhileOp>(op) ||
            op->getNumResults() != 0)
          return WalkResult::advance();
        nests.emplace_back(func, op);
        return WalkResult::skip();
      });
    }
    for (auto [func, nest] : nests)
      outline(func, nest, symbolTable);
  }
};

} // namespace
