#!/usr/bin/env bash
# Set up, build, then compile and run the seed program (sin(x) + y).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ninja -C build jaxc >/dev/null

set -x
build/bin/jaxc compile examples/sin_add.mlir --output=/tmp/sin_add.vmfb \
  --iree-hal-target-backends=llvm-cpu
build/bin/jaxc run --module=/tmp/sin_add.vmfb --function=main \
  --input=3xf32=1,2,3 --input=3xf32=4,5,6
