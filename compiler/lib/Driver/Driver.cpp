//===- Driver.cpp - Compile a StableHLO file, start to finish -------------===//

#include "jaxc/Driver/Driver.h"
#include "jaxc/Support/Unsupported.h"

#include "jaxc/Conversion/Passes.h"
#include "jaxc/Dialect/CHLO/IR/CHLOOps.h"
#include "jaxc/Dialect/Check/IR/CheckOps.h"
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Dialect/SDY/IR/SDYOps.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Dialect/VHLO/IR/VHLOOps.h"
#include "jaxc/Driver/JaxExported.h"
#include "jaxc/Target/ModuleFile.h"
#include "jaxc/Transforms/Passes.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/Support/SourceMgr.h"

using namespace mlir;

namespace jaxc {

namespace {

// JAX prints i1 hex constants with one byte per element; MLIR 22 reads i1
// hex data bit-packed. Repack such constants so JAX's files parse as JAX
// meant them. A plain scan: llvm::Regex backtracks over every hex digit of
// every constant, which took a third of the compile time of large files.
std::string repackBoolHexConstants(llvm::StringRef source) {
  static constexpr llvm::StringLiteral kOpen = "dense<\"0x";
  static constexpr llvm::StringLiteral kType = "\"> : tensor<";
  static constexpr llvm::StringLiteral kI1 = "i1>";
  std::string out;
  size_t copied = 0;
  for (size_t open = source.find(kOpen); open != llvm::StringRef::npos;
       open = source.find(kOpen, open + 1)) {
    size_t hexStart = open + kOpen.size();
    size_t hexEnd =
        source.find_first_not_of("0123456789ABCDEFabcdef", hexStart);
    if (hexEnd == llvm::StringRef::npos ||
        !source.substr(hexEnd).starts_with(kType))
      continue;
    size_t dimsStart = hexEnd + kType.size();
    size_t dimsEnd = source.find_first_not_of("0123456789x", dimsStart);
    if (dimsEnd == llvm::StringRef::npos ||
        !source.substr(dimsEnd).starts_with(kI1))
      continue;
    llvm::StringRef hex = source.slice(hexStart, hexEnd);
    llvm::StringRef shape = source.slice(dimsStart, dimsEnd);
    int64_t elements = 1;
    for (llvm::StringRef dims = shape; !dims.empty();) {
      auto [dim, rest] = dims.split('x');
      int64_t size = 0;
      dim.getAsInteger(10, size);
      elements *= size;
      dims = rest;
    }
    if (static_cast<int64_t>(hex.size()) != 2 * elements || elements <= 1)
      continue;
    std::string packed((elements + 7) / 8, '\0');
    for (int64_t i = 0; i < elements; ++i)
      if (hex.substr(2 * i, 2) != "00")
        packed[i / 8] |= static_cast<char>(1 << (i % 8));
    out += source.slice(copied, open);
    out += (kOpen + llvm::toHex(packed) + kType + shape + kI1).str();
    copied = dimsEnd + kI1.size();
  }
  return out + source.substr(copied).str();
}

// MLIR bytecode starts with this magic (and so do StableHLO portable
// artifacts, which are bytecode in the VHLO dialect).
bool isBytecode(llvm::StringRef bytes) { return bytes.starts_with("ML\xefR"); }

void registerDialects(DialectRegistry &registry) {
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registry.insert<stablehlo::StableHLODialect, chlo::CHLODialect,
                  check::CheckDialect, util::UtilDialect, rt::RuntimeDialect,
                  sdy::SDYDialect, vhlo::VHLODialect>();
}

} // namespace

std::optional<std::vector<std::string>>
readSourceSections(const std::string &path, std::string &error) {
  std::string errorMessage;
  std::unique_ptr<llvm::MemoryBuffer> file = openInputFile(path, &errorMessage);
  if (!file) {
    error = path + ": error: " + errorMessage + "\n";
    return std::nullopt;
  }
  // MLIR bytecode (and the portable artifacts inside it) is one module and
  // binary: it has no sections and no lines to split at.
  if (isBytecode(file->getBuffer()) || isJaxExported(file->getBuffer()))
    return std::vector<std::string>{file->getBuffer().str()};
  std::vector<std::string> sections(1);
  unsigned line = 0;
  for (llvm::StringRef rest = file->getBuffer(); !rest.empty(); ++line) {
    auto [text, next] = rest.split('\n');
    rest = next;
    if (text.trim() == "// -----") {
      // Blank lines in place of the ones before keep diagnostics' line
      // numbers those of the file.
      sections.emplace_back(line + 1, '\n');
      continue;
    }
    sections.back() += text.str() + "\n";
  }
  return sections;
}

CompileOutcome compileFile(const std::string &path,
                           const CompileOptions &options) {
  std::string error;
  std::optional<std::vector<std::string>> sections =
      readSourceSections(path, error);
  CompileOutcome outcome;
  outcome.status = CompileOutcome::Status::Error;
  if (!sections) {
    outcome.diagnostics = error;
    return outcome;
  }
  if (sections->size() > 1) {
    outcome.diagnostics =
        path + ": error: the file has " + std::to_string(sections->size()) +
        " sections split by `// -----`; a module file holds one (use jaxc "
        "run-mlir to run them all)\n";
    return outcome;
  }
  return compileSource(sections->front(), path, options);
}

CompileOutcome compileSource(const std::string &text,
                             const std::string &bufferName,
                             const CompileOptions &options) {
  CompileOutcome outcome;
  auto fail = [&](CompileOutcome::Status status) {
    outcome.status = status;
    outcome.output.clear();
    return outcome;
  };
  const std::string &path = bufferName;
  // jax.export's serialize(): the portable artifact inside, compiled with
  // the export's calling convention.
  std::optional<JaxExported> exported;
  if (isJaxExported(text)) {
    std::string error;
    exported = readJaxExported(text, error);
    if (!exported) {
      outcome.diagnostics = path + ": error: " + error + "\n";
      return fail(CompileOutcome::Status::Error);
    }
  }
  std::string source = exported           ? exported->module.str()
                       : isBytecode(text) ? text
                                          : repackBoolHexConstants(text);

  DialectRegistry registry;
  registerDialects(registry);
  MLIRContext context(registry);
  context.disableMultithreading();
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(source, path), llvm::SMLoc());

