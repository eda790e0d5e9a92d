//===- ResultsToOutParams.cpp - Results become caller-owned buffers -------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/IR/Builders.h"

namespace jaxc {
#define GEN_PASS_DEF_RESULTSTOOUTPARAMSPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

struct ResultsToOutParamsPass
    : jaxc::impl::ResultsToOutParamsPassBase<ResultsToOutParamsPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isDeclaration() && failed(convert(func)))
        return signalPassFailure();
  }

  LogicalResult convert(func::FuncOp func) {
    if (!func.getBody().hasOneBlock())
      return func.emitError("expected a single-block function");
    auto returnOp = cast<func::ReturnOp>(func.getBody().back().getTerminator());
    SmallVector<Type> resultTypes(func.getResultTypes());
    for (Type type : resultTypes)
      if (!isa<MemRefType>(type))
        return func.emitError("result of type ")
               << type << " is not a buffer after bufferization";

    Block &entry = func.getBody().front();
    SmallVector<BlockArgument> outArgs;
    for (Type type : resultTypes)
      outArgs.push_back(entry.addArgument(type, func.getLoc()));

    OpBuilder builder(returnOp);
    llvm::SmallDenseMap<Value, unsigned> timesReturned;
    for (Value value : returnOp.getOperands())
      ++timesReturned[value];
    for (auto [value, outArg] : llvm::zip(returnOp.getOperands(), outArgs)) {
      auto alloc = value.getDefiningOp<memref::AllocOp>();
      if (alloc && timesReturned[value] == 1 && alloc->getParentOp() == func &&
          alloc.getType() == outArg.getType()) {
        // Compute in place: the caller's buffer replaces the allocation.
        alloc.getResult().replaceAllUsesWith(outArg);
        alloc.erase();
        continue;
      }
      memref::CopyOp::create(builder, returnOp.getLoc(), value, outArg);
    }
    returnOp->setOperands({});

    SmallVector<Type> argTypes(func.getArgumentTypes());
    argTypes.append(resultTypes);
    SmallVector<DictionaryAttr> argAttrs;
    func.getAllArgAttrs(argAttrs);
    argAttrs.resize(argTypes.size(), DictionaryAttr::get(&getContext()));
    func.setType(FunctionType::get(&getContext(), argTypes, {}));
    func.setAllArgAttrs(argAttrs);
    func.setAllResultAttrs(ArrayRef<DictionaryAttr>{});
    flattenEmptyBuffers(func);
    return success();
  }

  // The bare-pointer calling convention cannot describe an empty buffer of
  // rank > 1 (memref<2x0xf32>), but can describe memref<0xf32>. No code
  // reads or writes such a buffer, so the function takes the rank-1 form
  // and views it with the original shape.
  void flattenEmptyBuffers(func::FuncOp func) {
    Block &entry = func.getBody().front();
    OpBuilder builder(&entry, entry.begin());
    SmallVector<Type> argTypes(func.getArgumentTypes());
    for (BlockArgument arg : entry.getArguments()) {
      auto type = dyn_cast<MemRefType>(arg.getType());
      if (!type || type.getRank() < 2 || !type.hasStaticShape() ||
          type.getNumElements() != 0 || !type.getLayout().isIdentity())
        continue;
      auto flatType = MemRefType::get({0}, type.getElementType());
      arg.setType(flatType);
      argTypes[arg.getArgNumber()] = flatType;
      // The identity layout's strides: products of the later sizes.
      SmallVector<int64_t> strides(type.getRank(), 1);
      for (int64_t i = type.getRank() - 2; i >= 0; --i)
        strides[i] = strides[i + 1] * type.getDimSize(i + 1);
      auto view = memref::ReinterpretCastOp::create(builder, func.getLoc(),
                                                    type, arg, /*offset=*/0,
                                                    type.getShape(), strides);
      arg.replaceAllUsesExcept(view, view);
    }
    func.setType(FunctionType::get(&getContext(), argTypes, {}));
  }
};

} // namespace
