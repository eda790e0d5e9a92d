//===- JaxExported.cpp - Read jax.export's serialize() files --------------===//
//
// A small bounds-checked flatbuffer reader for the few fields jaxc needs.
// Field slots are the schema's declaration order (jax/_src/export/
// serialization.fbs): 3 in_avals, 6 nr_devices_short, 9 platforms,
// 10 ordered_effects, 13 mlir_module_serialized, 14 calling_convention_version,
// 15 module_kept_var_idx, 18 nr_devices; AbstractValue: 1 shape, 2 dtype.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Driver/JaxExported.h"

#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"

using namespace mlir;

namespace jaxc {

namespace {

enum ExportedField : unsigned {
  kInAvals = 3,
  kDevicesShort = 6,
  kPlatforms = 9,
  kOrderedEffects = 10,
  kModule = 13,
  kCallingConvention = 14,
  kKeptArguments = 15,
  kDevices = 18,
};
enum AvalField : unsigned { kAvalShape = 1, kAvalDtype = 2 };

// A flatbuffer table at `pos` of `bytes`; every read is bounds-checked and
// a bad offset makes the reader `broken` instead of reading out of bounds.
class Table {
public:
  Table(llvm::StringRef bytes, size_t pos, bool &broken)
      : bytes(bytes), pos(pos), broken(broken) {
    int32_t back = static_cast<int32_t>(u32(pos));
    vtable = static_cast<size_t>(static_cast<int64_t>(pos) - back);
    vtableSize = u16(vtable);
  }

  template <typename T> T scalar(unsigned field, T fallback) {
    size_t at = fieldPos(field);
    if (!at)
      return fallback;
    if constexpr (sizeof(T) == 1)
      return static_cast<T>(u8(at));
    else if constexpr (sizeof(T) == 2)
      return static_cast<T>(u16(at));
    else
      return static_cast<T>(u32(at));
  }

  // A vector field: its element count and the position of its first
  // element, or {0, 0} when absent.
  std::pair<uint32_t, size_t> vector(unsigned field) {
    size_t at = fieldPos(field);
    if (!at)
      return {0, 0};
    size_t start = at + u32(at);
    uint32_t count = u32(start);
    return {count, start + 4};
  }

  llvm::StringRef bytesOf(unsigned field) {
    auto [count, start] = vector(field);
    if (!check(start, count))
      return {};
    return bytes.substr(start, count);
  }

  Table tableAt(size_t elementPos) {
    return Table(bytes, elementPos + u32(elementPos), broken);
  }

  std::string stringAt(size_t elementPos) {
    size_t start = elementPos + u32(elementPos);
    uint32_t length = u32(start);
    if (!check(start + 4, length))
      return "";
    return bytes.substr(start + 4, length).str();
  }

  uint16_t u16(size_t at) {
    return check(at, 2) ? llvm::support::endian::read16le(bytes.data() + at)
                        : 0;
  }
  uint32_t u32(size_t at) {
    return check(at, 4) ? llvm::support::endian::read32le(bytes.data() + at)
                        : 0;
  }

private:
  uint8_t u8(size_t at) { return check(at, 1) ? bytes[at] : 0; }
  bool check(size_t at, size_t size) {
    if (at > bytes.size() || size > bytes.size() - at)
      broken = true;
    return !broken;
  }
  size_t fieldPos(unsigned field) {
    size_t slot = 4 + 2 * field;
    if (slot + 2 > vtableSize)
      return 0;
    uint16_t offset = u16(vtable + slot);
    return offset ? pos + offset : 0;
  }

