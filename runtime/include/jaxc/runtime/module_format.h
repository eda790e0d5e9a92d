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
//     u64 checksum        FNV-1a 64 of every byte after the header
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
// Calling convention of an entry symbol:
//     void entry(void *context, void **buffers);
// buffers holds, in order: one pointer per input, one per result, one per
// check buffer. Every buffer is dense, row-major, statically shaped, and
// owned by the caller (the runtime); the code reads inputs and writes every
// result and check buffer. i1 is one byte per element (0 or 1); complex
// types are (real, imag) pairs. context is reserved for the runtime (thread
// pool, allocator) and is NULL in format version 1.
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_MODULE_FORMAT_H
#define JAXC_RUNTIME_MODULE_FORMAT_H

#define JAXC_MODULE_MAGIC "JAXCMOD"
#define JAXC_MODULE_MAGIC_SIZE 8
#define JAXC_MODULE_FORMAT_VERSION 1u
#define JAXC_MODULE_HEADER_SIZE 32u
#define JAXC_MODULE_SECTION_ENTRY_SIZE 24u

typedef enum jaxc_section_kind_t {
  JAXC_SECTION_METADATA = 1,
  JAXC_SECTION_NATIVE_CODE = 2,
} jaxc_section_kind_t;

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

#endif // JAXC_RUNTIME_MODULE_FORMAT_H
