//===- module_format.h - The jaxc module file: layout and codes -*- C -*-===//
//
// The one contract between the compiler and the runtime. The compiler writes
// this layout (compiler/lib/Target/ModuleFile), the runtime reads it
// (runtime/src/module_file.cc). Plain C, constants and enums only: no code.
// docs/module-format.md describes the same layout in prose.
//
// All integers are little-endian.
//
//   Header (32 bytes)
//     u8  magic[8]        "JAXCMOD\0"
//     u32 version         JAXC_MODULE_FORMAT_VERSION
//     u32 section_count
//     u64 file_size       total bytes, header included
//     u64 checksum        jaxc_module_checksum (module_checksum.h) of every
//                         byte after the header
//   Section table: section_count entries of 24 bytes
//     u32 kind            jaxc_section_kind_t
//     u32 reserved        0
//     u64 offset          from the start of the file
//     u64 size
//   Section payloads.
//
// The METADATA section ("strings" are u32 length + bytes, no terminator):
//     string target_triple        e.g. "x86_64-unknown-linux-gnu"
//     string target_cpu           e.g. "znver4" or "x86-64"
//     u32    context_abi_version  JAXC_CONTEXT_ABI_VERSION of the compiler:
//                                 the jaxc_context_t layout the code reads
//     u32    cpu_feature_count, then that many strings: the CPU features
//                                 the code may use, named as in
//                                 JAXC_X86_CPU_FEATURES (a runtime refuses
//                                 a module needing one its CPU lacks, or
//                                 one it does not know)
//     u32    denormal_mode        jaxc_denormal_mode_t: how the code's float
//                                 arithmetic treats subnormal numbers
//     u32    function_count
//     per function:
//       string name               the MLIR symbol, e.g. "main"
//       string entry_symbol       exported symbol in the native code
//       u32    input_count,  then input_count tensor types
//       u32    result_count, then result_count  (tensor type, string
//                                 result_name) pairs; result_name is JAX's
//                                 jax.result_info, "" when absent
//       u32    check_count, then per check:
//         u32    kind             jaxc_check_kind_t
//         u32    actual_slot      index into the hidden check buffers
//         u32    expected_slot
//         string location         "file:line:col" of the check op
//         f64    tolerance        ALMOST_EQ: absolute; CLOSE: ULPs;
//                                 0: the kind's default (1e-3, 3 ULP)
//       u32    check_buffer_count, then that many tensor types
//   A tensor type: u32 dtype (jaxc_dtype_t), u32 rank, rank x i64 dims.
//
// The NATIVE_CODE section is an ELF shared object for target_triple.
//
// The CONSTANTS section (optional, 64-byte aligned in the file) holds the
// module's large constants (weights). The native code then exports a
// pointer variable named JAXC_CONSTANTS_SYMBOL, which the runtime sets to
// the section's first byte before any call; the code reads its constants at
// fixed offsets from it. The runtime uses the section where the file is
// mapped: weights are not copied at load time.
//
// Calling convention of an entry symbol:
//     void entry(void *context, void **buffers);
// buffers holds, in order: one pointer per input, one per result, one per
// check buffer. Every buffer is dense, row-major, statically shaped, and
// owned by the caller (the runtime); the code reads inputs and writes every
// result and check buffer. i1 is one byte per element (0 or 1); complex
// types are (real, imag) pairs. context points to a jaxc_context_t (below):
// the runtime services generated code may call. The entry stores it in the
// module's thread-local __jaxc_context for the code it calls; code running
// inside a parallel_for body must not call back into the context.
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_MODULE_FORMAT_H
#define JAXC_RUNTIME_MODULE_FORMAT_H

#include <stdint.h>

#define JAXC_MODULE_MAGIC "JAXCMOD"
#define JAXC_MODULE_MAGIC_SIZE 8
#define JAXC_MODULE_FORMAT_VERSION 5u
#define JAXC_MODULE_HEADER_SIZE 32u
// Where the header's fields lie (the magic is at 0).
#define JAXC_MODULE_VERSION_OFFSET 8u
#define JAXC_MODULE_SECTION_COUNT_OFFSET 12u
#define JAXC_MODULE_FILE_SIZE_OFFSET 16u
#define JAXC_MODULE_CHECKSUM_OFFSET 24u
#define JAXC_MODULE_SECTION_ENTRY_SIZE 24u
// Where a section table entry's fields lie within it.
#define JAXC_SECTION_ENTRY_KIND_OFFSET 0u
#define JAXC_SECTION_ENTRY_RESERVED_OFFSET 4u
#define JAXC_SECTION_ENTRY_OFFSET_OFFSET 8u
#define JAXC_SECTION_ENTRY_SIZE_OFFSET 16u

