#!/usr/bin/env python3
"""Special float inputs through every elementwise float op, jaxc against XLA.

  .venv/bin/python test/jax/special_values.py [--jaxc build/bin/jaxc]
      [--filter REGEX] [--jobs N] [--verbose]

For each op (the unary and binary float ops of StableHLO and the CHLO/jnp
functions JAX emits for float math) and each of f32, f64, f16 and bf16, the
function is jitted by JAX, exported with `.lower(x).as_text()`, compiled and
run by `jaxc compile`/`jaxc run`, and compared element by element with
`jax.jit(f)(x)` on XLA's CPU backend, run live (no expected value is written
down here). Inputs: NaNs (quiet with payloads and both signs, signalling),
+-0, +-inf, the smallest and largest subnormals, the smallest normal, the
largest finite, +-1, 1 +- 1 ULP, and the points where the expansions change
formula (tanh's 9.25 cap, exp's overflow and underflow thresholds, ...);
binary ops get every pair of a smaller set. Arguments and results cross the
.npy boundary as unsigned bit patterns (bitcast inside the exported
function), so NaN payloads and signed zeros arrive intact.

An element passes when:
  - XLA gives NaN and jaxc gives NaN. For unary ops where XLA keeps every NaN
    input's sign and payload (quieting a signalling NaN), jaxc must keep
    them too (the quiet bit may differ); elsewhere any NaN will do.
  - XLA gives +-inf and jaxc gives the same infinity.
  - XLA gives +-0 and jaxc gives a zero, of the same sign for the ops in
    ZERO_SIGN (where IEEE 754 or the function's oddness defines the sign).
  - Both are finite and at most the op's tolerance in ULP of the result
    type apart (0 for exact ops; the table below says why each is what it
    is), or, for inexact ops and inputs of magnitude 0.25 or more, at most
    min(tolerance, 8) machine epsilons apart (near the function's zeros,
    lgamma(2) or sin(pi), where relative error is unbounded).
  - Booleans are equal.

Subnormals. XLA's CPU backend runs with denormals flushed to zero (inputs
and results: jax.jit(lambda x: x * 2) of the smallest subnormal gives 0),
and so does jaxc by default: with --denormals=flush (the default) every
element must match XLA as above, subnormal inputs and results included.
With --denormals=ieee the modules are compiled to keep gradual underflow;
where an input is subnormal in the type the op computes in (f32 for f16 and
bf16), or the exact result is subnormal or underflows, an element then
passes when it matches, within the same tolerance, the IEEE result computed
by NumPy or SciPy in float64 (float128 is not needed: for f64 such inputs,
the float64 functions keep gradual underflow) and rounded to the result
type; these are counted apart as "IEEE where XLA flushes".

Prints one FAIL line per wrong element (op, dtype, input bits, jaxc's and
XLA's values), then `N passed, N failed` (elements); exits 1 on any failure.
"""

import argparse
import concurrent.futures
import math
import os
import re
import subprocess
import sys
import tempfile

os.environ.setdefault("JAX_PLATFORMS", "cpu")

import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
import ml_dtypes  # noqa: E402
import numpy as np  # noqa: E402
import scipy.special as sp  # noqa: E402
from jax import lax  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

BF16 = np.dtype(ml_dtypes.bfloat16)
DTYPES = {"f32": np.dtype(np.float32), "f64": np.dtype(np.float64),
          "f16": np.dtype(np.float16), "bf16": BF16}
UINT = {2: np.uint16, 4: np.uint32, 8: np.uint64}
# Significand bits (without the implicit one) and total bits.
FORMAT = {"f32": (23, 32), "f64": (52, 64), "f16": (10, 16), "bf16": (7, 16)}


