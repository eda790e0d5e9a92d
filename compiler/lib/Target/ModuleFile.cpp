//===- ModuleFile.cpp - Writing jaxc module files -------------------------===//

#include "jaxc/Target/ModuleFile.h"
#include "jaxc/Support/Unsupported.h"

#include "jaxc/Transforms/Passes.h"
#include "jaxc/runtime/module_checksum.h"
#include "jaxc/runtime/module_format.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinTypes.h"

#include <cstring>

using namespace mlir;

namespace jaxc {

namespace {

// MLIR element type -> module format dtype code.
uint32_t dtypeOf(Type type) {
  if (auto complex = dyn_cast<ComplexType>(type)) {
    Type part = complex.getElementType();
    return part.isF32()   ? JAXC_DTYPE_COMPLEX64
           : part.isF64() ? JAXC_DTYPE_COMPLEX128
                          : 0;
  }
  if (type.isF16())
    return JAXC_DTYPE_F16;
  if (type.isBF16())
    return JAXC_DTYPE_BF16;
  if (type.isF32())
    return JAXC_DTYPE_F32;
  if (type.isF64())
    return JAXC_DTYPE_F64;
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer)
    return 0;
  struct IntegerCode {
    unsigned width;
    uint32_t signedCode, unsignedCode;
  };
  static constexpr IntegerCode kIntegers[] = {
      {1, JAXC_DTYPE_I1, 0},
      {8, JAXC_DTYPE_I8, JAXC_DTYPE_UI8},
      {16, JAXC_DTYPE_I16, JAXC_DTYPE_UI16},
      {32, JAXC_DTYPE_I32, JAXC_DTYPE_UI32},
      {64, JAXC_DTYPE_I64, JAXC_DTYPE_UI64},
  };
  for (const IntegerCode &code : kIntegers)
    if (code.width == integer.getWidth())
      return integer.isUnsigned() ? code.unsignedCode : code.signedCode;
  return 0;
}

FailureOr<TensorSignature> signatureOf(func::FuncOp func, Type type,
                                       StringRef what) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  uint32_t dtype = tensor ? dtypeOf(tensor.getElementType()) : 0;
  if (!tensor || !tensor.hasStaticShape() || !dtype)
    return jaxc::emitUnsupported(func, "@" + func.getName() + " " + what +
                                           " of this type")
           << " (" << type
           << "; the runtime passes static tensors of i1, i8-i64, ui8-ui64, "
              "f16, bf16, f32, f64, complex<f32>, complex<f64>)";
  return TensorSignature{dtype, std::vector<int64_t>(tensor.getShape().begin(),
                                                     tensor.getShape().end())};
}

uint32_t checkKindOf(StringRef kind) {
  if (kind == "eq")
    return JAXC_CHECK_EQ;
  if (kind == "almost_eq")
    return JAXC_CHECK_ALMOST_EQ;
  return JAXC_CHECK_CLOSE;
}

} // namespace

FailureOr<ModuleMetadata> collectModuleMetadata(ModuleOp module) {
  ModuleMetadata metadata;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (!func.isPublic() || func.isDeclaration())
      continue;
    FunctionSignature fn;
    fn.name = func.getName().str();
    fn.entrySymbol = (kEntryPointPrefix + func.getName()).str();
    for (auto [i, type] : llvm::enumerate(func.getArgumentTypes())) {
      auto sig = signatureOf(func, type, "argument " + std::to_string(i));
      if (failed(sig))
        return failure();
      fn.inputs.push_back(*sig);
    }
    unsigned ownResults = func.getNumResults();
    if (auto count = func->getAttrOfType<IntegerAttr>("jaxc.result_count"))
      ownResults = count.getInt();
    for (auto [i, type] : llvm::enumerate(func.getResultTypes())) {
      auto sig = signatureOf(func, type, "result " + std::to_string(i));
      if (failed(sig))
        return failure();
      if (i < ownResults) {
        fn.results.push_back(*sig);
        auto name = func.getResultAttrOfType<StringAttr>(i, "jax.result_info");
        fn.resultNames.push_back(name ? name.str() : "");
      } else {
        fn.checkBuffers.push_back(*sig);
      }
    }
    if (auto checks = func->getAttrOfType<ArrayAttr>("jaxc.checks")) {
      for (auto check : checks.getAsRange<DictionaryAttr>()) {
        CheckSignature sig;
        sig.kind = checkKindOf(check.getAs<StringAttr>("kind").getValue());
        sig.actualSlot = check.getAs<IntegerAttr>("actual").getInt();
        sig.expectedSlot = check.getAs<IntegerAttr>("expected").getInt();
        sig.location = check.getAs<StringAttr>("location").str();
        if (auto tolerance = check.getAs<FloatAttr>("tolerance"))
          sig.tolerance = tolerance.getValueAsDouble();
        fn.checks.push_back(sig);
      }
    }
    metadata.functions.push_back(std::move(fn));
  }
  return metadata;
}