typedef enum jaxc_section_kind_t {
  JAXC_SECTION_METADATA = 1,
  JAXC_SECTION_NATIVE_CODE = 2,
  JAXC_SECTION_CONSTANTS = 3,
} jaxc_section_kind_t;

// The native code's `const void *` that the runtime points at the CONSTANTS
// section, and the section's alignment in the file.
#define JAXC_CONSTANTS_SYMBOL "jaxc_constants"
#define JAXC_CONSTANTS_ALIGNMENT 64u

// How a module's float arithmetic treats subnormal numbers. The runtime sets
// the thread's floating-point control (MXCSR on x86-64, FPCR on AArch64) to
// the module's mode for every call and every parallel_for chunk, and puts
// the caller's back afterwards.
typedef enum jaxc_denormal_mode_t {
  // IEEE 754: subnormal inputs and results are kept (the StableHLO spec).
  JAXC_DENORMALS_IEEE = 0,
  // Subnormal inputs read as zero and subnormal results become zero, keeping
  // the sign (x86 DAZ + FTZ): what XLA's CPU backend does, so jax.jit's
  // answers are matched bit for bit.
  JAXC_DENORMALS_FLUSH = 1,
} jaxc_denormal_mode_t;

// The x86-64 CPU features a module can require, named as LLVM names them,
// with where CPUID reports each:
//   X(name, leaf, subleaf, register, bit, register state)
// The register state is the XCR0 bits (JAXC_XCR0_*) the operating system
// must enable for the feature's registers. The AVX10 features are listed
// apart: they need CPUID.(7,1):EDX[19] and a version in CPUID.(0x24,0):
// EBX[7:0] of at least the one given.
typedef enum jaxc_cpuid_register_t {
  JAXC_CPUID_EAX = 0,
  JAXC_CPUID_EBX = 1,
  JAXC_CPUID_ECX = 2,
  JAXC_CPUID_EDX = 3,
} jaxc_cpuid_register_t;

#define JAXC_XCR0_NONE 0x0ull
#define JAXC_XCR0_SSE 0x2ull     // XMM
#define JAXC_XCR0_AVX 0x6ull     // XMM, YMM
#define JAXC_XCR0_AVX512 0xe6ull // XMM, YMM, opmask, ZMM_Hi256, Hi16_ZMM
#define JAXC_XCR0_AMX 0x60000ull // XTILECFG, XTILEDATA
#define JAXC_XCR0_APX 0x80000ull // the 16 extended general registers