  llvm::raw_string_ostream diagnostics(outcome.diagnostics);
  SourceMgrDiagnosticHandler handler(sourceMgr, &context, diagnostics);
  // Remember the first unsupported op before the handler prints it.
  ScopedDiagnosticHandler unsupportedFinder(&context, [&](Diagnostic &diag) {
    if (outcome.unsupported.empty())
      if (std::optional<std::string> op = getUnsupportedOpName(diag))
        outcome.unsupported = *op;
    return failure(); // let the SourceMgr handler print it too
  });

  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return fail(outcome.unsupported.empty()
                    ? CompileOutcome::Status::Error
                    : CompileOutcome::Status::Unsupported);

  std::string targetError;
  FailureOr<ResolvedTarget> target = resolveTarget(options.target, targetError);
  if (failed(target)) {
    outcome.diagnostics += "error: " + targetError + "\n";
    return fail(CompileOutcome::Status::Error);
  }

  auto failedRun = [&]() {
    return fail(outcome.unsupported.empty()
                    ? CompileOutcome::Status::Error
                    : CompileOutcome::Status::Unsupported);
  };
  // A StableHLO portable artifact (VHLO ops) becomes StableHLO first.
  if (module
          ->walk([](Operation *op) {
            return op->getName().getDialectNamespace() == "vhlo"
                       ? WalkResult::interrupt()
                       : WalkResult::advance();
          })
          .wasInterrupted()) {
    PassManager pm(&context);
    pm.addPass(createVHLOToStableHLOPass());
    if (failed(pm.run(*module)))
      return failedRun();
  }
  if (exported && failed(adoptCallingConvention(*module, *exported)))
    return failedRun();
  auto printModule = [&]() {
    llvm::raw_string_ostream os(outcome.output);
    module->print(os);
    return outcome;
  };

  const std::vector<std::string> cpuFeatures = requiredCpuFeatures(*target);
  PipelineOptions pipelineOptions =
      PipelineOptions::forTarget(target->triple, target->flushDenormals);
  pipelineOptions.selectBF16MinMax =
      llvm::is_contained(cpuFeatures, "avx512bf16");
  using PhaseBuilder = void (*)(OpPassManager &, const PipelineOptions &);
  const std::pair<Phase, PhaseBuilder> mlirPhases[] = {
      {Phase::Input, buildInputPhase},
      {Phase::Linalg, buildLinalgPhase},
      {Phase::Bufferized, buildBufferizedPhase},
      {Phase::LLVM, buildLLVMPhase},
  };
  ModuleMetadata metadata;
  for (auto [phase, build] : mlirPhases) {
    PassManager pm(&context);
    if (options.printIRAfterAll)
      pm.enableIRPrinting(
          /*shouldPrintBeforePass=*/[](Pass *, Operation *) { return false; },
          /*shouldPrintAfterPass=*/[](Pass *, Operation *) { return true; },
          /*printModuleScope=*/true, /*printAfterOnlyOnChange=*/false);
    // Elided weights are rejected or filled before anything reads them.
    if (phase == Phase::Input)
      pm.addPass(createElidedConstantsPass({options.fillElidedConstants}));
    build(pm, pipelineOptions);
    if (failed(pm.run(*module)))
      return failedRun();
    if (phase == Phase::Input) {
      // Signatures are read here, while types are still StableHLO's.
      FailureOr<ModuleMetadata> collected = collectModuleMetadata(*module);
      if (failed(collected))
        return failedRun();
      metadata = std::move(*collected);
    }
    if (phase == options.compileTo)
      return printModule();
  }

  if (options.compileTo == Phase::LLVMIR) {
    FailureOr<std::string> ir = emitLLVMIR(*module, *target);
    if (failed(ir))
      return failedRun();
    outcome.output = std::move(*ir);
    return outcome;
  }
  // The constants travel beside the code, not in it; the attribute (and
  // the blob it owns) must outlive the module file's writing.
  ArrayRef<char> constants;
  DenseResourceElementsAttr constantsAttr =
      (*module)->getAttrOfType<DenseResourceElementsAttr>(kConstantsAttrName);
  if (constantsAttr) {
    (*module)->removeAttr(kConstantsAttrName);
    constants = constantsAttr.getData();
  }
  FailureOr<std::string> sharedObject = emitSharedObject(*module, *target);
  if (failed(sharedObject))
    return failedRun();
  metadata.targetTriple = target->triple;
  metadata.targetCpu = target->cpu;
  metadata.cpuFeatures = cpuFeatures;
  metadata.flushDenormals = target->flushDenormals;
  outcome.output =
      writeModuleFile(metadata, *sharedObject,
                      llvm::StringRef(constants.data(), constants.size()));
  return outcome;
}

} // namespace jaxc
