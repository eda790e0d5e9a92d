// jaxc benchmark: Google Benchmark's JSON with the function's name, the
// per-repetition runs, the aggregates (min, median and max among them), the
// module's load time and the memory counters.

// RUN: jaxc compile %examples/sin_add.mlir --output=%t.vmfb
// RUN: jaxc benchmark --module=%t.vmfb --function=main --input=3xf32=1,2,3 --input=3xf32 --benchmark_repetitions=2 --benchmark_min_time=0.01 --benchmark_format=json | FileCheck %s
// CHECK: "context":
// CHECK-DAG: "function": "main"
// CHECK-DAG: "device": "local-task"
// CHECK-DAG: "load": "{{[0-9]+\.[0-9]+}} ms"
// CHECK: "name": "BM_main/process_time/real_time",
// CHECK: "repetition_index": 0,
// CHECK: "time_unit": "ms",
// CHECK: "name": "BM_main/process_time/real_time",
// CHECK: "repetition_index": 1,
// CHECK: "name": "BM_main/process_time/real_time_median",
// CHECK: "aggregate_name": "median",
// CHECK: "real_time": {{[0-9]}}
// CHECK: "buffer_bytes": 3.6{{0*}}e+01,
// CHECK: "peak_rss_bytes": {{[0-9]}}
// CHECK: "name": "BM_main/process_time/real_time_min",
// CHECK: "aggregate_name": "min",
// CHECK: "name": "BM_main/process_time/real_time_max",
// CHECK: "aggregate_name": "max",

// The console table; the load time is in the context, on stderr.
// RUN: jaxc benchmark --module=%t.vmfb --input=3xf32 --input=3xf32 --device=local-sync --benchmark_min_time=2x 2>&1 | FileCheck %s --check-prefix=CONSOLE
// CONSOLE-DAG: load: {{[0-9.]+}} ms
// CONSOLE-DAG: BM_main/iterations:2/process_time/real_time {{.*}} ms {{.*}} 2 buffer_bytes=36 peak_rss_bytes=

// --device=local is IREE's older name for local-task.
// RUN: jaxc benchmark --module=%t.vmfb --input=3xf32 --input=3xf32 --device=local --benchmark_min_time=1x 2>&1 | FileCheck %s --check-prefix=LOCAL
// LOCAL: jaxc benchmark: note: --device=local means local-task

// Bad flags: one clear error each, exit code 3.
// RUN: not jaxc benchmark --module=%t.vmfb --input=3xf32 --input=3xf32 --device=cuda 2>&1 | FileCheck %s --check-prefix=DEVICE
// DEVICE: jaxc benchmark: error: unknown --device=cuda; jaxc runs on local-task (the default) or local-sync
// RUN: not jaxc benchmark --module=%t.vmfb --input=3xf32 --input=3xf32 --benchmark_repetitions=0 2>&1 | FileCheck %s --check-prefix=REPS
// REPS: jaxc benchmark: error: invalid --benchmark_repetitions=0: expected an integer >= 1
// RUN: not jaxc benchmark --module=%t.vmfb --input=3xf32 --input=3xf32 --benchmark_format=xml 2>&1 | FileCheck %s --check-prefix=FORMAT
// FORMAT: jaxc benchmark: error: unknown --benchmark_format=xml; use console or json
// RUN: not jaxc benchmark --module=%t.vmfb --input=3xf32 --input=3xf32 --benchmark_min_time=fast 2>&1 | FileCheck %s --check-prefix=MINTIME
// MINTIME: jaxc benchmark: error: invalid --benchmark_min_time=fast: expected seconds (0.5, 0.5s) or calls (10x)
// RUN: not jaxc benchmark --input=3xf32 2>&1 | FileCheck %s --check-prefix=NOMODULE
// NOMODULE: jaxc benchmark: error: no module given; use --module=FILE
// RUN: not jaxc benchmark --module=%t.missing.vmfb 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: jaxc benchmark: error: {{.*}}missing.vmfb
// RUN: not jaxc benchmark --module=%t.vmfb --input=3xf32 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: jaxc benchmark: error: main expects 2 inputs, got 1
// RUN: not jaxc benchmark --module=%t.vmfb --input=3xf32 --input=4xf32 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: jaxc benchmark: error: input 1 of main: expected 3xf32, got 4xf32
// RUN: not jaxc benchmark --module=%t.vmfb --input=3xf32 --input=3xf32 --benchmark_filter=x 2>&1 | FileCheck %s --check-prefix=FLAG
// FLAG: jaxc benchmark: error: unknown flag --benchmark_filter
// RUN: jaxc benchmark --module=%t.vmfb --input=3xf32 --input=3xf32 --benchmark_format=xml; test $? = 3
