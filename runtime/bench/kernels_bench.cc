//===- kernels_bench.cc - GFLOP/s of the f32 kernels ----------------------===//
//
// sgemm at 1024^3 and 256^3, and ResNet50's convolution shapes (batch 1,
// NHWC), on local-sync (one thread) and local-task (every core, or
// JAXC_THREAD_COUNT). numpy_sgemm.py measures OpenBLAS on the same sgemm
// shapes.
//
//===----------------------------------------------------------------------===//

#include "device.h"
#include "kernels/kernels.h"

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

using namespace jaxc::runtime::impl;

namespace {

std::vector<float> randomValues(size_t count) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> values(count);
  for (float &v : values)
    v = dist(rng);
  return values;
}

// The device of a benchmark's second argument: 0 local-sync, 1 local-task.
jaxc_context_t *deviceContext(benchmark::State &state) {
  static jaxc_device_t sync(JAXC_DEVICE_LOCAL_SYNC, 1);
  static jaxc_device_t *task = [] {
    jaxc_device_t *device = nullptr;
    jaxc_status_t status = jaxc_device_create(JAXC_DEVICE_LOCAL_TASK, &device);
    if (status)
      std::abort();
    return device;
  }();
  jaxc_device_t *device = state.range(1) ? task : &sync;
  state.counters["threads"] = device->context.thread_count;
  return &device->context;
}

void setFlops(benchmark::State &state, double flops) {
  state.counters["GFLOP/s"] = benchmark::Counter(
      flops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Sgemm(benchmark::State &state) {
  int64_t size = state.range(0);
  jaxc_context_t *ctx = deviceContext(state);
  std::vector<float> a = randomValues(size * size),
                     b = randomValues(size * size);
  std::vector<float> c(size * size);
  jaxc_matmul_f32_args_t args{1,        size, size, size, a.data(), 0, size, 1,
                              b.data(), 0,    size, 1,    c.data(), 0, size, 1};
  for (auto _ : state) {
    jaxcMatmulF32(ctx, &args);
    benchmark::DoNotOptimize(c.data());
  }
  setFlops(state, 2.0 * size * size * size);
}
BENCHMARK(BM_Sgemm)
    ->ArgsProduct({{256, 1024}, {0, 1}})
    ->ArgNames({"size", "task"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// BERT-base's matmuls at sequence 128: per layer x[128, 768] times the
// QKV (768 x 2304), output (768 x 768), FFN in (768 x 3072) and FFN out
// (3072 x 768) weights, 12 layers of weights of their own (340 MB, far past
// the caches), as a model call reads them.
void BM_BertMatmuls(benchmark::State &state) {
  constexpr int64_t kRows = 128, kLayers = 12;
  constexpr int64_t kShapes[][2] = {
      {768, 2304}, {768, 768}, {768, 3072}, {3072, 768}};
  jaxc_context_t *ctx = deviceContext(state);
  std::vector<float> x = randomValues(kRows * 3072), y(kRows * 3072);
  std::vector<std::vector<float>> weights;
  double flops = 0;
  for (int64_t layer = 0; layer < kLayers; ++layer)
    for (const auto &shape : kShapes) {
      weights.push_back(randomValues(shape[0] * shape[1]));
      flops += 2.0 * kRows * shape[0] * shape[1];
    }
  for (auto _ : state) {
    for (int64_t w = 0; w < static_cast<int64_t>(weights.size()); ++w) {
      int64_t k = kShapes[w % 4][0], n = kShapes[w % 4][1];
      jaxc_matmul_f32_args_t args{
          1, kRows, n, k,        x.data(), 0, k, 1, weights[w].data(),
          0, n,     1, y.data(), 0,        n, 1};
      jaxcMatmulF32(ctx, &args);
    }
    benchmark::DoNotOptimize(y.data());
  }
  setFlops(state, flops);
}
BENCHMARK(BM_BertMatmuls)
    ->ArgsProduct({{0}, {0, 1}})
    ->ArgNames({"", "task"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// ResNet50's convolutions: {input size, in channels, kernel, out channels,
// stride}, padding (kernel - 1) / 2.
constexpr int64_t kResnetConvs[][5] = {
    {224, 3, 7, 64, 2},   {56, 64, 1, 256, 1},  {56, 64, 3, 64, 1},
    {56, 256, 1, 512, 2}, {28, 128, 3, 128, 1}, {14, 256, 3, 256, 1},
    {7, 512, 3, 512, 1},  {7, 2048, 1, 512, 1},
};

void BM_ResnetConv(benchmark::State &state) {
  const int64_t *shape = kResnetConvs[state.range(0)];
  int64_t size = shape[0], inC = shape[1], kernel = shape[2], outC = shape[3],
          stride = shape[4], pad = (kernel - 1) / 2;
  int64_t outSize = (size + 2 * pad - kernel) / stride + 1;
  jaxc_context_t *ctx = deviceContext(state);
  std::vector<float> input = randomValues(size * size * inC);
  std::vector<float> filter = randomValues(kernel * kernel * inC * outC);
  std::vector<float> output(outSize * outSize * outC);
  jaxc_conv2d_f32_args_t args{
      1,       size,    size,         inC,           kernel,       kernel, outC,
      outSize, outSize, stride,       stride,        pad,          pad,    1,
      1,       1,       input.data(), filter.data(), output.data()};
  for (auto _ : state) {
    jaxcConv2dF32(ctx, &args);
    benchmark::DoNotOptimize(output.data());
  }
  state.SetLabel(std::to_string(size) + "x" + std::to_string(size) + "x" +
                 std::to_string(inC) + " " + std::to_string(kernel) + "x" +
                 std::to_string(kernel) + "/" + std::to_string(stride) +
                 " -> " + std::to_string(outC));
  setFlops(state, 2.0 * outSize * outSize * outC * kernel * kernel * inC);
}
BENCHMARK(BM_ResnetConv)
    ->ArgsProduct({benchmark::CreateDenseRange(0, std::size(kResnetConvs) - 1,
                                               1),
                   {0, 1}})
    ->ArgNames({"shape", "task"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

BENCHMARK_MAIN();
