//===- BenchmarkCommand.cpp - jaxc benchmark ------------------------------===//
//
// `jaxc benchmark` mirrors iree-benchmark-module: load a module, call one
// function with --input values once to warm up, then time calls with Google
// Benchmark. Each repetition reports the real time per call; with
// --benchmark_repetitions=N > 1 the aggregates follow, min and max among
// them. The context holds the device, its threads and the module's load time
// (`load`); the counters the process's peak RSS and the bytes of the buffers
// the tool allocated.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Execution.h"
#include "Flags.h"

#include "jaxc/runtime/runtime.h"
#include "jaxc/tooling/host_tensor.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace jaxc::tools {
namespace {

using tooling::Error;
using tooling::Expected;
using tooling::HostTensor;

const CommandSpec kBenchmark = {
    "benchmark",
    "--module=FILE [--function=NAME] [--input=...] [--device=local-task] "
    "[--benchmark_repetitions=N] [--benchmark_format=console|json]",
    {
        {"module", true, false, "the module file to load", ""},
        {"function", true, false, "the function to time (default: main)", ""},
        {"input", true, true,
         "an input: 2x3xf32=1,2,3,4,5,6, @file.npy, or 1x3x224x224xf32 for "
         "zeros; one per argument",
         ""},
        {"device", true, false, "local-task (default) or local-sync", ""},
        {"benchmark_repetitions", true, false,
         "timed runs; more than 1 adds mean, median, stddev, min and max "
         "(default: 1)",
         ""},
        {"benchmark_format", true, false, "console (default) or json", ""},
        {"benchmark_min_time", true, false,
         "per repetition: at least this long (0.5 or 0.5s, the default) or "
         "exactly N calls (Nx)",
         ""},
    }};

// --benchmark_min_time, in newer Google Benchmark's syntax: seconds ("0.5",
// "0.5s") or a number of calls ("10x").
struct MinTime {
  double seconds = 0.5;
  int64_t iterations = 0; // 0: run for `seconds`
};

Expected<MinTime> parseMinTime(const ParsedFlags &flags) {
  MinTime minTime;
  if (!flags.has("benchmark_min_time"))
    return minTime;
  std::string text = flags.get("benchmark_min_time");
  auto invalid = Error{"invalid --benchmark_min_time=" + text +
                       ": expected seconds (0.5, 0.5s) or calls (10x)"};
  std::string number = text;
  bool isCount = !text.empty() && text.back() == 'x';
  if (!text.empty() && (isCount || text.back() == 's'))
    number.pop_back();
  if (number.empty())
    return invalid;
  char *end = nullptr;
  errno = 0;
  if (isCount) {
    long long count = std::strtoll(number.c_str(), &end, 10);
    if (*end != '\0' || errno == ERANGE || count < 1)
      return invalid;
    minTime.iterations = count;
  } else {
    minTime.seconds = std::strtod(number.c_str(), &end);
    if (*end != '\0' || errno == ERANGE || !(minTime.seconds > 0))
      return invalid;
  }
  return minTime;
}

// The process's peak resident set so far, in bytes.
double peakRssBytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024; // Linux: KiB
}

double minOf(const std::vector<double> &values) {
  return *std::min_element(values.begin(), values.end());
}
double maxOf(const std::vector<double> &values) {
  return *std::max_element(values.begin(), values.end());
}

// A function with its inputs parsed and its results allocated, ready to call
// again and again.
struct PreparedCall {
  const jaxc_function_t *function = nullptr;
  jaxc_device_t *device = nullptr;
  std::vector<HostTensor> inputs, results;
  std::vector<jaxc_buffer_t> inputBuffers, resultBuffers;

  jaxc_status_t operator()() {
    return jaxc_function_call_on(function, device, inputBuffers.data(),
                                 inputBuffers.size(), resultBuffers.data(),
                                 resultBuffers.size());
  }

  double bufferBytes() const {
    double bytes = 0;
    for (const std::vector<HostTensor> *tensors : {&inputs, &results})
      for (const HostTensor &tensor : *tensors)
        bytes += tensor.bytes.size();
    return bytes;
  }
};

Expected<PreparedCall> prepareCall(const jaxc_function_t *function,
                                   jaxc_device_t *device,
                                   const std::vector<std::string> &specs) {
  Expected<std::vector<HostTensor>> inputs = parseInputs(function, specs);
  if (!inputs)
    return Error{inputs.error()};
  PreparedCall call;
  call.function = function;
  call.device = device;
  call.inputs = std::move(*inputs);
  for (size_t i = 0; i < jaxc_function_result_count(function); ++i)
    call.results.push_back(
        tooling::allocateFor(jaxc_function_result_type(function, i)));
  for (HostTensor &input : call.inputs)
    call.inputBuffers.push_back(tooling::asBuffer(input));
  for (HostTensor &result : call.results)
    call.resultBuffers.push_back(tooling::asBuffer(result));
  return call;
}

