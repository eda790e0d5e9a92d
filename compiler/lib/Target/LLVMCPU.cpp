//===- LLVMCPU.cpp - Native code for the host CPU -------------------------===//
//
// LLVM dialect -> LLVM IR -> O2 -> object file -> `ld.lld -shared` -> bytes.
// Large modules are split into partitions that are optimized and compiled
// in parallel, then linked together.
// The runtime maps the shared object (runtime/src/native_library.cc); libm
// is linked because math lowers to libm calls.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Target/LLVMCPU.h"
#include "jaxc/runtime/module_format.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Linker/Linker.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"
#include "llvm/Transforms/Utils/SplitModule.h"

#include <algorithm>

using namespace mlir;

namespace jaxc {

namespace {

void initializeLLVMOnce() {
  static bool initialized = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    return true;
  }();
  (void)initialized;
}

std::unique_ptr<llvm::TargetMachine>
createTargetMachine(const ResolvedTarget &target) {
  std::string error;
  llvm::Triple triple(target.triple);
  const llvm::Target *llvmTarget =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!llvmTarget)
    return nullptr;
  return std::unique_ptr<llvm::TargetMachine>(llvmTarget->createTargetMachine(
      triple, target.cpu, target.features, {}, llvm::Reloc::PIC_, std::nullopt,
      llvm::CodeGenOptLevel::Default));
}

// Without AVX-512 BF16, LLVM narrows to bfloat by calling __truncsfbf2 and
// __truncdfbf2, which Debian 12's libgcc (GCC 12) lacks, so a module doing
// bf16 arithmetic would not load. Modules that touch bfloat carry their own:
// round to nearest even (NaNs quieted), and f64 through f32 rounded to odd so
// that the two roundings give the one correct result.
constexpr llvm::StringLiteral kBf16Truncations = R"(
define weak hidden bfloat @__truncsfbf2(float %x) {
  %bits = bitcast float %x to i32
  %magnitude = and i32 %bits, 2147483647
  %nan = icmp ugt i32 %magnitude, 2139095040
  %high = lshr i32 %bits, 16
  %odd = and i32 %high, 1
  %bias = add i32 %odd, 32767
  %rounded = add i32 %bits, %bias
  %quiet = or i32 %bits, 4194304
  %picked = select i1 %nan, i32 %quiet, i32 %rounded
  %top = lshr i32 %picked, 16
  %half = trunc i32 %top to i16
  %result = bitcast i16 %half to bfloat
  ret bfloat %result
}
define weak hidden bfloat @__truncdfbf2(double %x) {
  %nearest = fptrunc double %x to float
  %back = fpext float %nearest to double
  %exact = fcmp oeq double %back, %x
  %nan = fcmp uno double %x, 0.0
  %keep = or i1 %exact, %nan
  %bits = bitcast float %nearest to i32
  %absX = call double @llvm.fabs.f64(double %x)
  %absBack = call double @llvm.fabs.f64(double %back)
  %away = fcmp ogt double %absBack, %absX
  %towardZero = sub i32 %bits, 1
  %truncated = select i1 %away, i32 %towardZero, i32 %bits
  %odd = or i32 %truncated, 1
  %chosen = select i1 %keep, i32 %bits, i32 %odd
  %single = bitcast i32 %chosen to float
  %result = call bfloat @__truncsfbf2(float %single)
  ret bfloat %result
}
declare double @llvm.fabs.f64(double)
)";

bool touchesBfloat(const llvm::Module &module) {
  for (const llvm::Function &function : module)
    for (const llvm::Instruction &inst : llvm::instructions(function)) {
      if (inst.getType()->getScalarType()->isBFloatTy())
        return true;
      for (const llvm::Value *operand : inst.operands())
        if (operand->getType()->getScalarType()->isBFloatTy())
          return true;
    }
  return false;
}

