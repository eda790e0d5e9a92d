//===- SDYBytecode.cpp - Shardy's attributes in MLIR bytecode -------------===//
//
// JAX's serialized exports keep the sdy attributes in Shardy's own bytecode
// encoding: a varint kind, then the fields in a fixed order (lists are a
// count and their elements; nested attributes are references). The kinds
// and field orders are Shardy's (shardy/dialect/sdy/ir/bytecode.td) and must
// never change, or old artifacts stop loading.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/SDY/IR/SDYOps.h"
#include "jaxc/Support/Unsupported.h"

#include "mlir/Bytecode/BytecodeImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace jaxc::sdy;

namespace {

enum AttrKind : uint64_t {
  kManualAxes = 0,
  kMeshAxis = 1,
  kMesh = 2,
  kSubAxisInfo = 3,
  kAxisRef = 4,
  kDimensionSharding = 5,
  kTensorShardingV1 = 6,         // no unreduced axes
  kTensorShardingPerValueV1 = 7, // no sharding with unreduced axes
  kDimMapping = 8,
  kTensorMapping = 9,
  kOpShardingRule = 10,
  kAxisRefList = 11, // 11..14: collectives' operands
  kAllToAllParamList = 14,
  kTensorShardingV2 = 15, // unreduced axes, summed
  kTensorShardingPerValueV2 = 16,
  kTensorShardingV3 = 17, // unreduced axes and a reduction kind
};

// Shardy writes its dialect version (three varints); any is accepted, as
// the kinds above are never renumbered.
struct SDYVersion : public DialectVersion {};

struct SDYBytecodeInterface : public BytecodeDialectInterface {
  explicit SDYBytecodeInterface(Dialect *dialect)
      : BytecodeDialectInterface(dialect) {}

  std::unique_ptr<DialectVersion>
  readVersion(DialectBytecodeReader &reader) const override {
    uint64_t major, minor, patch;
    if (failed(reader.readVarInt(major)) || failed(reader.readVarInt(minor)) ||
        failed(reader.readVarInt(patch)))
      return nullptr;
    return std::make_unique<SDYVersion>();
  }

