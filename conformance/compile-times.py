#!/usr/bin/env python3
"""Times `jaxc compile` on every .mlir under a path; prints median and slowest.

Usage: conformance/compile-times.py JAXC PATH [--jobs N]
Each file is compiled to a temporary module file; only files that compile
are counted. Wall time per file includes process start-up.
"""
import concurrent.futures
import os
import statistics
import subprocess
import sys
import tempfile
import time


def compile_time(jaxc, path, out_dir):
    out = os.path.join(out_dir, os.path.basename(path) + ".vmfb")
    start = time.perf_counter()
    rc = subprocess.run([jaxc, "compile", path, "-o", out],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    return path, rc, time.perf_counter() - start


def main():
    args = sys.argv[1:]
    jobs = 1
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    jaxc, root = args
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root)
                   for f in fs if f.endswith(".mlir"))
    with tempfile.TemporaryDirectory() as out_dir, \
            concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda f: compile_time(jaxc, f, out_dir), files))
    times = sorted((t, p) for p, rc, t in results if rc == 0)
    if not times:
        sys.exit("no file compiled")
    print(f"compiled {len(times)} of {len(files)} files (jobs={jobs})")
    print(f"median {statistics.median(t for t, _ in times):.3f} s, "
          f"p90 {times[int(0.9 * (len(times) - 1))][0]:.3f} s, "
          f"slowest {times[-1][0]:.3f} s ({os.path.basename(times[-1][1])})")


if __name__ == "__main__":
    main()
