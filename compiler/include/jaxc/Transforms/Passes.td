//===- Passes.td - jaxc's own transformation passes -----*- tablegen -*-===//

#ifndef JAXC_TRANSFORMS_PASSES_TD
#define JAXC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def DropSingleDeviceShardingPass
    : Pass<"jaxc-drop-single-device-sharding", "mlir::ModuleOp"> {
  let summary = "Remove sharding annotations from a one-device program";
  let description = [{
    JAX annotates programs for its partitioner even on one device: Shardy's
    `sdy` ops and attributes, XLA's `mhlo.sharding` strings and the custom
    calls `@Sharding`, `@SPMDFullToShardShape`, `@SPMDShardToFullShape` and
    `@xla.sdy.*`. When every mesh has one device and `mhlo.num_partitions`
    and `mhlo.num_replicas` are 1 (or absent), each of these is the
    identity: sharding constraints, reshards, barriers and the custom calls
    become their operands, sharding groups and meshes go, manual and named
    computations are inlined, and the annotations leave functions,
    arguments, results and ops. A program that needs several devices is an
    error naming the first op that does, and how many devices it needs.
    Runs first: the other passes do not know the sdy ops.
  }];
}

def ElidedConstantsPass : Pass<"jaxc-elided-constants", "mlir::ModuleOp"> {
  let summary = "Reject constants whose data the export elided, or fill them";
  let description = [{
    JAX exports printed without their weights hold
    `dense_resource<__elided__>` constants: a resource whose data is not in
    the file. Compiling them as zeros would measure and compute the wrong
    thing, so by default each is an error at the op's location. With
    `fill`, each such attribute becomes a dense constant of deterministic
    pseudo-random values instead (splitmix64 seeded by the constant's
    index in walk order): floats in [-0.5, 0.5), integers in [-8, 8) or
    [0, 16), for benchmarking the model without its weights.
  }];
  let options = [
    Option<"fill", "fill", "bool", /*default=*/"false",
           "fill elided constants with pseudo-random values">,
  ];
}

def DecomposeCompositesPass
    : Pass<"jaxc-decompose-composites", "mlir::ModuleOp"> {
  let summary = "Replace each stablehlo.composite by a call of its decomposition";
  let description = [{
    A composite names an op and gives its meaning as a function of the
    module (`decomposition`). jaxc runs that function: the composite becomes
    a `func.call`, which the inliner opens. Runs before `inline`.
  }];
  let dependentDialects = ["mlir::func::FuncDialect"];
}

def EraseTokensPass : Pass<"jaxc-erase-tokens", "mlir::ModuleOp"> {
  let summary = "Remove !stablehlo.token values";
  let description = [{
    Tokens order side effects and carry no data; jaxc runs ops in program
    order. Token arguments and results leave every function's signature
    (so an exported main that threads tokens is called without them), and
    calls, while/if/case, optimization barriers, after_all and create_token
    lose their tokens. An op jaxc cannot rewrite that still uses a token
    (host callbacks, send/recv, infeed/outfeed) is an error naming it.
  }];
}

def ExpandArithPass : Pass<"jaxc-expand-arith"> {
  let summary = "Expand the arith ops LLVM has no instruction for, but "
                "maximumf/minimumf";
  let description = [{
    ceildivsi/ceildivui/floordivsi and bf16 extf/truncf become integer
    arithmetic, as MLIR's arith-expand does. arith.maximumf and minimumf
    stay, to become llvm.maximum/minimum: MLIR's expansion of them drops
    the signed-zero case (-0 < +0) and, as a select, keeps a subnormal the
    hardware flushes under DAZ.

    With select-bf16-min-max, a bf16 maximum or minimum computed in f32
    (truncf of maximumf/minimumf of two extf) becomes compares in f32 and a
    select of one operand's own bits, as XLA's CPU backend computes it on
    CPUs with AVX512-BF16.
  }];
  let options = [
    Option<"selectBF16MinMax", "select-bf16-min-max", "bool", "false",
           "bf16 maximum/minimum select an operand's bits">,
  ];
  let dependentDialects = ["mlir::arith::ArithDialect"];
}