LogicalResult addBf16Truncations(llvm::Module &module) {
  if (!touchesBfloat(module))
    return success();
  llvm::SMDiagnostic error;
  std::unique_ptr<llvm::Module> helpers =
      llvm::parseAssemblyString(kBf16Truncations, error, module.getContext());
  if (!helpers)
    return failure();
  helpers->setTargetTriple(module.getTargetTriple());
  helpers->setDataLayout(module.getDataLayout());
  return failure(llvm::Linker::linkModules(module, std::move(helpers)));
}

FailureOr<std::unique_ptr<llvm::Module>>
translate(ModuleOp module, llvm::LLVMContext &llvmContext,
          const llvm::TargetMachine &machine, bool flushDenormals) {
  DialectRegistry registry;
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  module->getContext()->appendDialectRegistry(registry);
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, llvmContext, "jaxc_module");
  if (!llvmModule) {
    module.emitError("translation to LLVM IR failed");
    return failure();
  }
  llvmModule->setTargetTriple(machine.getTargetTriple());
  llvmModule->setDataLayout(machine.createDataLayout());
  // The runtime runs a flushing module with FTZ/DAZ set (module_format.h);
  // telling LLVM lets its constant folding agree with the hardware.
  if (flushDenormals)
    for (llvm::Function &function : *llvmModule)
      function.addFnAttr("denormal-fp-math", "preserve-sign,preserve-sign");
  return llvmModule;
}

// O2, then the bf16 helpers. On error, returns the message.
std::string optimize(llvm::Module &llvmModule, llvm::TargetMachine &machine) {
  // O2: it vectorizes as O3 does, and halves the time LLVM spends on the
  // largest programs (CHLO's special functions inline big loop bodies).
  auto transform = makeOptimizingTransformer(2, 0, &machine);
  if (llvm::Error err = transform(&llvmModule))
    return "LLVM optimization failed: " + llvm::toString(std::move(err));
  if (failed(addBf16Truncations(llvmModule)))
    return "adding the bf16 truncation helpers failed";
  return "";
}

// The linker: Debian's lld-22, found beside the LLVM we were built with.
std::string findLinker() {
  for (const char *candidate :
       {"/usr/lib/llvm-22/bin/ld.lld", "/usr/bin/ld.lld-22"})
    if (llvm::sys::fs::can_execute(candidate))
      return candidate;
  llvm::ErrorOr<std::string> onPath = llvm::sys::findProgramByName("ld.lld");
  return onPath ? *onPath : "";
}

// A temporary file removed when this goes out of scope.
struct TempFile {
  llvm::SmallString<128> path;
  ~TempFile() {
    if (!path.empty())
      llvm::sys::fs::remove(path);
  }
};

} // namespace

FailureOr<ResolvedTarget> resolveTarget(const CPUTargetOptions &options,
                                        std::string &error) {
  initializeLLVMOnce();
  ResolvedTarget target;
  target.triple = llvm::sys::getDefaultTargetTriple();
  target.flushDenormals = options.flushDenormals;
  if (options.cpu == "host") {
    target.cpu = llvm::sys::getHostCPUName().str();
    llvm::SubtargetFeatures features;
    llvm::StringMap<bool> hostFeatures = llvm::sys::getHostCPUFeatures();
    for (const auto &feature : hostFeatures)
      features.AddFeature(feature.first(), feature.second);
    // LLVM tunes AVX-512 CPUs to prefer 256-bit vectors (clock throttling
    // on early parts); jaxc's loops are long and arithmetic-heavy, where
    // full-width vectors double the throughput.
    if (hostFeatures.lookup("avx512f"))
      features.AddFeature("prefer-256-bit", false);
    target.features = features.getString();
  } else {
    target.cpu = options.cpu;
  }
  std::string lookupError;
  const llvm::Target *llvmTarget = llvm::TargetRegistry::lookupTarget(
      llvm::Triple(target.triple), lookupError);
  if (!llvmTarget) {
    error = "no LLVM target for " + target.triple + ": " + lookupError;
    return failure();
  }
  std::unique_ptr<llvm::TargetMachine> machine = createTargetMachine(target);
  if (!machine ||
      !machine->getMCSubtargetInfo()->isCPUStringValid(target.cpu)) {
    error = "unknown target CPU '" + target.cpu +
            "' (use host, x86-64, x86-64-v3, znver4, ...)";
    return failure();
  }
  return target;
}