#define JAXC_X86_CPU_FEATURES(X)                                               \
  X("cx8", 0x1, 0, JAXC_CPUID_EDX, 8, JAXC_XCR0_NONE)                          \
  X("cmov", 0x1, 0, JAXC_CPUID_EDX, 15, JAXC_XCR0_NONE)                        \
  X("mmx", 0x1, 0, JAXC_CPUID_EDX, 23, JAXC_XCR0_NONE)                         \
  X("fxsr", 0x1, 0, JAXC_CPUID_EDX, 24, JAXC_XCR0_NONE)                        \
  X("sse", 0x1, 0, JAXC_CPUID_EDX, 25, JAXC_XCR0_SSE)                          \
  X("sse2", 0x1, 0, JAXC_CPUID_EDX, 26, JAXC_XCR0_SSE)                         \
  X("sse3", 0x1, 0, JAXC_CPUID_ECX, 0, JAXC_XCR0_SSE)                          \
  X("pclmul", 0x1, 0, JAXC_CPUID_ECX, 1, JAXC_XCR0_SSE)                        \
  X("ssse3", 0x1, 0, JAXC_CPUID_ECX, 9, JAXC_XCR0_SSE)                         \
  X("fma", 0x1, 0, JAXC_CPUID_ECX, 12, JAXC_XCR0_AVX)                          \
  X("cx16", 0x1, 0, JAXC_CPUID_ECX, 13, JAXC_XCR0_NONE)                        \
  X("sse4.1", 0x1, 0, JAXC_CPUID_ECX, 19, JAXC_XCR0_SSE)                       \
  X("sse4.2", 0x1, 0, JAXC_CPUID_ECX, 20, JAXC_XCR0_SSE)                       \
  X("crc32", 0x1, 0, JAXC_CPUID_ECX, 20, JAXC_XCR0_NONE)                       \
  X("movbe", 0x1, 0, JAXC_CPUID_ECX, 22, JAXC_XCR0_NONE)                       \
  X("popcnt", 0x1, 0, JAXC_CPUID_ECX, 23, JAXC_XCR0_NONE)                      \
  X("aes", 0x1, 0, JAXC_CPUID_ECX, 25, JAXC_XCR0_SSE)                          \
  X("xsave", 0x1, 0, JAXC_CPUID_ECX, 26, JAXC_XCR0_NONE)                       \
  X("avx", 0x1, 0, JAXC_CPUID_ECX, 28, JAXC_XCR0_AVX)                          \
  X("f16c", 0x1, 0, JAXC_CPUID_ECX, 29, JAXC_XCR0_AVX)                         \
  X("rdrnd", 0x1, 0, JAXC_CPUID_ECX, 30, JAXC_XCR0_NONE)                       \
  X("fsgsbase", 0x7, 0, JAXC_CPUID_EBX, 0, JAXC_XCR0_NONE)                     \
  X("bmi", 0x7, 0, JAXC_CPUID_EBX, 3, JAXC_XCR0_NONE)                          \
  X("avx2", 0x7, 0, JAXC_CPUID_EBX, 5, JAXC_XCR0_AVX)                          \
  X("bmi2", 0x7, 0, JAXC_CPUID_EBX, 8, JAXC_XCR0_NONE)                         \
  X("invpcid", 0x7, 0, JAXC_CPUID_EBX, 10, JAXC_XCR0_NONE)                     \
  X("rtm", 0x7, 0, JAXC_CPUID_EBX, 11, JAXC_XCR0_NONE)                         \
  X("avx512f", 0x7, 0, JAXC_CPUID_EBX, 16, JAXC_XCR0_AVX512)                   \
  X("evex512", 0x7, 0, JAXC_CPUID_EBX, 16, JAXC_XCR0_AVX512)                   \
  X("avx512dq", 0x7, 0, JAXC_CPUID_EBX, 17, JAXC_XCR0_AVX512)                  \
  X("rdseed", 0x7, 0, JAXC_CPUID_EBX, 18, JAXC_XCR0_NONE)                      \
  X("adx", 0x7, 0, JAXC_CPUID_EBX, 19, JAXC_XCR0_NONE)                         \
  X("avx512ifma", 0x7, 0, JAXC_CPUID_EBX, 21, JAXC_XCR0_AVX512)                \
  X("clflushopt", 0x7, 0, JAXC_CPUID_EBX, 23, JAXC_XCR0_NONE)                  \
  X("clwb", 0x7, 0, JAXC_CPUID_EBX, 24, JAXC_XCR0_NONE)                        \
  X("avx512cd", 0x7, 0, JAXC_CPUID_EBX, 28, JAXC_XCR0_AVX512)                  \
  X("sha", 0x7, 0, JAXC_CPUID_EBX, 29, JAXC_XCR0_SSE)                          \
  X("avx512bw", 0x7, 0, JAXC_CPUID_EBX, 30, JAXC_XCR0_AVX512)                  \
  X("avx512vl", 0x7, 0, JAXC_CPUID_EBX, 31, JAXC_XCR0_AVX512)                  \
  X("avx512vbmi", 0x7, 0, JAXC_CPUID_ECX, 1, JAXC_XCR0_AVX512)                 \
  X("pku", 0x7, 0, JAXC_CPUID_ECX, 3, JAXC_XCR0_NONE)                          \
  X("waitpkg", 0x7, 0, JAXC_CPUID_ECX, 5, JAXC_XCR0_NONE)                      \
  X("avx512vbmi2", 0x7, 0, JAXC_CPUID_ECX, 6, JAXC_XCR0_AVX512)                \
  X("shstk", 0x7, 0, JAXC_CPUID_ECX, 7, JAXC_XCR0_NONE)                        \
  X("gfni", 0x7, 0, JAXC_CPUID_ECX, 8, JAXC_XCR0_SSE)                          \
  X("vaes", 0x7, 0, JAXC_CPUID_ECX, 9, JAXC_XCR0_AVX)                          \
  X("vpclmulqdq", 0x7, 0, JAXC_CPUID_ECX, 10, JAXC_XCR0_AVX)                   \
  X("avx512vnni", 0x7, 0, JAXC_CPUID_ECX, 11, JAXC_XCR0_AVX512)                \
  X("avx512bitalg", 0x7, 0, JAXC_CPUID_ECX, 12, JAXC_XCR0_AVX512)              \
  X("avx512vpopcntdq", 0x7, 0, JAXC_CPUID_ECX, 14, JAXC_XCR0_AVX512)           \
  X("rdpid", 0x7, 0, JAXC_CPUID_ECX, 22, JAXC_XCR0_NONE)                       \
  X("kl", 0x7, 0, JAXC_CPUID_ECX, 23, JAXC_XCR0_NONE)                          \
  X("cldemote", 0x7, 0, JAXC_CPUID_ECX, 25, JAXC_XCR0_NONE)                    \
  X("movdiri", 0x7, 0, JAXC_CPUID_ECX, 27, JAXC_XCR0_NONE)                     \
  X("movdir64b", 0x7, 0, JAXC_CPUID_ECX, 28, JAXC_XCR0_NONE)                   \
  X("enqcmd", 0x7, 0, JAXC_CPUID_ECX, 29, JAXC_XCR0_NONE)                      \
  X("uintr", 0x7, 0, JAXC_CPUID_EDX, 5, JAXC_XCR0_NONE)                        \
  X("avx512vp2intersect", 0x7, 0, JAXC_CPUID_EDX, 8, JAXC_XCR0_AVX512)         \
  X("serialize", 0x7, 0, JAXC_CPUID_EDX, 14, JAXC_XCR0_NONE)                   \
  X("tsxldtrk", 0x7, 0, JAXC_CPUID_EDX, 16, JAXC_XCR0_NONE)                    \
  X("pconfig", 0x7, 0, JAXC_CPUID_EDX, 18, JAXC_XCR0_NONE)                     \
  X("amx-bf16", 0x7, 0, JAXC_CPUID_EDX, 22, JAXC_XCR0_AMX)                     \
  X("avx512fp16", 0x7, 0, JAXC_CPUID_EDX, 23, JAXC_XCR0_AVX512)                \
  X("amx-tile", 0x7, 0, JAXC_CPUID_EDX, 24, JAXC_XCR0_AMX)                     \
  X("amx-int8", 0x7, 0, JAXC_CPUID_EDX, 25, JAXC_XCR0_AMX)                     \
  X("amx-fp8", 0x1e, 1, JAXC_CPUID_EAX, 4, JAXC_XCR0_AMX)                      \
  X("amx-tf32", 0x1e, 1, JAXC_CPUID_EAX, 6, JAXC_XCR0_AMX)                     \
  X("amx-avx512", 0x1e, 1, JAXC_CPUID_EAX, 7,                                  \
    JAXC_XCR0_AMX | JAXC_XCR0_AVX512)                                          \
  X("amx-movrs", 0x1e, 1, JAXC_CPUID_EAX, 8, JAXC_XCR0_AMX)                    \
  X("sha512", 0x7, 1, JAXC_CPUID_EAX, 0, JAXC_XCR0_AVX)                        \
  X("sm3", 0x7, 1, JAXC_CPUID_EAX, 1, JAXC_XCR0_AVX)                           \
  X("sm4", 0x7, 1, JAXC_CPUID_EAX, 2, JAXC_XCR0_AVX)                           \
  X("raoint", 0x7, 1, JAXC_CPUID_EAX, 3, JAXC_XCR0_NONE)                       \
  X("avxvnni", 0x7, 1, JAXC_CPUID_EAX, 4, JAXC_XCR0_AVX)                       \
  X("avx512bf16", 0x7, 1, JAXC_CPUID_EAX, 5, JAXC_XCR0_AVX512)                 \
  X("cmpccxadd", 0x7, 1, JAXC_CPUID_EAX, 7, JAXC_XCR0_NONE)                    \
  X("amx-fp16", 0x7, 1, JAXC_CPUID_EAX, 21, JAXC_XCR0_AMX)                     \
  X("hreset", 0x7, 1, JAXC_CPUID_EAX, 22, JAXC_XCR0_NONE)                      \
  X("avxifma", 0x7, 1, JAXC_CPUID_EAX, 23, JAXC_XCR0_AVX)                      \
  X("movrs", 0x7, 1, JAXC_CPUID_EAX, 31, JAXC_XCR0_NONE)                       \
  X("avxvnniint8", 0x7, 1, JAXC_CPUID_EDX, 4, JAXC_XCR0_AVX)                   \
  X("avxneconvert", 0x7, 1, JAXC_CPUID_EDX, 5, JAXC_XCR0_AVX)                  \
  X("amx-complex", 0x7, 1, JAXC_CPUID_EDX, 8, JAXC_XCR0_AMX)                   \
  X("avxvnniint16", 0x7, 1, JAXC_CPUID_EDX, 10, JAXC_XCR0_AVX)                 \
  X("prefetchi", 0x7, 1, JAXC_CPUID_EDX, 14, JAXC_XCR0_NONE)                   \
  X("usermsr", 0x7, 1, JAXC_CPUID_EDX, 15, JAXC_XCR0_NONE)                     \
  X("egpr", 0x7, 1, JAXC_CPUID_EDX, 21, JAXC_XCR0_APX)                         \
  X("push2pop2", 0x7, 1, JAXC_CPUID_EDX, 21, JAXC_XCR0_APX)                    \
  X("ppx", 0x7, 1, JAXC_CPUID_EDX, 21, JAXC_XCR0_APX)                          \
  X("ndd", 0x7, 1, JAXC_CPUID_EDX, 21, JAXC_XCR0_APX)                          \
  X("ccmp", 0x7, 1, JAXC_CPUID_EDX, 21, JAXC_XCR0_APX)                         \
  X("nf", 0x7, 1, JAXC_CPUID_EDX, 21, JAXC_XCR0_APX)                           \
  X("cf", 0x7, 1, JAXC_CPUID_EDX, 21, JAXC_XCR0_APX)                           \
  X("zu", 0x7, 1, JAXC_CPUID_EDX, 21, JAXC_XCR0_APX)                           \
  X("xsaveopt", 0xd, 1, JAXC_CPUID_EAX, 0, JAXC_XCR0_NONE)                     \
  X("xsavec", 0xd, 1, JAXC_CPUID_EAX, 1, JAXC_XCR0_NONE)                       \
  X("xsaves", 0xd, 1, JAXC_CPUID_EAX, 3, JAXC_XCR0_NONE)                       \
  X("sahf", 0x80000001, 0, JAXC_CPUID_ECX, 0, JAXC_XCR0_NONE)                  \
  X("lzcnt", 0x80000001, 0, JAXC_CPUID_ECX, 5, JAXC_XCR0_NONE)                 \
  X("sse4a", 0x80000001, 0, JAXC_CPUID_ECX, 6, JAXC_XCR0_SSE)                  \
  X("prfchw", 0x80000001, 0, JAXC_CPUID_ECX, 8, JAXC_XCR0_NONE)                \
  X("xop", 0x80000001, 0, JAXC_CPUID_ECX, 11, JAXC_XCR0_AVX)                   \
  X("lwp", 0x80000001, 0, JAXC_CPUID_ECX, 15, JAXC_XCR0_NONE)                  \
  X("fma4", 0x80000001, 0, JAXC_CPUID_ECX, 16, JAXC_XCR0_AVX)                  \
  X("tbm", 0x80000001, 0, JAXC_CPUID_ECX, 21, JAXC_XCR0_NONE)                  \
  X("mwaitx", 0x80000001, 0, JAXC_CPUID_ECX, 29, JAXC_XCR0_NONE)               \
  X("clzero", 0x80000008, 0, JAXC_CPUID_EBX, 0, JAXC_XCR0_NONE)                \
  X("rdpru", 0x80000008, 0, JAXC_CPUID_EBX, 4, JAXC_XCR0_NONE)                 \
  X("wbnoinvd", 0x80000008, 0, JAXC_CPUID_EBX, 9, JAXC_XCR0_NONE)

