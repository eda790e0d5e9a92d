//===- ExternalizeConstants.cpp - Weights out of the shared object --------===//
//
// A model's weights would otherwise be .rodata of the shared object: copied
// through LLVM, the object file and the linker at compile time, and into a
// memory file for dlopen at load time. Moved into the module file's
// CONSTANTS section, the runtime uses them where it mapped the file.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Transforms/Passes.h"
#include "jaxc/runtime/module_format.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <cstring>

namespace jaxc {
#define GEN_PASS_DEF_EXTERNALIZECONSTANTSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

// Bytes per element when the attribute's storage is exactly the elements'
// little-endian bytes in order; 0 otherwise (i1 is packed bits in MLIR but a
// byte per element in memory).
int64_t plainElementBytes(Type elementType) {
  if (auto complex = dyn_cast<ComplexType>(elementType))
    return 2 * plainElementBytes(complex.getElementType());
  if (!elementType.isIntOrFloat())
    return 0;
  unsigned bits = elementType.getIntOrFloatBitWidth();
  return bits % 8 == 0 ? bits / 8 : 0;
}

// A constant global's data as the attribute stores it: all of it, or one
// element for a splat.
struct ConstantData {
  ArrayRef<char> raw;
  int64_t size; // bytes in memory
};

// The data of a constant global whose initializer is plain elements of at
// least `minBytes`, or nothing.
std::optional<ConstantData> constantData(LLVM::GlobalOp global,
                                         int64_t minBytes) {
  if (!global.getConstant() || !global.getValueOrNull() ||
      global.getInitializerBlock())
    return std::nullopt;
  auto elements = dyn_cast<ElementsAttr>(global.getValueOrNull());
  if (!elements)
    return std::nullopt;
  int64_t elementBytes = plainElementBytes(elements.getElementType());
  int64_t size = elementBytes * elements.getNumElements();
  if (elementBytes == 0 || size < minBytes)
    return std::nullopt;
  ArrayRef<char> raw;
  if (auto dense = dyn_cast<DenseElementsAttr>(elements))
    raw = dense.getRawData();
  else if (auto resource = dyn_cast<DenseResourceElementsAttr>(elements))
    raw = resource.getData();
  int64_t rawSize = static_cast<int64_t>(raw.size());
  if (rawSize != size && rawSize != elementBytes)
    return std::nullopt;
  return ConstantData{raw, size};
}

// Writes `data` to `out`, expanding a splat.
void copyConstant(const ConstantData &data, char *out) {
  for (int64_t at = 0; at < data.size; at += data.raw.size())
    std::memcpy(out + at, data.raw.data(), data.raw.size());
}

// The exported pointer the runtime sets to the CONSTANTS section.
LLVM::GlobalOp createConstantsPointer(ModuleOp module) {
  MLIRContext *ctx = module.getContext();
  auto ptrType = LLVM::LLVMPointerType::get(ctx);
  OpBuilder builder(ctx);
  builder.setInsertionPointToStart(module.getBody());
  Location loc = module.getLoc();
  // dso_local: the code reaches it PC-relative, not through the GOT.
  auto global = LLVM::GlobalOp::create(
      builder, loc, ptrType, /*isConstant=*/false, LLVM::Linkage::External,
      JAXC_CONSTANTS_SYMBOL, /*value=*/Attribute(), /*alignment=*/8,
      /*addrSpace=*/0, /*dsoLocal=*/true);
  Block *init = builder.createBlock(&global.getInitializerRegion());
  builder.setInsertionPointToStart(init);
  Value null = LLVM::ZeroOp::create(builder, loc, ptrType);
  LLVM::ReturnOp::create(builder, loc, null);
  return global;
}

struct ExternalizeConstantsPass
    : jaxc::impl::ExternalizeConstantsPassBase<ExternalizeConstantsPass> {
  using ExternalizeConstantsPassBase::ExternalizeConstantsPassBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();

    // Every global's uses in one walk of the module: the address-of ops of
    // those only used by address, and which are used otherwise.
    std::optional<SymbolTable::UseRange> uses =
        SymbolTable::getSymbolUses(&module.getBodyRegion());
    if (!uses)
      return;
    llvm::DenseMap<StringAttr, SmallVector<LLVM::AddressOfOp>> addresses;
    llvm::DenseSet<StringAttr> otherwiseUsed;
    for (const SymbolTable::SymbolUse &use : *uses) {
      StringAttr name = use.getSymbolRef().getRootReference();
      if (auto address = dyn_cast<LLVM::AddressOfOp>(use.getUser()))
        addresses[name].push_back(address);
      else
        otherwiseUsed.insert(name);
    }

    struct Moved {
      LLVM::GlobalOp global;
      ConstantData data;
      uint64_t offset;
    };
    SmallVector<Moved> moved;
    uint64_t blobSize = 0;
    for (auto global : module.getOps<LLVM::GlobalOp>()) {
      if (otherwiseUsed.contains(global.getSymNameAttr()))
        continue;
      std::optional<ConstantData> data = constantData(global, minBytes);
      if (!data)
        continue;
      uint64_t alignment = std::max<uint64_t>(
          JAXC_CONSTANTS_ALIGNMENT, global.getAlignment().value_or(1));
      uint64_t offset = llvm::alignTo(blobSize, alignment);
      moved.push_back({global, *data, offset});
      blobSize = offset + data->size;
    }
    if (moved.empty())
      return;
    if (module.lookupSymbol(JAXC_CONSTANTS_SYMBOL)) {
      module.emitError("the symbol '" JAXC_CONSTANTS_SYMBOL
                       "' is reserved for the module's constants");
      return signalPassFailure();
    }

    // The bytes first: the attributes they come from die with the globals.
    AsmResourceBlob blob =
        HeapAsmResourceBlob::allocate(blobSize, JAXC_CONSTANTS_ALIGNMENT);
    char *bytes = blob.getMutableData().data();
    std::memset(bytes, 0, blobSize);
    for (const Moved &entry : moved)
      copyConstant(entry.data, bytes + entry.offset);

    LLVM::GlobalOp pointer = createConstantsPointer(module);
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    Type i8 = IntegerType::get(ctx, 8);
    Type i64 = IntegerType::get(ctx, 64);
    OpBuilder builder(ctx);
    for (Moved &entry : moved) {
      for (LLVM::AddressOfOp address :
           addresses.lookup(entry.global.getSymNameAttr())) {
        builder.setInsertionPoint(address);
        Location loc = address.getLoc();
        Value slot = LLVM::AddressOfOp::create(builder, loc, pointer);
        // Set once at load time, before any call: invariant for the code.
        Value base = LLVM::LoadOp::create(
            builder, loc, ptrType, slot, /*alignment=*/8, /*isVolatile=*/false,
            /*isNonTemporal=*/false, /*isInvariant=*/true);
        // i64: a model's weights may pass 2 GiB.
        Value offset = LLVM::ConstantOp::create(
            builder, loc, i64, static_cast<int64_t>(entry.offset));
        Value data = LLVM::GEPOp::create(builder, loc, ptrType, i8, base,
                                         ArrayRef<LLVM::GEPArg>{offset},
                                         LLVM::GEPNoWrapFlags::inbounds);
        address.replaceAllUsesWith(data);
        address.erase();
      }
      entry.global.erase();
    }

    auto type = RankedTensorType::get({static_cast<int64_t>(blobSize)}, i8);
    module->setAttr(jaxc::kConstantsAttrName,
                    DenseResourceElementsAttr::get(type, "jaxc_constants",
                                                   std::move(blob)));
  }
};

} // namespace