// Google Benchmark reads its own flags; the ones jaxc checked are passed on
// in its syntax.
void initializeGoogleBenchmark(const std::string &format, int64_t repetitions,
                               const MinTime &minTime) {
  // Static: Google Benchmark keeps argv[0] as the program's name.
  static std::vector<std::string> args;
  args = {
      "jaxc benchmark",
      "--benchmark_format=" + format,
      "--benchmark_repetitions=" + std::to_string(repetitions),
  };
  if (!minTime.iterations)
    args.push_back("--benchmark_min_time=" + std::to_string(minTime.seconds));
  std::vector<char *> argv;
  for (std::string &arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  int argc = static_cast<int>(args.size());
  benchmark::Initialize(&argc, argv.data());
}

} // namespace

int benchmarkCommand(const Args &args) {
  int exitCode = kExitOk;
  std::optional<ParsedFlags> flags =
      parseCommandLine(kBenchmark, args, exitCode);
  if (!flags)
    return exitCode;
  if (!flags->positionals.empty())
    return reportError(kBenchmark, "unexpected argument '" +
                                       flags->positionals.front() +
                                       "'; give the module as --module=FILE");
  if (!flags->has("module"))
    return reportError(kBenchmark, "no module given; use --module=FILE");
  Expected<jaxc_device_kind_t> deviceKind = parseDeviceFlag(kBenchmark, *flags);
  if (!deviceKind)
    return reportError(kBenchmark, deviceKind.error());
  Expected<int64_t> repetitions =
      flags->getPositiveInteger("benchmark_repetitions", 1);
  if (!repetitions)
    return reportError(kBenchmark, repetitions.error());
  std::string format = flags->get("benchmark_format", "console");
  if (format != "console" && format != "json")
    return reportError(kBenchmark, "unknown --benchmark_format=" + format +
                                       "; use console or json");
  Expected<MinTime> minTime = parseMinTime(*flags);
  if (!minTime)
    return reportError(kBenchmark, minTime.error());

  std::string path = flags->get("module");
  auto loadStart = std::chrono::steady_clock::now();
  jaxc_module_t *loaded = nullptr;
  if (jaxc_status_t status = jaxc_module_load_file(path.c_str(), &loaded))
    return reportError(kBenchmark, takeMessage(status));
  std::chrono::duration<double, std::milli> loadTime =
      std::chrono::steady_clock::now() - loadStart;
  ModulePtr module(loaded);

  const jaxc_function_t *function = nullptr;
  if (jaxc_status_t status = jaxc_module_lookup(
          module.get(), flags->get("function", "main").c_str(), &function))
    return reportError(kBenchmark, takeMessage(status));
  jaxc_device_t *created = nullptr;
  if (jaxc_status_t status = jaxc_device_create(*deviceKind, &created))
    return reportError(kBenchmark, takeMessage(status));
  DevicePtr device(created);
  Expected<PreparedCall> call =
      prepareCall(function, device.get(), flags->getAll("input"));
  if (!call)
    return reportError(kBenchmark, call.error());
  // The warm-up call also reports a failing function before any timing.
  if (jaxc_status_t status = (*call)())
    return reportError(kBenchmark, takeMessage(status));

  std::string name = jaxc_function_name(function);
  char loadText[32];
  std::snprintf(loadText, sizeof(loadText), "%.3f ms", loadTime.count());
  benchmark::AddCustomContext("module", path);
  benchmark::AddCustomContext("function", name);
  benchmark::AddCustomContext("device", deviceName(*deviceKind));
  benchmark::AddCustomContext(
      "threads", std::to_string(jaxc_device_thread_count(device.get())));
  benchmark::AddCustomContext("load", loadText);

  std::string failure;
  double bufferBytes = call->bufferBytes();
  benchmark::internal::Benchmark *timed = benchmark::RegisterBenchmark(
      ("BM_" + name).c_str(), [&](benchmark::State &state) {
        for (auto _ : state) {
          if (jaxc_status_t status = (*call)()) {
            failure = takeMessage(status);
            state.SkipWithError(failure.c_str());
            break;
          }
        }
        using benchmark::Counter;
        state.counters["peak_rss_bytes"] =
            Counter(peakRssBytes(), Counter::kDefaults, Counter::kIs1024);
        state.counters["buffer_bytes"] =
            Counter(bufferBytes, Counter::kDefaults, Counter::kIs1024);
      });
  // Real time: a multi-threaded device's CPU time is not the latency.
  timed->MeasureProcessCPUTime()
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond)
      ->ComputeStatistics("min", minOf)
      ->ComputeStatistics("max", maxOf);
  if (minTime->iterations)
    timed->Iterations(minTime->iterations);

  initializeGoogleBenchmark(format, *repetitions, *minTime);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!failure.empty())
    return reportError(kBenchmark, failure);
  return kExitOk;
}

} // namespace jaxc::tools
