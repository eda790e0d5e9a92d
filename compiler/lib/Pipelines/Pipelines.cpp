//===- Pipelines.cpp - The phases of jaxc's compilation -------------------===//

#include "jaxc/Pipelines/Pipelines.h"

#include "jaxc/Conversion/Passes.h"
#include "jaxc/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

using namespace mlir;

namespace jaxc {

namespace {
struct PhaseEntry {
  Phase phase;
  llvm::StringLiteral name;
};
constexpr PhaseEntry kPhases[] = {
    {Phase::Input, "input"},           {Phase::Linalg, "linalg"},
    {Phase::Bufferized, "bufferized"}, {Phase::LLVM, "llvm"},
    {Phase::LLVMIR, "llvmir"},         {Phase::Module, "module"},
};
} // namespace

std::optional<Phase> parsePhase(llvm::StringRef name) {
  for (const PhaseEntry &entry : kPhases)
    if (entry.name == name)
      return entry.phase;
  return std::nullopt;
}

llvm::StringRef phaseName(Phase phase) {
  for (const PhaseEntry &entry : kPhases)
    if (entry.phase == phase)
      return entry.name;
  llvm_unreachable("every phase has a name");
}

std::string listPhases() {
  std::string names;
  for (const PhaseEntry &entry : kPhases)
    names += (names.empty() ? "" : ", ") + entry.name.str();
  return names;
}

PipelineOptions PipelineOptions::forTarget(llvm::StringRef triple,
                                           bool flushDenormals) {
  PipelineOptions options;
  options.flushDenormals = flushDenormals;
  if (llvm::Triple(triple).getArch() == llvm::Triple::x86_64)
    options.streamingStoreBytes = 16 << 20;
  return options;
}

void buildInputPhase(OpPassManager &pm, const PipelineOptions &) {
  pm.addPass(createDropSingleDeviceShardingPass());
  pm.addPass(createDecomposeCompositesPass());
  pm.addPass(createInlinerPass());
  pm.addPass(createSymbolDCEPass());
  pm.addPass(createEraseTokensPass());
  pm.addPass(createResolveJaxCustomCallsPass());
  pm.addPass(createExtractChecksPass());
  pm.addPass(createCHLOToStableHLOPass());
}

void buildLinalgPhase(OpPassManager &pm, const PipelineOptions &) {
  pm.addPass(createStableHLOToLinalgPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createFuseElementwisePass());
  pm.addPass(createCSEPass());
  // Layernorms and softmaxes a tile of rows at a time.
  pm.addPass(createFuseRowReductionsPass());
  pm.addPass(createCSEPass());
}

void buildBufferizedPhase(OpPassManager &pm, const PipelineOptions &) {
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  // scf.while loops (stablehlo.while) carry freshly computed tensors.
  bufferize.allowReturnAllocsFromLoops = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // The runtime owns every buffer: results become out-parameters.
  pm.addPass(createResultsToOutParamsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(createMemrefCopyToLinalgPass());
  // f32 matmuls and convolutions go to the runtime's packed kernels.
  pm.addNestedPass<func::FuncOp>(createLinalgToRuntimePass());
  bufferization::buildBufferDeallocationPipeline(pm);
  // Run-time alias checks of possibly aliasing buffers (a branch yielding a
  // constant or a fresh buffer) call a generated helper on dynamic memrefs,
  // which bare pointers cannot pass. Inlining it covers every case that
  // makes one and, unlike copying such results to fresh buffers, costs no
  // copies.
  pm.addPass(createInlineNonBarePtrCallsPass());
}

void buildLLVMPhase(OpPassManager &pm, const PipelineOptions &options) {
  // jaxc-fuse-row-reductions' tiles become iterations of a parallel loop.
  pm.addPass(createForallToParallelLoopPass());
  // One loop instead of a nest per elementwise op: far less for LLVM to
  // vectorize and unroll.
  pm.addNestedPass<func::FuncOp>(createCollapseParallelDimsPass());
  // An in-place op (softmax's exp(x - max) written over x) gets one
  // collapse_shape per operand; merged, its loop reads and writes through
  // one pointer, which LLVM vectorizes without a run-time overlap check
  // that two equal pointers always fail (ViT's exp ran scalar).
  pm.addNestedPass<func::FuncOp>(createCSEPass());
  // Parallel dimensions become scf.parallel; those with enough work run on
  // the runtime's thread pool.
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToParallelLoopsPass());
  OutlineParallelLoopsPassOptions outline;
  outline.streamingStoreBytes = options.streamingStoreBytes;
  pm.addPass(createOutlineParallelLoopsPass(outline));
  pm.addPass(createOutlineLoopNestsPass());
  // A transformer's blocks outline the same loops once per block (GPT-2
  // prefill: 349 functions, 26 different); LLVM compiles each once.
  pm.addPass(createMergeDuplicateFunctionsPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  // Integer powers and friends become code; the rest of math becomes LLVM
  // intrinsics or libm calls (linked when the shared object is made).
  // Complex arithmetic becomes real arithmetic on (re, im) pairs.
  pm.addPass(createConvertComplexToStandardPass());
  // Checked against the JAX suite's 3 ULP (and test/jaxc/
  // vectorizable-math.mlir); sin, cos, atan2, asin, acos, cbrt and log1p
  // approximations miss it.
  if (options.flushDenormals)
    pm.addPass(createFlushSubnormalArgumentsPass());
  VectorizableMathPassOptions vectorizableMath;
  vectorizableMath.ops = {"math.tanh", "math.exp", "math.expm1", "math.log",
                          "math.log2", "math.erf", "math.erfc"};
  pm.addPass(createVectorizableMathPass(vectorizableMath));
  pm.addPass(createConvertMathToFuncs());
  pm.addPass(createPreciseMathToLibmPass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  // The streaming rows' vector loads, stores and broadcasts.
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(createExpandArithPass({options.selectBF16MinMax}));
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertComplexToLLVMPass());
  ConvertFuncToLLVMPassOptions funcToLLVM;
  funcToLLVM.useBarePtrCallConv = true;
  pm.addPass(createConvertFuncToLLVMPass(funcToLLVM));
  // After func-to-llvm: parallel_for calls its body as an llvm.func.
  pm.addPass(createRuntimeToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createEmitEntryPointsPass());
  // Weights leave the code for the module file's CONSTANTS section.
  pm.addPass(createExternalizeConstantsPass());
}

void registerPipelines() {
  using Builder = void (*)(OpPassManager &, const PipelineOptions &);
  static const PipelineOptions hostOptions = PipelineOptions::forTarget(
      llvm::sys::getDefaultTargetTriple(), /*flushDenormals=*/true);
  auto withHostOptions = [](Builder build) {
    return [build](OpPassManager &pm) { build(pm, hostOptions); };
  };
  PassPipelineRegistration<>("jaxc-input-phase",
                             "Inline, then extract check.expect_* calls",
                             withHostOptions(buildInputPhase));
  PassPipelineRegistration<>("jaxc-linalg-phase",
                             "Lower StableHLO to linalg and fuse",
                             withHostOptions(buildLinalgPhase));
  PassPipelineRegistration<>("jaxc-bufferized-phase",
                             "Bufferize; results become out-parameters",
                             withHostOptions(buildBufferizedPhase));
  PassPipelineRegistration<>("jaxc-llvm-phase",
                             "Lower to the LLVM dialect with entry points",
                             withHostOptions(buildLLVMPhase));
  PassPipelineRegistration<>(
      "jaxc-to-llvm", "All phases up to llvm", [](OpPassManager &pm) {
        for (Builder build : {buildInputPhase, buildLinalgPhase,
                              buildBufferizedPhase, buildLLVMPhase})
          build(pm, hostOptions);
      });
}

} // namespace jaxc
