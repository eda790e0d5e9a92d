//===- conv2d_f32.cc - f32 NHWC convolution as an implicit-im2col GEMM ----===//
//
// Per group g, output[pixel, g*O/G + o] = sum over (ky, kx, c) of
// input[pixel's window at (ky, kx), g*C/G + c] * filter[ky, kx, c, g*O/G + o]:
// a GEMM with M = n*out_h*out_w pixels, K = k_h*k_w*C/G and N = O/G. HWIO
// already is that B ([K, O] row-major) and NHWC that C; A, the im2col
// matrix, is never built: its slivers are packed straight from the input,
// zero where a window leaves it. A 1x1 stride-1 unpadded convolution's A
// is the input itself. Depthwise convolutions are computed directly.
//
//===----------------------------------------------------------------------===//

#include "gemm.h"
#include "kernels.h"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace jaxc::runtime::impl {
namespace {

// The im2col matrix of one group (the GEMM's batch index), row = output
// pixel, column = (ky, kx, c).
class Im2colGemmA final : public GemmA {
public:
  explicit Im2colGemmA(const jaxc_conv2d_f32_args_t &args)
      : args(args), groupChannels(args.in_c / args.groups) {}

  void pack(float *dst, int64_t group, int64_t i0, int64_t rows, int64_t p0,
            int64_t kc, const Microkernel &kernel) const override {
    const jaxc_conv2d_f32_args_t &x = args;
    int64_t mr = kernel.mr;
    for (int64_t s = 0; s * mr < rows; ++s) {
      // Each row's image and window origin.
      int64_t count = std::min(mr, rows - s * mr);
      const float *image[kMaxMr];
      int64_t top[kMaxMr], left[kMaxMr];
      for (int64_t r = 0; r < count; ++r) {
        int64_t pixel = i0 + s * mr + r;
        image[r] = x.input +
                   pixel / (x.out_w * x.out_h) * x.in_h * x.in_w * x.in_c +
                   group * groupChannels;
        top[r] = pixel / x.out_w % x.out_h * x.stride_h - x.pad_top;
        left[r] = pixel % x.out_w * x.stride_w - x.pad_left;
      }
      // Columns come in runs of channels at one window position (ky, kx);
      // each run is one packRows call on every row's pointer, null where
      // the window position lies outside the input.
      float *sliver = dst + s * kc * mr;
      int64_t c = p0 % groupChannels;
      int64_t kx = p0 / groupChannels % x.k_w;
      int64_t ky = p0 / groupChannels / x.k_w;
      for (int64_t p = 0; p < kc;) {
        int64_t run = std::min(groupChannels - c, kc - p);
        int64_t positions = 1;
        while (kx + positions < x.k_w && run + groupChannels <= kc - p &&
               adjacent(top, left, count, ky, kx, kx + positions)) {
          run += groupChannels;
          ++positions;
        }
        const float *starts[kMaxMr];
        for (int64_t r = 0; r < count; ++r) {
          int64_t y = top[r] + ky * x.dilation_h;
          int64_t xx = left[r] + kx * x.dilation_w;
          starts[r] = y >= 0 && y < x.in_h && xx >= 0 && xx < x.in_w
                          ? image[r] + (y * x.in_w + xx) * x.in_c + c
                          : nullptr;
        }
        kernel.packRows(sliver + p * mr, starts, count, run, mr);
        p += run;
        c = 0;
        kx += positions;
        if (kx == x.k_w) {
          kx = 0;
          ++ky;
        }
      }
    }
  }

private:
  // Whether window position (ky, kx2) continues the run at (ky, kx) in
  // memory for every row: one group holds all channels, columns are not
  // dilated, and each row's window is inside the input at both positions
  // or outside at both.
  bool adjacent(const int64_t *top, const int64_t *left, int64_t count,
                int64_t ky, int64_t kx, int64_t kx2) const {
    const jaxc_conv2d_f32_args_t &x = args;
    if (groupChannels != x.in_c || x.dilation_w != 1)
      return false;
    for (int64_t r = 0; r < count; ++r) {
      int64_t y = top[r] + ky * x.dilation_h;
      if (y < 0 || y >= x.in_h)
        continue;
      bool inside = left[r] + kx >= 0 && left[r] + kx < x.in_w;
      bool inside2 = left[r] + kx2 >= 0 && left[r] + kx2 < x.in_w;
      if (inside != inside2)
        return false;
    }
    return true;
  }