def bits_of(name, values):
    return np.asarray(values, dtype=UINT[FORMAT[name][1] // 8])


def special_bits(name):
    """The special bit patterns of a format, by name."""
    mant, width = FORMAT[name]
    sign = 1 << (width - 1)
    exp_mask = ((1 << (width - 1 - mant)) - 1) << mant
    quiet = 1 << (mant - 1)
    ones = (1 << (width - 1)) - 1
    return {
        "qnan": exp_mask | quiet, "qnan_payload1": exp_mask | quiet | 1,
        "-qnan": sign | exp_mask | quiet, "qnan_all_ones": ones,
        "-qnan_all_ones": sign | ones, "snan": exp_mask | 1,
        "-snan": sign | exp_mask | 1, "+0": 0, "-0": sign,
        "+inf": exp_mask, "-inf": sign | exp_mask,
        "min_subnormal": 1, "-min_subnormal": sign | 1,
        "mid_subnormal": 1 << (mant // 2), "high_subnormal": 1 << (mant - 1),
        "max_subnormal": (1 << mant) - 1, "-max_subnormal": sign | ((1 << mant) - 1),
        "min_normal": 1 << mant, "-min_normal": sign | (1 << mant),
        "max_finite": exp_mask - 1, "-max_finite": sign | (exp_mask - 1),
    }


def boundary_values(dtype):
    """Finite points where jaxc's expansions switch formula or the function
    overflows or underflows, in the format's own range and f32's."""
    fi = ml_dtypes.finfo(dtype)
    one = np.asarray(1, dtype)
    points = [1.0, -1.0, 2.0, 0.5, -0.5, 0.3, -0.3, 3.0, 10.0, -10.0, 20.0,
              -20.0, 100.0, -100.0, 1e-4, -1e-4, 1e-8, -1e-8,
              # tanh: the cap, and around it.
              9.0, 9.25, -9.25, 9.3, 8.9,
              # f32 exp: ln(max finite), ln(min normal), ln(min subnormal)
              # and just beyond; the clamps at 89 and -104.
              88.72, 88.73, -87.33, -103.27, -103.97, -104.0, 89.0, 87.0,
              # asin/acos/atanh/erf_inv's poles, just inside and outside.
              0.9999, 1.0001, -1.0001,
              math.pi / 2, math.pi]
    for edge in (float(fi.max), float(fi.smallest_normal),
                 float(fi.smallest_subnormal)):
        ln = math.log(edge)
        points += [ln, ln * (1 - 1e-3), ln * (1 + 1e-3)]
    values = [np.asarray(p).astype(dtype) for p in points]
    values += [np.nextafter(one, np.asarray(2, dtype)),
               np.nextafter(one, np.asarray(0, dtype))]
    return values


def unary_inputs(name):
    dtype = DTYPES[name]
    specials = list(special_bits(name).values())
    bits = bits_of(name, specials).view(dtype)
    extra = np.array(boundary_values(dtype), dtype=dtype)
    values = np.concatenate([bits, extra])
    # One of each bit pattern, in order.
    raw = values.view(UINT[dtype.itemsize])
    _, first = np.unique(raw, return_index=True)
    return values[np.sort(first)]


def binary_inputs(name):
    dtype = DTYPES[name]
    s = special_bits(name)
    picks = ["qnan", "-qnan_all_ones", "snan", "+0", "-0", "+inf", "-inf",
             "min_subnormal", "-min_subnormal", "min_normal", "max_finite",
             "-max_finite"]
    values = list(bits_of(name, [s[p] for p in picks]).view(dtype))
    values += [np.asarray(v).astype(dtype) for v in (1.0, -1.0, 2.0, 0.5, 3.0,
                                                      -2.5)]
    values = np.array(values, dtype=dtype)
    lhs = np.repeat(values, len(values))
    rhs = np.tile(values, len(values))
    return lhs, rhs


# ---------------------------------------------------------------------------
# The ops: name -> (JAX function, arity, tolerance in ULP, IEEE reference on
# float64 NumPy arrays or None when the op cannot be sensitive to flushing).
#
# Tolerances: 0 for exact ops (data movement, rounding, comparisons,
# correctly rounded arithmetic); for libm-class functions each side is within
# a few ULP of the true value (jaxc's tanh 2.42, XLA's up to 4.8), so 8; for
# the CHLO special functions (polynomial and rational approximations on both
# sides, lgamma and digamma near their poles) 64. f16 and bf16 are computed
# in f32 by both and rounded, so one rounding apart at most: 1.

def _round_afz(x):
    return np.copysign(np.floor(np.abs(x) + 0.5), x)


def _lgamma(x):
    # SciPy's gammaln overflows to inf below about 1e-306; libm's does not.
    def one(v):
        try:
            return math.lgamma(v)
        except (ValueError, OverflowError):  # the poles; past 2.5e305
            return math.inf
    return np.vectorize(one, otypes=[np.float64])(x)


def _sign(x):
    return np.where(np.isnan(x) | (x == 0), x, np.copysign(1.0, x))


def _gelu(x):
    return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) *
                                  (x + 0.044715 * x ** 3)))


