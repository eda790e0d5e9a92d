#!/usr/bin/env bash
# bench/compare.sh: jaxc against OpenBLAS (numpy) and PyTorch on the same
# workloads, inputs and thread count (issue 4).
#
#   bench/compare.sh        # installs numpy/torch/torchvision if missing,
#                           # builds jaxc into build/ if it is not there
#
# Environment: JAXC_BUILD_DIR (default build), JAXC_BENCH_REPETITIONS
# (default 5), JAXC_BENCH_MIN_TIME (seconds per repetition, default 0.5).
# Prints the machine, a table (median of the repetitions after a warm-up
# call, on both sides), ResNet-50's compile and module load time, and last
# one `ratio <workload> jaxc_over_<peer>=<x.xx>` line per comparison. A
# workload jaxc fails on is reported on stderr and left out of the ratios;
# the exit status is then 1.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${JAXC_BUILD_DIR:-build}
repetitions=${JAXC_BENCH_REPETITIONS:-5}
min_time=${JAXC_BENCH_MIN_TIME:-0.5}
resnet50=../shared/models/flax_resnet50.mlir

# numpy without OpenBLAS falls back to the reference BLAS, 50x slower.
packages=(python3-numpy libopenblas0-pthread python3-torch python3-torchvision)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "compare: installing ${missing[*]} (torch takes a few minutes)" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x "$build/bin/jaxc" ]; then
  if [ "$build" != build ]; then
    echo "compare: error: no $build/bin/jaxc (JAXC_BUILD_DIR=$build)" >&2
    exit 1
  fi
  echo "compare: building jaxc into build/" >&2
  scripts/setup.sh
  ninja -C build
fi
jaxc=$build/bin/jaxc

# Writing back a fresh build's files steals cores and memory bandwidth
# from the timings (GELU ran 50% slower in runs right after a build).
sync

# Every side runs with one thread per core.
threads=$(nproc)
export JAXC_THREAD_COUNT=$threads OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 bench/peers.py inputs "$work/inputs"

workloads=(sgemm_1024 sgemm_256 gelu_16m transformer_block)
declare -A sources=()
for workload in "${workloads[@]}"; do
  sources[$workload]=bench/$workload.mlir
done
if [ -f "$resnet50" ]; then
  workloads+=(resnet50)
  sources[resnet50]=$resnet50
else
  echo "compare: $resnet50 is missing (it comes with shared/); skipping ResNet-50" >&2
fi

# Compiles and times one workload; its result is $work/<workload>.json.
run_jaxc() {
  local workload=$1 start end inputs=() count i
  start=$(date +%s.%N)
  # ResNet-50's weights are elided from the export; any values time the same.
  "$jaxc" compile "${sources[$workload]}" --fill-elided-constants \
    --output="$work/$workload.vmfb" || return 1
  end=$(date +%s.%N)
  if [ "$workload" = resnet50 ]; then
    awk -v w="$workload" -v s="$start" -v e="$end" 'BEGIN { print w, e - s }' \
      >>"$work/compile_seconds.txt"
  fi
  count=$(ls "$work/inputs/$workload".*.npy | wc -l)
  for ((i = 0; i < count; i++)); do
    inputs+=("--input=@$work/inputs/$workload.$i.npy")
  done
  "$jaxc" benchmark --module="$work/$workload.vmfb" --function=main \
    "${inputs[@]}" --device=local-task \
    --benchmark_repetitions="$repetitions" \
    --benchmark_min_time="$min_time" --benchmark_format=json \
    >"$work/$workload.json.part" && mv "$work/$workload.json.part" "$work/$workload.json"
}

: >"$work/compile_seconds.txt"
for workload in "${workloads[@]}"; do
  echo "compare: compiling and timing $workload" >&2
  # A workload jaxc fails on is reported and the others still run: the
  # table says "no jaxc result" for it.
  run_jaxc "$workload" 2>"$work/$workload.stderr" || {
    echo "compare: error: jaxc failed on $workload:" >&2
    tail -5 "$work/$workload.stderr" >&2
  }
done

echo "compare: timing the peers" >&2
/usr/bin/python3 bench/peers.py time "$work/inputs" "$repetitions" "$min_time" \
  >"$work/peers.jsonl"
/usr/bin/python3 bench/report.py "$work"
for workload in "${workloads[@]}"; do
  [ -f "$work/$workload.json" ] || exit 1
done
