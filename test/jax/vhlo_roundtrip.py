#!/usr/bin/env python3
"""StableHLO portable artifacts (VHLO bytecode) from JAX, read by jaxc.

  .venv/bin/python test/jax/vhlo_roundtrip.py [--jaxc build/bin/jaxc]
      [--jaxc-opt build/bin/jaxc-opt] [--filter REGEX] [--keep DIR]
      [--dump DIR]

Each case's function is exported with
jax.export.export(jax.jit(f))(*args).mlir_module_serialized (VHLO in MLIR
bytecode, as JAX 0.12 writes it: StableHLO_v1.18.0), compiled by
`jaxc compile <case>.mlirbc`, run by `jaxc run` (inputs and results as
.npy) and compared with jax.jit(f)(*args) on XLA: integers and booleans
exactly, floats within the case's tolerance. Cases of LAPACK custom calls
are only converted (`jaxc compile --compile-to=input`). Some cases are also
re-serialized for older VHLO targets (as older JAX versions, or a newer JAX
asked for compatibility, write them: dot_general_v1, gather_v1,
exponential_v1...), which must give the same results.

With jaxc-opt beside jaxc, each artifact's conversion (jaxc-opt
--jaxc-vhlo-to-stablehlo) must also print, op for op, what jaxc's parser
builds from the StableHLO text JAX prints for the same export
(exported.mlir_module()).

One line per case (PASS/FAIL <case> [reason]), then `N passed, N failed`;
the exit status is 1 if any failed. --dump DIR only writes the artifacts
(<case>.mlirbc), JAX's text (<case>.export.mlir) and the inputs.
"""

import argparse
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
from jax import export, lax  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

rng = np.random.default_rng(20240611)


def f32(*shape):
    return rng.standard_normal(shape).astype(np.float32)


def f64(*shape):
    return rng.standard_normal(shape)


def ints(dtype, *shape, low=-100, high=100):
    return rng.integers(low, high, shape).astype(dtype)


def bools(*shape):
    return rng.integers(0, 2, shape).astype(np.bool_)


def c64(*shape):
    return (f32(*shape) + 1j * f32(*shape)).astype(np.complex64)


def pos32(*shape):
    return rng.uniform(0.5, 4.0, shape).astype(np.float32)


# Tolerances: (rtol, atol) relative to the largest |expected| of a result.
TOL = {
    "exact": (0, 0),
    "arith": (1e-6, 0),
    "transc": (2e-5, 1e-6),
    "reduce": (1e-5, 1e-6),
    "half": (4e-3, 1e-3),
    "fft": (1e-5, 1e-5),
}


class Case:
    def __init__(self, name, fn, args, tol="arith", convert_only=False,
                 old_versions=()):
        self.name, self.fn, self.args, self.tol = name, fn, args, tol
        self.convert_only = convert_only
        self.old_versions = old_versions


def conv_nhwc(x, w):
    return lax.conv_general_dilated(x, w, (1, 1), "SAME",
                                    dimension_numbers=("NHWC", "HWIO", "NHWC"))


def conv_strided_grouped(x, w):
    return lax.conv_general_dilated(x, w, (2, 1), ((1, 2), (0, 1)),
                                    rhs_dilation=(1, 2), feature_group_count=2,
                                    dimension_numbers=("NCHW", "OIHW", "NCHW"))


def conv_transpose_1d(x, w):
    return lax.conv_general_dilated(x, w, (1,), ((2, 2),), lhs_dilation=(2,),
                                    dimension_numbers=("NWC", "WIO", "NWC"))


def max_pool(x):
    return lax.reduce_window(x, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1),
                             "VALID")


def avg_pool(x):
    return lax.reduce_window(x, 0.0, lax.add, (3, 3), (1, 1), "SAME") / 9.0


def while_loop(x, n):
    def cond(c):
        return c[0] < n

    def body(c):
        return c[0] + 1, c[1] * 1.5 - 0.25, c[2] + c[0]

    return lax.while_loop(cond, body, (jnp.int32(0), x, jnp.int32(0)))


def mlp(x):
    w1 = jnp.asarray(np.linspace(-1, 1, 64 * 32, dtype=np.float32).reshape(64, 32))
    b1 = jnp.asarray(np.linspace(-0.5, 0.5, 32, dtype=np.float32))
    w2 = jnp.asarray(np.cos(np.arange(32 * 10, dtype=np.float32)).reshape(32, 10))
    h = jax.nn.relu(x @ w1 + b1)
    return jax.nn.log_softmax(h @ w2, axis=-1)


