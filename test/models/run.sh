#!/usr/bin/env bash
# CTest's `models` test: test/models/run_models.py with the project's venv.
# Usage: test/models/run.sh JAXC [run_models.py flags...]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jaxc=${1:?usage: run.sh JAXC [run_models.py flags...]}
shift
python=$root/.venv/bin/python
if [ ! -x "$python" ]; then
  echo "error: $root/.venv is missing: the models test exports its models with" >&2
  echo "JAX and Flax from that venv. Create it with scripts/setup.sh (Python 3.12," >&2
  echo "scripts/requirements.txt)." >&2
  exit 1
fi
exec "$python" "$here/run_models.py" --jaxc="$jaxc" "$@"
