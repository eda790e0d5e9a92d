#!/usr/bin/env python3
"""jaxc's LAPACK custom calls against XLA's CPU backend.

  .venv/bin/python test/jax/linalg_check.py --jaxc build/bin/jaxc \
      [--filter REGEX] [--jobs N] [--keep DIR]

Every jnp.linalg / jax.scipy.linalg / jax.lax.linalg function that lowers to
a lapack_?xxx_ffi custom call, in f32, f64, complex64 and complex128, on one
matrix and on a batch of two, is exported with jax.jit(f).lower(...)
.as_text(), compiled with `jaxc compile`, run with `jaxc run` (inputs and
results as .npy) and compared with jax.jit(f) on XLA. Both run the same
LAPACK algorithms (XLA's jaxlib through SciPy's LAPACK, jaxc through the
system's), so results are compared as they come, eigenvectors and singular
vectors included, no sign or phase fixing: an element passes when
|jaxc - xla| <= rtol * max(1, max |xla| of that result), rtol 1e-4 for
f32/complex64 and 1e-10 for f64/complex128 (blocked and unblocked LAPACK
builds round differently), NaN matching NaN. Integer results (pivots) are
exact. One exception: complex Schur vectors are unique only up to a phase
per column (Z D, D^H T D for a unitary diagonal D), and Debian's reference
LAPACK and the one jaxlib uses choose different phases (the same diagonal,
the same |T|, both reconstruct A to 1e-15), so schur's results are compared
after scaling each Schur vector to a real positive first entry. One line per case, then `N passed, N failed`; exit status 1 if any
failed.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

import jax

jax.config.update("jax_enable_x64", True)
jax.config.update("jax_platforms", "cpu")

import jax.numpy as jnp  # noqa: E402
import jax.scipy.linalg as jsl  # noqa: E402
from jax import lax  # noqa: E402

DTYPES = {
    "f32": np.float32,
    "f64": np.float64,
    "c64": np.complex64,
    "c128": np.complex128,
}
RTOL = {"f32": 1e-4, "c64": 1e-4, "f64": 1e-10, "c128": 1e-10}


def random_matrix(rng, shape, dtype):
    values = rng.uniform(-1, 1, shape)
    if np.issubdtype(dtype, np.complexfloating):
        values = values + 1j * rng.uniform(-1, 1, shape)
    return values.astype(dtype)


def spd(rng, shape, dtype):
    """A well-conditioned Hermitian positive definite matrix."""
    a = random_matrix(rng, shape, dtype)
    n = shape[-1]
    return (a @ np.conj(np.swapaxes(a, -1, -2)) + n * np.eye(n)).astype(dtype)


def hermitian(rng, shape, dtype):
    a = random_matrix(rng, shape, dtype)
    return ((a + np.conj(np.swapaxes(a, -1, -2))) / 2).astype(dtype)


def well_conditioned(rng, shape, dtype):
    a = random_matrix(rng, shape, dtype)
    return (a + 2 * np.eye(shape[-1])).astype(dtype)


def triangular_solve(left, lower, transpose, conjugate, unit):
    def f(a, b):
        return lax.linalg.triangular_solve(
            a, b, left_side=left, lower=lower, transpose_a=transpose,
            conjugate_a=conjugate, unit_diagonal=unit)
    return f


def tridiagonal_solve(dl, d, du, b):
    return lax.linalg.tridiagonal_solve(dl, d, du, b)


def tridiagonal_args(rng, batch, dtype):
    n = 5
    dl = random_matrix(rng, batch + (n,), dtype)
    du = random_matrix(rng, batch + (n,), dtype)
    dl[..., 0] = 0
    du[..., -1] = 0
    d = (random_matrix(rng, batch + (n,), dtype) + 4).astype(dtype)
    b = random_matrix(rng, batch + (n, 2), dtype)
    return [dl, d, du, b]


def square(make, n=4):
    return lambda rng, batch, dtype: [make(rng, batch + (n, n), dtype)]


def rect(m, n):
    return lambda rng, batch, dtype: [random_matrix(rng, batch + (m, n),
                                                    dtype)]


def solve_args(rng, batch, dtype):
    return [well_conditioned(rng, batch + (4, 4), dtype),
            random_matrix(rng, batch + (4, 2), dtype)]


def trsm_args(left):
    def make(rng, batch, dtype):
        a = well_conditioned(rng, batch + (4, 4), dtype)
        b = random_matrix(rng, batch + ((4, 3) if left else (3, 4)), dtype)
        return [a, b]
    return make


def schur_phases(leaves):
    """(T, Z) with Z's columns scaled to a real positive first row."""
    t, z = leaves
    first = z[..., 0, :]
    phase = np.where(np.abs(first) > 0, first / np.abs(first), 1)
    z = z * np.conj(phase)[..., None, :]
    t = phase[..., :, None] * t * np.conj(phase)[..., None, :]
    return [t.astype(leaves[0].dtype), z.astype(leaves[1].dtype)]