// X(name, minimum AVX10 version).
#define JAXC_X86_AVX10_FEATURES(X)                                             \
  X("avx10.1", 1)                                                              \
  X("avx10.1-512", 1)                                                          \
  X("avx10.2", 2)                                                              \
  X("avx10.2-512", 2)

// Element types. The numeric values are part of the file format.
typedef enum jaxc_dtype_t {
  JAXC_DTYPE_I1 = 1,
  JAXC_DTYPE_I8 = 2,
  JAXC_DTYPE_I16 = 3,
  JAXC_DTYPE_I32 = 4,
  JAXC_DTYPE_I64 = 5,
  JAXC_DTYPE_UI8 = 6,
  JAXC_DTYPE_UI16 = 7,
  JAXC_DTYPE_UI32 = 8,
  JAXC_DTYPE_UI64 = 9,
  JAXC_DTYPE_F16 = 10,
  JAXC_DTYPE_BF16 = 11,
  JAXC_DTYPE_F32 = 12,
  JAXC_DTYPE_F64 = 13,
  JAXC_DTYPE_COMPLEX64 = 14,
  JAXC_DTYPE_COMPLEX128 = 15,
} jaxc_dtype_t;

// The self-checks of JAX's test programs (check.expect_* custom calls).
typedef enum jaxc_check_kind_t {
  JAXC_CHECK_EQ = 1,        // exact; NaN equals NaN
  JAXC_CHECK_ALMOST_EQ = 2, // |a - e| <= tolerance, default 1e-3 (per
                            // component for complex)
  JAXC_CHECK_CLOSE = 3,     // within tolerance ULPs, default 3; non-finite:
                            // same bits or both NaN
} jaxc_check_kind_t;

