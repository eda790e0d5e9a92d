#!/usr/bin/env bash
# Builds the runtime's libFuzzer targets (runtime/fuzz, clang-22, ASan and
# UBSan) into build-fuzz/ and runs each for SECONDS (default 60) from seed
# corpora: modules compiled by build/bin/jaxc, .npy files written by numpy,
# --input specs. Prints each target's executions; exits non-zero on the
# first crash, leaving the reproducer (crash-*) in build-fuzz/.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jaxc=build/bin/jaxc
[ -x "$jaxc" ] || { echo "fuzz: $jaxc is missing (build the main build first)" >&2; exit 1; }

cmake -G Ninja -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DJAXC_BUILD_COMPILER=OFF -DJAXC_ENABLE_SANITIZERS=ON \
  -DJAXC_BUILD_FUZZERS=ON >/dev/null
ninja -C build-fuzz module_file_fuzzer npy_fuzzer tensor_spec_fuzzer >/dev/null

seeds=build-fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/module_file "$seeds"/npy "$seeds"/tensor_spec
for program in examples/sin_add.mlir test/jaxc/Inputs/control_flow_and_more.mlir \
    test/jaxc/Inputs/edge_cases.mlir; do
  "$jaxc" compile "$program" -o "$seeds/module_file/$(basename "$program" .mlir).vmfb" \
    >/dev/null 2>&1 || true
done
.venv/bin/python - "$seeds/npy" <<'PY'
import sys, numpy as np, ml_dtypes
out = sys.argv[1]
arrays = {
    "f32": np.arange(6, dtype=np.float32).reshape(2, 3),
    "scalar": np.array(1.5, dtype=np.float64),
    "bool": np.array([True, False]),
    "i8_fortran": np.asfortranarray(np.arange(6, dtype=np.int8).reshape(2, 3)),
    "big_endian": np.arange(3, dtype=">i4"),
    "bf16": np.arange(4, dtype=np.float32).astype(ml_dtypes.bfloat16),
    "c64": np.array([1 + 2j], dtype=np.complex64),
    "empty": np.zeros((0, 4), dtype=np.uint16),
}
for name, array in arrays.items():
    np.save(f"{out}/{name}.npy", array)
PY
specs=("3xf32=1,2,3" "2x2xi32=1,2,3,4" "f32=1" "1x3x224x224xf32" "4xbf16=1,-2,inf,nan"
       "2xi1=1,0" "2xui8=255,0" "3xf16=0x3c00,1,2" "0x4xf64" "2xi64=-9223372036854775808,1")
for i in "${!specs[@]}"; do printf '%s' "${specs[$i]}" > "$seeds/tensor_spec/$i"; done

for target in module_file npy tensor_spec; do
  log=build-fuzz/$target.log
  corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  if ! (cd build-fuzz && "bin/${target}_fuzzer" -max_total_time="$seconds" \
        -print_final_stats=1 "corpus/$target" "seeds/$target") >"$log" 2>&1; then
    echo "fuzz: $target crashed; see $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz: $target: $runs executions in ${seconds} s, no crash"
done
