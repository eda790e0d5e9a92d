#!/usr/bin/env bash
# Runs the JAX suite from ../shared against conformance/known_failures.txt.
# Usage: conformance/run.sh JAXC [SUITE_DIR] [JSON_OUT]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jaxc=${1:?usage: run.sh JAXC [SUITE_DIR] [JSON_OUT]}
suite=${2:-$here/../../shared/conformance/jax-testdata}
json=${3:-conformance.json}
if [ ! -d "$suite" ]; then
  echo "error: the JAX suite is missing: $suite" >&2
  echo "It is not part of this repository; ../shared must be beside it." >&2
  exit 1
fi
exec "$jaxc" conformance "$suite" --jobs="$(nproc)" --json="$json" \
  --known-failures="$here/known_failures.txt"
