//===- EmitEntryPoints.cpp - The runtime's calling convention -------------===//
//
// The runtime calls every function as
//   void jaxc_entry_<name>(void *context, void **buffers)
// (runtime/include/jaxc/runtime/module_format.h). Functions arrive here
// lowered with bare-pointer memref arguments, one pointer per buffer, inputs
// first then results (buffer-results-to-out-params). The entry makes
// context this thread's __jaxc_context for the duration of the call.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Transforms/Passes.h"
#include "jaxc/Transforms/RuntimeContext.h"

#include "mlir/IR/Builders.h"

namespace jaxc {
#define GEN_PASS_DEF_EMITENTRYPOINTSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

struct EmitEntryPointsPass
    : jaxc::impl::EmitEntryPointsPassBase<EmitEntryPointsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto voidType = LLVM::LLVMVoidType::get(ctx);
    auto entryType = LLVM::LLVMFunctionType::get(voidType, {ptrType, ptrType});

    SmallVector<LLVM::LLVMFuncOp> functions;
    // Internal functions (parallel loop bodies, helpers) are only called
    // from inside the module; so are private ones (outlined loop nests),
    // which become internal.
    for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
      if (func.isExternal() || func.getLinkage() != LLVM::Linkage::External ||
          func.getName().starts_with(jaxc::kEntryPointPrefix))
        continue;
      if (SymbolTable::getSymbolVisibility(func) ==
          SymbolTable::Visibility::Private)
        func.setLinkage(LLVM::Linkage::Internal);
      else
        functions.push_back(func);
    }

    OpBuilder builder(ctx);
    for (LLVM::LLVMFuncOp func : functions) {
      LLVM::LLVMFunctionType fnType = func.getFunctionType();
      if (!isa<LLVM::LLVMVoidType>(fnType.getReturnType()) ||
          llvm::any_of(fnType.getParams(),
                       [&](Type t) { return t != ptrType; })) {
        func.emitError("function '")
            << func.getName()
            << "' was not lowered to bare buffer pointers; its signature "
               "must have static shapes";
        return signalPassFailure();
      }
      Location loc = func.getLoc();
      builder.setInsertionPointAfter(func);
      auto entry = LLVM::LLVMFuncOp::create(
          builder, loc, (jaxc::kEntryPointPrefix + func.getName()).str(),
          entryType);
      Block *block = entry.addEntryBlock(builder);
      builder.setInsertionPointToStart(block);
      Value buffers = block->getArgument(1);
      SmallVector<Value> args;
      for (unsigned i = 0, e = fnType.getNumParams(); i < e; ++i) {
        Value slot = LLVM::GEPOp::create(
            builder, loc, ptrType, ptrType, buffers,
            ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
        args.push_back(LLVM::LoadOp::create(builder, loc, ptrType, slot));
      }
      // The callee reaches the runtime through this thread's
      // __jaxc_context; the previous value is restored so that a service
      // may call back into the module.
      Value slot = jaxc::getContextSlot(builder, loc, module);
      Value previous = LLVM::LoadOp::create(builder, loc, ptrType, slot);
      LLVM::StoreOp::create(builder, loc, block->getArgument(0), slot);
      LLVM::CallOp::create(builder, loc, func, args);
      LLVM::StoreOp::create(builder, loc, previous, slot);
      LLVM::ReturnOp::create(builder, loc, ValueRange{});
      // Only the entry is exported: names like `main` or `sinf` in user
      // code must not clash with anything in the process.
      func.setLinkage(LLVM::Linkage::Internal);
    }
  }
};

} // namespace
