//===- SDYOps.cpp - Shardy's ops: syntax and verifiers --------------------===//

#include "jaxc/Dialect/SDY/IR/SDYOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"

using namespace mlir;
using namespace jaxc::sdy;

#include "jaxc/Dialect/SDY/IR/SDYDialect.cpp.inc"
#include "jaxc/Dialect/SDY/IR/SDYEnums.cpp.inc"

namespace {

//===----------------------------------------------------------------------===//
// Meshes and shardings
//===----------------------------------------------------------------------===//

LogicalResult verifyMesh(MeshAttr mesh,
                         function_ref<InFlightDiagnostic()> emitError) {
  llvm::SmallSet<StringRef, 4> names;
  for (MeshAxisAttr axis : mesh.getAxes()) {
    if (!names.insert(axis.getName()).second)
      return emitError() << "mesh axis \"" << axis.getName()
                         << "\" appears twice";
    if (axis.getSize() < 1)
      return emitError() << "mesh axis \"" << axis.getName()
                         << "\" must have a positive size";
  }
  ArrayRef<int64_t> ids = mesh.getDeviceIds();
  if (ids.empty())
    return success();
  if (llvm::any_of(ids, [](int64_t id) { return id < 0; }))
    return emitError() << "device ids must not be negative";
  // Without axes the mesh is one device: the one id names it (maximal).
  if (mesh.getAxes().empty()) {
    if (ids.size() != 1)
      return emitError() << "a mesh without axes takes one device id, not "
                         << ids.size();
    return success();
  }
  if (static_cast<int64_t>(ids.size()) != mesh.getDeviceCount())
    return emitError() << "mesh has " << mesh.getDeviceCount()
                       << " devices but " << ids.size() << " device ids";
  SmallVector<int64_t> sorted(ids);
  llvm::sort(sorted);
  for (auto [index, id] : llvm::enumerate(sorted))
    if (id != static_cast<int64_t>(index))
      return emitError() << "device ids must be a permutation of 0.."
                         << ids.size() - 1;
  return success();
}

LogicalResult verifyAxisRef(AxisRefAttr axis, MeshAttr mesh,
                            function_ref<InFlightDiagnostic()> emitError) {
  MeshAxisAttr meshAxis = mesh.getAxis(axis.getName());
  if (!meshAxis)
    return emitError() << "unknown axis \"" << axis.getName()
                       << "\" (not in the mesh)";
  SubAxisInfoAttr info = axis.getSubAxisInfo();
  if (!info)
    return success();
  int64_t full = meshAxis.getSize();
  if (info.getPreSize() < 1 || info.getSize() <= 1 ||
      full % (info.getPreSize() * info.getSize()) != 0 ||
      info.getSize() == full)
    return emitError() << "sub-axis \"" << axis.getName() << "\":("
                       << info.getPreSize() << ")" << info.getSize()
                       << " does not split the axis of size " << full;
  return success();
}

// The product of the sizes of `axes` that `manual` names, in `mesh`.
int64_t manualShardCount(ArrayRef<AxisRefAttr> axes, MeshAttr mesh,
                         ManualAxesAttr manual) {
  int64_t count = 1;
  for (AxisRefAttr axis : axes) {
    if (!llvm::is_contained(manual.getValue(), axis.getName()))
      continue;
    count *= axis.getSubAxisInfo() ? axis.getSubAxisInfo().getSize()
                                   : mesh.getAxis(axis.getName()).getSize();
  }
  return count;
}

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

// `[<@mesh, [{"x"}]>, <@mesh, []>]`
ParseResult parseShardingList(OpAsmParser &parser,
                              TensorShardingPerValueAttr &result) {
  SmallVector<TensorShardingAttr> shardings;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        auto sharding = dyn_cast_or_null<TensorShardingAttr>(
            TensorShardingAttr::parse(parser, Type()));
        shardings.push_back(sharding);
        return failure(!sharding);
      }))
    return failure();
  result = TensorShardingPerValueAttr::get(parser.getContext(), shardings);
  return success();
}

