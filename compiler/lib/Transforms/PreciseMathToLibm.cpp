//===- PreciseMathToLibm.cpp - libm for expm1 and log1p -------------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

namespace jaxc {
#define GEN_PASS_DEF_PRECISEMATHTOLIBMPASS
#include "jaxc/Transforms/Passes.h.inc"
} // namespace jaxc

using namespace mlir;

namespace {

struct LibmFunction {
  StringRef opName, f32Name, f64Name;
};
constexpr LibmFunction kLibmFunctions[] = {
    {"math.expm1", "expm1f", "expm1"},
    {"math.log1p", "log1pf", "log1p"},
};

struct PreciseMathToLibmPass
    : jaxc::impl::PreciseMathToLibmPassBase<PreciseMathToLibmPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<std::pair<Operation *, const LibmFunction *>> calls;
    module.walk([&](Operation *op) {
      if (op->getNumOperands() != 1 || op->getNumResults() != 1)
        return;
      Type type = op->getResult(0).getType();
      if (!type.isF32() && !type.isF64())
        return;
      for (const LibmFunction &fn : kLibmFunctions)
        if (op->getName().getStringRef() == fn.opName)
          calls.push_back({op, &fn});
    });
    OpBuilder builder(&getContext());
    for (auto [op, fn] : calls) {
      Type type = op->getResult(0).getType();
      StringRef name = type.isF32() ? fn->f32Name : fn->f64Name;
      auto callee = module.lookupSymbol<func::FuncOp>(name);
      if (callee && (!callee.isDeclaration() ||
                     callee.getFunctionType() !=
                         builder.getFunctionType({type}, {type}))) {
        callee.emitError("function '")
            << name << "' clashes with the libm function jaxc calls";
        return signalPassFailure();
      }
      if (!callee) {
        builder.setInsertionPointToStart(module.getBody());
        callee = builder.create<func::FuncOp>(
            module.getLoc(), name, builder.getFunctionType({type}, {type}));
        callee.setPrivate();
      }
      builder.setInsertionPoint(op);
      auto call = builder.create<func::CallOp>(op->getLoc(), callee,
                                               op->getOperands());
      op->replaceAllUsesWith(call);
      op->erase();
    }
  }
};

} // namespace