def FlushSubnormalArgumentsPass : Pass<"jaxc-flush-subnormal-arguments"> {
  let summary = "Subnormal operands of math.log/log2/log10/log1p/atan "
                "become signed zeros";
  let description = [{
    For modules compiled with --denormals=flush, where the hardware reads
    subnormal operands as zero (DAZ): these functions become glibc calls
    that read their argument's bits before any arithmetic DAZ would flush
    (log(5e-324) = -744.4 and atanf(5.9e-39) = 5.9e-39, where XLA gives
    -inf and 0). Their operands below the smallest normal number in
    magnitude become zeros of their sign. Runs before the math lowerings,
    while the ops are still math ops.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect"];
}

def ResolveJaxCustomCallsPass
    : Pass<"jaxc-resolve-jax-custom-calls", "mlir::ModuleOp"> {
  let summary = "Give meaning to the custom calls JAX emits on one device";
  let description = [{
    - `@annotate_device_placement` (a memory-kind annotation: host and
      device memory are one on a CPU) becomes its operands;
    - `@shape_assertion(%ok, %dims...) {error_message}`: with a constant
      `%ok` it is dropped when true and an error with JAX's message (its
      `{0}`, `{1}`... replaced by the dimension values) when false; a
      predicate known only at run time needs dynamic shapes, and is
      refused naming the op;
    - `@mhlo.<op>` with `mhlo.attributes`, JAX's spelling of a CHLO op
      inside a serialized artifact, becomes `chlo.<op>` when jaxc has it;
    - `@ApproxTopK` (lax.approx_max_k/approx_min_k) becomes what XLA runs
      on CPU: a stable sort along `reduction_dim` with the called
      comparator, and the first `top_k` of each operand.
    Other targets are left for the lowering, which names the ones it lacks.
  }];
}

def FuseElementwisePass : Pass<"jaxc-fuse-elementwise-ops"> {
  let summary = "Fuse elementwise ops, but not into contractions' operands";
  let description = [{
    linalg-fuse-elementwise-ops, except that a producer is not fused into
    an operand of a consumer with reduction loops that reads each element
    more than once (a non-permutation indexing map, as a matmul's or a
    convolution's operands have): there it would be recomputed for every
    read, and the contraction would no longer be the multiply-add that
    jaxc-linalg-to-runtime hands to the runtime's kernels.
  }];
  let dependentDialects = ["mlir::affine::AffineDialect",
                           "mlir::linalg::LinalgDialect",
                           "mlir::tensor::TensorDialect"];
}

def FuseRowReductionsPass : Pass<"jaxc-fuse-row-reductions"> {
  let summary = "Compute chains of row reductions a tile of rows at a time";
  let description = [{
    Groups row reductions with the elementwise ops that produce and consume
    their rows (a layernorm, a softmax) into one scf.forall over tiles of
    rows, so that each tile's intermediates stay in the cache instead of
    every op streaming the whole tensor through memory. Each row is
    computed by the same ops in the same order, so results keep their bits.
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect",
                           "mlir::scf::SCFDialect",
                           "mlir::tensor::TensorDialect"];
}

def OutlineLoopNestsPass : Pass<"jaxc-outline-loop-nests", "mlir::ModuleOp"> {
  let summary = "Move each serial loop nest into a function of its own";
  let description = [{
    Every outermost scf.for, scf.parallel or scf.while without results left
    in a function that is not a thread-pool body becomes a private noinline
    function, called in its place. LLVM then optimizes many small functions
    instead of one huge one (its time grows faster than a function's size),
    and the compiler can split them over threads.
  }];
  let dependentDialects = ["mlir::func::FuncDialect"];
}

def MergeDuplicateFunctionsPass
    : Pass<"jaxc-merge-duplicate-functions", "mlir::ModuleOp"> {
  let summary = "Keep one copy of private functions with identical bodies";
  let description = [{
    Private functions whose type, attributes and body are the same (a
    transformer's repeated blocks outline the same loops once per block)
    become one: the first keeps its name and every use of the others refers
    to it. Repeats until nothing merges, since callers become identical once
    their callees are merged.
  }];
}

def ExtractChecksPass : Pass<"jaxc-extract-checks", "mlir::ModuleOp"> {
  let summary = "Turn test-file checks into hidden results";
  let description = [{
    JAX's test programs check themselves with
    `stablehlo.custom_call @check.expect_{eq,almost_eq,close}(%actual,
    %expected)`; StableHLO's and IREE's test files use the check dialect
    (expect_eq, expect_almost_eq, expect_close, and the *_const forms). The
    runtime evaluates checks (runtime/src/checks.cc), so this pass removes
    each from a public function and returns its two operands as extra
    results after the function's own. IREE's util.unfoldable_constant
    becomes a plain constant. The function gets:
      jaxc.result_count: the number of its own results;
      jaxc.checks: one dictionary {kind, actual, expected, location,
        tolerance?} per check, `actual`/`expected` indexing the extra
        results.
    Run after inlining: checks must sit in a public function's body.
  }];
  let dependentDialects = ["mlir::func::FuncDialect"];
}

def ResultsToOutParamsPass
    : Pass<"jaxc-results-to-out-params", "mlir::ModuleOp"> {
  let summary = "Write every function result into a caller-owned buffer";
  let description = [{
    After bufferization, each memref result of a public function becomes an
    extra trailing argument that the function writes (the runtime owns all
    buffers). A result that is a fresh allocation returned once is computed
    in place in the caller's buffer; anything else (an argument, a constant,
    a value returned twice) is copied. Empty buffers of rank > 1 are passed
    as rank-1 empty buffers, which the bare-pointer convention can describe.
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def MemrefCopyToLinalgPass
    : Pass<"jaxc-memref-copy-to-linalg", "mlir::func::FuncOp"> {
  let summary = "Rewrite strided memref.copy as linalg.copy";
  let description = [{
    memref.copy between strided memrefs lowers to a call into MLIR's C
    runner library, which the runtime does not have. As linalg.copy it
    lowers to plain loops. Copies between identity-layout memrefs stay:
    they lower to memcpy.
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect"];
}

def CollapseParallelDimsPass
    : Pass<"jaxc-collapse-parallel-dims", "mlir::func::FuncOp"> {
  let summary = "Merge the loops of all-parallel linalg.generic ops on memrefs";
  let description = [{
    An elementwise op on a 20x20 buffer lowers to a loop of 20 loops of 20;
    LLVM then vectorizes and unrolls each inner loop with its remainder and
    runtime checks, so programs with many such ops (CHLO's special
    functions) spend most of their compile time there. Consecutive loops
    that every indexing map keeps adjacent and in order become one loop
    over collapsed identity-layout operands (memref.collapse_shape, a
    view): one loop of 400, fewer and simpler loops for LLVM. Ops with
    reduction loops or linalg.index are left alone.
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def InlineNonBarePtrCallsPass
    : Pass<"jaxc-inline-non-bare-ptr-calls", "mlir::ModuleOp"> {
  let summary = "Inline the private functions bare pointers cannot call";
  let description = [{
    func-to-llvm's bare-pointer calling convention, which the entry points
    need, passes a memref as one pointer, so it cannot lower a function
    with a dynamically shaped or strided memref argument or result. The
    ownership-based buffer deallocation generates such a function,
    `dealloc_helper` (memref<?xindex>, memref<?xi1>), where it must compare
    possibly aliasing buffers at run time: e.g. after an scf.if yields a
    constant in one branch and a fresh buffer in another. This pass inlines
    every call to a private function whose signature bare pointers cannot
    express, then erases that function. Functions bare pointers can call
    stay out of line.
  }];
  let dependentDialects = ["mlir::func::FuncDialect"];
}

def PreciseMathToLibmPass : Pass<"jaxc-precise-math-to-libm", "mlir::ModuleOp"> {
  let summary = "Call libm for math ops LLVM would compute imprecisely";
  let description = [{
    convert-math-to-llvm lowers math.expm1 as exp(x) - 1 and math.log1p as
    log(1 + x), which lose all precision near zero. This pass turns those
    ops on f32/f64 into calls to libm's expm1f/expm1 and log1pf/log1p.
  }];
  let dependentDialects = ["mlir::func::FuncDialect"];
}

def VectorizableMathPass : Pass<"jaxc-vectorizable-math", "mlir::ModuleOp"> {
  let summary = "Compute f32 transcendentals with arithmetic LLVM vectorizes";
  let description = [{
    A math op that reaches LLVM as a libm call stays scalar: the loop around
    it cannot be vectorized. For the f32 ops listed in `ops`, this pass
    expands the op into MLIR's polynomial approximation (plain arith ops,
    no fast-math), which vectorizes and gives the same bits in vector and
    scalar code, so results do not depend on how loops are split across
    threads. Each listed op was checked against the JAX suite's 3 ULP
    tolerance; f64 and unlisted ops keep their precise lowering.
  }];
  let options = [
    ListOption<"ops", "ops", "std::string",
               "Math ops to expand, e.g. math.tanh">,
  ];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::vector::VectorDialect"];
}

def OutlineParallelLoopsPass
    : Pass<"jaxc-outline-parallel-loops", "mlir::ModuleOp"> {
  let summary = "Hand large scf.parallel loops to the runtime's threads";
  let description = [{
    Every outermost scf.parallel with static bounds, no results and an
    estimated work (items times the operations one item runs, nested
    static loops included) of at least `min-work` becomes a private
    function `(begin, end, captures...)` over items [begin, end) of its
    linearized iteration space, and a `jaxc_rt.parallel_for` that runs it
    on the thread pool. Values from outside the loop are constants (cloned
    into the function), scalars, or memrefs with static shapes, strides and
    offsets (passed); a loop needing anything else, calling a function of
    the module or the runtime stays serial, as do loops nested in it. The
    row loop over the innermost dimension asks LLVM to interleave four
    vectors (`loop_annotation`), which hides the latency of long bodies.

    With `streaming-store-bytes`, a 1-D loop whose body is loads and stores
    at the induction variable and elementwise arith and math ops, and that
    stores a buffer of at least that many bytes, runs the middle of each
    chunk itself on 64-byte vectors, four per iteration: from the first
    item whose address in that buffer starts a 64-byte line, with aligned
    non-temporal stores to it (a cached store would first read the line
    it overwrites), then `llvm.x86.sse.sfence`. The items before and after
    run as the scalar row. x86 only.
  }];
  let options = [
    Option<"minWork", "min-work", "uint64_t", /*default=*/"131072",
           "Least estimated work (operations executed) worth threads">,
    Option<"streamingStoreBytes", "streaming-store-bytes", "uint64_t",
           /*default=*/"0",
           "Least size of a buffer that a 1-D loop's vectors store past the "
           "caches (x86 only; 0: never)">,
  ];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::func::FuncDialect", "mlir::scf::SCFDialect",
                           "mlir::LLVM::LLVMDialect",
                           "mlir::memref::MemRefDialect",
                           "mlir::vector::VectorDialect",
                           "::jaxc::rt::RuntimeDialect"];
}

def EmitEntryPointsPass : Pass<"jaxc-emit-entry-points", "mlir::ModuleOp"> {
  let summary = "Give every function the runtime's calling convention";
  let description = [{
    Runs on the LLVM dialect, after functions were lowered with bare-pointer
    memref arguments. For each defined function @f it adds the exported
    `void jaxc_entry_f(void *context, void **buffers)` that passes
    buffers[i] as argument i, and gives @f internal linkage.
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

def ExternalizeConstantsPass
    : Pass<"jaxc-externalize-constants", "mlir::ModuleOp"> {
  let summary = "Move large constant globals out of the code into one blob";
  let description = [{
    Runs on the LLVM dialect. Each constant global of at least `min-bytes`
    bytes whose data is plain little-endian elements (integers and floats
    of whole bytes, complex numbers of them) moves into one byte blob, each
    at an offset aligned to 64 bytes or the global's own alignment. Its
    uses read the exported pointer `jaxc_constants` (JAXC_CONSTANTS_SYMBOL
    in module_format.h) and add the offset; the global is erased. The blob
    is left on the module as `jaxc.constants`, a dense_resource of i8,
    which the driver writes as the module file's CONSTANTS section. The
    runtime points `jaxc_constants` at that section in its mapping of the
    file, so weights are neither copied into the shared object at compile
    time nor copied out of the file at load time.
  }];
  let options = [
    Option<"minBytes", "min-bytes", "int64_t", /*default=*/"4096",
           "smallest global moved; smaller ones stay for LLVM to fold">,
  ];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

#endif // JAXC_TRANSFORMS_PASSES_TD