class Native:
    """A reference that must run in the argument's own type (nextafter's
    step is one ULP of that type)."""

    def __init__(self, fn):
        self.fn = fn


UNARY = {
    "abs": (jnp.abs, 0, np.abs),
    "cbrt": (jnp.cbrt, 8, np.cbrt),
    "ceil": (jnp.ceil, 0, np.ceil),
    "cosine": (jnp.cos, 8, np.cos),
    "exponential": (jnp.exp, 8, np.exp),
    "exponential_minus_one": (jnp.expm1, 8, np.expm1),
    "floor": (jnp.floor, 0, np.floor),
    "is_finite": (jnp.isfinite, 0, np.isfinite),
    "log": (jnp.log, 8, np.log),
    "log_plus_one": (jnp.log1p, 8, np.log1p),
    "logistic": (jax.nn.sigmoid, 8, sp.expit),
    "negate": (jnp.negative, 0, np.negative),
    "round_nearest_afz": (
        lambda x: lax.round(x, lax.RoundingMethod.AWAY_FROM_ZERO), 0,
        _round_afz),
    "round_nearest_even": (jnp.round, 0, np.rint),
    "rsqrt": (lax.rsqrt, 8, lambda x: 1 / np.sqrt(x)),
    "sign": (jnp.sign, 0, _sign),
    "sine": (jnp.sin, 8, np.sin),
    "sqrt": (jnp.sqrt, 0, np.sqrt),
    "tan": (jnp.tan, 8, np.tan),
    "tanh": (jnp.tanh, 8, np.tanh),
    # CHLO ops and jnp functions JAX lowers to several StableHLO ops.
    "erf": (jax.scipy.special.erf, 64, sp.erf),
    "erfc": (jax.scipy.special.erfc, 64, sp.erfc),
    "erf_inv": (jax.scipy.special.erfinv, 64, sp.erfinv),
    "lgamma": (jax.scipy.special.gammaln, 64, _lgamma),
    "digamma": (jax.scipy.special.digamma, 64, sp.psi),
    "asin": (jnp.arcsin, 8, np.arcsin),
    "acos": (jnp.arccos, 8, np.arccos),
    "atan": (jnp.arctan, 8, np.arctan),
    "sinh": (jnp.sinh, 8, np.sinh),
    "cosh": (jnp.cosh, 8, np.cosh),
    "asinh": (jnp.arcsinh, 8, np.arcsinh),
    "acosh": (jnp.arccosh, 8, np.arccosh),
    "atanh": (jnp.arctanh, 8, np.arctanh),
    "exp2": (jnp.exp2, 8, np.exp2),
    "log2": (jnp.log2, 8, np.log2),
    "log10": (jnp.log10, 8, np.log10),
    "square": (jnp.square, 0, np.square),
    "reciprocal": (jnp.reciprocal, 0, np.reciprocal),
    "i1e": (jax.scipy.special.i1e, 64, sp.i1e),
    "gelu_tanh": (lambda x: jax.nn.gelu(x, approximate=True), 8, _gelu),
}

BINARY = {
    "add": (lax.add, 0, np.add),
    "subtract": (lax.sub, 0, np.subtract),
    "multiply": (lax.mul, 0, np.multiply),
    "divide": (lax.div, 0, np.divide),
    "remainder": (lax.rem, 0, np.fmod),
    "power": (lax.pow, 8, np.power),
    "atan2": (lax.atan2, 8, np.arctan2),
    "maximum": (lax.max, 0, np.fmax),
    "minimum": (lax.min, 0, np.fmin),
    "compare_eq": (lax.eq, 0, np.equal),
    "compare_ne": (lax.ne, 0, np.not_equal),
    "compare_lt": (lax.lt, 0, np.less),
    "compare_le": (lax.le, 0, np.less_equal),
    "compare_gt": (lax.gt, 0, np.greater),
    "compare_ge": (lax.ge, 0, np.greater_equal),
    "nextafter": (lax.nextafter, 0, Native(np.nextafter)),
}

