//===- AllocationsToLLVM.cpp - Buffers from the device's cache ------------===//
//
//   llvm.call @malloc(%size)  ->  ctx->alloc(ctx, %size)
//   llvm.call @free(%buffer)  ->  ctx->free(ctx, %buffer)
//
// in every function but parallel_for bodies, which run on the pool's
// threads where __jaxc_context is not set. A buffer is freed in the
// function that allocated it or, after inlining, on the same thread, so
// malloc'd and cached buffers never meet.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Conversion/RuntimeToLLVM/RuntimeToLLVM.h"
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Transforms/RuntimeContext.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;

namespace jaxc {

void routeAllocationsThroughContext(ModuleOp module) {
  llvm::StringSet<> poolFunctions;
  module.walk([&](rt::ParallelForOp op) {
    poolFunctions.insert(op.getBodyAttr().getValue());
  });
  MLIRContext *ctx = module.getContext();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto allocType =
      LLVM::LLVMFunctionType::get(ptr, {ptr, IntegerType::get(ctx, 64)});
  auto freeType =
      LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {ptr, ptr});

  SmallVector<LLVM::CallOp> calls;
  for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
    if (poolFunctions.contains(func.getName()))
      continue;
    func.walk([&](LLVM::CallOp call) {
      std::optional<StringRef> callee = call.getCallee();
      if (callee && (*callee == "malloc" || *callee == "free"))
        calls.push_back(call);
    });
  }
  OpBuilder builder(ctx);
  for (LLVM::CallOp call : calls) {
    builder.setInsertionPoint(call);
    Location loc = call.getLoc();
    bool isAlloc = *call.getCallee() == "malloc";
    Value context = loadContext(builder, loc, module);
    Value function =
        loadContextField(builder, loc, context,
                         isAlloc ? ContextField::Alloc : ContextField::Free);
    SmallVector<Value> operands = {function, context};
    llvm::append_range(operands, call.getArgOperands());
    auto replacement = LLVM::CallOp::create(
        builder, loc, isAlloc ? allocType : freeType, operands);
    call.replaceAllUsesWith(replacement.getResults());
    call.erase();
  }
}

} // namespace jaxc
