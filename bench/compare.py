"""jaxc against IREE and XLA on the same StableHLO, inputs and threads.

  .venv/bin/python bench/compare.py [--workloads a,b] [--repetitions N]
      [--min-time S] [--threads N] [--out DIR] [--jaxc PATH]

bench/compare.sh installs what this needs and runs it. For each workload of
bench/workloads.py, JAX exports the function once (StableHLO text, weights
as arguments) and writes its arguments as .npy files; then

- jaxc: `jaxc compile`, then `jaxc benchmark --device=local-task`;
- IREE: `iree-compile --iree-hal-target-backends=llvm-cpu
  --iree-llvmcpu-target-cpu=host`, then `iree-benchmark-module
  --device=local-task --task_topology_group_count=N`, and the module's load
  time through iree.runtime;
- XLA: `jax.jit` of the same function on the CPU backend, in its own
  process, compiled (timed), then timed after a warm-up call with
  block_until_ready;
- OpenBLAS (sgemm f32: numpy's matmul, with OPENBLAS_CORETYPE and
  OPENBLAS_L2_SIZE unset) and a copy of the same bytes (the bandwidth
  workloads: numpy's copyto split over the threads).

Every side: one warm-up call, then REPETITIONS repetitions of at least
MIN_TIME seconds each (Google Benchmark's method, which jaxc's and IREE's
benchmark tools use), the median of their mean call times. Peak RSS is the
benchmarking process's (GNU time's %M): the module, its inputs and the
runtime for jaxc and IREE; the Python interpreter, JAX and the inputs for
XLA. Prints the versions and machine, a table, then one
`ratio <workload> jaxc_over_<peer>=x.xx` line per workload and peer (time;
below 1: jaxc is faster) and one `compile <workload> jaxc_over_<peer>=x.xx`
per compiler; writes DIR/times.png (a bar chart of the times) and
DIR/results.json. Exits 1 when a system fails on a workload (its row then
says why).
"""

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VENV_BIN = os.path.dirname(sys.executable)


def run_measured(command, env=None):
    """Runs `command`; returns (seconds, peak RSS in MiB, stdout, stderr,
    exit status). The RSS is the command's own, reported by GNU time: a
    child forked from this process would start from its RSS (the exported
    model's weights) and report at least that."""
    start = time.perf_counter()
    with tempfile.NamedTemporaryFile("r") as rss:
        process = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss.name, *command],
            capture_output=True, text=True, errors="replace", env=env)
        seconds = time.perf_counter() - start
        kib = rss.read().strip().splitlines()
    peak = float(kib[-1]) / 1024 if kib and kib[-1].isdigit() else float("nan")
    return seconds, peak, process.stdout, process.stderr, process.returncode


def benchmark_median_ms(report: str) -> float:
    """The median of a Google Benchmark JSON report's repetitions, in ms."""
    data = json.loads(report[report.index("{"):])
    rows = [b for b in data["benchmarks"] if b.get("aggregate_name") == "median"]
    if not rows:  # one repetition: no aggregates
        rows = [b for b in data["benchmarks"] if b.get("run_type") == "iteration"]
    row = rows[0]
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[row["time_unit"]]
    return row["real_time"] * scale


class Failure(Exception):
    pass


def _check(status, stderr, what):
    if status != 0:
        lines = [line for line in stderr.strip().splitlines() if line.strip()]
        raise Failure(f"{what} exit {status}: {lines[-1][:300] if lines else ''}")


# --------------------------------------------------------------------------
# The systems. Each returns {"ms", "compile_s", "load_ms", "rss_mib"}.


def time_jaxc(jaxc, source, inputs, work, options):
    module = os.path.join(work, "jaxc.vmfb")
    seconds, _, _, err, status = run_measured(
        [jaxc, "compile", source, f"--output={module}"])
    _check(status, err, "jaxc compile")
    _, rss, out, err, status = run_measured(
        [jaxc, "benchmark", f"--module={module}", "--function=main",
         *[f"--input=@{i}" for i in inputs], "--device=local-task",
         f"--benchmark_repetitions={options.repetitions}",
         f"--benchmark_min_time={options.min_time}", "--benchmark_format=json"])
    _check(status, err, "jaxc benchmark")
    context = json.loads(out[out.index("{"):])["context"]
    load_ms = float(context["load"].split()[0])
    return {"ms": benchmark_median_ms(out), "compile_s": seconds,
            "load_ms": load_ms, "rss_mib": rss}


