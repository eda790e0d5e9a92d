#!/usr/bin/python3
"""OpenBLAS's sgemm through numpy at the shapes of kernels_bench.

Run with OPENBLAS_NUM_THREADS=1 and =2 to match local-sync and local-task
(Debian's python3-numpy uses the libblas alternative, OpenBLAS here).
"""
import time

import numpy as np

for size in (256, 1024):
    rng = np.random.default_rng(7)
    a = rng.uniform(-1, 1, (size, size)).astype(np.float32)
    b = rng.uniform(-1, 1, (size, size)).astype(np.float32)
    a @ b
    best = float("inf")
    for _ in range(max(10, int(4e9 / size**3))):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    print(f"sgemm {size}^3: {2 * size**3 / best / 1e9:.1f} GFLOP/s")
