//===- LoopInputs.cpp - What an outlined loop takes from outside ----------===//

#include "LoopInputs.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Transforms/RegionUtils.h"

using namespace mlir;

namespace jaxc {

bool isCapturable(Type type) {
  if (isa<IndexType, IntegerType, FloatType>(type))
    return true;
  auto memref = dyn_cast<MemRefType>(type);
  if (!memref || !memref.hasStaticShape() || memref.getMemorySpace())
    return false;
  SmallVector<int64_t> strides;
  int64_t offset;
  return succeeded(memref.getStridesAndOffset(strides, offset)) &&
         !ShapedType::isDynamic(offset) &&
         llvm::none_of(strides, ShapedType::isDynamic);
}

std::optional<LoopInputs> collectInputs(Operation *loop, bool withOperands) {
  SetVector<Value> used;
  if (withOperands)
    used.insert(loop->operand_begin(), loop->operand_end());
  getUsedValuesDefinedAbove(loop->getRegions(), used);
  LoopInputs inputs;
  for (Value value : used) {
    Operation *def = value.getDefiningOp();
    if (def && def->getNumOperands() == 0 &&
        (def->hasTrait<OpTrait::ConstantLike>() ||
         isa<memref::GetGlobalOp>(def))) {
      if (!llvm::is_contained(inputs.clones, def))
        inputs.clones.push_back(def);
      continue;
    }
    if (!isCapturable(value.getType()))
      return std::nullopt;
    inputs.captures.push_back(value);
  }
  return inputs;
}

namespace {

// The buffer a memref is a view of, through view-like ops.
Value rootBuffer(Value memref) {
  while (auto view = memref.getDefiningOp<ViewLikeOpInterface>())
    memref = view.getViewSource();
  return memref;
}

} // namespace

void markNoaliasCaptures(FunctionOpInterface function, unsigned firstCapture,
                         ArrayRef<Value> captures) {
  SmallVector<Value> roots;
  for (Value capture : captures)
    roots.push_back(isa<MemRefType>(capture.getType()) ? rootBuffer(capture)
                                                       : Value());
  UnitAttr unit = UnitAttr::get(function->getContext());
  for (auto [index, root] : llvm::enumerate(roots))
    if (root && root.getDefiningOp<memref::AllocOp>() &&
        llvm::count(roots, root) == 1)
      function.setArgAttr(firstCapture + index, "llvm.noalias", unit);
}

} // namespace jaxc
