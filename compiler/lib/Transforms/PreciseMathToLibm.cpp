//===- PreciseMathToLibm.cpp - libm for expm1 and log1p -------------------===//

#include "jaxc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
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
  // Below these magnitudes (f32, f64) the function is x itself, rounded,
  // and x is returned without the call; 0: always call. expm1(x) =
  // x (1 + x/2 + ...) rounds to x below 2^-24 (f32) and 2^-53 (f64). XLA's
  // expm1 returns x's bits there, subnormals included, where glibc's
  // arithmetic under --denormals=flush gives 0.
  double identityBelowF32, identityBelowF64;
};
constexpr LibmFunction kLibmFunctions[] = {
    {"math.expm1", "expm1f", "expm1", 0x1p-24, 0x1p-53},
    {"math.log1p", "log1pf", "log1p", 0, 0},
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
        callee = func::FuncOp::create(builder, module.getLoc(), name,
                                      builder.getFunctionType({type}, {type}));
        callee.setPrivate();
      }
      builder.setInsertionPoint(op);
      Location loc = op->getLoc();
      Value x = op->getOperand(0);
      Value result =
          func::CallOp::create(builder, loc, callee, op->getOperands())
              .getResult(0);
      double identityBelow =
          type.isF32() ? fn->identityBelowF32 : fn->identityBelowF64;
      if (identityBelow != 0) {
        Value bound = arith::ConstantOp::create(
            builder, loc, builder.getFloatAttr(type, identityBelow));
        Value tiny =
            arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OLT,
                                  math::AbsFOp::create(builder, loc, x), bound);
        result = arith::SelectOp::create(builder, loc, tiny, x, result);
      }
      op->getResult(0).replaceAllUsesWith(result);
      op->erase();
    }
  }
};

} // namespace