# name -> (function, argument maker[, normalization of the results])
CASES = {
    "cholesky": (jnp.linalg.cholesky, square(spd)),
    "cholesky_upper": (lambda a: jsl.cholesky(a, lower=False), square(spd)),
    "lu": (lax.linalg.lu, square(random_matrix)),
    "lu_rect": (lax.linalg.lu, rect(5, 3)),
    "lu_factor": (jsl.lu_factor, square(random_matrix)),
    "qr_reduced": (jnp.linalg.qr, rect(5, 3)),
    "qr_complete": (lambda a: jnp.linalg.qr(a, mode="complete"), rect(5, 3)),
    "qr_wide": (jnp.linalg.qr, rect(3, 5)),
    "eigh": (jnp.linalg.eigh, square(hermitian)),
    "eigh_upper": (lambda a: jnp.linalg.eigh(a, UPLO="U"), square(hermitian)),
    "eigvalsh": (jnp.linalg.eigvalsh, square(hermitian)),
    "eig": (lambda a: lax.linalg.eig(a, compute_left_eigenvectors=True,
                                     compute_right_eigenvectors=True),
            square(random_matrix)),
    "eigvals": (jnp.linalg.eigvals, square(random_matrix)),
    "svd_full": (lambda a: jnp.linalg.svd(a, full_matrices=True), rect(5, 3)),
    "svd_reduced": (lambda a: jnp.linalg.svd(a, full_matrices=False),
                    rect(3, 5)),
    "svd_values": (lambda a: jnp.linalg.svd(a, compute_uv=False), rect(5, 3)),
    # gesvd: the QR algorithm instead of divide and conquer.
    "svd_qr_full": (lambda a: lax.linalg.svd(
        a, full_matrices=True, algorithm=lax.linalg.SvdAlgorithm.QR),
        rect(5, 3)),
    "svd_qr_reduced": (lambda a: lax.linalg.svd(
        a, full_matrices=False, algorithm=lax.linalg.SvdAlgorithm.QR),
        rect(3, 5)),
    "svd_qr_values": (lambda a: lax.linalg.svd(
        a, compute_uv=False, algorithm=lax.linalg.SvdAlgorithm.QR),
        rect(5, 3)),
    "schur": (jsl.schur, square(random_matrix), schur_phases),
    "hessenberg": (lambda a: jsl.hessenberg(a, calc_q=True),
                   square(random_matrix)),
    "tridiagonal": (lambda a: lax.linalg.tridiagonal(a, lower=True),
                    square(hermitian)),
    "tridiagonal_upper": (lambda a: lax.linalg.tridiagonal(a, lower=False),
                          square(hermitian)),
    "solve": (jnp.linalg.solve, solve_args),
    "inv": (jnp.linalg.inv, square(well_conditioned)),
    "det": (jnp.linalg.det, square(random_matrix)),
    "slogdet": (jnp.linalg.slogdet, square(random_matrix)),
    "trsm_left_lower": (triangular_solve(True, True, False, False, False),
                        trsm_args(True)),
    "trsm_left_upper_transpose": (
        triangular_solve(True, False, True, False, False), trsm_args(True)),
    "trsm_right_lower_unit": (
        triangular_solve(False, True, False, False, True), trsm_args(False)),
    "trsm_right_upper_adjoint": (
        triangular_solve(False, False, True, True, False), trsm_args(False)),
    "tridiagonal_solve": (tridiagonal_solve, tridiagonal_args),
}