//===----------------------------------------------------------------------===//
// The runtime context handed to every entry call.
//
// Determinism: every service computes each output element with the same
// sequence of operations whatever the thread count, so local-sync (one
// thread) and local-task (all cores) give bitwise-identical results.
//===----------------------------------------------------------------------===//

#define JAXC_CONTEXT_ABI_VERSION 3u

typedef struct jaxc_context_t jaxc_context_t;

// Work item [begin, end) of a parallel loop; data is the caller's closure.
typedef void (*jaxc_parallel_body_t)(void *data, int64_t begin, int64_t end);

// C[b] = A[b] . B[b] for b in [0, batch), f32, every operand addressed by
// element strides, so transposed operands need no copy. C is overwritten.
// Each C element is a sum over k in increasing order, never split.
typedef struct jaxc_matmul_f32_args_t {
  int64_t batch, m, n, k;
  const float *a; // element (b, i, p) at a[b*a_batch + i*a_row + p*a_col]
  int64_t a_batch, a_row, a_col;
  const float *b; // element (b, p, j) at b[b*b_batch + p*b_row + j*b_col]
  int64_t b_batch, b_row, b_col;
  float *c; // element (b, i, j) at c[b*c_batch + i*c_row + j*c_col]
  int64_t c_batch, c_row, c_col;
} jaxc_matmul_f32_args_t;