IREE_LOAD = """
import sys, time
import iree.runtime as rt
config = rt.Config("local-task")
context = rt.SystemContext(config=config)
start = time.perf_counter()
module = rt.VmModule.mmap(config.vm_instance, sys.argv[1])
context.add_vm_module(module)
print((time.perf_counter() - start) * 1e3)
"""


def time_iree(source, inputs, work, options):
    module = os.path.join(work, "iree.vmfb")
    seconds, _, _, err, status = run_measured(
        [os.path.join(VENV_BIN, "iree-compile"), source,
         "--iree-input-type=stablehlo",
         "--iree-hal-target-backends=llvm-cpu",
         "--iree-llvmcpu-target-cpu=host", "-o", module])
    _check(status, err, "iree-compile")
    _, rss, out, err, status = run_measured(
        [os.path.join(VENV_BIN, "iree-benchmark-module"), f"--module={module}",
         "--function=main", *[f"--input=@{i}" for i in inputs],
         "--device=local-task",
         f"--task_topology_group_count={options.threads}",
         f"--benchmark_repetitions={options.repetitions}",
         f"--benchmark_min_time={options.min_time}s",
         "--benchmark_format=json"])
    _check(status, err, "iree-benchmark-module")
    _, _, load, err, status = run_measured(
        [sys.executable, "-c", IREE_LOAD, module])
    _check(status, err, "iree.runtime load")
    return {"ms": benchmark_median_ms(out), "compile_s": seconds,
            "load_ms": float(load), "rss_mib": rss}


def time_in_worker(peer, workload, work, options, env=None):
    """XLA, OpenBLAS and the copy run in a process of their own."""
    _, rss, out, err, status = run_measured(
        [sys.executable, os.path.abspath(__file__), "--worker", peer,
         "--workloads", workload, "--out", work,
         "--repetitions", str(options.repetitions),
         "--min-time", str(options.min_time)], env=env)
    _check(status, err, f"{peer} worker")
    result = json.loads(out.strip().splitlines()[-1])
    result["rss_mib"] = rss
    return result