void printShardingList(OpAsmPrinter &printer, Operation *,
                       TensorShardingPerValueAttr shardings) {
  printer << "[";
  llvm::interleaveComma(
      shardings.getShardings(), printer,
      [&](TensorShardingAttr sharding) { sharding.print(printer); });
  printer << "]";
}

ParseResult parseManualAxes(OpAsmParser &parser, ManualAxesAttr &result) {
  result = parseBareManualAxes(parser);
  return failure(!result);
}

void printManualAxes(OpAsmPrinter &printer, Operation *, ManualAxesAttr axes) {
  printBareManualAxes(printer, axes);
}

// `(%arg0: tensor<4xf32>) { ... }`: the block's arguments in front of it.
ParseResult parseBodyWithArguments(OpAsmParser &parser, Region &body) {
  SmallVector<OpAsmParser::Argument> arguments;
  if (parser.parseArgumentList(arguments, AsmParser::Delimiter::Paren,
                               /*allowType=*/true, /*allowAttrs=*/true) ||
      parser.parseRegion(body, arguments))
    return failure();
  if (body.empty())
    return parser.emitError(parser.getCurrentLocation(),
                            "expected a body with one block");
  return success();
}

void printBodyWithArguments(OpAsmPrinter &printer, Operation *, Region &body) {
  printer << "(";
  llvm::interleaveComma(body.getArguments(), printer, [&](BlockArgument arg) {
    printer.printRegionArgument(arg);
  });
  printer << ") ";
  printer.printRegion(body, /*printEntryBlockArgs=*/false,
                      /*printBlockTerminators=*/true);
}

// A region op's block arguments and returned values against the types it
// expects (`what` names them in errors).
LogicalResult verifyBodyTypes(Operation *op, Region &body,
                              TypeRange argumentTypes, TypeRange returnTypes,
                              StringRef what) {
  Block &block = body.front();
  if (block.getNumArguments() != argumentTypes.size())
    return op->emitOpError() << "body takes " << block.getNumArguments()
                             << " arguments but the op has "
                             << argumentTypes.size() << " operands";
  for (auto [index, arg, type] :
       llvm::enumerate(block.getArguments(), argumentTypes))
    if (arg.getType() != type)
      return op->emitOpError()
             << "body argument " << index << " has type " << arg.getType()
             << " but " << what << " " << type;
  Operation *terminator = block.getTerminator();
  if (terminator->getNumOperands() != returnTypes.size())
    return op->emitOpError()
           << "body returns " << terminator->getNumOperands()
           << " values but the op has " << returnTypes.size() << " results";
  for (auto [index, value, type] :
       llvm::enumerate(terminator->getOperands(), returnTypes))
    if (value.getType() != type)
      return op->emitOpError()
             << "body returns " << value.getType() << " as value " << index
             << " but " << what << " " << type;
  return success();
}

// The type one device sees of `global` under `sharding` (its dimensions
// divided by the manual axes that shard them), or failure with an error.
FailureOr<RankedTensorType> localType(Operation *op, RankedTensorType global,
                                      TensorShardingAttr sharding,
                                      MeshAttr mesh, ManualAxesAttr manual) {
  SmallVector<int64_t> shape(global.getShape());
  for (auto [dim, dimSharding] : llvm::enumerate(sharding.getDimShardings())) {
    int64_t count = manualShardCount(dimSharding.getAxes(), mesh, manual);
    if (ShapedType::isDynamic(shape[dim]) || count == 1)
      continue;
    if (shape[dim] % count != 0)
      return op->emitOpError() << "dimension " << dim << " of " << global
                               << " does not split into " << count << " shards";
    shape[dim] /= count;
  }
  return RankedTensorType::get(shape, global.getElementType());
}

} // namespace