def random_normal(seed):
    key = jax.random.key_data(jax.random.PRNGKey(seed))
    return jax.random.normal(jax.random.wrap_key_data(key), (16,), jnp.float32)


def composite_fn(x):
    scaled = lax.composite(lambda v, s: v * s + 1.0, "jaxc.test.scale")
    return scaled(x, 3.0)


def nested_calls(x):
    inner = jax.jit(lambda v: jnp.tanh(v) * 2.0)
    return inner(x) + inner(x + 1.0)


def comparisons(x, y):
    return (x < y, x <= y, x == y, x != y, x > y, x >= y)


def int_comparisons(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


CASES = [
    # Elementwise, one case per dtype family.
    Case("f32_arith", lambda x, y: (x + y, x - y, x * y, x / y,
                                    jnp.maximum(x, y), jnp.minimum(x, y),
                                    jnp.abs(x), -y), [f32(4, 3), f32(4, 3)],
         old_versions=("1.0.0",)),
    Case("f64_arith", lambda x, y: (x * y + x / y, jnp.abs(x - y)),
         [f64(5), f64(5)]),
    Case("f16_arith", lambda x, y: (x * y + x, (x - y) / (jnp.abs(y) + 1)),
         [f32(6).astype(np.float16), f32(6).astype(np.float16)], tol="half"),
    Case("bf16", lambda x: ((x.astype(jnp.bfloat16) * jnp.bfloat16(3) + 1)
                            .astype(jnp.float32)), [f32(8)], tol="half"),
    Case("i32_arith", lambda a, b: (a + b, a - b, a * b, a // (jnp.abs(b) + 1),
                                    a % (jnp.abs(b) + 1), jnp.abs(a),
                                    jnp.sign(a), jnp.maximum(a, b)),
         [ints(np.int32, 8), ints(np.int32, 8)], tol="exact",
         old_versions=("1.0.0",)),
    Case("i8_i16_i64", lambda a, b, c: (a * 3 + 1, b - 7, c * c + 1),
         [ints(np.int8, 5, low=-40, high=40), ints(np.int16, 5),
          ints(np.int64, 5)], tol="exact"),
    Case("unsigned", lambda a, b, c, d: (a + b, a * 3, c // 7, c % 5, d >> 3,
                                         d << 2, (a & 0xF) | 0x10, d ^ 0xFF),
         [ints(np.uint8, 6, low=0, high=200), ints(np.uint8, 6, low=0, high=50),
          ints(np.uint32, 6, low=0, high=1 << 30),
          ints(np.uint64, 6, low=0, high=1 << 40)], tol="exact"),
    Case("bool_logic", lambda p, q: (p & q, p | q, p ^ q, ~p),
         [bools(7), bools(7)], tol="exact"),
    Case("complex", lambda z, w: (z * w + z, jnp.conj(z), jnp.abs(w),
                                  jnp.exp(z), z.real - w.imag),
         [c64(4), c64(4)], tol="transc"),
    Case("transcendental", lambda x, p: (jnp.sin(x), jnp.cos(x), jnp.tan(x),
                                         jnp.tanh(x), jnp.exp(x), jnp.log(p),
                                         jnp.log1p(p), jnp.expm1(x),
                                         jnp.sqrt(p), lax.rsqrt(p), jnp.cbrt(x),
                                         jax.nn.sigmoid(x), jnp.arctan2(x, p),
                                         p ** x), [f32(9), pos32(9)],
         tol="transc", old_versions=("1.9.0",)),
    Case("transcendental_v1", lambda x, p: (jnp.sin(x), jnp.exp(x), jnp.log(p),
                                            jnp.sqrt(p), jnp.tanh(x)),
         [f32(5), pos32(5)], tol="transc", old_versions=("1.0.0", "1.5.0")),
    Case("rounding", lambda x: (jnp.floor(x), jnp.ceil(x), jnp.round(x),
                                lax.round(x, lax.RoundingMethod.AWAY_FROM_ZERO),
                                jnp.sign(x), jnp.isfinite(x / (x - x[0]))),
         [f32(7) * 3], tol="exact"),
    Case("compare_float", comparisons,
         [np.array([1, 2, np.nan, -0.0, 3, np.inf], np.float32),
          np.array([2, 2, 1, 0.0, np.nan, np.inf], np.float32)], tol="exact"),
    Case("compare_signed", int_comparisons,
         [ints(np.int32, 9, low=-3, high=3), ints(np.int32, 9, low=-3, high=3)],
         tol="exact"),
    Case("compare_unsigned", int_comparisons,
         [np.array([0, 1, 2, 0xFFFFFFFF, 7], np.uint32),
          np.array([1, 1, 0xFFFFFFFF, 2, 7], np.uint32)], tol="exact"),
    Case("compare_bool", int_comparisons, [bools(8), bools(8)], tol="exact"),
    Case("converts", lambda x, a, p: (x.astype(jnp.int32), a.astype(jnp.float32),
                                      x.astype(jnp.float64), p.astype(jnp.float32),
                                      a.astype(jnp.uint8), a.astype(jnp.int64)),
         [f32(6) * 10, ints(np.int32, 6, low=0, high=255), bools(6)],
         tol="exact"),
    Case("bits", lambda a: (lax.population_count(a), lax.clz(a), ~a,
                            lax.bitcast_convert_type(a, jnp.float32),
                            lax.shift_right_logical(a, np.int32(3)),
                            lax.shift_right_arithmetic(a, np.int32(3))),
         [np.array([1, 2, 255, -1, 1 << 20, 0], np.int32)], tol="exact"),
    Case("select_clamp", lambda p, x, y: (jnp.where(p, x, y), jnp.clip(x, -0.5, 0.5),
                                          lax.clamp(np.float32(-1), y, np.float32(1))),
         [bools(6), f32(6), f32(6)], tol="exact"),
    # Data movement.
    Case("shapes", lambda x: (x.T, x.reshape(6, 2)[::-1], jnp.pad(x, ((1, 0), (0, 2))),
                              jnp.concatenate([x, x * 2], 0), x[1:3, ::2],
                              jnp.broadcast_to(x[:, :1], (3, 4)),
                              lax.pad(x, np.float32(0), ((0, 1, 1), (1, 0, 0)))),
         [f32(3, 4)], tol="exact"),
    Case("dynamic_slice", lambda x, i, u: (lax.dynamic_slice(x, (i, np.int32(1)), (2, 2)),
                                           lax.dynamic_update_slice(x, u, (np.int32(1), i))),
         [f32(4, 5), np.int32(1), f32(2, 2)], tol="exact"),
    Case("iota_constants", lambda x: (x + jnp.arange(6, dtype=jnp.float32),
                                      jnp.array([True, False, True] * 7),
                                      jnp.full((2, 3), 7, jnp.int8),
                                      jnp.array([1.5, -2.0], jnp.float16),
                                      jnp.array([1 + 2j, 3 - 4j], jnp.complex64),
                                      jnp.array([3, 200], jnp.uint8),
                                      jnp.zeros((2, 2), jnp.bool_)),
         [f32(6)], tol="exact"),
    # Contractions.
    Case("dot", lambda a, b, v: (a @ b, v @ v, a @ v[:5]),
         [f32(4, 5), f32(5, 3), f32(5)], tol="reduce", old_versions=("1.0.0",)),
    Case("dot_batch_int", lambda a, b, c, d: (jnp.einsum("bij,bjk->bik", a, b),
                                              c @ d),
         [f32(2, 3, 4), f32(2, 4, 5), ints(np.int32, 3, 4), ints(np.int32, 4, 2)],
         tol="reduce"),
    Case("dot_highest", lambda a, b: jnp.dot(a, b, precision=lax.Precision.HIGHEST),
         [f32(3, 4), f32(4, 2)], tol="reduce"),
    Case("conv_nhwc", conv_nhwc, [f32(1, 8, 8, 3), f32(3, 3, 3, 4)],
         tol="reduce", old_versions=("1.0.0",)),
    Case("conv_strided_grouped", conv_strided_grouped,
         [f32(2, 4, 7, 6), f32(6, 2, 3, 2)], tol="reduce"),
    Case("conv_transpose_1d", conv_transpose_1d, [f32(1, 5, 2), f32(3, 2, 3)],
         tol="reduce"),
    # Reductions and windows.
    Case("reduce", lambda x, b: (jnp.sum(x, axis=1), jnp.max(x, axis=0),
                                 jnp.prod(x), jnp.argmax(x, axis=1),
                                 jnp.argmin(x, axis=0), jnp.all(b), jnp.any(b, 0)),
         [f32(4, 6), bools(3, 5)], tol="reduce"),
    Case("reduce_window", lambda x, y: (max_pool(x), avg_pool(y)),
         [f32(1, 6, 6, 2), f32(5, 7)], tol="reduce"),
    Case("select_and_scatter", jax.grad(lambda x: jnp.sum(max_pool(x) ** 2)),
         [f32(1, 4, 4, 1)], tol="reduce"),
    Case("cumulative", lambda x: (jnp.cumsum(x), jnp.cumprod(x, axis=0),
                                  lax.cummax(x, axis=1)),
         [f32(3, 5)], tol="reduce"),
    # Indexing.
    Case("gather", lambda x, i, j: (x[i], x[:, j], jnp.take_along_axis(x[:3], i[:, None] % 3, 1),
                                    x[i[0]]),
         [f32(10, 3), np.array([1, 3, 7], np.int32), np.array([2, 0], np.int32)],
         tol="exact", old_versions=("1.0.0",)),
    Case("gather_batched", jax.vmap(lambda x, i: x[i]),
         [f32(3, 5), np.array([0, 4, 2], np.int32)], tol="exact"),
    Case("scatter", lambda x, i, u: (x.at[i].add(u), x.at[i].set(u), x.at[i].max(u),
                                     x.at[i].mul(u),
                                     jax.ops.segment_sum(u, i % 3, 3)),
         [f32(10), np.array([1, 3, 3, 9], np.int32), f32(4)], tol="reduce",
         old_versions=("1.0.0",)),
    Case("sort", lambda x, k: (jnp.sort(x), jnp.argsort(x), jnp.lexsort((x, k)),
                               lax.top_k(x, 3)),
         [f32(9), ints(np.int32, 9, low=0, high=3)], tol="exact"),
    # Control flow.
    Case("while", while_loop, [f32(3), np.int32(5)], tol="reduce"),
    Case("fori", lambda x: lax.fori_loop(0, 4, lambda i, c: c * 2 + i, x), [f32(3)],
         tol="reduce", old_versions=("1.0.0",)),
    Case("cond", lambda p, x: lax.cond(p, lambda v: jnp.sin(v), lambda v: v - 1, x),
         [np.bool_(True), f32(3)], tol="transc"),
    Case("switch", lambda i, x: lax.switch(i, [lambda v: v, lambda v: v * 2,
                                               lambda v: -v], x),
         [np.int32(2), f32(3)], tol="exact"),
    Case("scan", lambda x: lax.scan(lambda c, v: (c + v, c * v), 0.0, x),
         [f32(6)], tol="reduce"),
    # Random numbers.
    Case("rng_bit_generator", lambda k: (
        lax.rng_bit_generator(k, (8,), dtype=np.uint32,
                              algorithm=lax.RandomAlgorithm.RNG_THREE_FRY),
        lax.rng_bit_generator(k, (2, 3), dtype=np.uint64,
                              algorithm=lax.RandomAlgorithm.RNG_PHILOX)),
         [np.array([7919, 104729], np.uint64)], tol="exact"),
    Case("random_normal", random_normal, [np.uint32(42)], tol="transc"),
    # Calls, composites, FFTs, models.
    Case("nested_calls", nested_calls, [f32(5)], tol="transc"),
    Case("composite", composite_fn, [f32(4)], tol="arith"),
    Case("fft", lambda z, x: (jnp.fft.fft(z), jnp.fft.ifft(z), jnp.fft.rfft(x),
                              jnp.fft.irfft(jnp.fft.rfft(x), n=8)),
         [c64(8), f32(8)], tol="fft"),
    Case("fft2", lambda z: jnp.fft.fft2(z), [c64(4, 4)], tol="fft"),
    Case("mlp", mlp, [f32(2, 64)], tol="reduce"),
    Case("softmax_layernorm", lambda x: (jax.nn.softmax(x, axis=-1),
                                         (x - x.mean(-1, keepdims=True))
                                         / jnp.sqrt(x.var(-1, keepdims=True) + 1e-5)),
         [f32(3, 8)], tol="reduce"),
    Case("reduce_precision_barrier", lambda x: (
        lax.reduce_precision(x, exponent_bits=5, mantissa_bits=10),
        lax.optimization_barrier((x, x + 1))[1]), [f32(5)], tol="exact"),
    # LAPACK custom calls: converted only.
    Case("cholesky", lambda a: jnp.linalg.cholesky(a @ a.T + 4 * jnp.eye(3)),
         [f32(3, 3)], convert_only=True),
    Case("lu_qr", lambda a: (jax.scipy.linalg.lu(a)[2], jnp.linalg.qr(a)[1]),
         [f32(4, 4)], convert_only=True),
    Case("eigh_triangular", lambda a, b: (
        jnp.linalg.eigh(a + a.T)[0],
        jax.scipy.linalg.solve_triangular(a + 4 * jnp.eye(3), b, lower=True)),
         [f32(3, 3), f32(3, 2)], convert_only=True),
]


def export_case(case):
    exported = export.export(jax.jit(case.fn))(*case.args)
    return exported.mlir_module_serialized, exported.mlir_module()


def old_artifact(text, version):
    """The module re-serialized for an older VHLO version, or None where it
    uses what that version lacks (whose diagnostics are silenced)."""
    from jax._src.lib.mlir.dialects import hlo
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        return hlo.serialize_portable_artifact_str(text, version)
    except Exception:  # noqa: BLE001 - not representable at that version
        return None
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def compare(name, got, want, tol):
    if got.shape != want.shape:
        return f"{name}: shape {got.shape}, expected {want.shape}"
    if got.dtype != want.dtype:
        return f"{name}: dtype {got.dtype}, expected {want.dtype}"
    if tol == "exact" or not np.issubdtype(want.dtype, np.inexact):
        same = (got == want) | (np.isnan(got) & np.isnan(want)
                                if np.issubdtype(want.dtype, np.inexact) else False)
        if not np.all(same):
            i = np.argwhere(~same)[0]
            return f"{name}: at {tuple(i)} got {got[tuple(i)]}, expected {want[tuple(i)]}"
        return None
    rtol, atol = TOL[tol]
    g = got.astype(np.complex128 if np.iscomplexobj(want) else np.float64)
    w = want.astype(g.dtype)
    finite = np.isfinite(w)
    scale = np.max(np.abs(w[finite])) if np.any(finite) else 1.0
    bad = ~((np.abs(g - w) <= rtol * max(scale, 1e-30) + atol)
            | (np.isnan(g) & np.isnan(w)) | (g == w))
    if np.any(bad):
        i = tuple(np.argwhere(bad)[0])
        return f"{name}: at {i} got {got[i]}, expected {want[i]} (rtol {rtol})"
    return None


def run(cmd, timeout=600):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def check_ir(jaxc_opt, artifact, text, workdir):
    """The conversion prints as jaxc's parse of JAX's text does."""
    text_path = os.path.join(workdir, "export.mlir")
    with open(text_path, "w") as f:
        f.write(text)
    want = run([jaxc_opt, text_path, "--mlir-print-op-generic"])
    got = run([jaxc_opt, artifact, "--jaxc-vhlo-to-stablehlo",
               "--mlir-print-op-generic"])
    if got.returncode != 0:
        return "jaxc-opt --jaxc-vhlo-to-stablehlo: " + got.stderr.strip()[:500]
    if want.returncode != 0:
        return None  # jaxc's parser does not read JAX's text: nothing to match
    if got.stdout != want.stdout:
        for a, b in zip(want.stdout.splitlines(), got.stdout.splitlines()):
            if a != b:
                return f"IR differs from the parse of JAX's text:\n  text: {a.strip()[:300]}\n  vhlo: {b.strip()[:300]}"
        return "IR differs from the parse of JAX's text (length)"
    return None


def run_artifact(jaxc, case, artifact, inputs, wants, workdir, tag):
    vmfb = os.path.join(workdir, tag + ".vmfb")
    if case.convert_only:
        p = run([jaxc, "compile", artifact, "--compile-to=input"])
        if p.returncode != 0:
            return "compile --compile-to=input: " + (p.stderr or p.stdout).strip()[:800]
        if "stablehlo.custom_call" not in p.stdout:
            return "no stablehlo.custom_call after conversion"
        return None
    p = run([jaxc, "compile", artifact, "-o", vmfb])
    if p.returncode != 0:
        return "compile: " + (p.stderr or p.stdout).strip()[:800]
    outs = [os.path.join(workdir, f"{tag}_out{i}.npy") for i in range(len(wants))]
    p = run([jaxc, "run", f"--module={vmfb}", "--function=main",
             *[f"--input=@{i}" for i in inputs], *[f"--output=@{o}" for o in outs]])
    if p.returncode != 0:
        return "run: " + (p.stderr or p.stdout).strip()[:800]
    for k, (out, want) in enumerate(zip(outs, wants)):
        error = compare(f"result {k}", np.load(out), want, case.tol)
        if error:
            return error
    return None


def run_case(case, jaxc, jaxc_opt, workdir):
    artifact_bytes, text = export_case(case)
    artifact = os.path.join(workdir, "artifact.mlirbc")
    with open(artifact, "wb") as f:
        f.write(artifact_bytes)
    if not artifact_bytes.startswith(b"ML\xefR"):
        return "not an MLIR bytecode artifact"
    inputs = []
    for k, a in enumerate(case.args):
        path = os.path.join(workdir, f"in{k}.npy")
        np.save(path, np.asarray(a))
        inputs.append(path)
    wants = [np.asarray(w) for w in jax.tree_util.tree_leaves(jax.jit(case.fn)(*case.args))]
    if jaxc_opt:
        error = check_ir(jaxc_opt, artifact, text, workdir)
        if error:
            return error
    error = run_artifact(jaxc, case, artifact, inputs, wants, workdir, "current")
    if error:
        return error
    for version in case.old_versions:
        old = old_artifact(text, version)
        if old is None:
            continue
        path = os.path.join(workdir, f"artifact_v{version}.mlirbc")
        with open(path, "wb") as f:
            f.write(old)
        error = run_artifact(jaxc, case, path, inputs, wants, workdir,
                             "v" + version.replace(".", "_"))
        if error:
            return f"[VHLO {version}] {error}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jaxc", default=os.path.join(ROOT, "build", "bin", "jaxc"))
    parser.add_argument("--jaxc-opt", default=None,
                        help="default: jaxc-opt beside jaxc, if there")
    parser.add_argument("--filter", default=None, help="regex on case names")
    parser.add_argument("--keep", default=None, help="keep each case's files here")
    parser.add_argument("--dump", default=None,
                        help="only write artifacts, JAX's text and inputs here")
    args = parser.parse_args()

    cases = [c for c in CASES if not args.filter or re.search(args.filter, c.name)]
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
        for case in cases:
            try:
                artifact, text = export_case(case)
            except Exception as e:  # noqa: BLE001 - report and go on
                print(f"FAIL {case.name}: export: {type(e).__name__}: {e}")
                continue
            with open(os.path.join(args.dump, case.name + ".mlirbc"), "wb") as f:
                f.write(artifact)
            with open(os.path.join(args.dump, case.name + ".export.mlir"), "w") as f:
                f.write(text)
            for version in case.old_versions:
                old = old_artifact(text, version)
                if old is not None:
                    path = os.path.join(args.dump, f"{case.name}.v{version}.mlirbc")
                    with open(path, "wb") as f:
                        f.write(old)
        print(f"wrote {len(cases)} cases to {args.dump}")
        return 0

    if not os.access(args.jaxc, os.X_OK):
        print(f"vhlo_roundtrip: no jaxc at {args.jaxc}", file=sys.stderr)
        return 1
    jaxc_opt = args.jaxc_opt
    if jaxc_opt is None:
        beside = os.path.join(os.path.dirname(args.jaxc), "jaxc-opt")
        jaxc_opt = beside if os.access(beside, os.X_OK) else None

    passed = failed = 0
    for case in cases:
        workdir = (os.path.join(args.keep, case.name) if args.keep
                   else tempfile.mkdtemp(prefix="vhlo_" + case.name + "_"))
        os.makedirs(workdir, exist_ok=True)
        try:
            error = run_case(case, args.jaxc, jaxc_opt, workdir)
        except subprocess.TimeoutExpired as e:
            error = f"timed out: {' '.join(e.cmd[:2])}"
        except Exception as e:  # noqa: BLE001 - report and go on
            error = f"{type(e).__name__}: {e}"
        if not args.keep:
            subprocess.run(["rm", "-rf", workdir])
        if error:
            failed += 1
            print(f"FAIL {case.name}: {error}", flush=True)
        else:
            passed += 1
            print(f"PASS {case.name}", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
