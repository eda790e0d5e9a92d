#!/usr/bin/python3
"""OpenBLAS's sgemm through numpy at the shapes of kernels_bench.

Run with OPENBLAS_NUM_THREADS=1 and =2 to match local-sync and local-task
(Debian's python3-numpy uses the libblas alternative, OpenBLAS here).
Measured as kernels_bench is: the mean time per call over 0.5 s, repeated;
the best repetition is printed (with --benchmark_repetitions, compare it
with the best of kernels_bench's repetitions).
"""
import time

import numpy as np

REPETITIONS = 8
MIN_TIME = 0.5

for size in (256, 1024):
    rng = np.random.default_rng(7)
    a = rng.uniform(-1, 1, (size, size)).astype(np.float32)
    b = rng.uniform(-1, 1, (size, size)).astype(np.float32)
    a @ b
    best = float("inf")
    for _ in range(REPETITIONS):
        calls, start = 0, time.perf_counter()
        while time.perf_counter() - start < MIN_TIME:
            a @ b
            calls += 1
        best = min(best, (time.perf_counter() - start) / calls)
    print(f"sgemm {size}^3: {2 * size**3 / best / 1e9:.1f} GFLOP/s")
