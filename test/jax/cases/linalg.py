"""Linear algebra (LAPACK custom calls on XLA's side): cholesky, lu, qr, eigh,
eig, svd, solve, inv, det, slogdet, pinv, lstsq, triangular_solve, schur,
hessenberg, tridiagonal_solve; on well-conditioned matrices. Where a result
is unique only up to signs or phases (eigenvectors, singular vectors), the
case returns an invariant of it (the reconstruction, |v|, projectors)."""

import jax.numpy as jnp
import jax.scipy.linalg as jsl
import numpy as np
from jax import lax

from .common import SHORT, Registry, rand


def spd(n, dtype, seed):
    a = rand((n, n), dtype, seed, -1, 1)
    m = a @ np.conj(a.T) + n * np.eye(n)
    return m.astype(a.dtype)


def well(n, dtype, seed):
    a = rand((n, n), dtype, seed, -1, 1)
    return (a + n * np.eye(n)).astype(a.dtype)


def cases():
    R = Registry()
    for dtype in ["float32", "float64", "complex64", "complex128"]:
        s = SHORT[dtype]
        A = well(5, dtype, 1)
        S = spd(5, dtype, 2)
        b = rand((5, 3), dtype, 3)
        R.add(f"cholesky_{s}", jnp.linalg.cholesky, S, tol="linalg")
        R.add(f"cholesky_upper_{s}", lambda a: jsl.cholesky(a, lower=False), S, tol="linalg")
        R.add(f"lu_{s}", jsl.lu, A, tol="linalg")
        R.add(f"lu_factor_{s}", jsl.lu_factor, A, tol="linalg")
        R.add(f"qr_{s}", jnp.linalg.qr, rand((6, 4), dtype, 4), tol="linalg")
        R.add(f"qr_complete_{s}", lambda a: jnp.linalg.qr(a, mode="complete"),
              rand((6, 4), dtype, 5), tol="linalg")
        R.add(f"qr_r_{s}", lambda a: jnp.linalg.qr(a, mode="r"), rand((4, 6), dtype, 6), tol="linalg")
        R.add(f"eigvalsh_{s}", jnp.linalg.eigvalsh, S, tol="linalg")
        R.add(f"eigh_reconstruct_{s}",
              lambda a: (lambda w, v: (w, (v * w) @ jnp.conj(v.T)))(*jnp.linalg.eigh(a)),
              S, tol="linalg")
        R.add(f"eigh_abs_vectors_{s}", lambda a: jnp.abs(jnp.linalg.eigh(a)[1]), S, tol="linalg")
        R.add(f"svdvals_{s}", lambda a: jnp.linalg.svd(a, compute_uv=False),
              rand((6, 4), dtype, 7), tol="linalg")
        R.add(f"svd_reconstruct_{s}",
              lambda a: (lambda u, sv, vh: (sv, (u * sv) @ vh))(*jnp.linalg.svd(a, full_matrices=False)),
              rand((6, 4), dtype, 8), tol="linalg")
        R.add(f"solve_{s}", jnp.linalg.solve, A, b, tol="linalg")
        R.add(f"inv_{s}", jnp.linalg.inv, A, tol="linalg")
        R.add(f"det_{s}", jnp.linalg.det, A, tol="linalg")
        R.add(f"slogdet_{s}", lambda a: tuple(jnp.linalg.slogdet(a)), A, tol="linalg")
        R.add(f"pinv_{s}", jnp.linalg.pinv, rand((6, 4), dtype, 9), tol="linalg")
        R.add(f"lstsq_{s}", lambda a, y: jnp.linalg.lstsq(a, y)[0],
              rand((7, 3), dtype, 10), rand((7, 2), dtype, 11), tol="linalg")
        L = np.tril(well(5, dtype, 12))
        R.add(f"triangular_solve_{s}",
              lambda l, y: jsl.solve_triangular(l, y, lower=True), L, b, tol="linalg")
        R.add(f"triangular_solve_left_transpose_{s}",
              lambda l, y: lax.linalg.triangular_solve(l, y.T, left_side=False, lower=True,
                                                       transpose_a=True, conjugate_a=True),
              L, b, tol="linalg")
        R.add(f"cho_solve_{s}", lambda a, y: jsl.cho_solve(jsl.cho_factor(a), y), S, b, tol="linalg")
        R.add(f"lu_solve_{s}", lambda a, y: jsl.lu_solve(jsl.lu_factor(a), y), A, b, tol="linalg")
        R.add(f"eigvals_{s}",
              lambda a: jnp.sort_complex(jnp.linalg.eigvals(a)),
              S if dtype.startswith("float") else A, tol="linalg")
        R.add(f"eig_reconstruct_{s}",
              lambda a: (lambda w, v: (v * w) @ jnp.linalg.inv(v))(*jnp.linalg.eig(a)),
              A, tol="linalg")
        R.add(f"schur_reconstruct_{s}",
              lambda a: (lambda t, z: z @ t @ jnp.conj(z.T))(*jsl.schur(a)), A, tol="linalg")
        R.add(f"hessenberg_reconstruct_{s}",
              lambda a: (lambda h, q: (q @ h @ jnp.conj(q.T), jnp.abs(jnp.tril(h, -2))))(
                  *jsl.hessenberg(a, calc_q=True)), A, tol="linalg")
        n = 6
        R.add(f"tridiagonal_solve_{s}",
              lambda dl, d, du, y: lax.linalg.tridiagonal_solve(dl, d, du, y),
              np.concatenate([[0], rand((n - 1,), dtype, 13)]).astype(A.dtype),
              (rand((n,), dtype, 14) + 4).astype(A.dtype),
              np.concatenate([rand((n - 1,), dtype, 15), [0]]).astype(A.dtype),
              rand((n, 2), dtype, 16), tol="linalg")
    R.add("cholesky_batched_f32", jnp.linalg.cholesky,
          np.stack([spd(4, "float32", 20 + i) for i in range(3)]), tol="linalg")
    R.add("solve_batched_f32", jnp.linalg.solve,
          np.stack([well(4, "float32", 30 + i) for i in range(3)]), rand((3, 4, 1), "float32", 33),
          tol="linalg")
    R.add("matrix_power_f32", lambda a: jnp.linalg.matrix_power(a, 5), well(4, "float32", 34) / 4,
          tol="linalg")
    R.add("norm_fro_f32", jnp.linalg.norm, rand((5, 6), "float32", 35), tol="reduce")
    R.add("norm_2_f32", lambda a: jnp.linalg.norm(a, ord=2), rand((5, 6), "float32", 36), tol="linalg")
    R.add("norm_nuc_f64", lambda a: jnp.linalg.norm(a, ord="nuc"), rand((5, 6), "float64", 37),
          tol="linalg")
    R.add("matrix_rank_f32", jnp.linalg.matrix_rank, rand((5, 6), "float32", 38), tol="exact")
    R.add("cond_f64", jnp.linalg.cond, well(5, "float64", 39), tol="linalg")
    R.add("expm_f32", jsl.expm, rand((4, 4), "float32", 40, -0.5, 0.5), tol="linalg")
    R.add("qr_17x33_f32", lambda a: jnp.abs(jnp.linalg.qr(a)[1]), rand((17, 33), "float32", 41),
          tol="linalg")
    return R.cases
