//===- InlineNonBarePtrCalls.cpp - Inline what bare pointers can't call ---===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/Inliner.h"
#include "mlir/Transforms/InliningUtils.h"

namespace jaxc {
#define GEN_PASS_DEF_INLINENONBAREPTRCALLSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

bool hasBarePtrSignature(func::FuncOp func) {
  auto convertible = [](Type type) {
    auto memref = dyn_cast<BaseMemRefType>(type);
    return !memref || LLVMTypeConverter::canConvertToBarePtr(memref);
  };
  FunctionType type = func.getFunctionType();
  return llvm::all_of(type.getInputs(), convertible) &&
         llvm::all_of(type.getResults(), convertible);
}

bool mustInline(func::FuncOp func) {
  return func && func.isPrivate() && !func.isExternal() &&
         !hasBarePtrSignature(func);
}

struct InlineNonBarePtrCallsPass
    : jaxc::impl::InlineNonBarePtrCallsPassBase<InlineNonBarePtrCallsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    InlinerInterface interface(&getContext());
    InlinerConfig config;
    SmallVector<func::CallOp> calls;
    module.walk([&](func::CallOp call) { calls.push_back(call); });
    for (func::CallOp call : calls) {
      auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
      if (!mustInline(callee))
        continue;
      if (failed(inlineCall(interface, config.getCloneCallback(), call, callee,
                            &callee.getBody()))) {
        call.emitOpError("calls a function the bare-pointer convention "
                         "cannot lower, and it cannot be inlined");
        return signalPassFailure();
      }
      call.erase();
    }
    for (func::FuncOp func :
         llvm::make_early_inc_range(module.getOps<func::FuncOp>()))
      if (mustInline(func) && SymbolTable::symbolKnownUseEmpty(func, module))
        symbols.erase(func);
  }
};

} // namespace
