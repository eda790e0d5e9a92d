//===- DropSingleDeviceSharding.cpp - Remove one-device sharding ----------===//
//
// JAX annotates every program with its partitioner's view (Shardy's sdy ops
// and attributes, XLA's `mhlo.sharding` strings and sharding custom calls),
// even when the mesh is one device. On one device every sharding is the
// identity, so they all go; a program that needs several devices is refused
// naming the op, since jaxc runs on one.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Dialect/SDY/IR/SDYOps.h"
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h"
#include "jaxc/Support/Unsupported.h"
#include "jaxc/Transforms/Passes.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

namespace jaxc {
#define GEN_PASS_DEF_DROPSINGLEDEVICESHARDINGPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;
using namespace jaxc;

namespace {

constexpr StringLiteral kMhloSharding = "mhlo.sharding";
constexpr StringLiteral kFrontendAttributes = "mhlo.frontend_attributes";
// Shardy's round trip through XLA keeps meshes and shardings as strings in
// frontend attributes and custom calls named `xla.sdy.*`.
constexpr StringLiteral kSdyRoundTripPrefix = "xla.sdy.";
constexpr StringLiteral kSdyMeshes = "xla.sdy.meshes";

// The devices an XLA HloSharding string spans: the product of each
// `devices=[a,b,...]` tile shape (`{replicated}`, `{maximal device=3}` and
// `{manual}` are one device's view).
int64_t hloShardingDeviceCount(StringRef sharding) {
  int64_t most = 1;
  constexpr StringLiteral kDevices = "devices=[";
  for (size_t at = sharding.find(kDevices); at != StringRef::npos;
       at = sharding.find(kDevices, at + 1)) {
    StringRef dims = sharding.drop_front(at + kDevices.size());
    dims = dims.take_until([](char c) { return c == ']'; });
    int64_t count = 1;
    SmallVector<StringRef> parts;
    dims.split(parts, ',');
    for (StringRef part : parts) {
      int64_t dim;
      if (!part.trim().getAsInteger(10, dim))
        count *= dim;
    }
    most = std::max(most, count);
  }
  return most;
}

// What needs the most devices in one op's attributes (its own, and its
// arguments' and results' for a function): meshes of sdy shardings, inline
// meshes, `mhlo.sharding` strings and `xla.sdy.meshes`. Returns the count
// and what asked for it.
std::pair<int64_t, std::string> devicesNeededBy(Operation *op) {
  std::pair<int64_t, std::string> most{1, ""};
  auto consider = [&](int64_t count, const Twine &what) {
    if (count > most.first)
      most = {count, what.str()};
  };
  auto considerMesh = [&](sdy::MeshAttr mesh, const Twine &what) {
    if (mesh)
      consider(mesh.getDeviceCount(), what);
  };
  op->getAttrDictionary().walk([&](Attribute attr) {
    if (auto sharding = dyn_cast<sdy::TensorShardingAttr>(attr)) {
      auto name = dyn_cast<FlatSymbolRefAttr>(sharding.getMeshOrRef());
      considerMesh(sharding.getMesh(op),
                   name ? "mesh @" + name.getValue() : Twine("an inline mesh"));
    } else if (auto mesh = dyn_cast<sdy::MeshAttr>(attr)) {
      considerMesh(mesh, "an inline mesh");
    } else if (auto dict = dyn_cast<DictionaryAttr>(attr)) {
      if (auto hlo = dict.getAs<StringAttr>(kMhloSharding))
        consider(hloShardingDeviceCount(hlo.getValue()),
                 "mhlo.sharding \"" + hlo.getValue() + "\"");
      if (auto meshes = dict.getAs<StringAttr>(kSdyMeshes)) {
        // `{mesh = #sdy.mesh<["x"=2]>, ...}` as text.
        auto parsed = dyn_cast_or_null<DictionaryAttr>(
            parseAttribute(meshes.getValue(), op->getContext()));
        for (NamedAttribute named :
             parsed ? parsed.getValue() : ArrayRef<NamedAttribute>())
          considerMesh(dyn_cast<sdy::MeshAttr>(named.getValue()),
                       "mesh @" + named.getName().getValue());
      }
    }
  });
  return most;
}

LogicalResult refuse(Operation *op, int64_t devices, const Twine &why) {
  return jaxc::emitUnsupported(op, "needs " + Twine(devices) + " devices (" +
                                       why + "); a multi-device program")
         << " (jaxc runs on one device)";
}

// The most specific op first: one that uses a multi-device mesh, then the
// mesh, then the module's partition and replica counts.
LogicalResult checkOneDevice(ModuleOp module) {
  WalkResult result = module.walk([&](Operation *op) {
    if (isa<sdy::MeshOp>(op) || op == module.getOperation())
      return WalkResult::advance();
    auto [devices, why] = devicesNeededBy(op);
    if (devices <= 1)
      return WalkResult::advance();
    (void)refuse(op, devices, why);
    return WalkResult::interrupt();
  });
  if (result.wasInterrupted())
    return failure();
  for (auto mesh : module.getOps<sdy::MeshOp>())
    if (int64_t devices = mesh.getMesh().getDeviceCount(); devices > 1)
      return refuse(mesh, devices, "mesh @" + mesh.getSymName());
  auto [devices, why] = devicesNeededBy(module);
  if (devices > 1)
    return refuse(module, devices, why);
  for (StringRef name : {"mhlo.num_partitions", "mhlo.num_replicas"})
    if (auto count = module->getAttrOfType<IntegerAttr>(name))
      if (count.getInt() > 1)
        return refuse(module, count.getInt(),
                      name + " = " + Twine(count.getInt()));
  return success();
}

// Sharding annotations among an attribute dictionary's entries.
bool isShardingAttrName(StringRef name) {
  return name.starts_with("sdy.") || name == kMhloSharding;
}

// `dict` without sharding annotations, and without `xla.sdy.*` entries in
// its frontend attributes (dropped when they become empty).
DictionaryAttr withoutSharding(DictionaryAttr dict) {
  SmallVector<NamedAttribute> kept;
  for (NamedAttribute named : dict) {
    if (isShardingAttrName(named.getName()))
      continue;
    if (auto frontend = dyn_cast<DictionaryAttr>(named.getValue());
        frontend && named.getName() == kFrontendAttributes) {
      SmallVector<NamedAttribute> entries;
      for (NamedAttribute entry : frontend)
        if (!entry.getName().getValue().starts_with(kSdyRoundTripPrefix))
          entries.push_back(entry);
      if (entries.empty())
        continue;
      named.setValue(DictionaryAttr::get(dict.getContext(), entries));
    }
    kept.push_back(named);
  }
  return DictionaryAttr::get(dict.getContext(), kept);
}

void dropShardingAttributes(Operation *op) {
  // Only discardable attributes can be annotations; an op's own (inherent)
  // attributes keep their meaning.
  for (NamedAttribute named : llvm::to_vector(op->getDiscardableAttrs())) {
    DictionaryAttr single = DictionaryAttr::get(op->getContext(), {named});
    DictionaryAttr cleaned = withoutSharding(single);
    if (cleaned.empty())
      op->removeDiscardableAttr(named.getName());
    else if (cleaned != single)
      op->setDiscardableAttr(named.getName(), cleaned.begin()->getValue());
  }
  auto function = dyn_cast<FunctionOpInterface>(op);
  if (!function)
    return;
  for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
    function.setArgAttrs(
        i, withoutSharding(function.getArgAttrDict(i)
                               ? function.getArgAttrDict(i)
                               : DictionaryAttr::get(op->getContext())));
  for (unsigned i = 0, e = function.getNumResults(); i < e; ++i)
    function.setResultAttrs(
        i, withoutSharding(function.getResultAttrDict(i)
                               ? function.getResultAttrDict(i)
                               : DictionaryAttr::get(op->getContext())));
}

// The body of a manual or named computation in place of the op: on one
// device each operand is its own (only) shard.
void inlineBody(RewriterBase &rewriter, Operation *op) {
  Block &body = op->getRegion(0).front();
  Operation *terminator = body.getTerminator();
  SmallVector<Value> results(terminator->getOperands());
  rewriter.eraseOp(terminator);
  rewriter.inlineBlockBefore(&body, op, op->getOperands());
  rewriter.replaceOp(op, results);
}

// Custom calls that mean "this sharding" or "this shard" and are the
// identity on one device: XLA's `@Sharding`, shard_map's
// `@SPMDFullToShardShape`/`@SPMDShardToFullShape`, and Shardy's round-trip
// `@xla.sdy.*` (without called computations: those would be calls).
LogicalResult dropShardingCustomCall(RewriterBase &rewriter,
                                     stablehlo::CustomCallOp call) {
  StringRef target = call.getCallTargetName();
  bool roundTrip = target.starts_with(kSdyRoundTripPrefix);
  if (target != "Sharding" && target != "SPMDFullToShardShape" &&
      target != "SPMDShardToFullShape" && !roundTrip)
    return success();
  if (roundTrip && call->getNumResults() == 0 &&
      !call.getCalledComputations()) {
    rewriter.eraseOp(call);
    return success();
  }
  if (call.getCalledComputations() ||
      call->getOperandTypes() != call->getResultTypes())
    return jaxc::emitUnsupported(call, "@" + target +
                                           " with these operands and results")
           << " (on one device it would be the identity)";
  rewriter.replaceOp(call, call.getInputs());
  return success();
}

struct DropSingleDeviceShardingPass
    : jaxc::impl::DropSingleDeviceShardingPassBase<
          DropSingleDeviceShardingPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(checkOneDevice(module)))
      return signalPassFailure();

    IRRewriter rewriter(&getContext());
    SmallVector<Operation *> ops;
    module.walk([&](Operation *op) { ops.push_back(op); });
    for (Operation *op : ops) {
      if (isa<sdy::MeshOp>(op))
        continue;
      dropShardingAttributes(op);
      rewriter.setInsertionPoint(op);
      if (isa<sdy::ShardingConstraintOp, sdy::ReshardOp,
              sdy::PropagationBarrierOp>(op)) {
        rewriter.replaceOp(op, op->getOperand(0));
      } else if (isa<sdy::ShardingGroupOp>(op)) {
        rewriter.eraseOp(op);
      } else if (isa<sdy::ManualComputationOp, sdy::NamedComputationOp>(op)) {
        inlineBody(rewriter, op);
      } else if (auto call = dyn_cast<stablehlo::CustomCallOp>(op)) {
        if (failed(dropShardingCustomCall(rewriter, call)))
          return signalPassFailure();
      }
    }
    // Last, once nothing refers to them.
    for (auto mesh : llvm::make_early_inc_range(module.getOps<sdy::MeshOp>()))
      rewriter.eraseOp(mesh);
  }
};

} // namespace