namespace {

// Little-endian byte sink.
class ByteWriter {
public:
  void u32(uint32_t value) { raw(&value, sizeof(value)); }
  void u64(uint64_t value) { raw(&value, sizeof(value)); }
  void i64(int64_t value) { raw(&value, sizeof(value)); }
  void f64(double value) { raw(&value, sizeof(value)); }
  void string(llvm::StringRef text) {
    u32(text.size());
    raw(text.data(), text.size());
  }
  void tensor(const TensorSignature &type) {
    u32(type.dtype);
    u32(type.dims.size());
    for (int64_t dim : type.dims)
      i64(dim);
  }
  void raw(const void *data, size_t size) {
    bytes.append(static_cast<const char *>(data), size);
  }
  std::string bytes;
};

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the module format is little-endian; so is this writer");

} // namespace

std::string writeModuleFile(const ModuleMetadata &metadata,
                            llvm::StringRef nativeCode,
                            llvm::StringRef constants) {
  ByteWriter meta;
  meta.string(metadata.targetTriple);
  meta.string(metadata.targetCpu);
  meta.u32(JAXC_CONTEXT_ABI_VERSION);
  meta.u32(metadata.cpuFeatures.size());
  for (const std::string &feature : metadata.cpuFeatures)
    meta.string(feature);
  meta.u32(metadata.flushDenormals ? JAXC_DENORMALS_FLUSH
                                   : JAXC_DENORMALS_IEEE);
  meta.u32(metadata.functions.size());
  for (const FunctionSignature &fn : metadata.functions) {
    meta.string(fn.name);
    meta.string(fn.entrySymbol);
    meta.u32(fn.inputs.size());
    for (const TensorSignature &type : fn.inputs)
      meta.tensor(type);
    meta.u32(fn.results.size());
    for (auto [type, name] : llvm::zip(fn.results, fn.resultNames)) {
      meta.tensor(type);
      meta.string(name);
    }
    meta.u32(fn.checks.size());
    for (const CheckSignature &check : fn.checks) {
      meta.u32(check.kind);
      meta.u32(check.actualSlot);
      meta.u32(check.expectedSlot);
      meta.string(check.location);
      meta.f64(check.tolerance);
    }
    meta.u32(fn.checkBuffers.size());
    for (const TensorSignature &type : fn.checkBuffers)
      meta.tensor(type);
  }

  // Header, section table, then the payloads, each 64-byte aligned for
  // whoever maps it.
  struct Section {
    uint32_t kind;
    llvm::StringRef payload;
    uint64_t offset = 0;
  };
  llvm::SmallVector<Section, 3> sections = {
      {JAXC_SECTION_METADATA, meta.bytes},
      {JAXC_SECTION_NATIVE_CODE, nativeCode}};
  if (!constants.empty())
    sections.push_back({JAXC_SECTION_CONSTANTS, constants});
  static_assert(JAXC_CONSTANTS_ALIGNMENT == 64, "sections are 64-aligned");
  uint64_t fileSize = JAXC_MODULE_HEADER_SIZE +
                      sections.size() * JAXC_MODULE_SECTION_ENTRY_SIZE;
  for (Section &section : sections) {
    section.offset = llvm::alignTo(fileSize, 64);
    fileSize = section.offset + section.payload.size();
  }

  ByteWriter file;
  file.bytes.reserve(fileSize);
  char magic[JAXC_MODULE_MAGIC_SIZE] = {};
  std::memcpy(magic, JAXC_MODULE_MAGIC, sizeof(JAXC_MODULE_MAGIC));
  file.raw(magic, sizeof(magic));
  file.u32(JAXC_MODULE_FORMAT_VERSION);
  file.u32(sections.size());
  file.u64(fileSize);
  file.u64(0); // the checksum, once the rest is written
  for (const Section &section : sections) {
    file.u32(section.kind);
    file.u32(0);
    file.u64(section.offset);
    file.u64(section.payload.size());
  }
  for (const Section &section : sections) {
    file.bytes.resize(section.offset, '\0');
    file.raw(section.payload.data(), section.payload.size());
  }
  uint64_t checksum = jaxc_module_checksum(
      reinterpret_cast<const uint8_t *>(file.bytes.data()) +
          JAXC_MODULE_HEADER_SIZE,
      fileSize - JAXC_MODULE_HEADER_SIZE);
  std::memcpy(file.bytes.data() + JAXC_MODULE_CHECKSUM_OFFSET, &checksum,
              sizeof(checksum));
  return std::move(file.bytes);
}

} // namespace jaxc