  const jaxc_conv2d_f32_args_t &args;
  int64_t groupChannels;
};

// Depthwise convolutions (one input channel per group, MobileNet's 3x3s):
// as a GEMM each group is a k_h*k_w-deep product with one column, nearly
// all packing (72% of MobileNetV2's time went to packing A). Computed
// directly instead, a pixel's output channels as vectors: out[o] =
// fma(in[o / multiplier], w[o], out[o]) over (ky, kx) in order from +0,
// zeros read outside the input: the GEMM's terms in its order, so the same
// bits.

// A pixel of the output, walked in order without divisions.
struct OutputPixel {
  int64_t index, image, row, column;

  OutputPixel(const jaxc_conv2d_f32_args_t &x, int64_t pixel)
      : index(pixel), image(pixel / (x.out_h * x.out_w)),
        row(pixel / x.out_w % x.out_h), column(pixel % x.out_w) {}

  void next(const jaxc_conv2d_f32_args_t &x) {
    ++index;
    if (++column < x.out_w)
      return;
    column = 0;
    if (++row < x.out_h)
      return;
    row = 0;
    ++image;
  }
};

// The input row each of a pixel's taps reads (`zeros` outside the input),
// in (ky, kx) order.
__attribute__((always_inline)) inline void
tapInputs(const jaxc_conv2d_f32_args_t &x, const float *zeros,
          const OutputPixel &pixel, const float **taps) {
  int64_t top = pixel.row * x.stride_h - x.pad_top;
  int64_t left = pixel.column * x.stride_w - x.pad_left;
  const float *image = x.input + pixel.image * x.in_h * x.in_w * x.in_c;
  for (int64_t ky = 0; ky < x.k_h; ++ky) {
    int64_t y = top + ky * x.dilation_h;
    bool rowInside = y >= 0 && y < x.in_h;
    for (int64_t kx = 0; kx < x.k_w; ++kx) {
      int64_t column = left + kx * x.dilation_w;
      *taps++ = rowInside && column >= 0 && column < x.in_w
                    ? image + (y * x.in_w + column) * x.in_c
                    : zeros;
    }
  }
}

// Output channels [begin, out_c) of one pixel, through memory.
__attribute__((always_inline)) inline void
depthwiseChannels(const jaxc_conv2d_f32_args_t &x, const float *const *taps,
                  int64_t taps_count, float *__restrict out, int64_t begin) {
  int64_t multiplier = x.out_c / x.in_c;
  std::fill(out + begin, out + x.out_c, 0.0f);
  for (int64_t t = 0; t < taps_count; ++t) {
    const float *__restrict in = taps[t];
    const float *__restrict w = x.filter + t * x.out_c;
    if (multiplier == 1)
      for (int64_t c = begin; c < x.out_c; ++c)
        out[c] = std::fma(in[c], w[c], out[c]);
    else
      for (int64_t o = begin; o < x.out_c; ++o)
        out[o] = std::fma(in[o / multiplier], w[o], out[o]);
  }
}

void depthwisePixelsBaseline(const jaxc_conv2d_f32_args_t &x,
                             const float *zeros, const float **taps,
                             int64_t begin, int64_t end) {
  for (OutputPixel pixel(x, begin); pixel.index < end; pixel.next(x)) {
    tapInputs(x, zeros, pixel, taps);
    depthwiseChannels(x, taps, x.k_h * x.k_w, x.output + pixel.index * x.out_c,
                      0);
  }
}

// With one channel per group, 32 channels at a time stay in four registers
// over all taps: two loads per fma instead of three and a store. With tap
// addresses found without divisions, MobileNetV2's depthwise convolutions
// went from 17% to 15% of its time (perf). Same terms, same order.
__attribute__((target("avx2,fma"))) void
depthwisePixelsAvx2(const jaxc_conv2d_f32_args_t &x, const float *zeros,
                    const float **taps, int64_t begin, int64_t end) {
  constexpr int64_t kBlock = 32;
  int64_t tapCount = x.k_h * x.k_w;
  bool blocked = x.out_c == x.in_c;
  for (OutputPixel pixel(x, begin); pixel.index < end; pixel.next(x)) {
    tapInputs(x, zeros, pixel, taps);
    float *out = x.output + pixel.index * x.out_c;
    int64_t c = 0;
    for (; blocked && c + kBlock <= x.out_c; c += kBlock) {
      __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
      __m256 acc2 = _mm256_setzero_ps(), acc3 = _mm256_setzero_ps();
      const float *w = x.filter + c;
      for (int64_t t = 0; t < tapCount; ++t, w += x.out_c) {
        const float *in = taps[t] + c;
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(in), _mm256_loadu_ps(w), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(in + 8), _mm256_loadu_ps(w + 8),
                               acc1);
        acc2 = _mm256_fmadd_ps(_mm256_loadu_ps(in + 16),
                               _mm256_loadu_ps(w + 16), acc2);
        acc3 = _mm256_fmadd_ps(_mm256_loadu_ps(in + 24),
                               _mm256_loadu_ps(w + 24), acc3);
      }
      _mm256_storeu_ps(out + c, acc0);
      _mm256_storeu_ps(out + c + 8, acc1);
      _mm256_storeu_ps(out + c + 16, acc2);
      _mm256_storeu_ps(out + c + 24, acc3);
    }
    depthwiseChannels(x, taps, tapCount, out, c);
  }
}

