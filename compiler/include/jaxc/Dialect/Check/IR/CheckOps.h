//===- CheckOps.h - The check and util test dialects ------------*- C++ -*-===//

#ifndef JAXC_DIALECT_CHECK_IR_CHECKOPS_H
#define JAXC_DIALECT_CHECK_IR_CHECKOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "jaxc/Dialect/Check/IR/CheckDialect.h.inc"
#include "jaxc/Dialect/Check/IR/UtilDialect.h.inc"

#define GET_OP_CLASSES
#include "jaxc/Dialect/Check/IR/CheckOps.h.inc"

#endif // JAXC_DIALECT_CHECK_IR_CHECKOPS_H
