//===- Passes.h - jaxc's own transformation passes --------------*- C++ -*-===//

#ifndef JAXC_TRANSFORMS_PASSES_H
#define JAXC_TRANSFORMS_PASSES_H

#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace jaxc {

#define GEN_PASS_DECL
#include "jaxc/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "jaxc/Transforms/Passes.h.inc"

// The prefix of the exported entry symbol of each function.
inline constexpr llvm::StringLiteral kEntryPointPrefix = "jaxc_entry_";

// The module attribute in which jaxc-externalize-constants leaves the bytes
// of the CONSTANTS section (a dense_resource of i8).
inline constexpr llvm::StringLiteral kConstantsAttrName = "jaxc.constants";

} // namespace jaxc

#endif // JAXC_TRANSFORMS_PASSES_H