// 2-D convolution, f32, dense row-major buffers: input NHWC
// [n, in_h, in_w, in_c], filter HWIO [k_h, k_w, in_c / groups, out_c],
// output NHWC [n, out_h, out_w, out_c]. Output (o_y, o_x) reads input row
// o_y*stride_h - pad_top + k_y*dilation_h (zero outside the input), and
// likewise for columns. Output channel block g of out_c/groups reads input
// channel block g. The output is overwritten.
typedef struct jaxc_conv2d_f32_args_t {
  int64_t n, in_h, in_w, in_c;
  int64_t k_h, k_w, out_c;
  int64_t out_h, out_w;
  int64_t stride_h, stride_w;
  int64_t pad_top, pad_left;
  int64_t dilation_h, dilation_w;
  int64_t groups;
  const float *input;
  const float *filter;
  float *output;
} jaxc_conv2d_f32_args_t;

// The LAPACK and BLAS routines behind JAX's lapack_?xxx_ffi custom calls
// (docs/lapack.md). The numeric values are part of the ABI.
typedef enum jaxc_lapack_routine_t {
  JAXC_LAPACK_POTRF = 1,  // in: a. out: a, info. options: uplo
  JAXC_LAPACK_GETRF = 2,  // in: a. out: a, ipiv (1-based), info
  JAXC_LAPACK_GEQRF = 3,  // in: a. out: a, tau
  JAXC_LAPACK_ORGQR = 4,  // in: a, tau. out: a (?orgqr or ?ungqr)
  JAXC_LAPACK_SYEVD = 5,  // in: a. out: a, w, info. options: uplo, mode
  JAXC_LAPACK_TRSM = 6,   // in: a, b. out: b. options: side, uplo, trans, diag
  JAXC_LAPACK_GESDD = 7,  // in: a. out: a, s, u, vt, info. options: mode
  JAXC_LAPACK_GEEV = 8,   // in: a. out: (wr, wi | w), vl, vr, info.
                          // options: compute_left, compute_right
  JAXC_LAPACK_GEES = 9,   // in: a. out: t, vs, (wr, wi | w), sdim, info.
                          // options: mode, sort
  JAXC_LAPACK_GEHRD = 10, // in: a. out: a, tau, info. options: low, high
  JAXC_LAPACK_SYTRD = 11, // in: a. out: a, d, e, tau, info. options: uplo
  JAXC_LAPACK_GTSV = 12,  // in: dl, d, du, b. out: dl, d, du, b, info
  JAXC_LAPACK_GESVD = 13, // in: a. out: a, s, u, vt, info. options: mode
} jaxc_lapack_routine_t;