void runDepthwise(jaxc_context_t *ctx, const jaxc_conv2d_f32_args_t &x) {
  static const bool avx2 =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  std::vector<float> zeros(x.in_c, 0.0f);
  // 16 pixels of 32+ channels and 9 taps: thousands of fmas per chunk.
  parallelFor(ctx, x.n * x.out_h * x.out_w, 16,
              [&](int64_t begin, int64_t end) {
                std::vector<const float *> taps(x.k_h * x.k_w);
                (avx2 ? depthwisePixelsAvx2 : depthwisePixelsBaseline)(
                    x, zeros.data(), taps.data(), begin, end);
              });
}

} // namespace

void jaxcConv2dF32(jaxc_context_t *ctx, const jaxc_conv2d_f32_args_t *args) {
  const jaxc_conv2d_f32_args_t &x = *args;
  if (x.groups > 1 && x.groups == x.in_c) {
    runDepthwise(ctx, x);
    return;
  }
  int64_t groupChannels = x.in_c / x.groups;
  int64_t groupOutputs = x.out_c / x.groups;
  bool pointwise = x.k_h == 1 && x.k_w == 1 && x.stride_h == 1 &&
                   x.stride_w == 1 && x.pad_top == 0 && x.pad_left == 0 &&
                   x.out_h == x.in_h && x.out_w == x.in_w;
  StridedGemmA pixels(x.input, groupChannels, x.in_c, 1);
  Im2colGemmA windows(x);
  GemmProblem problem{x.groups,
                      x.n * x.out_h * x.out_w,
                      groupOutputs,
                      x.k_h * x.k_w * groupChannels,
                      pointwise ? static_cast<const GemmA *>(&pixels)
                                : &windows,
                      x.filter,
                      groupOutputs,
                      x.out_c,
                      1,
                      x.output,
                      groupOutputs,
                      x.out_c,
                      1};
  runGemm(ctx, problem, bestMicrokernel());
}

} // namespace jaxc::runtime::impl
