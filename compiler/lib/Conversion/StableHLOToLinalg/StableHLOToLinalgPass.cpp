//===- StableHLOToLinalgPass.cpp - The jaxc-stablehlo-to-linalg pass ------===//
//
// A partial conversion with StableHLO and CHLO illegal. An op no pattern
// lowers falls through to a last-resort pattern that reports it:
//   'stablehlo.fft' op is not supported by jaxc yet
//   'stablehlo.custom_call' op target 'foo' is not supported by jaxc yet
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "jaxc/Conversion/Passes.h"
#include "jaxc/Conversion/StableHLOToLinalg/StableHLOToLinalg.h"
#include "jaxc/Dialect/CHLO/IR/CHLOOps.h"
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Support/Unsupported.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;

namespace jaxc {

#define GEN_PASS_DEF_STABLEHLOTOLINALGPASS
#include "jaxc/Conversion/Passes.h.inc"

namespace {

/// The conformance tests' result checks (custom_call @check.expect_*) stay
/// for the pipeline to consume, whichever order it runs in.
bool isCheck(stablehlo::CustomCallOp op) {
  return op.getCallTargetName().starts_with("check.");
}

/// Gives a kept check the converted (signless) values.
struct CheckOperandsToSignless final
    : OpConversionPattern<stablehlo::CustomCallOp> {
  using Base::Base;

  LogicalResult
  matchAndRewrite(stablehlo::CustomCallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isCheck(op) || op->getNumResults() != 0)
      return failure();
    rewriter.modifyOpInPlace(op,
                             [&] { op->setOperands(adaptor.getOperands()); });
    return success();
  }
};

/// Last resort for a StableHLO or CHLO op no other pattern lowers: reports
/// it and stands a placeholder in for its results, so that the conversion
/// goes on and reports every such op once (failing the conversion would add
/// the driver's own "failed to legalize" error).
struct ReportUnsupportedOp final : ConversionPattern {
  ReportUnsupportedOp(const TypeConverter &typeConverter, MLIRContext *context,
                      bool &sawUnsupportedOp)
      : ConversionPattern(typeConverter, MatchAnyOpTypeTag(), /*benefit=*/0,
                          context),
        sawUnsupportedOp(sawUnsupportedOp) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value>,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<stablehlo::StableHLODialect, chlo::CHLODialect>(op->getDialect()))
      return failure();
    if (isa<stablehlo::CustomCallOp>(op))
      jaxc::emitUnsupported(op, describeUnsupportedCustomCall(op));
    else if (!computesAlgorithm(op))
      jaxc::emitUnsupported(op, "with this algorithm")
          << " (" << cast<stablehlo::DotGeneralOp>(op).getAlgorithmAttr()
          << "; jaxc multiplies the operands "
             "as they are, one product each, summing f16 and bf16 results "
             "in f32 and others in their own type)";
    else
      jaxc::emitUnsupported(op);
    sawUnsupportedOp = true;
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op->getResultTypes(),
                                                resultTypes)))
      return failure();
    auto placeholder = UnrealizedConversionCastOp::create(
        rewriter, op->getLoc(), resultTypes, ValueRange());
    rewriter.replaceOp(op, placeholder.getResults());
    return success();
  }

  bool &sawUnsupportedOp;
};

struct StableHLOToLinalgPass final
    : impl::StableHLOToLinalgPassBase<StableHLOToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    SignlessTypeConverter typeConverter;

    ConversionTarget target(*context);
    // LAPACK custom calls become jaxc_rt.lapack on memrefs between
    // bufferization casts.
    target.addLegalDialect<arith::ArithDialect, complex::ComplexDialect,
                           linalg::LinalgDialect, math::MathDialect,
                           scf::SCFDialect, tensor::TensorDialect,
                           bufferization::BufferizationDialect,
                           memref::MemRefDialect, rt::RuntimeDialect>();
    target.addIllegalDialect<stablehlo::StableHLODialect, chlo::CHLODialect>();
    // ReportUnsupportedOp's placeholders.
    target.addLegalOp<UnrealizedConversionCastOp>();
    target.addDynamicallyLegalOp<stablehlo::CustomCallOp>(
        [&](stablehlo::CustomCallOp op) {
          return isCheck(op) && typeConverter.isLegal(op);
        });
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return typeConverter.isSignatureLegal(op.getFunctionType()) &&
             typeConverter.isLegal(&op.getBody());
    });
    target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(
        [&](Operation *op) { return typeConverter.isLegal(op); });

    RewritePatternSet patterns(context);
    populateStableHLOToLinalgPatterns(typeConverter, patterns);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(
        patterns, typeConverter);
    populateReturnOpTypeConversionPattern(patterns, typeConverter);
    populateCallOpTypeConversionPattern(patterns, typeConverter);
    bool sawUnsupportedOp = false;
    patterns.add<ReportUnsupportedOp>(typeConverter, context, sawUnsupportedOp);

    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))) ||
        sawUnsupportedOp)
      signalPassFailure();
  }
};

} // namespace

void populateStableHLOToLinalgPatterns(const TypeConverter &typeConverter,
                                       RewritePatternSet &patterns) {
  populateElementwiseToLinalgPatterns(typeConverter, patterns);
  populateShapeToLinalgPatterns(typeConverter, patterns);
  populateReductionToLinalgPatterns(typeConverter, patterns);
  populateDotToLinalgPatterns(typeConverter, patterns);
  populateControlFlowToSCFPatterns(typeConverter, patterns);
  populateGatherScatterToLinalgPatterns(typeConverter, patterns);
  populateSortToSCFPatterns(typeConverter, patterns);
  populateSelectAndScatterToLinalgPatterns(typeConverter, patterns);
  populateConvolutionToLinalgPatterns(typeConverter, patterns);
  populateFftToLinalgPatterns(typeConverter, patterns);
  populateRngBitGeneratorToLinalgPatterns(typeConverter, patterns);
  populateTriangularSolveToLinalgPatterns(typeConverter, patterns);
  populateMapAndBatchNormToLinalgPatterns(typeConverter, patterns);
  populateLapackToRuntimePatterns(typeConverter, patterns);
  patterns.add<CheckOperandsToSignless>(typeConverter, patterns.getContext());
}

} // namespace jaxc
