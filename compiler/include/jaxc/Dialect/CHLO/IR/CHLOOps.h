//===- CHLOOps.h - The CHLO dialect -----------------------------*- C++ -*-===//

#ifndef JAXC_DIALECT_CHLO_IR_CHLOOPS_H
#define JAXC_DIALECT_CHLO_IR_CHLOOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "jaxc/Dialect/CHLO/IR/CHLODialect.h.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/CHLO/IR/CHLOOps.h.inc"

#endif // JAXC_DIALECT_CHLO_IR_CHLOOPS_H