LogicalResult
jaxc::sdy::verifyShardingForType(TensorShardingAttr sharding, Type type,
                                 Operation *from,
                                 function_ref<InFlightDiagnostic()> emitError) {
  MeshAttr mesh = sharding.getMesh(from);
  if (!mesh)
    return emitError() << "sharding refers to unknown mesh "
                       << sharding.getMeshOrRef();
  if (isa<MeshAttr>(sharding.getMeshOrRef()) &&
      failed(verifyMesh(mesh, emitError)))
    return failure();
  if (auto tensor = dyn_cast<RankedTensorType>(type)) {
    if (tensor.getRank() !=
        static_cast<int64_t>(sharding.getDimShardings().size()))
      return emitError() << "sharding has " << sharding.getDimShardings().size()
                         << " dimensions but the value has type " << type;
  } else if (!isa<ShapedType>(type) && !sharding.getDimShardings().empty()) {
    return emitError() << "a sharding of " << type
                       << " cannot shard dimensions";
  }
  SmallVector<AxisRefAttr> seen;
  for (AxisRefAttr axis : sharding.getAllAxisRefs()) {
    if (failed(verifyAxisRef(axis, mesh, emitError)))
      return failure();
    if (llvm::is_contained(seen, axis))
      return emitError() << "axis \"" << axis.getName()
                         << "\" is used twice in one sharding";
    seen.push_back(axis);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

LogicalResult MeshOp::verify() {
  return verifyMesh(getMesh(), [&] { return emitOpError(); });
}

LogicalResult ShardingConstraintOp::verify() {
  return verifyShardingForType(getSharding(), getType(), *this,
                               [&] { return emitOpError(); });
}

LogicalResult ReshardOp::verify() {
  return verifyShardingForType(getSharding(), getType(), *this,
                               [&] { return emitOpError(); });
}

LogicalResult PropagationBarrierOp::verify() {
  if (getAllowedDirection() == PropagationDirection::BOTH)
    return emitOpError("allowed_direction=BOTH would not be a barrier");
  return success();
}

LogicalResult ShardingGroupOp::verify() {
  if (getGroupIdAttr().getInt() < 0)
    return emitOpError("group_id must not be negative");
  return success();
}

LogicalResult ManualComputationOp::verify() {
  ArrayRef<TensorShardingAttr> in = getInShardings().getShardings();
  ArrayRef<TensorShardingAttr> out = getOutShardings().getShardings();
  if (in.size() != getNumOperands())
    return emitOpError() << "has " << in.size() << " in_shardings for "
                         << getNumOperands() << " operands";
  if (out.size() != getNumResults())
    return emitOpError() << "has " << out.size() << " out_shardings for "
                         << getNumResults() << " results";
  SmallVector<Type> localArgs, localResults;
  for (auto [values, shardings, local] :
       {std::make_tuple(TypeRange(getOperandTypes()), in, &localArgs),
        std::make_tuple(TypeRange(getResultTypes()), out, &localResults)}) {
    for (auto [type, sharding] : llvm::zip_equal(values, shardings)) {
      if (failed(verifyShardingForType(sharding, type, *this,
                                       [&] { return emitOpError(); })))
        return failure();
      MeshAttr mesh = sharding.getMesh(*this);
      for (StringAttr name : getManualAxes().getValue())
        if (!mesh.getAxis(name))
          return emitOpError() << "manual axis \"" << name.getValue()
                               << "\" is not in the mesh";
      FailureOr<RankedTensorType> localTensor = localType(
          *this, cast<RankedTensorType>(type), sharding, mesh, getManualAxes());
      if (failed(localTensor))
        return failure();
      local->push_back(*localTensor);
    }
  }
  return verifyBodyTypes(*this, getBody(), localArgs, localResults,
                         "one device's shard is");
}

LogicalResult NamedComputationOp::verify() {
  for (auto [shardings, types, what] :
       {std::make_tuple(getInShardingsAttr(), TypeRange(getOperandTypes()),
                        "operands"),
        std::make_tuple(getOutShardingsAttr(), TypeRange(getResultTypes()),
                        "results")}) {
    if (!shardings)
      continue;
    if (shardings.getShardings().size() != types.size())
      return emitOpError() << "has " << shardings.getShardings().size()
                           << " shardings for " << types.size() << " " << what;
    for (auto [sharding, type] :
         llvm::zip_equal(shardings.getShardings(), types))
      if (failed(verifyShardingForType(sharding, type, *this,
                                       [&] { return emitOpError(); })))
        return failure();
  }
  return verifyBodyTypes(*this, getBody(), getOperandTypes(), getResultTypes(),
                         "the op has");
}

#define GET_OP_CLASSES
#include "jaxc/Dialect/SDY/IR/SDYOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Dialect
//===----------------------------------------------------------------------===//

void SDYDialect::initialize() {
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "jaxc/Dialect/SDY/IR/SDYOps.cpp.inc"
      >();
  registerBytecodeInterface();
}

// `sdy.sharding` (one sharding per result) and `sdy.sharding_rule` (one
// tensor mapping per operand and result) on any op.
LogicalResult SDYDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attr) {
  if (attr.getName() == kShardingAttrName) {
    auto perValue = dyn_cast<TensorShardingPerValueAttr>(attr.getValue());
    if (!perValue)
      return op->emitOpError() << "'" << kShardingAttrName
                               << "' must be a #sdy.sharding_per_value";
    ArrayRef<TensorShardingAttr> shardings = perValue.getShardings();
    // An op without results may name the device it runs on: one sharding
    // of rank 0 (JAX's host callbacks carry `<[<@maximal_mesh_0, []>]>`).
    if (op->getNumResults() == 0 && shardings.size() == 1)
      return verifyShardingForType(shardings.front(),
                                   NoneType::get(op->getContext()), op,
                                   [&] { return op->emitOpError(); });
    if (shardings.size() != op->getNumResults())
      return op->emitOpError()
             << "'" << kShardingAttrName << "' has " << shardings.size()
             << " shardings for " << op->getNumResults() << " results";
    for (auto [sharding, type] :
         llvm::zip_equal(shardings, op->getResultTypes()))
      if (failed(verifyShardingForType(sharding, type, op,
                                       [&] { return op->emitOpError(); })))
        return failure();
    return success();
  }
  if (attr.getName() == kShardingRuleAttrName) {
    auto rule = dyn_cast<OpShardingRuleAttr>(attr.getValue());
    if (!rule)
      return op->emitOpError() << "'" << kShardingRuleAttrName
                               << "' must be a #sdy.op_sharding_rule";
    for (auto [mappings, types, what] :
         {std::make_tuple(rule.getOperandMappings(),
                          TypeRange(op->getOperandTypes()), "operand"),
          std::make_tuple(rule.getResultMappings(),
                          TypeRange(op->getResultTypes()), "result")}) {
      if (mappings.size() != types.size())
        return op->emitOpError()
               << "sharding rule maps " << mappings.size() << " " << what
               << "s but the op has " << types.size();
      for (auto [index, mapping, type] : llvm::enumerate(mappings, types)) {
        auto tensor = dyn_cast<RankedTensorType>(type);
        if (tensor && tensor.getRank() !=
                          static_cast<int64_t>(mapping.getDimMappings().size()))
          return op->emitOpError()
                 << "sharding rule maps " << mapping.getDimMappings().size()
                 << " dimensions of " << what << " " << index
                 << ", which has type " << type;
      }
    }
  }
  return success();
}

// `sdy.sharding` on a function's argument or result: one TensorShardingAttr.
static LogicalResult verifyValueSharding(Operation *op, NamedAttribute attr,
                                         Type type) {
  if (attr.getName() != kShardingAttrName)
    return success();
  auto sharding = dyn_cast<TensorShardingAttr>(attr.getValue());
  if (!sharding)
    return op->emitOpError() << "'" << kShardingAttrName
                             << "' of a value must be a #sdy.sharding";
  return verifyShardingForType(sharding, type, op,
                               [&] { return op->emitOpError(); });
}

LogicalResult SDYDialect::verifyRegionArgAttribute(Operation *op, unsigned,
                                                   unsigned argIndex,
                                                   NamedAttribute attr) {
  auto function = dyn_cast<FunctionOpInterface>(op);
  if (!function)
    return success();
  return verifyValueSharding(op, attr, function.getArgumentTypes()[argIndex]);
}

LogicalResult SDYDialect::verifyRegionResultAttribute(Operation *op, unsigned,
                                                      unsigned resultIndex,
                                                      NamedAttribute attr) {
  auto function = dyn_cast<FunctionOpInterface>(op);
  if (!function)
    return success();
  return verifyValueSharding(op, attr, function.getResultTypes()[resultIndex]);
}
