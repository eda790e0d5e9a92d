//===- RuntimeToLLVMPass.cpp - jaxc_rt ops to calls into the runtime ------===//

#include "jaxc/Conversion/Passes.h"
#include "jaxc/Conversion/RuntimeToLLVM/RuntimeToLLVM.h"
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"

#include "mlir/Transforms/DialectConversion.h"

namespace jaxc {
#define GEN_PASS_DEF_RUNTIMETOLLVMPASS
#include "jaxc/Conversion/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

struct RuntimeToLLVMPass
    : jaxc::impl::RuntimeToLLVMPassBase<RuntimeToLLVMPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    jaxc::routeAllocationsThroughContext(getOperation());
    LLVMTypeConverter typeConverter(ctx);
    RewritePatternSet patterns(ctx);
    jaxc::populateParallelForToLLVMPatterns(typeConverter, patterns);
    jaxc::populateKernelsToLLVMPatterns(typeConverter, patterns);
    ConversionTarget target(*ctx);
    target.addIllegalDialect<jaxc::rt::RuntimeDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