  llvm::StringRef bytes;
  size_t pos;
  bool &broken;
  size_t vtable = 0;
  uint16_t vtableSize = 0;
};

// The MLIR type of the schema's DType, or null for one jaxc lacks.
Type elementTypeOf(int dtype, MLIRContext *context) {
  Builder b(context);
  auto unsignedOf = [&](unsigned width) {
    return IntegerType::get(context, width, IntegerType::Unsigned);
  };
  switch (dtype) {
  case 0:
    return b.getI1Type();
  case 1:
    return b.getI8Type();
  case 2:
    return b.getI16Type();
  case 3:
    return b.getI32Type();
  case 4:
    return b.getI64Type();
  case 5:
    return unsignedOf(8);
  case 6:
    return unsignedOf(16);
  case 7:
    return unsignedOf(32);
  case 8:
    return unsignedOf(64);
  case 9:
    return b.getF16Type();
  case 10:
    return b.getF32Type();
  case 11:
    return b.getF64Type();
  case 12:
    return ComplexType::get(b.getF32Type());
  case 13:
    return ComplexType::get(b.getF64Type());
  case 14:
    return b.getBF16Type();
  default:
    return {};
  }
}

} // namespace

bool isJaxExported(llvm::StringRef bytes) {
  std::string error;
  std::optional<JaxExported> exported = readJaxExported(bytes, error);
  return exported && exported->module.starts_with("ML\xefR");
}

std::optional<JaxExported> readJaxExported(llvm::StringRef bytes,
                                           std::string &error) {
  bool broken = bytes.size() < 8;
  if (broken) {
    error = "too short for a jax.export serialization";
    return std::nullopt;
  }
  uint32_t root = llvm::support::endian::read32le(bytes.data());
  Table exported(bytes, root, broken);
  JaxExported result;
  result.module = exported.bytesOf(kModule);
  result.callingConventionVersion =
      exported.scalar<uint16_t>(kCallingConvention, 0);
  uint32_t devices = exported.scalar<uint32_t>(kDevices, 0);
  result.devices =
      devices ? devices : exported.scalar<uint16_t>(kDevicesShort, 1);
  result.orderedEffects = exported.vector(kOrderedEffects).first;

  auto [platformCount, platforms] = exported.vector(kPlatforms);
  for (uint32_t i = 0; i < platformCount && !broken; ++i)
    result.platforms.push_back(exported.stringAt(platforms + 4 * i));

  auto [avalCount, avals] = exported.vector(kInAvals);
  for (uint32_t i = 0; i < avalCount && !broken; ++i) {
    Table aval = exported.tableAt(avals + 4 * i);
    JaxExportedAval entry;
    entry.dtype = aval.scalar<int8_t>(kAvalDtype, 0);
    auto [rank, dims] = aval.vector(kAvalShape);
    for (uint32_t d = 0; d < rank && !broken; ++d)
      entry.shape.push_back(aval.stringAt(dims + 4 * d));
    result.inAvals.push_back(std::move(entry));
  }

  auto [keptCount, kept] = exported.vector(kKeptArguments);
  for (uint32_t i = 0; i < keptCount && !broken; ++i)
    result.keptArguments.push_back(exported.u16(kept + 2 * i));

  if (broken || result.module.empty()) {
    error = "not a jax.export serialization (a field lies outside the file, "
            "or the module is missing)";
    return std::nullopt;
  }
  return result;
}

LogicalResult adoptCallingConvention(ModuleOp module,
                                     const JaxExported &exported) {
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (!main || main.isExternal())
    return module.emitError("the exported module has no public @main");
  if (exported.devices > 1)
    return main.emitError("the export is for ")
           << exported.devices
           << " devices; jaxc runs on one (a multi-device program is not "
              "supported by jaxc yet)";
  MLIRContext *context = module.getContext();
  OpBuilder builder = OpBuilder::atBlockBegin(&main.front());

  // Several platforms: the module's first argument says which one runs.
  if (exported.platforms.size() > 1) {
    auto cpu = llvm::find(exported.platforms, "cpu");
    if (cpu == exported.platforms.end())
      return main.emitError("the export serves ")
             << llvm::join(exported.platforms, ", ")
             << ", not cpu: jaxc compiles for cpu";
    auto indexType = RankedTensorType::get({}, builder.getI32Type());
    Value index = stablehlo::ConstantOp::create(
        builder, main.getLoc(),
        DenseElementsAttr::get(
            indexType, static_cast<int32_t>(cpu - exported.platforms.begin())));
    main.getArgument(0).replaceAllUsesWith(index);
    if (failed(main.eraseArgument(0)))
      return failure();
  }

  // Arguments the export dropped as unused come back at their places, after
  // the ordered effects' tokens.
  if (exported.keptArguments.size() == exported.inAvals.size())
    return success();
  unsigned first = exported.orderedEffects;
  for (auto [i, aval] : llvm::enumerate(exported.inAvals)) {
    if (llvm::is_contained(exported.keptArguments, i))
      continue;
    Type element = elementTypeOf(aval.dtype, context);
    SmallVector<int64_t> shape;
    for (const std::string &dim : aval.shape) {
      int64_t size = 0;
      if (llvm::StringRef(dim).getAsInteger(10, size))
        return main.emitError("argument ")
               << i << " has the symbolic dimension '" << dim
               << "': jaxc needs static shapes";
      shape.push_back(size);
    }
    if (!element)
      return main.emitError("argument ")
             << i << " has a dtype (code " << aval.dtype
             << ") jaxc does not support";
    if (failed(main.insertArgument(
            first + i, RankedTensorType::get(shape, element),
            DictionaryAttr::get(context), main.getLoc())))
      return failure();
  }
  return success();
}

} // namespace jaxc
