#!/usr/bin/env bash
# bench/compare.sh: jaxc against IREE and XLA on the same StableHLO, inputs
# and thread count (bench/compare.py says how each side is measured).
#
#   bench/compare.sh [--workloads resnet50,bert_base,...] [--repetitions 5]
#                    [--min-time 0.5] [--threads N] [--out bench/results]
#
# Sets up what it needs on a fresh clone: scripts/setup.sh (Debian packages,
# the .venv with JAX), jaxc built into build/, the peers of
# bench/requirements.txt installed into .venv, GNU time for peak RSS. Prints
# the versions, the machine, the table, then the `ratio` and `compile`
# lines; writes the chart to bench/results/times.png.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! dpkg-query -W -f='${Status}' time 2>/dev/null | grep -q "ok installed"; then
  echo "compare: installing GNU time (peak RSS of each run)" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >/dev/null
fi
scripts/setup.sh >&2
ninja -C build jaxc >&2

requirements=bench/requirements.txt
stamp=.venv/bench-requirements.stamp
if ! cmp -s "$requirements" "$stamp" 2>/dev/null; then
  echo "compare: installing $requirements into .venv" >&2
  .venv/bin/pip install -q --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi

# Writing back a fresh build's files steals cores and memory bandwidth
# from the timings (GELU ran 50% slower in runs right after a build).
sync
exec .venv/bin/python bench/compare.py "$@"
