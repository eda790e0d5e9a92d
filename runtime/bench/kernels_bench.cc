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
