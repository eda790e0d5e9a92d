//===- kernels_test.cc - The matmul_f32 and conv2d_f32 kernels ------------===//
//
// Every output element must be exactly the fma chain over k in increasing
// order from +0 (kernels.h), so the references below compute that chain
// and the kernels must match them bitwise, with every microkernel this CPU
// runs, serially and on several threads. A double-precision reference
// checks the chain computes the right thing.
//
//===----------------------------------------------------------------------===//

#include "device.h"
#include "kernels/gemm.h"
#include "kernels/kernels.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace jaxc::runtime::impl;

namespace {

// A context whose parallel_for runs chunks of `grain` items round-robin on
// `threads` fresh threads (1: on the caller).
jaxc_context_t makeContext(uint32_t threads) {
  jaxc_context_t ctx{};
  ctx.abi_version = JAXC_CONTEXT_ABI_VERSION;
  ctx.thread_count = threads;
  ctx.parallel_for = [](jaxc_context_t *self, jaxc_parallel_body_t body,
                        void *data, int64_t count, int64_t grain) {
    int64_t chunk = std::max<int64_t>(grain, 1);
    if (self->thread_count == 1) {
      for (int64_t begin = 0; begin < count; begin += chunk)
        body(data, begin, std::min(count, begin + chunk));
      return;
    }
    std::vector<std::thread> workers;
    for (uint32_t t = 0; t < self->thread_count; ++t)
      workers.emplace_back([=] {
        for (int64_t begin = t * chunk; begin < count;
             begin += self->thread_count * chunk)
          body(data, begin, std::min(count, begin + chunk));
      });
    for (std::thread &worker : workers)
      worker.join();
  };
  ctx.matmul_f32 = jaxcMatmulF32;
  ctx.conv2d_f32 = jaxcConv2dF32;
  return ctx;
}

std::vector<float> randomValues(size_t count, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> values(count);
  for (float &v : values)
    v = dist(rng);
  return values;
}

bool sameBits(const std::vector<float> &a, const std::vector<float> &b) {
  return a.size() == b.size() &&
         std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

//===----------------------------------------------------------------------===//
// matmul
//===----------------------------------------------------------------------===//

// A matmul case; `transposeA` stores each A[b] column-major (a_row = 1),
// likewise B and C.
struct MatmulCase {
  int64_t batch, m, n, k;
  bool transposeA = false, transposeB = false, transposeC = false;
};

std::string describe(const MatmulCase &c) {
  return std::to_string(c.batch) + "x" + std::to_string(c.m) + "x" +
         std::to_string(c.n) + "x" + std::to_string(c.k) +
         (c.transposeA ? " A^T" : "") + (c.transposeB ? " B^T" : "") +
         (c.transposeC ? " C^T" : "");
}

struct Matmul {
  MatmulCase shape;
  std::vector<float> a, b;
  jaxc_matmul_f32_args_t args{};

  explicit Matmul(const MatmulCase &s)
      : shape(s), a(randomValues(s.batch * s.m * s.k, 1)),
        b(randomValues(s.batch * s.k * s.n, 2)) {
    args = {s.batch,
            s.m,
            s.n,
            s.k,
            a.data(),
            s.m * s.k,
            s.transposeA ? 1 : s.k,
            s.transposeA ? s.m : 1,
            b.data(),
            s.k * s.n,
            s.transposeB ? 1 : s.n,
            s.transposeB ? s.k : 1,
            nullptr,
            s.m * s.n,
            s.transposeC ? 1 : s.n,
            s.transposeC ? s.m : 1};
  }

  float aAt(int64_t bi, int64_t i, int64_t p) const {
    return a[bi * args.a_batch + i * args.a_row + p * args.a_col];
  }
  float bAt(int64_t bi, int64_t p, int64_t j) const {
    return b[bi * args.b_batch + p * args.b_row + j * args.b_col];
  }
  int64_t cIndex(int64_t bi, int64_t i, int64_t j) const {
    return bi * args.c_batch + i * args.c_row + j * args.c_col;
  }

  // The fma chain, and the exact product sum in double.
  void reference(std::vector<float> &chain, std::vector<double> &exact) const {
    chain.assign(shape.batch * shape.m * shape.n, 0.0f);
    exact.assign(chain.size(), 0.0);
    for (int64_t bi = 0; bi < shape.batch; ++bi)
      for (int64_t i = 0; i < shape.m; ++i)
        for (int64_t j = 0; j < shape.n; ++j) {
          float acc = 0.0f;
          double sum = 0.0;
          for (int64_t p = 0; p < shape.k; ++p) {
            acc = std::fma(aAt(bi, i, p), bAt(bi, p, j), acc);
            sum += double(aAt(bi, i, p)) * bAt(bi, p, j);
          }
          chain[cIndex(bi, i, j)] = acc;
          exact[cIndex(bi, i, j)] = sum;
        }
  }

  // C from runGemm with `kernel`, C's buffer first filled with NaN (the
  // kernel must overwrite it).
  std::vector<float> run(jaxc_context_t &ctx, const Microkernel &kernel) {
    std::vector<float> c(shape.batch * shape.m * shape.n, NAN);
    args.c = c.data();
    StridedGemmA packA(args.a, args.a_batch, args.a_row, args.a_col);
    GemmProblem problem{args.batch, args.m, args.n,       args.k,
                        &packA,     args.b, args.b_batch, args.b_row,
                        args.b_col, args.c, args.c_batch, args.c_row,
                        args.c_col};
    runGemm(&ctx, problem, kernel);
    return c;
  }
};

const MatmulCase kMatmulCases[] = {
    {1, 1, 1, 1},
    {1, 1, 1, 0},
    {2, 3, 5, 0},
    {1, 1, 37, 5},
    {1, 29, 1, 40},
    {1, 13, 17, 19},
    {1, 14, 32, 8},
    {1, 15, 33, 257},
    {1, 28, 64, 256},
    {3, 31, 47, 300},
    {1, 100, 70, 513},
    {1, 230, 40, 20},
    {1, 20, 300, 260},
    {2, 9, 40, 64, true},
    {2, 9, 40, 64, false, true},
    {2, 20, 35, 70, false, false, true},
    {1, 45, 50, 270, true, true, true},
};

TEST(MatmulF32, EqualsFmaChainWithEveryKernelAndThreadCount) {
  jaxc_context_t serial = makeContext(1), threaded = makeContext(3);
  for (const MatmulCase &shape : kMatmulCases) {
    Matmul matmul(shape);
    std::vector<float> chain;
    std::vector<double> exact;
    matmul.reference(chain, exact);
    for (size_t i = 0; i < chain.size(); ++i)
      ASSERT_NEAR(chain[i], exact[i], 1e-5 * (shape.k + 1))
          << describe(shape) << " element " << i;
    for (const Microkernel *kernel : supportedMicrokernels()) {
      EXPECT_TRUE(sameBits(matmul.run(serial, *kernel), chain))
          << describe(shape) << " " << kernel->name << " serial";
      EXPECT_TRUE(sameBits(matmul.run(threaded, *kernel), chain))
          << describe(shape) << " " << kernel->name << " on 3 threads";
    }
  }
}

TEST(MatmulF32, ContextEntryPoint) {
  jaxc_context_t ctx = makeContext(2);
  Matmul matmul({2, 50, 60, 70, false, true});
  std::vector<float> chain, c(2 * 50 * 60, NAN);
  std::vector<double> exact;
  matmul.reference(chain, exact);
  matmul.args.c = c.data();
  ctx.matmul_f32(&ctx, &matmul.args);
  EXPECT_TRUE(sameBits(c, chain));
}

// C through the context's entry point, on 1 and 3 threads, has the fma
// chain's bits for every case.
void expectEntryPointGivesTheChain(std::initializer_list<MatmulCase> cases) {
  for (int threads : {1, 3}) {
    jaxc_context_t ctx = makeContext(threads);
    for (const MatmulCase &shape : cases) {
      Matmul matmul(shape);
      std::vector<float> chain, c(shape.batch * shape.m * shape.n, NAN);
      std::vector<double> exact;
      matmul.reference(chain, exact);
      matmul.args.c = c.data();
      ctx.matmul_f32(&ctx, &matmul.args);
      EXPECT_TRUE(sameBits(c, chain))
          << describe(shape) << " on " << threads << " threads";
    }
  }
}

// Up to four rows take the entry point's in-place path: row-major and
// transposed B, several blocks of columns and a partial one, batches,
// transposed A and C.
TEST(MatmulF32, FewRowsGiveTheChainsBits) {
  expectEntryPointGivesTheChain({{1, 1, 200, 70},
                                 {3, 4, 130, 65, false, true},
                                 {12, 1, 129, 64, false, true},
                                 {2, 2, 37, 5, true, false, true},
                                 {1, 3, 64, 1},
                                 {2, 4, 1, 300, true, true, true}});
}

// A transposed B with more columns than A has rows is computed as
// C^T = B^T . A^T.
TEST(MatmulF32, TransposedBGivesTheChainsBits) {
  expectEntryPointGivesTheChain({{1, 7, 300, 70, false, true},
                                 {3, 20, 45, 33, false, true},
                                 {2, 6, 100, 260, false, true, true}});
}

TEST(MatmulF32, EmptyProblemsWriteNothing) {
  jaxc_context_t ctx = makeContext(2);
  float c = 7.0f;
  for (auto [m, n] : {std::pair{0, 1}, std::pair{1, 0}}) {
    jaxc_matmul_f32_args_t args{1,       m, n, 3, nullptr, 0, 3, 1,
                                nullptr, 0, 1, 1, &c,      0, 1, 1};
    jaxcMatmulF32(&ctx, &args);
    EXPECT_EQ(c, 7.0f);
  }
}

// A B operand in registered constant memory is packed on first use only:
// changing it behind the kernels' back (which the contract forbids) shows
// the reuse. Forgetting the memory, or a B only partly inside it, packs
// again.
TEST(MatmulF32, ConstantOperandsArePackedOnce) {
  jaxc_context_t ctx = makeContext(2);
  Matmul matmul({1, 30, 40, 50});
  auto run = [&] {
    std::vector<float> c(30 * 40, NAN);
    matmul.args.c = c.data();
    jaxcMatmulF32(&ctx, &matmul.args);
    return c;
  };
  auto expected = [&] {
    std::vector<float> chain;
    std::vector<double> exact;
    matmul.reference(chain, exact);
    return chain;
  };
  std::vector<float> original = expected();
  const float *b = matmul.b.data();
  registerConstantMemory(b, b + matmul.b.size(), /*fileBacked=*/false);
  EXPECT_TRUE(sameBits(run(), original));
  matmul.b[7] += 1.0f;
  EXPECT_TRUE(sameBits(run(), original)) << "B was packed again";
  forgetConstantMemory(b, b + matmul.b.size());
  EXPECT_TRUE(sameBits(run(), expected()));

  registerConstantMemory(b, b + matmul.b.size() - 1, /*fileBacked=*/false);
  run();
  matmul.b[7] += 1.0f;
  EXPECT_TRUE(sameBits(run(), expected())) << "B is not all constant";
  forgetConstantMemory(b, b + matmul.b.size() - 1);
}

// The resident bytes of the mapping that holds `address` (/proc/self/smaps).
size_t residentBytes(const void *address) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inMapping = false;
  auto target = reinterpret_cast<uintptr_t>(address);
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0, end = 0;
    if (std::sscanf(line.c_str(), "%" SCNxPTR "-%" SCNxPTR, &begin, &end) ==
            2 &&
        line.find(':') > line.find(' ')) {
      inMapping = target >= begin && target < end;
      continue;
    }
    size_t kilobytes = 0;
    if (inMapping && std::sscanf(line.c_str(), "Rss: %zu kB", &kilobytes) == 1)
      return kilobytes << 10;
  }
  return SIZE_MAX;
}

