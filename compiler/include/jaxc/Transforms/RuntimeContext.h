//===- RuntimeContext.h - Generated code's view of jaxc_context_t -*- C++ -*-//
//
// Every entry call receives a jaxc_context_t (runtime/include/jaxc/runtime/
// module_format.h) and stores it in the module's thread-local
// __jaxc_context, so code deep in the call tree can reach the runtime's
// services (thread pool, kernels) without threading an argument through
// every function.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_TRANSFORMS_RUNTIMECONTEXT_H
#define JAXC_TRANSFORMS_RUNTIMECONTEXT_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace jaxc {

inline constexpr llvm::StringLiteral kContextGlobalName = "__jaxc_context";

// Field positions in jaxc_context_t; they must follow module_format.h.
enum class ContextField : int32_t {
  AbiVersion = 0,
  ThreadCount = 1,
  ParallelFor = 2,
  MatmulF32 = 3,
  Conv2dF32 = 4,
  RuntimePrivate = 5,
  Alloc = 6,
  Free = 7,
  Lapack = 8,
};

// The LLVM struct type of jaxc_context_t.
mlir::LLVM::LLVMStructType getContextStructType(mlir::MLIRContext *ctx);

// The thread-local pointer global, created (zero-initialized, internal) on
// first use.
mlir::LLVM::GlobalOp getOrCreateContextGlobal(mlir::ModuleOp module);

// This thread's address of __jaxc_context.
mlir::Value getContextSlot(mlir::OpBuilder &builder, mlir::Location loc,
                           mlir::ModuleOp module);

// The jaxc_context_t pointer the current entry call stored.
mlir::Value loadContext(mlir::OpBuilder &builder, mlir::Location loc,
                        mlir::ModuleOp module);

// Loads one field (usually a function pointer) of *context.
mlir::Value loadContextField(mlir::OpBuilder &builder, mlir::Location loc,
                             mlir::Value context, ContextField field);

} // namespace jaxc

#endif // JAXC_TRANSFORMS_RUNTIMECONTEXT_H
