//===- RuntimeOps.h - Calls into the runtime's services ---------*- C++ -*-===//

#ifndef JAXC_DIALECT_RUNTIME_IR_RUNTIMEOPS_H
#define JAXC_DIALECT_RUNTIME_IR_RUNTIMEOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "jaxc/Dialect/Runtime/IR/RuntimeDialect.h.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h.inc"

#endif // JAXC_DIALECT_RUNTIME_IR_RUNTIMEOPS_H