std::vector<std::string> requiredCpuFeatures(const ResolvedTarget &target) {
  std::unique_ptr<llvm::TargetMachine> machine = createTargetMachine(target);
  const llvm::MCSubtargetInfo *subtarget = machine->getMCSubtargetInfo();
  std::vector<std::string> features;
  auto add = [&](const char *name) {
    if (subtarget->checkFeatures(std::string("+") + name))
      features.push_back(name);
  };
#define JAXC_ADD_CPUID_FEATURE(name, ...) add(name);
#define JAXC_ADD_AVX10_FEATURE(name, version) add(name);
  JAXC_X86_CPU_FEATURES(JAXC_ADD_CPUID_FEATURE)
  JAXC_X86_AVX10_FEATURES(JAXC_ADD_AVX10_FEATURE)
#undef JAXC_ADD_CPUID_FEATURE
#undef JAXC_ADD_AVX10_FEATURE
  return features;
}

// Translates `module` for the target and hands the LLVM module and a
// target machine to `use`.
static FailureOr<std::string>
withLLVMModule(ModuleOp module, const ResolvedTarget &target,
               llvm::function_ref<FailureOr<std::string>(llvm::Module &,
                                                         llvm::TargetMachine &)>
                   use) {
  std::unique_ptr<llvm::TargetMachine> machine = createTargetMachine(target);
  llvm::LLVMContext llvmContext;
  auto llvmModule =
      translate(module, llvmContext, *machine, target.flushDenormals);
  if (failed(llvmModule))
    return failure();
  return use(**llvmModule, *machine);
}

FailureOr<std::string> emitLLVMIR(ModuleOp module,
                                  const ResolvedTarget &target) {
  return withLLVMModule(
      module, target,
      [&](llvm::Module &llvmModule,
          llvm::TargetMachine &machine) -> FailureOr<std::string> {
        if (std::string error = optimize(llvmModule, machine); !error.empty())
          return module.emitError(error), failure();
        std::string text;
        llvm::raw_string_ostream os(text);
        llvmModule.print(os, nullptr);
        return text;
      });
}

namespace {

// Instructions per partition that LLVM optimizes and compiles on a thread
// of its own. A fixed size, not the machine's core count, decides how a
// module is split, so the module file does not depend on where it was
// compiled (BERT-base: about 35000 instructions, 7 partitions).
constexpr size_t kPartitionInstructions = 5000;
constexpr unsigned kMaxPartitions = 8;

unsigned countPartitions(const llvm::Module &llvmModule) {
  size_t instructions = 0;
  for (const llvm::Function &function : llvmModule)
    instructions += function.getInstructionCount();
  return std::clamp<unsigned>(instructions / kPartitionInstructions, 1,
                              kMaxPartitions);
}

// Optimizes and compiles `llvmModule` into object files: whole, or split
// into partitions (locals made hidden globals, so the partitions link
// together) that are optimized and compiled in parallel, each in an
// LLVMContext of its own (a context is not thread-safe), reached through
// bitcode. On error, returns the message.
std::string compileObjects(llvm::Module &llvmModule,
                           const ResolvedTarget &target,
                           std::vector<llvm::SmallString<0>> &objects) {
  auto compile = [&target](llvm::Module &part,
                           llvm::SmallString<0> &object) -> std::string {
    std::unique_ptr<llvm::TargetMachine> machine = createTargetMachine(target);
    if (std::string error = optimize(part, *machine); !error.empty())
      return error;
    llvm::raw_svector_ostream os(object);
    llvm::legacy::PassManager codegen;
    if (machine->addPassesToEmitFile(codegen, os, nullptr,
                                     llvm::CodeGenFileType::ObjectFile))
      return "the target cannot emit object files";
    codegen.run(part);
    return "";
  };
  unsigned partitions = countPartitions(llvmModule);
  if (partitions == 1) {
    objects.resize(1);
    return compile(llvmModule, objects[0]);
  }
  std::vector<llvm::SmallString<0>> bitcodes;
  llvm::SplitModule(
      llvmModule, partitions,
      [&](std::unique_ptr<llvm::Module> part) {
        llvm::raw_svector_ostream os(bitcodes.emplace_back());
        llvm::WriteBitcodeToFile(*part, os);
      },
      /*PreserveLocals=*/false, /*RoundRobin=*/true);
  objects.resize(bitcodes.size());
  std::vector<std::string> errors(bitcodes.size());
  llvm::DefaultThreadPool pool(llvm::hardware_concurrency());
  for (size_t i = 0; i < bitcodes.size(); ++i)
    pool.async([&, i] {
      llvm::LLVMContext context;
      auto part = llvm::parseBitcodeFile(
          llvm::MemoryBufferRef(bitcodes[i].str(), "partition"), context);
      if (!part) {
        errors[i] = llvm::toString(part.takeError());
        return;
      }
      errors[i] = compile(**part, objects[i]);
    });
  pool.wait();
  for (const std::string &error : errors)
    if (!error.empty())
      return error;
  return "";
}

} // namespace