#define JAXC_LAPACK_MAX_BUFFERS 10

// One LAPACK call over a batch. Buffers are the routine's inputs then its
// results, dense row-major (the service converts to and from LAPACK's
// column-major order); each has `batch` leading elements of rows x cols
// (a vector: rows = length, cols = 1; a scalar: 1 x 1). Results are
// distinct from the inputs and fully written. Options are the routine's
// character (or integer) attributes, in the order listed above.
typedef struct jaxc_lapack_args_t {
  uint32_t routine; // jaxc_lapack_routine_t
  uint32_t dtype;   // F32, F64, COMPLEX64 or COMPLEX128: s, d, c or z
  int64_t batch;
  int64_t options[4];
  uint32_t input_count, result_count;
  void *buffers[JAXC_LAPACK_MAX_BUFFERS];
  int64_t rows[JAXC_LAPACK_MAX_BUFFERS];
  int64_t cols[JAXC_LAPACK_MAX_BUFFERS];
  int64_t element_bytes[JAXC_LAPACK_MAX_BUFFERS];
} jaxc_lapack_args_t;

struct jaxc_context_t {
  uint32_t abi_version;  // JAXC_CONTEXT_ABI_VERSION
  uint32_t thread_count; // threads parallel_for may use, >= 1
  // Runs body over [0, count) in disjoint chunks of at least grain items and
  // returns when all are done. May run every chunk on the calling thread.
  void (*parallel_for)(jaxc_context_t *ctx, jaxc_parallel_body_t body,
                       void *data, int64_t count, int64_t grain);
  void (*matmul_f32)(jaxc_context_t *ctx, const jaxc_matmul_f32_args_t *args);
  void (*conv2d_f32)(jaxc_context_t *ctx, const jaxc_conv2d_f32_args_t *args);
  void *runtime_private; // the runtime's executor; opaque to generated code
  // The generated code's buffers, as malloc and free (alloc may return NULL
  // when out of memory); 64-byte aligned. The device keeps freed blocks and
  // hands them out again, so repeated calls reuse pages already faulted
  // in. Called on the entry call's thread only, never from parallel_for.
  void *(*alloc)(jaxc_context_t *ctx, uint64_t size);
  void (*free)(jaxc_context_t *ctx, void *buffer);
  // LAPACK from the system's library, loaded on first use. A failure (no
  // library, a missing routine) makes the entry call return an error
  // naming the routine and the library; its results are then zeros.
  void (*lapack)(jaxc_context_t *ctx, const jaxc_lapack_args_t *args);
};

#endif // JAXC_RUNTIME_MODULE_FORMAT_H
