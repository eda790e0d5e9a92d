//===- gemm.h - Packed GEMM machinery shared by the f32 kernels -*- C++ -*-===//
//
// C[b] = A[b] . B[b], BLIS-style: B is packed into panels of nr columns,
// A into slivers of mr rows, and a register-blocked microkernel multiplies
// one sliver by one panel. Edges are zero-padded in the packed panels, so
// every tile runs the same microkernel and every element gets the same
// operations: acc = fma(a[p], b[p], acc) for p = 0, 1, ..., k - 1 from
// acc = +0. Work is split over (batch, M block, N block) only.
//
//===----------------------------------------------------------------------===//

#ifndef JAXC_RUNTIME_SRC_KERNELS_GEMM_H
#define JAXC_RUNTIME_SRC_KERNELS_GEMM_H

#include "jaxc/runtime/module_format.h"

#include <cstdint>
#include <type_traits>
#include <vector>

namespace jaxc::runtime::impl {

// c[i * ldc + j] = (accumulate ? c[i * ldc + j] : +0) + sum over p in
// increasing order of a[p * mr + i] * b[p * nr + j], one fma per term, for
// i < mr, j < nr. b is 64-byte aligned.
using MicrokernelFn = void (*)(int64_t kc, const float *a, const float *b,
                               float *c, int64_t ldc, bool accumulate);

// Packs `len` contiguous elements of up to mr rows into an A sliver:
// dst[p * mr + r] = rows[r][p] for p < len, r < mr; rows[r] for r >= count,
// or null, reads zeros.
using PackRowsFn = void (*)(float *dst, const float *const *rows, int64_t count,
                            int64_t len, int64_t mr);

// The most rows of any microkernel's sliver.
constexpr int64_t kMaxMr = 16;

// Packs a B panel of a row-major B (unit column stride):
// dst[p * nr + j] = src[p * rowStride + j] for p < kc, j < cols <= nr;
// zero for cols <= j < nr. dst is 64-byte aligned.
using PackPanelFn = void (*)(float *dst, const float *src, int64_t rowStride,
                             int64_t kc, int64_t cols);

struct Microkernel {
  const char *name;
  int64_t mr, nr;
  MicrokernelFn run;
  PackRowsFn packRows;
  PackPanelFn packPanel;
  // Cache blocking for this kernel: depth of a packed block and the most
  // rows of A packed at once.
  int64_t kcMax, mcMax;
};

// The fastest microkernel this CPU runs.
const Microkernel &bestMicrokernel();
// Every microkernel this CPU runs (for tests: they agree bitwise).
std::vector<const Microkernel *> supportedMicrokernels();

// The A operand of a GEMM, which packs itself: the conv kernel's A is an
// implicit im2col of its input.
class GemmA {
public:
  virtual ~GemmA() = default;
  // Packs rows [i0, i0 + rows) and columns [p0, p0 + kc) of batch b's A
  // into ceil(rows / mr) slivers for `kernel`: sliver s at dst + s * kc * mr
  // holds element (i0 + s * mr + r, p0 + p) at [p * mr + r]; rows past the
  // end are zero.
  virtual void pack(float *dst, int64_t b, int64_t i0, int64_t rows, int64_t p0,
                    int64_t kc, const Microkernel &kernel) const = 0;
};

// A addressed by element strides: (b, i, p) at
// data[b * batchStride + i * rowStride + p * colStride].
class StridedGemmA final : public GemmA {
public:
  StridedGemmA(const float *data, int64_t batchStride, int64_t rowStride,
               int64_t colStride)
      : data(data), batchStride(batchStride), rowStride(rowStride),
        colStride(colStride) {}
  void pack(float *dst, int64_t b, int64_t i0, int64_t rows, int64_t p0,
            int64_t kc, const Microkernel &kernel) const override;

private:
  const float *data;
  int64_t batchStride, rowStride, colStride;
};

struct GemmProblem {
  int64_t batch, m, n, k;
  const GemmA *a;
  const float *b; // (batch, p, j) at b[batch*bBatch + p*bRow + j*bCol]
  int64_t bBatch, bRow, bCol;
  float *c; // (batch, i, j) at c[batch*cBatch + i*cRow + j*cCol]
  int64_t cBatch, cRow, cCol;
};

// Runs f(begin, end) over [0, count) on the context's thread pool; without
// one (tests), on this thread.
template <typename F>
void parallelFor(jaxc_context_t *ctx, int64_t count, int64_t grain, F &&f) {
  using Fn = std::remove_reference_t<F>;
  if (!ctx || !ctx->parallel_for || count <= grain) {
    f(int64_t{0}, count);
    return;
  }
  ctx->parallel_for(
      ctx,
      [](void *data, int64_t begin, int64_t end) {
        (*static_cast<Fn *>(data))(begin, end);
      },
      &f, count, grain);
}

// Computes the problem with `kernel`, in parallel through ctx->parallel_for.
void runGemm(jaxc_context_t *ctx, const GemmProblem &problem,
             const Microkernel &kernel);

} // namespace jaxc::runtime::impl

#endif // JAXC_RUNTIME_SRC_KERNELS_GEMM_H
