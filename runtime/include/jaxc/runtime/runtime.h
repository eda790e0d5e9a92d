//===- runtime.h - The jaxc runtime C API --------------------------*- C
//-*-===//
//
// Load a compiled module file, look up a function, call it with caller-owned
// buffers. The runtime links no MLIR or LLVM. Every fallible call returns a
// jaxc_status_t: NULL means success, anything else is an error the caller
// reads with jaxc_status_message and releases with jaxc_status_free.
//
//   jaxc_module_t *module;
//   jaxc_status_t s = jaxc_module_load_file("m.vmfb", &module);
//   const jaxc_function_t *fn;
//   s = jaxc_module_lookup(module, "main", &fn);
//   jaxc_buffer_t in[2] = {...}, out[1] = {...};   // caller-owned memory
//   s = jaxc_function_call(fn, in, 2, out, 1);
//   jaxc_module_free(module);
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_RUNTIME_H
#define JAXC_RUNTIME_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#include "jaxc/runtime/module_format.h"

#ifdef __cplusplus
extern "C" {
#endif

//===-- Status ------------------------------------------------------------===//

typedef struct jaxc_status *jaxc_status_t; // NULL is OK.

typedef enum jaxc_status_code_t {
  JAXC_STATUS_OK = 0,
  JAXC_STATUS_INVALID_ARGUMENT = 1, // wrong input count, shape, dtype, size
  JAXC_STATUS_NOT_FOUND = 2,        // missing file or function
  JAXC_STATUS_DATA_LOSS = 3,        // corrupt module: magic, version, checksum
  JAXC_STATUS_CHECK_FAILED = 4,     // a check.expect_* in the program failed
  JAXC_STATUS_INTERNAL = 5,         // loader or native code failure
  JAXC_STATUS_UNSUPPORTED = 6,      // the module needs what this machine or
                                    // runtime lacks: CPU features, the
                                    // context ABI it was compiled for
} jaxc_status_code_t;

jaxc_status_code_t jaxc_status_code(jaxc_status_t status);
const char *jaxc_status_message(jaxc_status_t status); // "" for NULL
void jaxc_status_free(jaxc_status_t status);           // NULL is fine

//===-- Types -------------------------------------------------------------===//

// Size in bytes of one element (i1 is 1); 0 for an unknown code.
size_t jaxc_dtype_size(jaxc_dtype_t dtype);
// IREE's spelling: "i1", "i8".. "ui64", "f16", "bf16", "f32", "f64",
// "complex<f32>", "complex<f64>"; NULL for an unknown code.
const char *jaxc_dtype_name(jaxc_dtype_t dtype);
// Inverse of jaxc_dtype_name; returns 0 if the name is unknown.
jaxc_dtype_t jaxc_dtype_from_name(const char *name);

typedef struct jaxc_tensor_type_t {
  jaxc_dtype_t dtype;
  int32_t rank;
  const int64_t *dims; // rank entries; owned by the module
} jaxc_tensor_type_t;

// Number of elements (product of dims; 1 for rank 0); -1 for a NULL type,
// a negative dim or a product that overflows.
int64_t jaxc_tensor_type_element_count(const jaxc_tensor_type_t *type);

// A caller-owned buffer: dense, row-major, of the function's declared type.
typedef struct jaxc_buffer_t {
  void *data;
  size_t size_bytes;
} jaxc_buffer_t;

// Memory for buffers, allocated as the runtime allocates its own: 64-byte
// aligned, and from 2 MiB on 2 MiB aligned and backed by transparent huge
// pages where the kernel offers them, which speeds up streaming over large
// tensors. Any memory works as a buffer; this is the fast kind. NULL when
// out of memory; `size` 0 gives a valid, freeable block.
void *jaxc_host_allocate(size_t size);
void jaxc_host_free(void *memory); // NULL is fine

//===-- Modules -----------------------------------------------------------===//

typedef struct jaxc_module jaxc_module_t;
typedef struct jaxc_function jaxc_function_t;

// Loads and verifies a module file (magic, version, checksum, metadata) and
// loads its native code. The file stays mapped while the module is loaded
// if the code reads its constants (weights) from it: replace such a file by
// writing a new one and renaming it over the old (as `jaxc compile` does),
// never by rewriting it in place. Errors name the file.
jaxc_status_t jaxc_module_load_file(const char *path, jaxc_module_t **out);
// The same from memory; what the module needs is copied, the caller keeps
// ownership of `data` and may free it once this returns.
// `name` is used in error messages only.
jaxc_status_t jaxc_module_load_memory(const void *data, size_t size,
                                      const char *name, jaxc_module_t **out);
void jaxc_module_free(jaxc_module_t *module); // NULL is fine

uint32_t jaxc_module_format_version(const jaxc_module_t *module);
const char *jaxc_module_target_triple(const jaxc_module_t *module);
const char *jaxc_module_target_cpu(const jaxc_module_t *module);
// The CPU features the module's code may use (LLVM's names, e.g. "avx2"),
// which loading checked this machine has; NULL past the last.
size_t jaxc_module_cpu_feature_count(const jaxc_module_t *module);
const char *jaxc_module_cpu_feature_at(const jaxc_module_t *module,
                                       size_t index);
// How the module's code treats subnormal floats; calls run in this mode.
jaxc_denormal_mode_t jaxc_module_denormal_mode(const jaxc_module_t *module);
size_t jaxc_module_native_code_size(const jaxc_module_t *module);
// Bytes of the CONSTANTS section (0 without one).
size_t jaxc_module_constants_size(const jaxc_module_t *module);

size_t jaxc_module_function_count(const jaxc_module_t *module);
const jaxc_function_t *jaxc_module_function_at(const jaxc_module_t *module,
                                               size_t index);
// NOT_FOUND, listing the functions the module has, if `name` is absent.
jaxc_status_t jaxc_module_lookup(const jaxc_module_t *module, const char *name,
                                 const jaxc_function_t **out);

//===-- Functions ---------------------------------------------------------===//

const char *jaxc_function_name(const jaxc_function_t *fn);
size_t jaxc_function_input_count(const jaxc_function_t *fn);
size_t jaxc_function_result_count(const jaxc_function_t *fn);
jaxc_tensor_type_t jaxc_function_input_type(const jaxc_function_t *fn,
                                            size_t index);
jaxc_tensor_type_t jaxc_function_result_type(const jaxc_function_t *fn,
                                             size_t index);
// JAX's jax.result_info for the result, "" when it has none.
const char *jaxc_function_result_name(const jaxc_function_t *fn, size_t index);
// How many check.expect_* the function carries (evaluated by every call).
size_t jaxc_function_check_count(const jaxc_function_t *fn);

// Calls the function. Inputs and outputs are caller-owned; every buffer's
// size must equal its type's byte size. Argument errors (count, size) name
// the argument index, the expected and the given. If the function carries
// checks and one fails, returns JAXC_STATUS_CHECK_FAILED naming the check's
// location, the first mismatching index, the actual and the expected value;
// the outputs are still written.
// Runs on a process-wide local-task device, created on first use.
jaxc_status_t jaxc_function_call(const jaxc_function_t *fn,
                                 const jaxc_buffer_t *inputs,
                                 size_t input_count, jaxc_buffer_t *outputs,
                                 size_t output_count);

//===-- Devices -----------------------------------------------------------===//

// Where a call runs, named as IREE's CPU devices. Both compute bitwise-
// identical results.
typedef enum {
  JAXC_DEVICE_LOCAL_SYNC = 0, // the calling thread only
  JAXC_DEVICE_LOCAL_TASK = 1, // a pool of one thread per core (the
                              // environment's JAXC_THREAD_COUNT, if set),
                              // the calling thread included
} jaxc_device_kind_t;

typedef struct jaxc_device_t jaxc_device_t;

// Starts the device's threads. INVALID_ARGUMENT for an unknown kind or a
// JAXC_THREAD_COUNT that is not a number from 1 to 1024.
jaxc_status_t jaxc_device_create(jaxc_device_kind_t kind, jaxc_device_t **out);
// Stops its threads; no call may be running on it. NULL is fine.
void jaxc_device_free(jaxc_device_t *device);
// Threads a call on the device may use (>= 1); 0 for NULL.
uint32_t jaxc_device_thread_count(const jaxc_device_t *device);

// jaxc_function_call on `device` (not NULL). Several threads may call on one
// device at once; a parallel loop that finds the device's threads busy with
// another call's loop runs on its caller's thread alone.
jaxc_status_t jaxc_function_call_on(const jaxc_function_t *fn,
                                    jaxc_device_t *device,
                                    const jaxc_buffer_t *inputs,
                                    size_t input_count, jaxc_buffer_t *outputs,
                                    size_t output_count);

#ifdef __cplusplus
} // extern "C"
#endif

#endif // JAXC_RUNTIME_RUNTIME_H
