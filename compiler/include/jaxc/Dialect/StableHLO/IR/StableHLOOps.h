//===- StableHLOOps.h - The StableHLO dialect -------------------*- C++ -*-===//

#ifndef JAXC_DIALECT_STABLEHLO_IR_STABLEHLOOPS_H
#define JAXC_DIALECT_STABLEHLO_IR_STABLEHLOOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "jaxc/Dialect/StableHLO/IR/StableHLODialect.h.inc"
#include "jaxc/Dialect/StableHLO/IR/StableHLOEnums.h.inc"

namespace jaxc::stablehlo {
// The `[0, 1]` dimension lists of the structured attributes.
mlir::FailureOr<llvm::SmallVector<int64_t>>
parseDimList(mlir::AsmParser &parser);
void printDimList(mlir::AsmPrinter &printer, llvm::ArrayRef<int64_t> dims);
} // namespace jaxc::stablehlo

#define GET_ATTRDEF_CLASSES
#include "jaxc/Dialect/StableHLO/IR/StableHLOAttrs.h.inc"

#define GET_TYPEDEF_CLASSES
#include "jaxc/Dialect/StableHLO/IR/StableHLOTypes.h.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/StableHLO/IR/StableHLOOps.h.inc"

#endif // JAXC_DIALECT_STABLEHLO_IR_STABLEHLOOPS_H
