//===- RuntimeToLLVM.h - jaxc_rt ops to calls into the runtime --*- C++ -*-===//
//
// The patterns of jaxc-runtime-to-llvm: each jaxc_rt op becomes a call
// through a function pointer of the jaxc_context_t the entry stored in
// __jaxc_context (jaxc/Transforms/RuntimeContext.h).
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_CONVERSION_RUNTIMETOLLVM_RUNTIMETOLLVM_H
#define JAXC_CONVERSION_RUNTIMETOLLVM_RUNTIMETOLLVM_H

#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"

namespace jaxc {

/// Lowers jaxc_rt.parallel_for. Its body must already be an llvm.func
/// (func-to-llvm with bare pointers ran).
void populateParallelForToLLVMPatterns(
    const mlir::LLVMTypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);

/// Lowers jaxc_rt.matmul_f32 and jaxc_rt.conv2d_f32 to calls of the
/// context's kernels; their operands must be memref descriptors
/// (memref-to-llvm ran).
void populateKernelsToLLVMPatterns(const mlir::LLVMTypeConverter &typeConverter,
                                   mlir::RewritePatternSet &patterns);

/// Makes the malloc and free calls of memref-to-llvm, in every function
/// that runs on the entry call's thread, calls of the context's alloc and
/// free: the device keeps freed buffers for the next call. Functions that
/// jaxc_rt.parallel_for runs on the pool's threads keep malloc and free
/// (the context is the calling thread's). Run before the parallel_for
/// patterns, while the ops still name their bodies.
void routeAllocationsThroughContext(mlir::ModuleOp module);

} // namespace jaxc

#endif // JAXC_CONVERSION_RUNTIMETOLLVM_RUNTIMETOLLVM_H
