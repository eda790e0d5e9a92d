//===- Passes.td - jaxc's conversion passes -------------*- tablegen -*-===//

#ifndef JAXC_CONVERSION_PASSES_TD
#define JAXC_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def StableHLOToLinalgPass : Pass<"jaxc-stablehlo-to-linalg", "mlir::ModuleOp"> {
  let summary = "Lower StableHLO to linalg, tensor, arith and math";
  let description = [{
    Rewrites every StableHLO op into linalg/tensor/arith/math/scf on tensors
    and makes all integer types signless (ui32 becomes i32; the unsigned
    semantics are carried by the choice of arith ops). Function signatures
    are converted too. An op without a lowering is an error naming the op:
    "'stablehlo.fft' op is not supported by jaxc yet".
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect", "mlir::linalg::LinalgDialect",
    "mlir::math::MathDialect", "mlir::scf::SCFDialect",
    "mlir::tensor::TensorDialect", "mlir::complex::ComplexDialect",
    "mlir::func::FuncDialect", "mlir::bufferization::BufferizationDialect",
    "mlir::memref::MemRefDialect", "jaxc::rt::RuntimeDialect"
  ];
}

def CHLOToStableHLOPass : Pass<"jaxc-chlo-to-stablehlo", "mlir::ModuleOp"> {
  let summary = "Decompose CHLO ops into StableHLO ops";
  let description = [{
    Rewrites every CHLO op as StableHLO: the special functions (erf, lgamma,
    bessel_i1e...) become polynomial and rational approximations, the
    inverse trigonometric and hyperbolic functions numerically careful
    formulas on real or on (re, im) parts, top_k a sort with an iota of
    indices. f16 and bf16 compute in f32 and round once at the end. A CHLO
    op left over (an element type without a decomposition) is an error.
  }];
  let dependentDialects = ["::jaxc::stablehlo::StableHLODialect"];
}

def LinalgToRuntimePass : Pass<"jaxc-linalg-to-runtime", "mlir::func::FuncOp"> {
  let summary = "Compute f32 matmuls and convolutions with the runtime's kernels";
  let description = [{
    After bufferization, replaces the f32 contractions of DotToLinalg and
    ConvolutionToLinalg (`out += lhs * rhs` generics on a zero-initialized
    output) with jaxc_rt.matmul_f32 (any batch/free/contracting dimensions
    that collapse to [batch, m, k] x [batch, k, n] views without copies)
    and jaxc_rt.conv2d_f32 (2-D NHWC x HWIO -> NHWC, any strides, rhs
    dilation and feature groups; a zero-padded copy of the input becomes
    the kernel's padding). The output's zero initialization is removed
    when nothing else reads it. Other contractions are left alone.
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect",
                           "::jaxc::rt::RuntimeDialect"];
}

def RuntimeToLLVMPass : Pass<"jaxc-runtime-to-llvm", "mlir::ModuleOp"> {
  let summary = "Lower jaxc_rt ops to calls through the runtime's context";
  let description = [{
    Each jaxc_rt op becomes a call through a function pointer of the
    jaxc_context_t in the thread-local __jaxc_context. A parallel_for packs
    its captures into a stack struct and hands the runtime's parallel_for a
    chunk function that unpacks them and calls the body. malloc and free
    calls outside parallel_for bodies become the context's alloc and free,
    so the device reuses freed buffers from call to call. Runs after
    func-to-llvm (with bare pointers), before reconcile-unrealized-casts.
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

def VHLOToStableHLOPass : Pass<"jaxc-vhlo-to-stablehlo", "mlir::ModuleOp"> {
  let summary = "Convert a StableHLO portable artifact (VHLO) to StableHLO";
  let description = [{
    Rebuilds the module's vhlo.func_v1 functions as func.func functions of
    jaxc's StableHLO ops, with builtin types and attributes: the IR that
    parsing the StableHLO text JAX prints for the same program gives. Ops
    map by name through a table of every VHLO op version JAX writes; one
    jaxc has no op for (collectives, infeed, dynamic shapes, an op of a
    newer VHLO) is an error naming it: "'vhlo.all_reduce_v2' op is not
    supported by jaxc yet (a collective: needs several devices)". See
    docs/vhlo.md.
  }];
  let dependentDialects = ["::jaxc::stablehlo::StableHLODialect",
                           "mlir::func::FuncDialect"];
}

#endif // JAXC_CONVERSION_PASSES_TD
