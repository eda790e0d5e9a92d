#!/usr/bin/python3
"""Prints bench/compare.sh's table from the results it gathered.

  report.py DIR

DIR holds <workload>.json (`jaxc benchmark --benchmark_format=json`),
peers.jsonl (bench/peers.py time) and compile_seconds.txt ("<workload>
<seconds>" lines). Times are the median of the repetitions, in ms. The
last lines are `ratio <workload> jaxc_over_<peer>=<x.xx>`: jaxc's time over
the peer's, below 1 when jaxc is faster. Standard library only.
"""

import json
import os
import sys

S, D, M = 128, 256, 1024
# Work per call: ("GFLOP/s", floating-point operations) or ("GB/s", bytes
# read and written).
WORK = {
    "sgemm_1024": ("GFLOP/s", 2 * 1024**3),
    "sgemm_256": ("GFLOP/s", 2 * 256**3),
    # Each f32 element read once and written once.
    "gelu_16m": ("GB/s", 2 * 4 * 16777216),
    # The matmuls: q, k, v and output projections, scores and
    # attention-times-values, the two MLP layers.
    "transformer_block": ("GFLOP/s", 4 * 2 * S * D * D + 2 * 2 * S * S * D
                          + 2 * 2 * S * D * M),
    # torchvision's 4.09 G multiply-adds for ResNet-50 at 224x224.
    "resnet50": ("GFLOP/s", 2 * 4.09e9),
}


def jaxc_result(path):
    """(median ms, module load text) of a jaxc benchmark JSON file."""
    with open(path) as f:
        report = json.load(f)
    runs = report["benchmarks"]
    medians = [r for r in runs if r.get("aggregate_name") == "median"]
    run = (medians or runs)[0]
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[run["time_unit"]]
    return run["real_time"] * scale, report["context"].get("load", "?")


def machine():
    model = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    # Other work on the machine shows in the times; the load says how much.
    return (f"{model}, {len(os.sched_getaffinity(0))} cores, "
            f"load average {load}")


def main(directory):
    with open(os.path.join(directory, "peers.jsonl")) as f:
        peers = [json.loads(line) for line in f if line.strip()]
    compile_seconds = {}
    with open(os.path.join(directory, "compile_seconds.txt")) as f:
        for line in f:
            workload, seconds = line.split()
            compile_seconds[workload] = float(seconds)

    threads = os.environ.get("OMP_NUM_THREADS", "?")
    print(f"machine: {machine()}; {threads} threads on every side")
    header = ("workload", "jaxc ms", "peer", "peer ms", "jaxc rate",
              "peer rate", "jaxc / peer", "note")
    rows, ratios, loads = [header], [], {}
    for peer in peers:
        workload, name = peer["workload"], peer["peer"]
        path = os.path.join(directory, workload + ".json")
        if not os.path.exists(path):
            rows.append((workload, "-", name, f"{peer['median_ms']:.3f}",
                         "-", "-", "-", "no jaxc result"))
            continue
        jaxc_ms, loads[workload] = jaxc_result(path)
        unit, work = WORK[workload]
        # GFLOP/s and GB/s alike: work per second / 1e9.
        jaxc_rate = work / jaxc_ms * 1e-6
        peer_rate = work / peer["median_ms"] * 1e-6
        ratio = jaxc_ms / peer["median_ms"]
        note = ""
        if unit == "GB/s" and name == "copy":
            note = f"bandwidth: {100 * jaxc_rate / peer_rate:.0f}% of copy"
        rows.append((workload, f"{jaxc_ms:.3f}", name,
                     f"{peer['median_ms']:.3f}", f"{jaxc_rate:.2f} {unit}",
                     f"{peer_rate:.2f} {unit}", f"{ratio:.2f}", note))
        ratios.append(f"ratio {workload} jaxc_over_{name}={ratio:.2f}")

    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(width)
                        for cell, width in zip(row, widths)).rstrip())
    for workload, seconds in compile_seconds.items():
        print(f"{workload}: compile {seconds:.1f} s, module load "
              f"{loads.get(workload, '?')}")
    for line in ratios:
        print(line)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