// A B in a read-only file mapping leaves the process once packed (the
// packing is what the kernels read); results stay right, and once the
// memory is forgotten the pages come back from the file.
TEST(MatmulF32, FileBackedConstantsAreDroppedOncePacked) {
  jaxc_context_t ctx = makeContext(2);
  Matmul matmul({1, 20, 256, 512});
  std::vector<float> expected;
  std::vector<double> exact;
  matmul.reference(expected, exact);
  std::string path =
      ::testing::TempDir() + "jaxc_b_" + std::to_string(getpid()) + ".bin";
  {
    std::ofstream file(path, std::ios::binary);
    file.write(reinterpret_cast<const char *>(matmul.b.data()),
               static_cast<std::streamsize>(matmul.b.size() * sizeof(float)));
  }
  size_t bytes = matmul.b.size() * sizeof(float);
  int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  void *mapping =
      ::mmap(nullptr, bytes, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  std::remove(path.c_str());
  ASSERT_NE(mapping, MAP_FAILED);
  const auto *b = static_cast<const float *>(mapping);
  matmul.args.b = b;
  EXPECT_GE(residentBytes(b), bytes);

  auto run = [&] {
    std::vector<float> c(20 * 256, NAN);
    matmul.args.c = c.data();
    jaxcMatmulF32(&ctx, &matmul.args);
    return c;
  };
  registerConstantMemory(b, b + matmul.b.size(), /*fileBacked=*/true);
  EXPECT_TRUE(sameBits(run(), expected));
  EXPECT_EQ(residentBytes(b), 0u) << "the packed B's pages stayed";
  EXPECT_TRUE(sameBits(run(), expected));
  forgetConstantMemory(b, b + matmul.b.size());
  EXPECT_TRUE(sameBits(run(), expected)) << "B read back from the file";
  ::munmap(mapping, bytes);
}

//===----------------------------------------------------------------------===//
// conv2d
//===----------------------------------------------------------------------===//

struct ConvCase {
  const char *name;
  int64_t n, inH, inW, inC, kH, kW, outC;
  int64_t strideH, strideW, padTop, padLeft, dilationH, dilationW, groups;
  int64_t padBottom = -1, padRight = -1; // -1: same as top / left
};

struct Conv {
  ConvCase shape;
  jaxc_conv2d_f32_args_t args{};
  std::vector<float> input, filter;

  explicit Conv(const ConvCase &s) : shape(s) {
    int64_t bottom = s.padBottom < 0 ? s.padTop : s.padBottom;
    int64_t right = s.padRight < 0 ? s.padLeft : s.padRight;
    int64_t outH =
        (s.inH + s.padTop + bottom - s.dilationH * (s.kH - 1) - 1) / s.strideH +
        1;
    int64_t outW =
        (s.inW + s.padLeft + right - s.dilationW * (s.kW - 1) - 1) / s.strideW +
        1;
    input = randomValues(s.n * s.inH * s.inW * s.inC, 3);
    filter = randomValues(s.kH * s.kW * (s.inC / s.groups) * s.outC, 4);
    args = {s.n,       s.inH,        s.inW,         s.inC,       s.kH,
            s.kW,      s.outC,       outH,          outW,        s.strideH,
            s.strideW, s.padTop,     s.padLeft,     s.dilationH, s.dilationW,
            s.groups,  input.data(), filter.data(), nullptr};
  }

  size_t outputSize() const {
    return args.n * args.out_h * args.out_w * args.out_c;
  }

  // The fma chain over (ky, kx, c), windows outside the input reading 0.
  std::vector<float> reference() const {
    const jaxc_conv2d_f32_args_t &x = args;
    int64_t groupC = x.in_c / x.groups, groupO = x.out_c / x.groups;
    std::vector<float> out(outputSize());
    for (int64_t b = 0; b < x.n; ++b)
      for (int64_t oy = 0; oy < x.out_h; ++oy)
        for (int64_t ox = 0; ox < x.out_w; ++ox)
          for (int64_t o = 0; o < x.out_c; ++o) {
            int64_t g = o / groupO;
            float acc = 0.0f;
            for (int64_t ky = 0; ky < x.k_h; ++ky)
              for (int64_t kx = 0; kx < x.k_w; ++kx)
                for (int64_t c = 0; c < groupC; ++c) {
                  int64_t y = oy * x.stride_h - x.pad_top + ky * x.dilation_h;
                  int64_t xx = ox * x.stride_w - x.pad_left + kx * x.dilation_w;
                  bool inside = y >= 0 && y < x.in_h && xx >= 0 && xx < x.in_w;
                  float v =
                      inside ? input[((b * x.in_h + y) * x.in_w + xx) * x.in_c +
                                     g * groupC + c]
                             : 0.0f;
                  acc = std::fma(
                      v, filter[((ky * x.k_w + kx) * groupC + c) * x.out_c + o],
                      acc);
                }
            out[((b * x.out_h + oy) * x.out_w + ox) * x.out_c + o] = acc;
          }
    return out;
  }

  std::vector<float> run(jaxc_context_t &ctx) {
    std::vector<float> out(outputSize(), NAN);
    args.output = out.data();
    ctx.conv2d_f32(&ctx, &args);
    return out;
  }
};

// ResNet50's convolutions (7x7/2, 3x3, 1x1 stride 1 and 2) at reduced
// spatial sizes, and the other options.
const ConvCase kConvCases[] = {
    {"resnet 7x7/2", 1, 32, 32, 3, 7, 7, 64, 2, 2, 3, 3, 1, 1, 1},
    {"resnet 3x3", 1, 14, 14, 64, 3, 3, 64, 1, 1, 1, 1, 1, 1, 1},
    {"resnet 3x3/2", 1, 14, 14, 128, 3, 3, 128, 2, 2, 0, 0, 1, 1, 1, 1, 1},
    {"resnet 1x1", 1, 7, 7, 256, 1, 1, 64, 1, 1, 0, 0, 1, 1, 1},
    {"resnet 1x1/2", 1, 14, 14, 256, 1, 1, 512, 2, 2, 0, 0, 1, 1, 1},
    {"batch 3", 3, 9, 11, 5, 3, 2, 7, 1, 2, 1, 0, 1, 1, 1},
    {"dilation", 2, 12, 10, 4, 3, 3, 6, 1, 1, 2, 2, 2, 3, 1},
    {"groups 2", 1, 8, 8, 6, 3, 3, 10, 1, 1, 1, 1, 1, 1, 2},
    {"depthwise", 2, 7, 9, 8, 3, 3, 16, 2, 1, 1, 1, 1, 1, 8},
    {"depthwise 3x3 (MobileNet)", 1, 14, 14, 32, 3, 3, 32, 1, 1, 1, 1, 1, 1,
     32},
    {"depthwise dilated, odd channels", 2, 9, 9, 13, 3, 3, 13, 2, 2, 2, 2, 2, 2,
     13},
    // Blocks of 32 channels and a tail, over three images' rows.
    {"depthwise 72 channels, batch 3, stride 2", 3, 9, 8, 72, 3, 3, 72, 2, 2,
     1, 1, 1, 1, 72},
    {"asymmetric padding", 1, 6, 7, 3, 2, 3, 5, 1, 1, 0, 2, 1, 1, 1, 1, 0},
    {"negative padding", 1, 10, 10, 3, 3, 3, 4, 1, 1, -1, -2, 1, 1, 1},
    {"window larger than input", 1, 3, 3, 2, 5, 5, 3, 1, 1, 2, 2, 1, 1, 1},
    {"1x1 padded", 1, 4, 4, 3, 1, 1, 33, 1, 1, 1, 1, 1, 1, 1},
    {"no input channels", 1, 4, 4, 0, 3, 3, 5, 1, 1, 1, 1, 1, 1, 1},
};

TEST(Conv2dF32, EqualsFmaChainOnAnyThreadCount) {
  jaxc_context_t serial = makeContext(1), threaded = makeContext(4);
  for (const ConvCase &shape : kConvCases) {
    Conv conv(shape);
    std::vector<float> expected = conv.reference();
    EXPECT_TRUE(sameBits(conv.run(serial), expected)) << shape.name;
    EXPECT_TRUE(sameBits(conv.run(threaded), expected))
        << shape.name << " on 4 threads";
  }
}

// The devices' contexts hand out these kernels, and their thread pools
// change no bit.
TEST(Kernels, DevicesComputeTheSameBits) {
  jaxc_device_t sync(JAXC_DEVICE_LOCAL_SYNC, 1),
      task(JAXC_DEVICE_LOCAL_TASK, 4);
  for (jaxc_device_t *device : {&sync, &task}) {
    EXPECT_EQ(device->context.matmul_f32, &jaxcMatmulF32);
    EXPECT_EQ(device->context.conv2d_f32, &jaxcConv2dF32);
  }
  Matmul matmul({2, 70, 90, 300, true});
  std::vector<float> chain;
  std::vector<double> exact;
  matmul.reference(chain, exact);
  Conv conv(kConvCases[1]);
  std::vector<float> convExpected = conv.reference();
  for (jaxc_device_t *device : {&sync, &task}) {
    std::vector<float> c(chain.size(), NAN);
    matmul.args.c = c.data();
    device->context.matmul_f32(&device->context, &matmul.args);
    EXPECT_TRUE(sameBits(c, chain)) << device->context.thread_count;
    EXPECT_TRUE(sameBits(conv.run(device->context), convExpected))
        << device->context.thread_count;
  }
}

} // namespace