def repeat_ms(call, repetitions, min_time):
    """Google Benchmark's method in Python: one warm-up call, then per
    repetition as many calls as fill min_time; the median mean, in ms."""
    call()
    means = []
    for _ in range(repetitions):
        count, start = 0, time.perf_counter()
        while True:
            call()
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        means.append(elapsed / count * 1e3)
    means.sort()
    return means[len(means) // 2]


def worker(peer, name, work, repetitions, min_time):
    import numpy as np
    inputs = [np.load(os.path.join(work, f)) for f in
              sorted(f for f in os.listdir(work) if f.startswith("arg"))]
    if peer == "xla":
        import jax
        import workloads
        w = workloads.get(name)
        start = time.perf_counter()
        compiled = jax.jit(w.fn).lower(*inputs).compile()
        compile_s = time.perf_counter() - start
        cost = compiled.cost_analysis()
        cost = cost[0] if isinstance(cost, list) else cost
        arrays = [jax.device_put(x) for x in inputs]
        ms = repeat_ms(lambda: jax.block_until_ready(compiled(*arrays)),
                       repetitions, min_time)
        result = {"ms": ms, "compile_s": compile_s,
                  "flops": float(cost.get("flops", 0))}
    elif peer == "openblas":
        import ctypes
        a, b = inputs
        ms = repeat_ms(lambda: np.matmul(a, b), repetitions, min_time)
        result = {"ms": ms, "kernel": openblas_core_name(ctypes)}
    else:  # a copy of the same bytes, split over the threads
        from concurrent.futures import ThreadPoolExecutor
        threads = int(os.environ.get("JAXC_THREAD_COUNT", "1"))
        sources = [x.reshape(-1).view(np.uint8) for x in inputs]
        chunks = []
        for source in sources:
            target = np.empty_like(source)
            target[:] = source  # touch the pages first
            step = -(-source.size // threads)
            chunks += [(target[i:i + step], source[i:i + step])
                       for i in range(0, source.size, step)]
        with ThreadPoolExecutor(threads) as pool:
            ms = repeat_ms(lambda: list(pool.map(lambda c: np.copyto(*c), chunks)),
                           repetitions, min_time)
        result = {"ms": ms}
    print(json.dumps(result))


def openblas_core_name(ctypes):
    """The OpenBLAS kernel numpy's matmul runs (openblas_get_corename)."""
    import numpy as np
    libs = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for name in sorted(os.listdir(libs)) if os.path.isdir(libs) else []:
        if "openblas" not in name:
            continue
        lib = ctypes.CDLL(os.path.join(libs, name))
        for symbol in ("scipy_openblas_get_corename64_", "openblas_get_corename64_",
                       "openblas_get_corename"):
            if hasattr(lib, symbol):
                function = getattr(lib, symbol)
                function.restype = ctypes.c_char_p
                return function().decode()
    return "unknown"


# --------------------------------------------------------------------------
# Export, report, chart.


def export(name, work):
    """Writes work/<name>.mlir and work/argNNN.npy; returns (source,
    inputs, rate kind, bytes moved or None for FLOPs)."""
    import jax
    import numpy as np
    import workloads
    w = workloads.get(name)
    lowered = jax.jit(w.fn).lower(*w.args)
    source = os.path.join(work, f"{name}.mlir")
    with open(source, "w") as f:
        lowered.compiler_ir("stablehlo").operation.print(
            file=f, enable_debug_info=False)
    inputs = []
    for i, x in enumerate(w.args):
        inputs.append(os.path.join(work, f"arg{i:04d}.npy"))
        np.save(inputs[-1], x)
    amount = None  # FLOPs: from XLA's cost analysis, in its worker
    if w.rate == "byte":
        outputs = jax.eval_shape(w.fn, *w.args)
        amount = float(sum(x.nbytes for x in w.args) +
                       sum(np.dtype(o.dtype).itemsize * o.size
                           for o in jax.tree_util.tree_leaves(outputs)))
    return source, inputs, w.rate, amount


def versions():
    from importlib.metadata import version
    found = {}
    for package in ("jax", "jaxlib", "iree-base-compiler", "iree-base-runtime",
                    "numpy"):
        found[package] = version(package)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    found["jaxc"] = commit or "unknown"
    return found


def machine(threads):
    model = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    flags = open("/proc/cpuinfo").read()
    isa = ("AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags
           else platform.machine())
    return (f"{model} ({isa}), {os.cpu_count()} cores, load average "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
            f"{threads} threads on every side")


def rate(kind, amount, ms):
    if not amount:
        return "-"
    if kind == "flop":
        return f"{amount / ms / 1e6:.1f} GFLOP/s"
    return f"{amount / ms / 1e6:.2f} GB/s"


def chart(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    systems = ["jaxc", "iree", "xla"]
    names = list(results)
    fig, ax = plt.subplots(figsize=(max(8, 1.1 * len(names)), 4.5))
    width = 0.8 / len(systems)
    for k, system in enumerate(systems):
        # Each workload's times relative to the fastest system's.
        values = []
        for name in names:
            times = [results[name][s]["ms"] for s in systems
                     if "ms" in results[name].get(s, {})]
            own = results[name].get(system, {}).get("ms")
            values.append(own / min(times) if own and times else 0)
        ax.bar([i + (k - 1) * width for i in range(len(names))], values, width,
               label=system)
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=30, ha="right")
    ax.axhline(1.0, color="black", linewidth=0.5)
    ax.set_ylabel("time / fastest system's (lower is better)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main():
    import workloads
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workloads", default=",".join(workloads.WORKLOADS))
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.5)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results"))
    parser.add_argument("--jaxc", default=os.path.join(ROOT, "build", "bin", "jaxc"))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        return worker(options.worker, options.workloads, options.out,
                      options.repetitions, options.min_time)

    threads = str(options.threads)
    os.environ.update(JAXC_THREAD_COUNT=threads, OMP_NUM_THREADS=threads,
                      OPENBLAS_NUM_THREADS=threads)
    # XLA's CPU client sizes its pool from the cores it may use.
    xla_env = dict(os.environ, XLA_FLAGS=(os.environ.get("XLA_FLAGS", "") +
                   f" --xla_cpu_multi_thread_eigen=true"
                   f" intra_op_parallelism_threads={threads}").strip())
    blas_env = {k: v for k, v in os.environ.items()
                if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    os.makedirs(options.out, exist_ok=True)
    found = versions()
    print("versions: " + ", ".join(f"{k} {v}" for k, v in found.items()))
    print("machine: " + machine(threads))
    sys.stdout.flush()

    results, failed = {}, False
    for name in options.workloads.split(","):
        print(f"compare: {name}", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix=f"jaxc-bench-{name}-") as work:
            entry = {}
            try:
                source, inputs, kind, amount = export(name, work)
            except Exception as e:  # noqa: BLE001 - reported in the table
                results[name] = {"error": f"export: {e}"}
                failed = True
                continue
            entry["rate"] = (kind, amount)
            systems = {
                "jaxc": lambda: time_jaxc(options.jaxc, source, inputs, work, options),
                "iree": lambda: time_iree(source, inputs, work, options),
                "xla": lambda: time_in_worker("xla", name, work, options, xla_env),
            }
            if name == "sgemm_1024_f32":
                systems["openblas"] = lambda: time_in_worker(
                    "openblas", name, work, options, blas_env)
            if kind == "byte":
                systems["copy"] = lambda: time_in_worker("copy", name, work, options)
            for system, measure in systems.items():
                try:
                    entry[system] = measure()
                except Failure as e:
                    entry[system] = {"error": str(e)}
                    failed = True
            if kind == "flop":
                entry["rate"] = (kind, entry["xla"].get("flops"))
            results[name] = entry

    report(results)
    with open(os.path.join(options.out, "results.json"), "w") as f:
        json.dump({"versions": found, "machine": machine(threads),
                   "results": results}, f, indent=1)
    chart(results, os.path.join(options.out, "times.png"))
    print(f"chart: {os.path.relpath(os.path.join(options.out, 'times.png'), ROOT)}")
    return 1 if failed else 0


def report(results):
    header = (f"{'workload':<19} {'system':<9} {'ms':>9} {'rate':>15} "
              f"{'compile s':>9} {'load ms':>8} {'RSS MiB':>8}  note")
    print(header)
    ratios, compiles = [], []
    for name, entry in results.items():
        if "error" in entry:
            print(f"{name:<19} {'-':<9} {entry['error']}")
            continue
        kind, amount = entry["rate"]
        for system, r in entry.items():
            if system == "rate":
                continue
            if "error" in r:
                print(f"{name:<19} {system:<9} failed: {r['error']}")
                continue
            compile_s = f"{r['compile_s']:.1f}" if "compile_s" in r else "-"
            load = f"{r['load_ms']:.1f}" if "load_ms" in r else "-"
            note = f"kernel {r['kernel']}" if "kernel" in r else ""
            print(f"{name:<19} {system:<9} {r['ms']:>9.3f} "
                  f"{rate(kind, amount, r['ms']):>15} {compile_s:>9} {load:>8} "
                  f"{r['rss_mib']:>8.0f}  {note}")
        own = entry.get("jaxc", {})
        for peer, r in entry.items():
            if peer in ("rate", "jaxc") or "ms" not in r or "ms" not in own:
                continue
            ratios.append(f"ratio {name} jaxc_over_{peer}={own['ms'] / r['ms']:.2f}")
            if "compile_s" in r:
                compiles.append(f"compile {name} jaxc_over_{peer}="
                                f"{own['compile_s'] / r['compile_s']:.2f}")
    print("\n".join(ratios + compiles))


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    sys.exit(main())
