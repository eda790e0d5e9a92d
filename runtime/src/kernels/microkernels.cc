//===- microkernels.cc - Register-blocked f32 GEMM microkernels -----------===//
//
// One microkernel per instruction set, chosen at run time. Each keeps an
// mr x nr block of C in registers and, per step p, broadcasts one element
// of the A sliver and multiplies it with one row of the B panel. All of
// them compute every element as the same chain of fused multiply-adds, so
// they agree bitwise with each other.
//
//===----------------------------------------------------------------------===//

#include "gemm.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace jaxc::runtime::impl {
namespace {

#if defined(__x86_64__)

// 14 x 32: 28 zmm accumulators, two for the B row, one for the broadcast.
constexpr int kAvx512Mr = 14;
constexpr int kAvx512Nr = 32;

__attribute__((target("avx512f,fma"))) void
avx512Kernel(int64_t kc, const float *a, const float *b, float *c, int64_t ldc,
             bool accumulate) {
  __m512 lo[kAvx512Mr], hi[kAvx512Mr];
#pragma GCC unroll 14
  for (int r = 0; r < kAvx512Mr; ++r) {
    lo[r] = accumulate ? _mm512_loadu_ps(c + r * ldc) : _mm512_setzero_ps();
    hi[r] =
        accumulate ? _mm512_loadu_ps(c + r * ldc + 16) : _mm512_setzero_ps();
  }
  for (int64_t p = 0; p < kc; ++p) {
    __m512 b0 = _mm512_load_ps(b);
    __m512 b1 = _mm512_load_ps(b + 16);
#pragma GCC unroll 14
    for (int r = 0; r < kAvx512Mr; ++r) {
      __m512 ar = _mm512_set1_ps(a[r]);
      lo[r] = _mm512_fmadd_ps(ar, b0, lo[r]);
      hi[r] = _mm512_fmadd_ps(ar, b1, hi[r]);
    }
    a += kAvx512Mr;
    b += kAvx512Nr;
  }
#pragma GCC unroll 14
  for (int r = 0; r < kAvx512Mr; ++r) {
    _mm512_storeu_ps(c + r * ldc, lo[r]);
    _mm512_storeu_ps(c + r * ldc + 16, hi[r]);
  }
}

// GCC 12's unpack intrinsics start from _mm512_undefined_ps(), which
// -Wmaybe-uninitialized misreads (GCC bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

// Transposes 16 rows of 16 floats in place: v[c] becomes column c.
__attribute__((target("avx512f"), always_inline)) inline void
transpose16x16(__m512 v[16]) {
  __m512 t[16];
  for (int i = 0; i < 16; i += 2) {
    t[i] = _mm512_unpacklo_ps(v[i], v[i + 1]);
    t[i + 1] = _mm512_unpackhi_ps(v[i], v[i + 1]);
  }
  // u[4g + c]: in each 128-bit lane L, column 4L + c of rows 4g..4g+3.
  __m512 u[16];
  for (int g = 0; g < 16; g += 4) {
    __m512d t0 = _mm512_castps_pd(t[g]), t1 = _mm512_castps_pd(t[g + 1]);
    __m512d t2 = _mm512_castps_pd(t[g + 2]), t3 = _mm512_castps_pd(t[g + 3]);
    u[g] = _mm512_castpd_ps(_mm512_unpacklo_pd(t0, t2));
    u[g + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(t0, t2));
    u[g + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(t1, t3));
    u[g + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(t1, t3));
  }
  // Transpose the 4 x 4 lanes of u[c], u[4 + c], u[8 + c], u[12 + c].
  for (int c = 0; c < 4; ++c) {
    __m512 x0 = _mm512_shuffle_f32x4(u[c], u[4 + c], 0x44);
    __m512 x1 = _mm512_shuffle_f32x4(u[c], u[4 + c], 0xee);
    __m512 x2 = _mm512_shuffle_f32x4(u[8 + c], u[12 + c], 0x44);
    __m512 x3 = _mm512_shuffle_f32x4(u[8 + c], u[12 + c], 0xee);
    v[c] = _mm512_shuffle_f32x4(x0, x2, 0x88);
    v[4 + c] = _mm512_shuffle_f32x4(x0, x2, 0xdd);
    v[8 + c] = _mm512_shuffle_f32x4(x1, x3, 0x88);
    v[12 + c] = _mm512_shuffle_f32x4(x1, x3, 0xdd);
  }
}

// Packs 16 columns at a time: masked loads of up to 16 rows, a transpose,
// masked stores of mr (<= 16) lanes.
__attribute__((target("avx512f"))) void
avx512PackRows(float *dst, const float *const *rows, int64_t count, int64_t len,
               int64_t mr) {
  __mmask16 storeMask = static_cast<__mmask16>((1u << mr) - 1);
  for (int64_t p = 0; p < len; p += 16) {
    int64_t columns = std::min<int64_t>(16, len - p);
    __mmask16 loadMask = static_cast<__mmask16>((1u << columns) - 1);
    __m512 v[16];
    for (int r = 0; r < 16; ++r)
      v[r] = r < count && rows[r] ? _mm512_maskz_loadu_ps(loadMask, rows[r] + p)
                                  : _mm512_setzero_ps();
    transpose16x16(v);
    for (int64_t c = 0; c < columns; ++c)
      _mm512_mask_storeu_ps(dst + (p + c) * mr, storeMask, v[c]);
  }
}

#pragma GCC diagnostic pop

// Two masked 16-float loads and aligned stores per row of the panel.
__attribute__((target("avx512f"))) void
avx512PackPanel(float *dst, const float *src, int64_t rowStride, int64_t kc,
                int64_t cols) {
  __mmask16 lo =
      static_cast<__mmask16>((1u << std::min<int64_t>(cols, 16)) - 1);
  __mmask16 hi =
      static_cast<__mmask16>((1u << std::max<int64_t>(cols - 16, 0)) - 1);
  for (int64_t p = 0; p < kc; ++p, src += rowStride, dst += kAvx512Nr) {
    _mm512_store_ps(dst, _mm512_maskz_loadu_ps(lo, src));
    _mm512_store_ps(dst + 16, _mm512_maskz_loadu_ps(hi, src + 16));
  }
}

// 6 x 16: 12 ymm accumulators of the 16 registers.
constexpr int kAvx2Mr = 6;
constexpr int kAvx2Nr = 16;

__attribute__((target("avx2,fma"))) void avx2Kernel(int64_t kc, const float *a,
                                                    const float *b, float *c,
                                                    int64_t ldc,
                                                    bool accumulate) {
  __m256 lo[kAvx2Mr], hi[kAvx2Mr];
#pragma GCC unroll 6
  for (int r = 0; r < kAvx2Mr; ++r) {
    lo[r] = accumulate ? _mm256_loadu_ps(c + r * ldc) : _mm256_setzero_ps();
    hi[r] = accumulate ? _mm256_loadu_ps(c + r * ldc + 8) : _mm256_setzero_ps();
  }
  for (int64_t p = 0; p < kc; ++p) {
    __m256 b0 = _mm256_load_ps(b);
    __m256 b1 = _mm256_load_ps(b + 8);
#pragma GCC unroll 6
    for (int r = 0; r < kAvx2Mr; ++r) {
      __m256 ar = _mm256_broadcast_ss(a + r);
      lo[r] = _mm256_fmadd_ps(ar, b0, lo[r]);
      hi[r] = _mm256_fmadd_ps(ar, b1, hi[r]);
    }
    a += kAvx2Mr;
    b += kAvx2Nr;
  }
#pragma GCC unroll 6
  for (int r = 0; r < kAvx2Mr; ++r) {
    _mm256_storeu_ps(c + r * ldc, lo[r]);
    _mm256_storeu_ps(c + r * ldc + 8, hi[r]);
  }
}

// Transposes 8 rows of 8 floats in place: v[c] becomes column c.
__attribute__((target("avx2"), always_inline)) inline void
transpose8x8(__m256 v[8]) {
  __m256 t[8];
  for (int i = 0; i < 8; i += 2) {
    t[i] = _mm256_unpacklo_ps(v[i], v[i + 1]);
    t[i + 1] = _mm256_unpackhi_ps(v[i], v[i + 1]);
  }
  // u[4g + c]: in each 128-bit lane L, column 4L + c of rows 4g..4g+3.
  __m256 u[8];
  for (int g = 0; g < 8; g += 4) {
    u[g] = _mm256_shuffle_ps(t[g], t[g + 2], 0x44);
    u[g + 1] = _mm256_shuffle_ps(t[g], t[g + 2], 0xee);
    u[g + 2] = _mm256_shuffle_ps(t[g + 1], t[g + 3], 0x44);
    u[g + 3] = _mm256_shuffle_ps(t[g + 1], t[g + 3], 0xee);
  }
  for (int c = 0; c < 4; ++c) {
    v[c] = _mm256_permute2f128_ps(u[c], u[4 + c], 0x20);
    v[4 + c] = _mm256_permute2f128_ps(u[c], u[4 + c], 0x31);
  }
}

// The AVX2 kernel's slivers (mr = 6), 8 columns at a time: 8 loads, a
// transpose, and per column a 4-float and a 2-float store. Packing A one
// element at a time took 6% of BERT's time.
__attribute__((target("avx2"))) void avx2PackRows(float *dst,
                                                  const float *const *rows,
                                                  int64_t count, int64_t len,
                                                  int64_t mr) {
  assert(mr == kAvx2Mr && count <= kAvx2Mr);
  int64_t p = 0;
  for (; p + 8 <= len; p += 8) {
    __m256 v[8];
    for (int r = 0; r < 8; ++r)
      v[r] = r < count && rows[r] ? _mm256_loadu_ps(rows[r] + p)
                                  : _mm256_setzero_ps();
    transpose8x8(v);
    for (int c = 0; c < 8; ++c) {
      float *column = dst + (p + c) * mr;
      _mm_storeu_ps(column, _mm256_castps256_ps128(v[c]));
      _mm_storel_pi(reinterpret_cast<__m64 *>(column + 4),
                    _mm256_extractf128_ps(v[c], 1));
    }
  }
  for (; p < len; ++p)
    for (int64_t r = 0; r < mr; ++r)
      dst[p * mr + r] = r < count && rows[r] ? rows[r][p] : 0.0f;
}

#endif // __x86_64__

void scalarPackRows(float *dst, const float *const *rows, int64_t count,
                    int64_t len, int64_t mr) {
  for (int64_t r = 0; r < mr; ++r) {
    const float *row = r < count ? rows[r] : nullptr;
    for (int64_t p = 0; p < len; ++p)
      dst[p * mr + r] = row ? row[p] : 0.0f;
  }
}

template <int64_t Nr>
void scalarPackPanel(float *dst, const float *src, int64_t rowStride,
                     int64_t kc, int64_t cols) {
  // Full panels, nearly all of them, are plain row copies the compiler
  // turns into vector moves: the per-element select made packing a weight
  // matrix cost a fifth of BERT's time.
  if (cols == Nr) {
    for (int64_t p = 0; p < kc; ++p, src += rowStride, dst += Nr)
      std::memcpy(dst, src, Nr * sizeof(float));
    return;
  }
  for (int64_t p = 0; p < kc; ++p, src += rowStride, dst += Nr)
    for (int64_t j = 0; j < Nr; ++j)
      dst[j] = j < cols ? src[j] : 0.0f;
}

// Any CPU: std::fma keeps the bits of the vector kernels.
constexpr int kPortableMr = 4;
constexpr int kPortableNr = 8;

void portableKernel(int64_t kc, const float *a, const float *b, float *c,
                    int64_t ldc, bool accumulate) {
  float acc[kPortableMr][kPortableNr];
  for (int r = 0; r < kPortableMr; ++r)
    for (int j = 0; j < kPortableNr; ++j)
      acc[r][j] = accumulate ? c[r * ldc + j] : 0.0f;
  for (int64_t p = 0; p < kc; ++p) {
    for (int r = 0; r < kPortableMr; ++r)
      for (int j = 0; j < kPortableNr; ++j)
        acc[r][j] = std::fma(a[r], b[j], acc[r][j]);
    a += kPortableMr;
    b += kPortableNr;
  }
  for (int r = 0; r < kPortableMr; ++r)
    for (int j = 0; j < kPortableNr; ++j)
      c[r * ldc + j] = acc[r][j];
}

// kc keeps a B micro-panel (kc x nr) in the 48 KiB L1 next to an A sliver;
// mc keeps a packed A block (mc x kc) well inside the 2 MiB L2.
#if defined(__x86_64__)
constexpr Microkernel kAvx512{"avx512",     kAvx512Mr,      kAvx512Nr,
                              avx512Kernel, avx512PackRows, avx512PackPanel,
                              256,          14 * 16};
constexpr Microkernel kAvx2{"avx2",     kAvx2Mr,      kAvx2Nr,
                            avx2Kernel, avx2PackRows, scalarPackPanel<kAvx2Nr>,
                            256,        6 * 40};
#endif
constexpr Microkernel kPortable{"portable",
                                kPortableMr,
                                kPortableNr,
                                portableKernel,
                                scalarPackRows,
                                scalarPackPanel<kPortableNr>,
                                256,
                                4 * 32};

} // namespace

std::vector<const Microkernel *> supportedMicrokernels() {
  std::vector<const Microkernel *> kernels;
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma"))
    kernels.push_back(&kAvx512);
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    kernels.push_back(&kAvx2);
#endif
  kernels.push_back(&kPortable);
  return kernels;
}

const Microkernel &bestMicrokernel() {
  static const Microkernel *best = supportedMicrokernels().front();
  return *best;
}

} // namespace jaxc::runtime::impl
