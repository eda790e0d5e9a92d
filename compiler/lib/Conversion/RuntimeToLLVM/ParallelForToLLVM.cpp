//===- ParallelForToLLVM.cpp - jaxc_rt.parallel_for as a pool call --------===//
//
//   jaxc_rt.parallel_for @body(%a, %n) count C grain G : memref<..>, i64
// becomes
//   %data = alloca {ptr, i64}          (in the function's entry block)
//   store %a's aligned pointer, %n into %data
//   %ctx = load __jaxc_context
//   ctx->parallel_for(ctx, @body_chunk, %data, C, G)
// with a chunk function of the runtime's jaxc_parallel_body_t type, one per
// body:
//   void body_chunk(void *data, int64_t begin, int64_t end) {
//     body(begin, end, data->a, data->n);
//   }
// The body takes memrefs as bare pointers (static shapes, strides and
// offsets), so the aligned pointer is all it needs. Both functions become
// internal: LLVM inlines the body into the chunk function, and neither gets
// an entry point.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Conversion/RuntimeToLLVM/RuntimeToLLVM.h"
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Transforms/RuntimeContext.h"

#include "mlir/Conversion/LLVMCommon/MemRefBuilder.h"
#include "mlir/Conversion/LLVMCommon/Pattern.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;

namespace {

// Whether `symbol` is the chunk function made for `body`: it calls `body`.
bool isChunkOf(Operation *symbol, LLVM::LLVMFuncOp body) {
  auto function = dyn_cast<LLVM::LLVMFuncOp>(symbol);
  if (!function || function.isExternal())
    return false;
  return llvm::any_of(
      function.getBody().front().getOps<LLVM::CallOp>(),
      [&](LLVM::CallOp call) { return call.getCallee() == body.getName(); });
}

struct ParallelForLowering : ConvertOpToLLVMPattern<jaxc::rt::ParallelForOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(jaxc::rt::ParallelForOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto module = op->getParentOfType<ModuleOp>();
    auto body = module.lookupSymbol<LLVM::LLVMFuncOp>(op.getBodyAttr());
    if (!body)
      return rewriter.notifyMatchFailure(op, "the body is not an llvm.func");
    Type i64 = rewriter.getI64Type();
    ArrayRef<Type> params = body.getFunctionType().getParams();
    if (params.size() < 2 || params[0] != i64 || params[1] != i64)
      return rewriter.notifyMatchFailure(op, "the body must take i64 bounds");
    ArrayRef<Type> captureTypes = params.drop_front(2);

    SmallVector<Value> captures;
    for (auto [capture, converted] :
         llvm::zip(op.getCaptures(), adaptor.getCaptures()))
      captures.push_back(
          isa<MemRefType>(capture.getType())
              ? MemRefDescriptor(converted).alignedPtr(rewriter, loc)
              : converted);
    if (TypeRange(captures) != TypeRange(captureTypes))
      return rewriter.notifyMatchFailure(
          op, "the captures do not match the body's parameters");

    rewriter.modifyOpInPlace(body,
                             [&] { body.setLinkage(LLVM::Linkage::Internal); });
    LLVM::LLVMFuncOp chunk = getOrCreateChunkFunction(rewriter, module, body);
    Value data = packCaptures(rewriter, op, captures);
    Value context = jaxc::loadContext(rewriter, loc, module);
    Value parallelFor = jaxc::loadContextField(rewriter, loc, context,
                                               jaxc::ContextField::ParallelFor);
    auto ptr = LLVM::LLVMPointerType::get(getContext());
    auto parallelForType = LLVM::LLVMFunctionType::get(
        LLVM::LLVMVoidType::get(getContext()), {ptr, ptr, ptr, i64, i64});
    LLVM::CallOp::create(
        rewriter, loc, parallelForType,
        ValueRange{
            parallelFor, context,
            LLVM::AddressOfOp::create(rewriter, loc, chunk), data,
            LLVM::ConstantOp::create(rewriter, loc, i64, op.getCount()),
            LLVM::ConstantOp::create(rewriter, loc, i64, op.getGrain())});
    rewriter.eraseOp(op);
    return success();
  }

private:
  // The closure: a struct of the captures on the stack, allocated in the
  // entry block so that a loop around the op does not grow the stack.
  // NULL when there is nothing to capture.
  Value packCaptures(ConversionPatternRewriter &rewriter, Operation *op,
                     ArrayRef<Value> captures) const {
    Location loc = op->getLoc();
    auto ptr = LLVM::LLVMPointerType::get(getContext());
    if (captures.empty())
      return LLVM::ZeroOp::create(rewriter, loc, ptr);
    auto closureType = LLVM::LLVMStructType::getLiteral(
        getContext(), llvm::to_vector(TypeRange(captures)));
    Value data;
    {
      OpBuilder::InsertionGuard guard(rewriter);
      auto func = op->getParentOfType<FunctionOpInterface>();
      rewriter.setInsertionPointToStart(&func.getFunctionBody().front());
      Value one =
          LLVM::ConstantOp::create(rewriter, loc, rewriter.getI64Type(), 1);
      data = LLVM::AllocaOp::create(rewriter, loc, ptr, closureType, one);
    }
    for (auto [index, capture] : llvm::enumerate(captures)) {
      Value field = LLVM::GEPOp::create(
          rewriter, loc, ptr, closureType, data,
          ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(index)});
      LLVM::StoreOp::create(rewriter, loc, capture, field);
    }
    return data;
  }

  // void <body>_chunk(void *data, int64_t begin, int64_t end): unpacks the
  // closure and calls the body. One per body, made by its first
  // parallel_for: GPT-2's prefill runs one body from 23 places, and 23
  // copies of it cost LLVM 0.3 s.
  LLVM::LLVMFuncOp getOrCreateChunkFunction(ConversionPatternRewriter &rewriter,
                                            ModuleOp module,
                                            LLVM::LLVMFuncOp body) const {
    std::string base = (body.getName() + "_chunk").str();
    std::string name = base;
    for (unsigned suffix = 1; Operation *taken = module.lookupSymbol(name);
         ++suffix) {
      if (isChunkOf(taken, body))
        return cast<LLVM::LLVMFuncOp>(taken);
      name = base + "_" + std::to_string(suffix);
    }
    OpBuilder::InsertionGuard guard(rewriter);
    Location loc = body.getLoc();
    MLIRContext *ctx = getContext();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    Type i64 = rewriter.getI64Type();
    rewriter.setInsertionPointAfter(body);
    auto chunk = LLVM::LLVMFuncOp::create(
        rewriter, loc, name,
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx),
                                    {ptr, i64, i64}),
        LLVM::Linkage::Internal);
    Block *entry = chunk.addEntryBlock(rewriter);
    rewriter.setInsertionPointToStart(entry);
    SmallVector<Value> args = {entry->getArgument(1), entry->getArgument(2)};
    ArrayRef<Type> captureTypes =
        body.getFunctionType().getParams().drop_front(2);
    auto closureType = LLVM::LLVMStructType::getLiteral(ctx, captureTypes);
    for (auto [index, type] : llvm::enumerate(captureTypes)) {
      Value field = LLVM::GEPOp::create(
          rewriter, loc, ptr, closureType, entry->getArgument(0),
          ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(index)});
      args.push_back(LLVM::LoadOp::create(rewriter, loc, type, field));
    }
    LLVM::CallOp::create(rewriter, loc, body, args);
    LLVM::ReturnOp::create(rewriter, loc, ValueRange{});
    return chunk;
  }
};

} // namespace

void jaxc::populateParallelForToLLVMPatterns(
    const LLVMTypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<ParallelForLowering>(typeConverter);
}