def compare(got, want, rtol):
    """Why `got` (jaxc) does not match `want` (XLA), or None."""
    if got.shape != want.shape:
        return f"shape {got.shape} vs {want.shape}"
    if got.dtype != want.dtype:
        return f"dtype {got.dtype} vs {want.dtype}"
    if not np.issubdtype(want.dtype, np.inexact):
        bad = np.flatnonzero(got != want)
        return None if bad.size == 0 else (
            f"{bad.size} integers differ, first at {bad[0]}: "
            f"{got.flat[bad[0]]} vs {want.flat[bad[0]]}")
    nan = np.isnan(want)
    if np.any(np.isnan(got) != nan):
        return "NaN in one result only"
    finite = want[~nan]
    scale = max(1.0, float(np.max(np.abs(finite)))) if finite.size else 1.0
    error = np.abs(got[~nan].astype(np.complex128) - finite)
    worst = float(np.max(error)) if error.size else 0.0
    if worst > rtol * scale:
        return f"max error {worst:.3g} > {rtol:g} * {scale:.3g}"
    return None


def run_case(jaxc, workdir, name, dtype_name, batched, seed):
    function, make_args, *normalize = CASES[name]
    dtype = DTYPES[dtype_name]
    rng = np.random.default_rng(seed)
    args = make_args(rng, (2,) if batched else (), dtype)
    case = f"{name}.{dtype_name}.{'batch' if batched else 'single'}"
    directory = os.path.join(workdir, case)
    os.makedirs(directory, exist_ok=True)
    jitted = jax.jit(function)
    text = jitted.lower(*args).as_text()
    if "custom_call" not in text:
        return case, "FAIL", "JAX made no custom call (nothing tested)"
    want = [np.asarray(x) for x in jax.tree_util.tree_leaves(jitted(*args))]
    mlir = os.path.join(directory, "f.mlir")
    vmfb = os.path.join(directory, "f.vmfb")
    with open(mlir, "w") as f:
        f.write(text)
    compiled = subprocess.run([jaxc, "compile", mlir, "-o", vmfb],
                              capture_output=True, text=True)
    if compiled.returncode != 0:
        status = "UNSUPPORTED" if compiled.returncode == 2 else "ERROR"
        return case, status, compiled.stderr.strip().splitlines()[0]
    command = [jaxc, "run", f"--module={vmfb}", "--function=main"]
    for index, arg in enumerate(args):
        path = os.path.join(directory, f"a{index}.npy")
        np.save(path, arg)
        command.append(f"--input=@{path}")
    outputs = [os.path.join(directory, f"r{i}.npy") for i in range(len(want))]
    command += [f"--output=@{path}" for path in outputs]
    ran = subprocess.run(command, capture_output=True, text=True)
    if ran.returncode != 0:
        return case, "ERROR", (ran.stderr.strip() or "jaxc run failed")
    got = [np.load(path) for path in outputs]
    if normalize:
        got, want = normalize[0](got), normalize[0](want)
    for index, (result, expected) in enumerate(zip(got, want)):
        problem = compare(result, expected, RTOL[dtype_name])
        if problem:
            return case, "FAIL", f"result {index}: {problem}"
    return case, "PASS", ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jaxc", required=True)
    parser.add_argument("--filter", default="")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", help="keep the files of every case here")
    options = parser.parse_args()
    jaxc = os.path.abspath(options.jaxc)
    if not os.access(jaxc, os.X_OK):
        sys.exit(f"linalg_check: {jaxc} is not an executable jaxc")
    selected = []
    for seed, name in enumerate(CASES):
        for dtype_name in DTYPES:
            for batched in (False, True):
                case = f"{name}.{dtype_name}.{'batch' if batched else 'single'}"
                if re.search(options.filter, case):
                    selected.append((name, dtype_name, batched, seed))
    workdir = options.keep or tempfile.mkdtemp(prefix="jaxc-linalg-")
    failed = passed = 0
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        futures = [(pool.submit(run_case, jaxc, workdir, *case), case)
                   for case in selected]
        for future, (name, dtype_name, batched, _) in futures:
            try:
                case, status, reason = future.result()
            except Exception as error:  # a JAX-side failure: the case fails
                case = f"{name}.{dtype_name}.{'batch' if batched else 'single'}"
                status, reason = "ERROR", repr(error)
            print(f"{status} {case}" + (f": {reason}" if reason else ""),
                  flush=True)
            if status == "PASS":
                passed += 1
            else:
                failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
