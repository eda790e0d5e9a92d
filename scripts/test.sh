#!/usr/bin/env bash
# Every test: set up and build, then unit, lit, end-to-end and conformance
# tests through CTest, the runtime's tests again under ASan and UBSan, and
# the runtime's fuzz targets for a minute each.
# The last line is CTest's summary of the main build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)

# The runtime alone, with sanitizers (no MLIR in this build).
cmake -G Ninja -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug \
  -DJAXC_BUILD_COMPILER=OFF -DJAXC_ENABLE_SANITIZERS=ON >/dev/null
ninja -C build-sanitize -j"$jobs" >/dev/null
ctest --test-dir build-sanitize -j"$jobs" --output-on-failure | tail -n 3

ninja -C build -j"$jobs"

# The runtime's libFuzzer targets, a minute each (docs/robustness.md has
# the long campaigns' figures).
scripts/fuzz.sh 60

ctest --test-dir build -j"$jobs" --output-on-failure