# Where the sign of a zero result is defined: sign operations, correctly
# rounded arithmetic (IEEE 754 6.3) and the odd functions (f(-0) = -0).
ZERO_SIGN = {"abs", "negate", "sqrt", "multiply", "divide", "add",
             "subtract", "remainder", "ceil", "floor", "round_nearest_afz",
             "round_nearest_even", "sign", "sine", "tan", "tanh",
             "exponential_minus_one", "log_plus_one", "cbrt", "erf", "asin",
             "atan", "sinh", "asinh", "atanh", "erf_inv", "square",
             "nextafter"}


# ---------------------------------------------------------------------------

def ordered_key(values):
    """Float bits as integers that order like the floats (-0 just below +0)."""
    width = values.dtype.itemsize * 8
    u = values.view(UINT[values.dtype.itemsize]).astype(np.uint64).astype(object)
    sign = 1 << (width - 1)
    return np.array([-(int(b) ^ sign) if int(b) & sign else int(b) for b in u],
                    dtype=object)


def ulp_apart(a, b):
    ka, kb = ordered_key(a), ordered_key(b)
    # +0 and -0 are 1 apart in this order; count them as 0 apart here (the
    # sign is checked separately).
    d = np.abs(ka - kb)
    return np.array([max(int(v) - (1 if (int(x) < 0) != (int(y) < 0) else 0), 0)
                     for v, x, y in zip(d, ka, kb)], dtype=object)


def is_subnormal(values, compute_dtype):
    """Subnormal in the type the op computes in (f32 for f16 and bf16)."""
    fi = ml_dtypes.finfo(compute_dtype)
    v = np.abs(values.astype(np.float64))
    return (v > 0) & (v < float(fi.smallest_normal))


def export(fn, args):
    """The jitted function over bit patterns, its StableHLO text and XLA's
    results (as the unsigned bit patterns or booleans)."""
    dtype = args[0].dtype
    utype = UINT[dtype.itemsize]
    jdtype = jnp.dtype(dtype)

    def wrapped(*bits):
        ys = fn(*[lax.bitcast_convert_type(b, jdtype) for b in bits])
        if ys.dtype == jnp.bool_:
            return ys
        return lax.bitcast_convert_type(ys, jnp.dtype(utype))

    bits = [a.view(utype) for a in args]
    jitted = jax.jit(wrapped)
    text = jitted.lower(*bits).as_text()
    want = np.asarray(jitted(*bits))
    return bits, text, want