static FailureOr<std::string>
linkSharedObject(ModuleOp module,
                 const std::vector<llvm::SmallString<0>> &objects) {
  std::string linker = findLinker();
  if (linker.empty()) {
    module.emitError("ld.lld not found: install lld-22 (scripts/setup.sh)");
    return failure();
  }
  std::vector<TempFile> objectFiles(objects.size());
  TempFile sharedFile, logFile;
  if (llvm::sys::fs::createTemporaryFile("jaxc", "so", sharedFile.path) ||
      llvm::sys::fs::createTemporaryFile("jaxc", "log", logFile.path)) {
    module.emitError("cannot create temporary files");
    return failure();
  }
  // -Bsymbolic: the module's exported symbols (its entries and
  // JAXC_CONSTANTS_SYMBOL) bind within it, so that a partition reaches one
  // that another partition defines PC-relative, as dso_local code does.
  llvm::SmallVector<llvm::StringRef> argv = {
      linker, "-shared", "-Bsymbolic", "--as-needed", "-o", sharedFile.path};
  for (size_t i = 0; i < objects.size(); ++i) {
    int fd;
    if (llvm::sys::fs::createTemporaryFile("jaxc", "o", fd,
                                           objectFiles[i].path)) {
      module.emitError("cannot create temporary files");
      return failure();
    }
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << objects[i];
    argv.push_back(objectFiles[i].path);
  }
  argv.append({"-L/usr/lib/x86_64-linux-gnu", "-lm", "-lc"});
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, logFile.path,
                                                logFile.path};
  std::string execError;
  int rc = llvm::sys::ExecuteAndWait(linker, argv, std::nullopt, redirects, 0,
                                     0, &execError);
  if (rc != 0) {
    auto log = llvm::MemoryBuffer::getFile(logFile.path);
    module.emitError("linking the shared object failed: ")
        << (execError.empty() ? "" : execError + "; ")
        << (log ? (*log)->getBuffer() : "");
    return failure();
  }
  auto shared = llvm::MemoryBuffer::getFile(sharedFile.path);
  if (!shared) {
    module.emitError("cannot read the linked shared object");
    return failure();
  }
  return (*shared)->getBuffer().str();
}

FailureOr<std::string> emitSharedObject(ModuleOp module,
                                        const ResolvedTarget &target) {
  return withLLVMModule(module, target,
                        [&](llvm::Module &llvmModule,
                            llvm::TargetMachine &) -> FailureOr<std::string> {
                          std::vector<llvm::SmallString<0>> objects;
                          if (std::string error =
                                  compileObjects(llvmModule, target, objects);
                              !error.empty())
                            return module.emitError(error), failure();
                          return linkSharedObject(module, objects);
                        });
}

} // namespace jaxc
