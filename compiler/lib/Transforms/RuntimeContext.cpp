//===- RuntimeContext.cpp - Generated code's view of jaxc_context_t -------===//

#include "jaxc/Transforms/RuntimeContext.h"

using namespace mlir;

namespace jaxc {

LLVM::LLVMStructType getContextStructType(MLIRContext *ctx) {
  Type i32 = IntegerType::get(ctx, 32);
  Type ptr = LLVM::LLVMPointerType::get(ctx);
  // abi_version, thread_count, parallel_for, matmul_f32, conv2d_f32,
  // runtime_private, alloc, free, lapack.
  return LLVM::LLVMStructType::getLiteral(
      ctx, {i32, i32, ptr, ptr, ptr, ptr, ptr, ptr, ptr});
}

LLVM::GlobalOp getOrCreateContextGlobal(ModuleOp module) {
  if (auto global = module.lookupSymbol<LLVM::GlobalOp>(kContextGlobalName))
    return global;
  MLIRContext *ctx = module.getContext();
  OpBuilder builder(ctx);
  builder.setInsertionPointToStart(module.getBody());
  auto global = LLVM::GlobalOp::create(
      builder, module.getLoc(), LLVM::LLVMPointerType::get(ctx),
      /*isConstant=*/false, LLVM::Linkage::Internal, kContextGlobalName,
      /*value=*/Attribute(),
      /*alignment=*/8, /*addrSpace=*/0, /*dsoLocal=*/true,
      /*threadLocal=*/true);
  // Zero-initialized: code run outside an entry call sees NULL.
  Block *init = builder.createBlock(&global.getInitializerRegion());
  builder.setInsertionPointToStart(init);
  Value null = LLVM::ZeroOp::create(builder, module.getLoc(),
                                    LLVM::LLVMPointerType::get(ctx));
  LLVM::ReturnOp::create(builder, module.getLoc(), null);
  return global;
}

Value getContextSlot(OpBuilder &builder, Location loc, ModuleOp module) {
  LLVM::GlobalOp global = getOrCreateContextGlobal(module);
  auto ptrType = LLVM::LLVMPointerType::get(builder.getContext());
  Value address = LLVM::AddressOfOp::create(builder, loc, global);
  return LLVM::ThreadlocalAddressOp::create(builder, loc, ptrType, address);
}

Value loadContext(OpBuilder &builder, Location loc, ModuleOp module) {
  auto ptrType = LLVM::LLVMPointerType::get(builder.getContext());
  return LLVM::LoadOp::create(builder, loc, ptrType,
                              getContextSlot(builder, loc, module));
}

Value loadContextField(OpBuilder &builder, Location loc, Value context,
                       ContextField field) {
  MLIRContext *ctx = builder.getContext();
  LLVM::LLVMStructType structType = getContextStructType(ctx);
  int32_t index = static_cast<int32_t>(field);
  Value address = LLVM::GEPOp::create(
      builder, loc, LLVM::LLVMPointerType::get(ctx), structType, context,
      ArrayRef<LLVM::GEPArg>{0, index});
  return LLVM::LoadOp::create(builder, loc, structType.getBody()[index],
                              address);
}

} // namespace jaxc