def run_jaxc(jaxc, denormals, work, tag, text, bits):
    src = os.path.join(work, f"{tag}.mlir")
    module = os.path.join(work, f"{tag}.vmfb")
    out = os.path.join(work, f"{tag}.out.npy")
    with open(src, "w") as f:
        f.write(text)
    p = subprocess.run([jaxc, "compile", src, f"--output={module}",
                        f"--denormals={denormals}"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return None, f"jaxc compile exit {p.returncode}: {p.stderr.strip()[-300:]}"
    inputs = []
    for i, b in enumerate(bits):
        path = os.path.join(work, f"{tag}.in{i}.npy")
        np.save(path, b)
        inputs.append(f"--input=@{path}")
    p = subprocess.run([jaxc, "run", f"--module={module}", "--function=main",
                        *inputs, f"--output=@{out}"], capture_output=True,
                       text=True)
    if p.returncode != 0:
        return None, f"jaxc run exit {p.returncode}: {p.stderr.strip()[-300:]}"
    return np.load(out), None


def describe(dtype, bits):
    value = bits.view(dtype) if bits.dtype != np.bool_ else bits
    if bits.dtype == np.bool_:
        return str(bool(bits))
    width = dtype.itemsize * 2
    return f"{float(value.astype(np.float64))!r} (0x{int(bits):0{width}X})"


def ieee_reference(ref, args, dtype):
    with np.errstate(all="ignore"):
        if isinstance(ref, Native):
            exact = ref.fn(*args)
        else:
            exact = ref(*[a.astype(np.float64) for a in args])
    exact = np.asarray(exact)
    if exact.dtype == np.bool_:
        return exact, exact
    with np.errstate(all="ignore"):
        return exact, exact.astype(dtype)


class Tally:
    def __init__(self):
        self.passed = self.failed = self.ieee = 0
        self.failures = []
        self.payload_notes = {}


def check(op, dname, tol, ref, args, got, want, tally, verbose, ieee):
    dtype = DTYPES[dname]
    compute = np.float32 if dname in ("f16", "bf16") else dtype
    unary = len(args) == 1
    if want.dtype == np.bool_:
        bad = got.astype(np.bool_) != want
        exact, _ = ieee_reference(ref, args, dtype)
        for i in range(want.size):
            if bad[i] and ieee and any(is_subnormal(a[i:i + 1], compute)[0]
                              for a in args) and got[i] == exact[i]:
                # Subnormals compared as themselves, not as zeros.
                tally.ieee += 1
                tally.passed += 1
            elif bad[i]:
                tally.failed += 1
                tally.failures.append(
                    f"FAIL {op} {dname} x={', '.join(describe(dtype, a.view(UINT[dtype.itemsize])[i]) for a in args)}:"
                    f" jaxc {bool(got[i])}, XLA {bool(want[i])}")
            else:
                tally.passed += 1
        return
    g = got.view(dtype)
    w = want.view(dtype)
    ubits = [a.view(UINT[dtype.itemsize]) for a in args]
    mant = FORMAT[dname][0]
    quiet = 1 << (mant - 1)
    # Does XLA keep the NaN input's sign and payload (modulo the quiet bit)?
    keeps_payload = False
    nan_in = np.zeros(w.size, dtype=bool)
    if unary:
        nan_in = np.isnan(args[0].astype(np.float64))
        wbits = want.astype(np.uint64)
        ibits = ubits[0].astype(np.uint64)
        keeps_payload = bool(nan_in.any()) and bool(np.all(
            (wbits[nan_in] | quiet) == (ibits[nan_in] | quiet)))
        tally.payload_notes[(op, dname)] = keeps_payload
    exact = None
    if ref is not None:
        exact, exact_rounded = ieee_reference(ref, args, dtype)
    apart = ulp_apart(g, w)
    # Near a zero of the function away from the origin (lgamma(2), sin(pi))
    # relative error has no bound on either side: a few machine epsilons
    # absolute will do there (not at tiny inputs, whose tiny results are
    # exact to the last bit: tanh(1e-45) = 1e-45).
    away = np.ones(w.size, dtype=bool)
    for a in args:
        away &= ~(np.abs(a.astype(np.float64)) < 0.25)
    atol = np.where(away, min(tol, 8) * float(ml_dtypes.finfo(dtype).eps), 0.0)
    for i in range(w.size):
        gi, wi = float(g[i].astype(np.float64)), float(w[i].astype(np.float64))
        reason = None
        if math.isnan(wi):
            if not math.isnan(gi):
                reason = "not NaN"
            elif (keeps_payload and nan_in[i] and
                  (int(got[i]) | quiet) != (int(want[i]) | quiet)):
                reason = "NaN payload or sign lost (XLA keeps it)"
        elif math.isinf(wi):
            if gi != wi:
                reason = "not the same infinity"
        elif wi == 0 and gi == 0:
            if op in ZERO_SIGN and math.copysign(1, gi) != math.copysign(1, wi):
                reason = "zero of the wrong sign"
        elif (math.isnan(gi) or math.isinf(gi) or
              (apart[i] > tol and abs(gi - wi) > atol[i])):
            reason = f"{apart[i]} ULP apart (tolerance {tol})" \
                if math.isfinite(gi) else "not finite"
        if reason is not None and ieee and exact is not None:
            # Gradual underflow where XLA flushes: a subnormal input in the
            # computing type, or an exact result that is subnormal or zero
            # in the result type while the exact one is not.
            sensitive = any(is_subnormal(a[i:i + 1], compute)[0] for a in args)
            e = float(exact[i])
            if math.isfinite(e) and e != 0 and abs(e) < float(
                    ml_dtypes.finfo(compute).smallest_normal):
                sensitive = True
            if sensitive:
                er = exact_rounded[i:i + 1]
                ok = False
                ef = float(er.astype(np.float64)[0])
                if math.isnan(ef):
                    ok = math.isnan(gi)
                elif math.isinf(ef) or ef == 0:
                    ok = gi == ef and (op not in ZERO_SIGN or
                                       math.copysign(1, gi) == math.copysign(1, ef))
                elif math.isfinite(gi):
                    ok = (ulp_apart(g[i:i + 1], er)[0] <= tol or
                          abs(gi - ef) <= atol[i])
                if ok:
                    tally.ieee += 1
                    if verbose:
                        print(f"IEEE {op} {dname} x={', '.join(describe(dtype, b[i]) for b in ubits)}:"
                              f" jaxc {describe(dtype, got[i])}, XLA (flushed) {describe(dtype, want[i])}")
                    reason = None
        if reason is None:
            tally.passed += 1
        else:
            tally.failed += 1
            tally.failures.append(
                f"FAIL {op} {dname} x={', '.join(describe(dtype, b[i]) for b in ubits)}:"
                f" jaxc {describe(dtype, got[i])}, XLA {describe(dtype, want[i])}: {reason}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jaxc", default=os.path.join(ROOT, "build", "bin", "jaxc"))
    ap.add_argument("--filter", default=None,
                    help="only the ops whose `op dtype` matches this regex")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--denormals", choices=("flush", "ieee"), default="flush",
                    help="the modules' denormal mode (jaxc compile --denormals)")
    ap.add_argument("--verbose", action="store_true",
                    help="also print the IEEE-where-XLA-flushes elements")
    args = ap.parse_args()
    jaxc = os.path.abspath(args.jaxc)
    if not os.access(jaxc, os.X_OK):
        sys.exit(f"special_values: no jaxc at {jaxc} (build it: ninja -C build jaxc)")
    pattern = re.compile(args.filter) if args.filter else None

    jobs = []
    for dname in DTYPES:
        for table, arity in ((UNARY, 1), (BINARY, 2)):
            for op, (fn, tol, ref) in table.items():
                if pattern and not pattern.search(f"{op} {dname}"):
                    continue
                if dname in ("f16", "bf16") and tol > 0:
                    # Computed in f32 and rounded on both sides.
                    tol = 2 if tol == 64 else 1
                if arity == 1:
                    inputs = [unary_inputs(dname)]
                else:
                    inputs = list(binary_inputs(dname))
                jobs.append((op, dname, fn, tol, ref, inputs))

    tally = Tally()
    errors = 0
    with tempfile.TemporaryDirectory(prefix="jaxc-special-") as work:
        exported = []
        for op, dname, fn, tol, ref, inputs in jobs:
            try:
                bits, text, want = export(fn, inputs)
            except Exception as e:  # noqa: BLE001 - report and go on
                print(f"ERROR {op} {dname}: JAX could not export it: {e}")
                errors += 1
                continue
            exported.append((op, dname, tol, ref, inputs, bits, text, want))
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            runs = [pool.submit(run_jaxc, jaxc, args.denormals, work, f"{op}_{dname}", text, bits)
                    for op, dname, tol, ref, inputs, bits, text, want in exported]
            for (op, dname, tol, ref, inputs, bits, text, want), run in zip(exported, runs):
                got, error = run.result()
                if error:
                    print(f"ERROR {op} {dname}: {error}")
                    tally.failed += want.size
                    errors += 1
                    continue
                check(op, dname, tol, ref, inputs, got, want, tally, args.verbose,
                      args.denormals == "ieee")
    for line in tally.failures:
        print(line)
    kept = sorted(f"{op} {d}" for (op, d), k in tally.payload_notes.items() if k)
    print(f"XLA keeps NaN signs and payloads (quieting signalling NaNs) in "
          f"{len(kept)} of {len(tally.payload_notes)} unary op/type pairs; "
          f"there jaxc must too.")
    if args.denormals == "ieee":
        print(f"{tally.ieee} elements passed as IEEE gradual underflow where "
              f"XLA flushes subnormals to zero")
    print(f"{len(jobs)} op/type pairs, {errors} could not run")
    print(f"{tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed or errors else 0


if __name__ == "__main__":
    sys.exit(main())
