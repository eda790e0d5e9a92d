#!/usr/bin/env bash
# Installs what jaxc needs to build and test on Debian 12, skipping what is
# already there, creates (or reuses) the Python test environment in .venv,
# then configures the build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ python3
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools lld-22
  libgtest-dev googletest libbenchmark-dev
  liblapack3
  clang-22 libclang-rt-22-dev
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Python environment for the tests and tools (JAX, XLA's CPU backend,
# Flax): jax 0.12 needs Python 3.12 or newer, which Debian 12 lacks; pyenv's
# is used when there. Reused while scripts/requirements.txt is unchanged.
find_python312() {
  local candidate
  for candidate in python3.12 python3.13 \
      "$(pyenv root 2>/dev/null)"/versions/3.12*/bin/python3 \
      "$HOME"/.pyenv/versions/3.12*/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}
requirements=scripts/requirements.txt
stamp=.venv/requirements.stamp
if ! cmp -s "$requirements" "$stamp" 2>/dev/null; then
  python=$(find_python312) || {
    echo "setup: JAX 0.12 needs Python >= 3.12 (python3.12 on PATH or pyenv's 3.12); none found" >&2
    exit 1
  }
  echo "setup: creating .venv with $python and $requirements"
  rm -rf .venv
  "$python" -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$stamp"
fi

cmake -G Ninja -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
