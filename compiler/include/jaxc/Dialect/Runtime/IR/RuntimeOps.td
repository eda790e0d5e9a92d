//===- RuntimeOps.td - Calls into the runtime's services -*- tablegen -*-===//
//
// Ops that generated code uses to call the services of jaxc_context_t
// (runtime/include/jaxc/runtime/module_format.h): the thread pool and the
// packed f32 kernels. They appear after bufferization, on memrefs, and
// lower to LLVM as a call through a function pointer of the context.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_DIALECT_RUNTIME_IR_RUNTIMEOPS_TD
#define JAXC_DIALECT_RUNTIME_IR_RUNTIMEOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Runtime_Dialect : Dialect {
  let name = "jaxc_rt";
  let cppNamespace = "::jaxc::rt";
  let summary = "Calls into the jaxc runtime's services";
  let usePropertiesForAttributes = 1;
}

class Runtime_Op<string mnemonic, list<Trait> traits = []>
    : Op<Runtime_Dialect, mnemonic, traits>;

def Runtime_MatmulF32Op : Runtime_Op<"matmul_f32"> {
  let summary = "Batched f32 matrix product by the runtime's kernel";
  let description = [{
    `out[b, i, j] = sum over p of lhs[b, i, p] * rhs[b, p, j]`, the sum taken
    in increasing p. Any strided layout is accepted (transposed views need
    no copy); `out` is overwritten, so it needs no initialization.

    ```mlir
    jaxc_rt.matmul_f32 %lhs, %rhs, %out
        : memref<1x4x8xf32>, memref<1x8x16xf32>, memref<1x4x16xf32>
    ```
  }];
  let arguments = (ins
    Arg<MemRefRankOf<[F32], [3]>, "lhs [batch, m, k]", [MemRead]>:$lhs,
    Arg<MemRefRankOf<[F32], [3]>, "rhs [batch, k, n]", [MemRead]>:$rhs,
    Arg<MemRefRankOf<[F32], [3]>, "out [batch, m, n]", [MemWrite]>:$out);
  let assemblyFormat = [{
    $lhs `,` $rhs `,` $out attr-dict `:` type($lhs) `,` type($rhs) `,`
    type($out)
  }];
  let hasVerifier = 1;
}

def Runtime_Conv2dF32Op : Runtime_Op<"conv2d_f32"> {
  let summary = "2-D f32 convolution (NHWC, HWIO, NHWC) by the runtime's kernel";
  let description = [{
    Output `(y, x)` reads input row `y * strides[0] - padding[0] + ky *
    dilation[0]` (zero outside the input) and likewise for columns; output
    channel group `g` of `groups` reads input channel group `g`. Operands are
    dense row-major; `output` is overwritten.

    ```mlir
    jaxc_rt.conv2d_f32 %input, %filter, %output strides [2, 2]
        padding [3, 3] dilation [1, 1] groups 1
        : memref<1x224x224x3xf32>, memref<7x7x3x64xf32>,
          memref<1x112x112x64xf32>
    ```
  }];
  let arguments = (ins
    Arg<MemRefRankOf<[F32], [4]>, "input NHWC", [MemRead]>:$input,
    Arg<MemRefRankOf<[F32], [4]>, "filter HWIO", [MemRead]>:$filter,
    Arg<MemRefRankOf<[F32], [4]>, "output NHWC", [MemWrite]>:$output,
    DenseI64ArrayAttr:$strides,
    DenseI64ArrayAttr:$padding,
    DenseI64ArrayAttr:$dilation,
    I64Attr:$groups);
  let assemblyFormat = [{
    $input `,` $filter `,` $output `strides` $strides `padding` $padding
    `dilation` $dilation `groups` $groups attr-dict `:` type($input) `,`
    type($filter) `,` type($output)
  }];
  let hasVerifier = 1;
}

def Runtime_LapackOp : Runtime_Op<"lapack", [AttrSizedOperandSegments]> {
  let summary = "A LAPACK routine over a batch, by the runtime's lapack service";
  let description = [{
    Runs `routine` (one of the LAPACK routines behind JAX's
    `lapack_?xxx_ffi` custom calls, named without its precision letter:
    `potrf`, `getrf`, `geqrf`, `orgqr`, `syevd`, `trsm`, `gesdd`, `geev`,
    `gees`, `gehrd`, `sytrd`, `gtsv`, `gesvd`; see LapackRoutines.h) on each of
    the batch's matrices: the first `batch_dims` dimensions of every operand
    are the batch, the rest a matrix, a vector or a scalar. The precision
    is the first input's element type (f32, f64, complex<f32>,
    complex<f64>). Inputs are only read; every result is written, and must
    not alias an input. `options` holds the routine's attributes (LAPACK's
    characters such as 'L' as their codes, or gehrd's low and high) in the
    routine's order. Operands are dense row-major; the runtime converts to
    and from LAPACK's column-major order.

    ```mlir
    jaxc_rt.lapack "potrf" (%a) -> (%l, %info) options [76] batch_dims 1
        : memref<2x3x3xf32> -> memref<2x3x3xf32>, memref<2xi32>
    ```
  }];
  let arguments = (ins
    StrAttr:$routine,
    Arg<Variadic<AnyMemRef>, "inputs", [MemRead]>:$inputs,
    Arg<Variadic<AnyMemRef>, "results", [MemWrite]>:$outputs,
    DenseI64ArrayAttr:$options,
    I64Attr:$batch_dims);
  let assemblyFormat = [{
    $routine `(` $inputs `)` `->` `(` $outputs `)` `options` $options
    `batch_dims` $batch_dims attr-dict `:` type($inputs) `->` type($outputs)
  }];
  let hasVerifier = 1;
}

def Runtime_ParallelForOp : Runtime_Op<"parallel_for",
    [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "Runs a function over [0, count) on the runtime's threads";
  let description = [{
    Calls `body(begin, end, captures...)` for disjoint chunks `[begin, end)`
    of `[0, count)` through the context's `parallel_for`, each chunk at
    least `grain` items, and returns when all are done. The chunks may run
    on any thread in any order, so the body must compute each item
    independently of the others, and it must not call the runtime itself.
    Captures are scalars and memrefs with static shapes, strides and
    offsets, which reach the body as values and bare pointers.

    ```mlir
    jaxc_rt.parallel_for @main_parallel_0(%x, %y) count 1048576 grain 4096
        : memref<1048576xf32>, memref<1048576xf32>
    func.func private @main_parallel_0(%begin: index, %end: index,
        %x: memref<1048576xf32>, %y: memref<1048576xf32>)
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$body, Variadic<AnyType>:$captures,
                       I64Attr:$count, I64Attr:$grain);
  let assemblyFormat = [{
    $body `(` $captures `)` `count` $count `grain` $grain attr-dict
    (`:` type($captures)^)?
  }];
  let hasVerifier = 1;
}

#endif // JAXC_DIALECT_RUNTIME_IR_RUNTIMEOPS_TD
