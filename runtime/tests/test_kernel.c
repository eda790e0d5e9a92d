//===- test_kernel.c - Native code for the runtime tests
//-------------------===//
//
// Stands in for what the compiler emits, so that the runtime tests do not
// depend on the compiler: entry points with the calling convention of
// module_format.h, void entry(void *context, void **buffers).
//
//===----------------------------------------------------------------------===//

#include "jaxc/runtime/module_format.h"

#include <stdint.h>
#include <string.h>

// Inputs f32[3] lhs, rhs; result f32[3] lhs + rhs.
void jaxc_test_add(void *context, void **buffers) {
  (void)context;
  const float *lhs = buffers[0];
  const float *rhs = buffers[1];
  float *sum = buffers[2];
  for (int i = 0; i < 3; ++i)
    sum[i] = lhs[i] + rhs[i];
}

// Inputs f32[3] lhs, rhs, expected; result f32[3] lhs + rhs; check buffers
// f32[3] sum and expected, for a check of the sum against `expected`.
void jaxc_test_add_checked(void *context, void **buffers) {
  (void)context;
  const float *lhs = buffers[0];
  const float *rhs = buffers[1];
  const float *expected = buffers[2];
  float *sum = buffers[3];
  float *checkedSum = buffers[4];
  float *checkedExpected = buffers[5];
  for (int i = 0; i < 3; ++i) {
    sum[i] = lhs[i] + rhs[i];
    checkedSum[i] = sum[i];
    checkedExpected[i] = expected[i];
  }
}

// Inputs ui64[2] {count, bytes}, then `count` inputs of `bytes` bytes; no
// results; `count` check buffers, each a copy of its input. Lets a test put
// any values into check buffers.
void jaxc_test_forward_to_checks(void *context, void **buffers) {
  (void)context;
  const uint64_t *header = buffers[0];
  uint64_t count = header[0];
  uint64_t bytes = header[1];
  for (uint64_t i = 0; i < count; ++i)
    memcpy(buffers[1 + count + i], buffers[1 + i], bytes);
}

// No inputs; result ui64 scalar: how often this copy of the code ran. Tells
// whether two loaded modules share their code's state.
void jaxc_test_count_calls(void *context, void **buffers) {
  (void)context;
  static uint64_t calls;
  *(uint64_t *)buffers[0] = ++calls;
}

// What jaxc_test_parallel_affine's parallel loop reads and writes.
typedef struct {
  const int64_t *x;
  int64_t *y;
} AffineLoop;

static void affineChunk(void *data, int64_t begin, int64_t end) {
  AffineLoop *loop = data;
  for (int64_t i = begin; i < end; ++i)
    loop->y[i] = 3 * loop->x[i] + 1;
}

// Input i64[JAXC_TEST_AFFINE_COUNT] x; results i64[JAXC_TEST_AFFINE_COUNT]
// 3x + 1, computed by the context's parallel_for, and ui32 the context's
// thread count (0 if its ABI version is not the expected one).
void jaxc_test_parallel_affine(void *context, void **buffers) {
  jaxc_context_t *ctx = context;
  AffineLoop loop = {buffers[0], buffers[1]};
  ctx->parallel_for(ctx, affineChunk, &loop, JAXC_TEST_AFFINE_COUNT,
                    /*grain=*/16);
  *(uint32_t *)buffers[2] =
      ctx->abi_version == JAXC_CONTEXT_ABI_VERSION ? ctx->thread_count : 0;
}

// Set by the runtime to the module's CONSTANTS section (module_format.h).
const void *jaxc_constants;

// No inputs; result ui8[64]: the first 64 bytes of the module's constants.
void jaxc_test_read_constants(void *context, void **buffers) {
  (void)context;
  memcpy(buffers[0], jaxc_constants, 64);
}
