//===- SDYOps.h - Shardy's sdy dialect, as JAX emits it ---------*- C++ -*-===//

#ifndef JAXC_DIALECT_SDY_IR_SDYOPS_H
#define JAXC_DIALECT_SDY_IR_SDYOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include <optional>

#include "jaxc/Dialect/SDY/IR/SDYDialect.h.inc"
#include "jaxc/Dialect/SDY/IR/SDYEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "jaxc/Dialect/SDY/IR/SDYAttrs.h.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/SDY/IR/SDYOps.h.inc"

namespace jaxc::sdy {

// The discardable attributes JAX puts on functions' arguments and results
// (a TensorShardingAttr) and on ops (a TensorShardingPerValueAttr, and an
// OpShardingRuleAttr for custom calls).
inline constexpr llvm::StringLiteral kShardingAttrName = "sdy.sharding";
inline constexpr llvm::StringLiteral kShardingRuleAttrName =
    "sdy.sharding_rule";

// Checks `sharding` against the value type it annotates and its mesh (which
// must exist, name its axes and fit the dimensions); errors go to
// `emitError`.
mlir::LogicalResult
verifyShardingForType(TensorShardingAttr sharding, mlir::Type type,
                      mlir::Operation *from,
                      llvm::function_ref<mlir::InFlightDiagnostic()> emitError);

// `{"x", "y"}`, the bare form of a ManualAxesAttr in manual_computation.
ManualAxesAttr parseBareManualAxes(mlir::AsmParser &parser);
void printBareManualAxes(mlir::AsmPrinter &printer, ManualAxesAttr axes);

} // namespace jaxc::sdy

#endif // JAXC_DIALECT_SDY_IR_SDYOPS_H
