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
__attribute__((always_inline)) inline void
depthwisePixels(const jaxc_conv2d_f32_args_t &x, const float *zeros,
                int64_t begin, int64_t end) {
  int64_t multiplier = x.out_c / x.in_c;
  for (int64_t pixel = begin; pixel < end; ++pixel) {
    int64_t image = pixel / (x.out_h * x.out_w);
    int64_t top = pixel / x.out_w % x.out_h * x.stride_h - x.pad_top;
    int64_t left = pixel % x.out_w * x.stride_w - x.pad_left;
    float *__restrict out = x.output + pixel * x.out_c;
    std::fill(out, out + x.out_c, 0.0f);
    for (int64_t ky = 0; ky < x.k_h; ++ky) {
      int64_t y = top + ky * x.dilation_h;
      for (int64_t kx = 0; kx < x.k_w; ++kx) {
        int64_t column = left + kx * x.dilation_w;
        const float *__restrict in =
            y >= 0 && y < x.in_h && column >= 0 && column < x.in_w
                ? x.input + ((image * x.in_h + y) * x.in_w + column) * x.in_c
                : zeros;
        const float *__restrict w = x.filter + (ky * x.k_w + kx) * x.out_c;
        if (multiplier == 1)
          for (int64_t c = 0; c < x.out_c; ++c)
            out[c] = std::fma(in[c], w[c], out[c]);
        else
          for (int64_t o = 0; o < x.out_c; ++o)
            out[o] = std::fma(in[o / multiplier], w[o], out[o]);
      }
    }
  }
}

__attribute__((target("avx2,fma"))) void
depthwisePixelsAvx2(const jaxc_conv2d_f32_args_t &x, const float *zeros,
                    int64_t begin, int64_t end) {
  depthwisePixels(x, zeros, begin, end);
}

void depthwisePixelsBaseline(const jaxc_conv2d_f32_args_t &x,
                             const float *zeros, int64_t begin, int64_t end) {
  depthwisePixels(x, zeros, begin, end);
}

void runDepthwise(jaxc_context_t *ctx, const jaxc_conv2d_f32_args_t &x) {
  static const bool avx2 =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  std::vector<float> zeros(x.in_c, 0.0f);
  // 16 pixels of 32+ channels and 9 taps: thousands of fmas per chunk.
  parallelFor(ctx, x.n * x.out_h * x.out_w, 16,
              [&](int64_t begin, int64_t end) {
                (avx2 ? depthwisePixelsAvx2
                      : depthwisePixelsBaseline)(x, zeros.data(), begin, end);
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