  Attribute readAttribute(DialectBytecodeReader &reader) const override;
  LogicalResult writeAttribute(Attribute attr,
                               DialectBytecodeWriter &writer) const override;
};

template <typename T>
LogicalResult readAttrs(DialectBytecodeReader &reader,
                        SmallVectorImpl<T> &attrs) {
  return reader.readAttributes(attrs);
}

Attribute
SDYBytecodeInterface::readAttribute(DialectBytecodeReader &reader) const {
  MLIRContext *context = getContext();
  uint64_t kind;
  if (failed(reader.readVarInt(kind)))
    return {};
  switch (kind) {
  case kManualAxes: {
    SmallVector<StringAttr> names;
    if (failed(readAttrs(reader, names)))
      return {};
    return ManualAxesAttr::get(context, names);
  }
  case kMeshAxis: {
    StringRef name;
    int64_t size;
    if (failed(reader.readString(name)) ||
        failed(reader.readSignedVarInt(size)))
      return {};
    return MeshAxisAttr::get(context, name, size);
  }
  case kMesh: {
    SmallVector<MeshAxisAttr> axes;
    SmallVector<int64_t> deviceIds;
    if (failed(readAttrs(reader, axes)) ||
        failed(reader.readSignedVarInts(deviceIds)))
      return {};
    return MeshAttr::get(context, axes, deviceIds);
  }
  case kSubAxisInfo: {
    int64_t preSize, size;
    if (failed(reader.readSignedVarInt(preSize)) ||
        failed(reader.readSignedVarInt(size)))
      return {};
    return SubAxisInfoAttr::get(context, preSize, size);
  }
  case kAxisRef: {
    StringRef name;
    SubAxisInfoAttr info;
    if (failed(reader.readString(name)) ||
        failed(reader.readOptionalAttribute(info)))
      return {};
    return AxisRefAttr::get(context, name, info);
  }
  case kDimensionSharding: {
    SmallVector<AxisRefAttr> axes;
    bool isClosed, hasPriority;
    uint64_t priority;
    if (failed(readAttrs(reader, axes)) || failed(reader.readBool(isClosed)) ||
        failed(reader.readVarIntWithFlag(priority, hasPriority)))
      return {};
    return DimensionShardingAttr::get(
        context, axes, isClosed,
        hasPriority ? std::optional<int64_t>(priority) : std::nullopt);
  }
  case kTensorShardingV1:
  case kTensorShardingV2:
  case kTensorShardingV3: {
    Attribute meshOrRef;
    SmallVector<DimensionShardingAttr> dims;
    SmallVector<AxisRefAttr> replicated, unreduced;
    int64_t reduction = static_cast<int64_t>(ReductionKind::sum);
    if (failed(reader.readAttribute(meshOrRef)) ||
        failed(readAttrs(reader, dims)) ||
        failed(readAttrs(reader, replicated)) ||
        (kind != kTensorShardingV1 && failed(readAttrs(reader, unreduced))) ||
        (kind == kTensorShardingV3 &&
         failed(reader.readSignedVarInt(reduction))))
      return {};
    std::optional<ReductionKind> reductionKind =
        symbolizeReductionKind(static_cast<uint32_t>(reduction));
    if (reduction < 0 || !reductionKind) {
      reader.emitError() << "unknown reduction kind " << reduction
                         << " of unreduced axes";
      return {};
    }
    if (failed(TensorShardingAttr::verify([&] { return reader.emitError(); },
                                          meshOrRef, dims, replicated,
                                          unreduced, *reductionKind)))
      return {};
    return TensorShardingAttr::get(context, meshOrRef, dims, replicated,
                                   unreduced, *reductionKind);
  }
  case kTensorShardingPerValueV1:
  case kTensorShardingPerValueV2: {
    SmallVector<TensorShardingAttr> shardings;
    if (failed(readAttrs(reader, shardings)))
      return {};
    return TensorShardingPerValueAttr::get(context, shardings);
  }
  case kDimMapping: {
    SmallVector<int64_t> factors;
    if (failed(reader.readSignedVarInts(factors)))
      return {};
    return DimMappingAttr::get(context, factors);
  }
  case kTensorMapping: {
    SmallVector<DimMappingAttr> dims;
    if (failed(readAttrs(reader, dims)))
      return {};
    return TensorMappingAttr::get(context, dims);
  }
  case kOpShardingRule: {
    SmallVector<int64_t> sizes, reduction, needReplication, permutation,
        blocked;
    SmallVector<TensorMappingAttr> operands, results;
    bool isCustom;
    if (failed(reader.readSignedVarInts(sizes)) ||
        failed(readAttrs(reader, operands)) ||
        failed(readAttrs(reader, results)) ||
        failed(reader.readSignedVarInts(reduction)) ||
        failed(reader.readSignedVarInts(needReplication)) ||
        failed(reader.readSignedVarInts(permutation)) ||
        failed(reader.readSignedVarInts(blocked)) ||
        failed(reader.readBool(isCustom)))
      return {};
    if (failed(OpShardingRuleAttr::verify(
            [&] { return reader.emitError(); }, sizes, operands, results,
            reduction, needReplication, permutation, blocked, isCustom)))
      return {};
    return OpShardingRuleAttr::get(context, sizes, operands, results, reduction,
                                   needReplication, permutation, blocked,
                                   isCustom);
  }
  default:
    if (kind >= kAxisRefList && kind <= kAllToAllParamList) {
      jaxc::markUnsupported(reader.emitError(), reader.getContext(), "sdy",
                            "sdy attribute kind " + llvm::Twine(kind) +
                                " (the operand of a collective, which needs "
                                "several devices)");
      return {};
    }
    reader.emitError() << "unknown sdy attribute kind " << kind;
    return {};
  }
}

LogicalResult
SDYBytecodeInterface::writeAttribute(Attribute attr,
                                     DialectBytecodeWriter &writer) const {
  return llvm::TypeSwitch<Attribute, LogicalResult>(attr)
      .Case([&](ManualAxesAttr axes) {
        writer.writeVarInt(kManualAxes);
        writer.writeAttributes(axes.getValue());
        return success();
      })
      .Case([&](MeshAxisAttr axis) {
        writer.writeVarInt(kMeshAxis);
        writer.writeOwnedString(axis.getName());
        writer.writeSignedVarInt(axis.getSize());
        return success();
      })
      .Case([&](MeshAttr mesh) {
        writer.writeVarInt(kMesh);
        writer.writeAttributes(mesh.getAxes());
        writer.writeSignedVarInts(mesh.getDeviceIds());
        return success();
      })
      .Case([&](SubAxisInfoAttr info) {
        writer.writeVarInt(kSubAxisInfo);
        writer.writeSignedVarInt(info.getPreSize());
        writer.writeSignedVarInt(info.getSize());
        return success();
      })
      .Case([&](AxisRefAttr axis) {
        writer.writeVarInt(kAxisRef);
        writer.writeOwnedString(axis.getName());
        writer.writeOptionalAttribute(axis.getSubAxisInfo());
        return success();
      })
      .Case([&](DimensionShardingAttr dim) {
        writer.writeVarInt(kDimensionSharding);
        writer.writeAttributes(dim.getAxes());
        writer.writeOwnedBool(dim.getIsClosed());
        writer.writeVarIntWithFlag(dim.getPriority().value_or(0),
                                   dim.getPriority().has_value());
        return success();
      })
      .Case([&](TensorShardingAttr sharding) {
        bool unreduced = !sharding.getUnreducedAxes().empty();
        bool summed = sharding.getReduction() == ReductionKind::sum;
        writer.writeVarInt(!unreduced ? kTensorShardingV1
                           : summed   ? kTensorShardingV2
                                      : kTensorShardingV3);
        writer.writeAttribute(sharding.getMeshOrRef());
        writer.writeAttributes(sharding.getDimShardings());
        writer.writeAttributes(sharding.getReplicatedAxes());
        if (unreduced)
          writer.writeAttributes(sharding.getUnreducedAxes());
        if (!summed)
          writer.writeSignedVarInt(
              static_cast<int64_t>(sharding.getReduction()));
        return success();
      })
      .Case([&](TensorShardingPerValueAttr perValue) {
        bool unreduced = llvm::any_of(
            perValue.getShardings(), [](TensorShardingAttr sharding) {
              return !sharding.getUnreducedAxes().empty();
            });
        writer.writeVarInt(unreduced ? kTensorShardingPerValueV2
                                     : kTensorShardingPerValueV1);
        writer.writeAttributes(perValue.getShardings());
        return success();
      })
      .Case([&](DimMappingAttr dim) {
        writer.writeVarInt(kDimMapping);
        writer.writeSignedVarInts(dim.getFactorIndices());
        return success();
      })
      .Case([&](TensorMappingAttr tensor) {
        writer.writeVarInt(kTensorMapping);
        writer.writeAttributes(tensor.getDimMappings());
        return success();
      })
      .Case([&](OpShardingRuleAttr rule) {
        writer.writeVarInt(kOpShardingRule);
        writer.writeSignedVarInts(rule.getFactorSizes());
        writer.writeAttributes(rule.getOperandMappings());
        writer.writeAttributes(rule.getResultMappings());
        writer.writeSignedVarInts(rule.getReductionFactors());
        writer.writeSignedVarInts(rule.getNeedReplicationFactors());
        writer.writeSignedVarInts(rule.getPermutationFactors());
        writer.writeSignedVarInts(rule.getBlockedPropagationFactors());
        writer.writeOwnedBool(rule.getIsCustomRule());
        return success();
      })
      .Default([](Attribute) { return failure(); });
}

} // namespace

void SDYDialect::registerBytecodeInterface() {
  addInterfaces<SDYBytecodeInterface>();
}
