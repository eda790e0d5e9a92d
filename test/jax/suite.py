#!/usr/bin/env python3
"""The differential suite against XLA: every case's function is exported by
JAX (as StableHLO text and/or as jax.export's serialized artifact), compiled
and run by jaxc, and its results compared with jax.jit on XLA's CPU backend.

  .venv/bin/python test/jax/suite.py --jaxc build/bin/jaxc \
      [--jobs N] [--filter REGEX] [--form text|serialized|both]

One line per case and form: PASS|FAIL|XFAIL|XPASS|UNSUPPORTED|ERROR <id>
[reason], a table by family, then `N passed, N failed`. Failed counts the
FAIL/ERROR/UNSUPPORTED results that known_failures.txt does not list, and the
listed ones that pass (XPASS). The exit status is 1 iff failed > 0.
See README.md beside this file.
"""

import argparse
import fnmatch
import glob
import importlib
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Tolerance families. For floats, an element passes when both are NaN, or
# both are the same infinity, or both are finite and either their distance
# in units in the last place (ULP) of the result type is at most `ulp`, or
#   |got - want| <= atol * eps * scale + rtol * eps * |want|,
# eps being the result type's machine epsilon and scale 1 ("one") or the
# largest finite |want| of that result ("max": sums, products of matrices,
# transforms, whose error follows the size of the values summed).
# `zero_sign`: +0 and -0 differ. Integers and booleans are always exact;
# complex numbers compare by parts (real with real, imaginary with imaginary)
# with the scale at least |want| of the complex element.
TOLERANCES = {
    # Data movement, selection, sign manipulation: bit-exact (NaNs excepted:
    # any NaN matches any NaN, payloads are not compared).
    "exact": dict(ulp=0, atol=0, rtol=0, scale="one", zero_sign=True),
    # Correctly rounded IEEE arithmetic (+ - * / sqrt, conversions) with room
    # for one double rounding (f16/bf16 computed in f32).
    "arith": dict(ulp=2, atol=0, rtol=0, scale="one", zero_sign=True),
    # libm-class functions (exp, log, sin, tanh, pow, ...): each side is within
    # a few ULP of the true value; near a zero of the function the absolute
    # error is a few eps of the argument's scale.
    "transc": dict(ulp=8, atol=8, rtol=8, scale="one", zero_sign=False),
    # Special functions (lgamma, digamma, igamma, erf_inv, bessel, betainc):
    # polynomial/continued-fraction approximations.
    "special": dict(ulp=64, atol=64, rtol=64, scale="one", zero_sign=False),
    # Reductions and scans: the summation order may differ.
    "reduce": dict(ulp=4, atol=64, rtol=64, scale="max", zero_sign=False),
    # Matrix products and convolutions: as reductions.
    "dot": dict(ulp=4, atol=128, rtol=128, scale="max", zero_sign=False),
    # Factorizations and solves of well-conditioned matrices.
    "linalg": dict(ulp=8, atol=2048, rtol=2048, scale="max", zero_sign=False),
    # FFTs: the DFT is a sum; different algorithms round differently.
    "fft": dict(ulp=8, atol=256, rtol=256, scale="max", zero_sign=False),
}


def load_registry(filter_re=None):
    """All cases, by id, from cases/*.py, in file order."""
    if HERE not in sys.path:
        sys.path.insert(0, HERE)
    registry = {}
    for path in sorted(glob.glob(os.path.join(HERE, "cases", "*.py"))):
        family = os.path.splitext(os.path.basename(path))[0]
        if family in ("__init__", "common"):
            continue
        module = importlib.import_module(f"cases.{family}")
        for case in module.cases():
            case.family = family
            if case.tol not in TOLERANCES:
                raise ValueError(f"{case.id}: unknown tolerance {case.tol}")
            if case.id in registry:
                raise ValueError(f"duplicate case {case.id}")
            registry[case.id] = case
    return registry


# ---------------------------------------------------------------------------
# Known failures: `<pattern>  <reason>`, pattern a case id with its form
# (`lax.tanh_f32:text`) where * and ? are globs.

def load_known_failures(path):
    known = []
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 1)
            if len(parts) < 2 or not parts[1].strip():
                raise SystemExit(f"{path}:{lineno}: a known failure needs a "
                                 f"reason: {line}")
            known.append((parts[0], parts[1].strip()))
    return known


def known_reason(known, rid):
    for pattern, reason in known:
        if fnmatch.fnmatchcase(rid, pattern):
            return pattern, reason
    return None


# ---------------------------------------------------------------------------
# Comparison.

def _np():
    import numpy as np
    return np


def _eps(dtype):
    np = _np()
    import ml_dtypes
    return float(ml_dtypes.finfo(dtype).eps)


def _ordered(x):
    """Sign-magnitude float bits -> (sign, magnitude) as uint64."""
    np = _np()
    width = x.dtype.itemsize * 8
    u = x.view({16: np.uint16, 32: np.uint32, 64: np.uint64}[width])
    u = u.astype(np.uint64)
    sign = u >> np.uint64(width - 1)
    mag = u & np.uint64((1 << (width - 1)) - 1)
    return sign, mag


def ulp_distance(a, b):
    np = _np()
    sa, ma = _ordered(a)
    sb, mb = _ordered(b)
    same = sa == sb
    diff_same = np.where(ma > mb, ma - mb, mb - ma)
    return np.where(same, diff_same, ma + mb)


def _fmt(v):
    np = _np()
    if v.dtype.kind in "fV" or v.dtype.kind == "c":
        return repr(v.item()) if v.dtype.kind == "c" else repr(float(v))
    return repr(v.item())


def compare_float(got, want, tol, scale_floor=None):
    """Returns a boolean array of bad elements of two float arrays."""
    np = _np()
    eps = _eps(want.dtype)
    g64 = got.astype(np.float64)
    w64 = want.astype(np.float64)
    gnan, wnan = np.isnan(g64), np.isnan(w64)
    bad = gnan != wnan
    both = ~gnan & ~wnan
    inf = both & (np.isinf(g64) | np.isinf(w64))
    bad |= inf & (g64 != w64)
    fin = both & ~inf
    ok = ulp_distance(got, want) <= np.uint64(tol["ulp"])
    if tol["scale"] == "max":
        finite = w64[np.isfinite(w64)]
        scale = float(np.max(np.abs(finite))) if finite.size else 1.0
        scale = np.full(w64.shape, scale)
    else:
        scale = np.ones(w64.shape)
    if scale_floor is not None:
        scale = np.maximum(scale, scale_floor)
    with np.errstate(all="ignore"):
        close = np.abs(g64 - w64) <= (tol["atol"] * eps * scale +
                                      tol["rtol"] * eps * np.abs(w64))
    ok |= close
    if tol["zero_sign"]:
        ok &= ~((g64 == 0) & (w64 == 0) & (np.signbit(g64) != np.signbit(w64)))
    bad |= fin & ~ok
    return bad


def compare(got, want, tol):
    """None if got matches want within tol, else a one-line description."""
    np = _np()
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return _compare(got, want, tol)


def _compare(got, want, tol):
    np = _np()
    if got.shape != want.shape:
        return f"shape {got.shape}, XLA has {want.shape}"
    if got.dtype != want.dtype:
        return f"dtype {got.dtype}, XLA has {want.dtype}"
    if want.size == 0:
        return None
    kind = want.dtype.kind
    if kind in "biu":
        bad = got != want
    elif kind == "c":
        mag = np.abs(want.astype(np.complex128))
        mag = np.where(np.isfinite(mag), mag, 1.0)
        part = want.real.dtype
        bad = (compare_float(np.ascontiguousarray(got.real).astype(part),
                             np.ascontiguousarray(want.real), tol, mag) |
               compare_float(np.ascontiguousarray(got.imag).astype(part),
                             np.ascontiguousarray(want.imag), tol, mag))
    else:
        bad = compare_float(got, want, tol)
    if not bad.any():
        return None
    count = int(bad.sum())
    index = tuple(int(i) for i in np.argwhere(bad)[0])
    g, w = got[index], want[index]
    extra = ""
    if kind not in "biuc":
        extra = f" ({int(ulp_distance(np.asarray(g)[None], np.asarray(w)[None])[0])} ULP)"
    return (f"{count} of {want.size} elements differ, first at "
            f"{list(index)}: got {_fmt(np.asarray(g))}, XLA {_fmt(np.asarray(w))}{extra}")


# ---------------------------------------------------------------------------
# Running one case (in a worker process).

_REGISTRY = None
_OPTIONS = None


def _init_worker(options):
    global _REGISTRY, _OPTIONS
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false")
    _OPTIONS = options
    _REGISTRY = load_registry()


def _one_line(text, limit=300):
    text = "".join(c if c.isprintable() or c == "\n" else "?" for c in text)
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    # The first line that says error, else the last line.
    pick = next((l for l in lines if "error" in l.lower()), lines[-1] if lines else "")
    return pick[:limit]


def _bf16_wrap(fn, args):
    """jaxc's .npy reader and writer have no bf16 (NumPy has no bf16 descr;
    ml_dtypes saves it as '<V2'): bf16 arguments and results cross the
    boundary as uint16 bit patterns, bitcast inside the exported function."""
    import jax
    import jax.numpy as jnp
    from jax import lax
    np = _np()
    from cases.common import bf16
    in_bf = [np.asarray(a).dtype == bf16 for a in args]
    outs = jax.tree_util.tree_leaves(jax.eval_shape(fn, *args))
    out_bf = [o.dtype == bf16 for o in outs]
    if not any(in_bf) and not any(out_bf):
        return fn, list(args), in_bf, out_bf

    def wrapped(*xs):
        xs = [lax.bitcast_convert_type(x, jnp.bfloat16) if b else x
              for x, b in zip(xs, in_bf)]
        ys = jax.tree_util.tree_leaves(fn(*xs))
        return [lax.bitcast_convert_type(y, jnp.uint16) if b else y
                for y, b in zip(ys, out_bf)]

    wargs = [np.asarray(a).view(np.uint16) if b else a
             for a, b in zip(args, in_bf)]
    return wrapped, wargs, in_bf, out_bf


def _compare_all(outs, want, out_bf, tol, tol_name):
    np = _np()
    for i, (o, w) in enumerate(zip(outs, want)):
        got = np.load(o)
        if out_bf[i]:
            got = got.view(w.dtype)
        problem = compare(got, w, tol)
        if problem:
            return f"result {i} ({tol_name}): {problem}"
    return None


def run_case(cid):
    import numpy as np
    import jax
    case = _REGISTRY[cid]
    forms = _OPTIONS["forms"]
    jaxc = _OPTIONS["jaxc"]
    timeout = _OPTIONS["timeout"]
    results = []
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", cid)
    work = os.path.join(_OPTIONS["workdir"], safe)
    os.makedirs(work, exist_ok=True)
    t0 = time.time()

    def all_forms(status, reason):
        return [(f"{cid}:{form}", status, reason, time.time() - t0)
                for form in forms]

    exported = {}
    try:
        with jax.enable_x64(case.needs_x64()):
            want = [np.asarray(x) for x in
                    jax.tree_util.tree_leaves(jax.jit(case.fn)(*case.args))]
            # Results as a flat tuple: jax.export cannot serialize a tree
            # holding a named tuple (QRResult, SlogdetResult, ...).
            def flat(*xs):
                return tuple(jax.tree_util.tree_leaves(case.fn(*xs)))
            fn, args, in_bf, out_bf = _bf16_wrap(flat, case.args)
            # keep_unused: every argument stays an argument of main, so that
            # the .npy inputs line up (jit drops unused ones by default).
            jitted = jax.jit(fn, keep_unused=True)
            for form in forms:
                if form == "text":
                    path = os.path.join(work, "case.mlir")
                    with open(path, "w") as f:
                        f.write(jitted.lower(*args).as_text())
                else:
                    path = os.path.join(work, "case.jax_exported")
                    with open(path, "wb") as f:
                        f.write(jax.export.export(jitted)(*args).serialize())
                exported[form] = path
    except Exception as e:
        return all_forms("ERROR", "JAX could not run or export the case: " +
                         _one_line(f"{type(e).__name__}: {e}"))
    inputs = []
    for i, a in enumerate(args):
        p = os.path.join(work, f"arg{i}.npy")
        np.save(p, np.asarray(a))
        inputs.append(f"--input=@{p}")

    for form in forms:
        rid = f"{cid}:{form}"
        src = exported[form]
        vmfb = src + ".vmfb"
        status, reason = "PASS", ""
        try:
            p = subprocess.run([jaxc, "compile", src, "-o", vmfb],
                               capture_output=True, text=True, errors="replace",
                               timeout=timeout)
            if p.returncode != 0:
                status = "UNSUPPORTED" if p.returncode == 2 else "ERROR"
                reason = f"compile (exit {p.returncode}): " + _one_line(p.stderr + p.stdout)
            else:
                outs = [os.path.join(work, f"{form}_r{i}.npy") for i in range(len(want))]
                for o in outs:
                    if os.path.exists(o):
                        os.remove(o)
                p = subprocess.run([jaxc, "run", f"--module={vmfb}", "--function=main",
                                    *inputs, *[f"--output=@{o}" for o in outs]],
                                   capture_output=True, text=True, errors="replace",
                                   timeout=timeout, env=dict(os.environ, JAXC_THREAD_COUNT="1"))
                if p.returncode != 0:
                    status = "UNSUPPORTED" if p.returncode == 2 else "ERROR"
                    reason = f"run (exit {p.returncode}): " + _one_line(p.stderr + p.stdout)
                else:
                    tol = TOLERANCES[case.tol]
                    problem = _compare_all(outs, want, out_bf, tol, case.tol)
                    if problem:
                        status, reason = "FAIL", problem
        except subprocess.TimeoutExpired as e:
            status, reason = "ERROR", f"timed out after {timeout} s: {' '.join(e.cmd[:2])}"
        except Exception as e:
            status, reason = "ERROR", _one_line(f"{type(e).__name__}: {e}")
        results.append((rid, status, reason, time.time() - t0))
    if not _OPTIONS["keep"]:
        shutil.rmtree(work, ignore_errors=True)
    return results


def _safe_run_case(cid):
    try:
        return run_case(cid)
    except Exception:
        return [(f"{cid}:{form}", "ERROR", _one_line(traceback.format_exc()), 0)
                for form in _OPTIONS["forms"]]


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jaxc", required=True, help="the jaxc binary")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--filter", default=None,
                    help="run the cases whose id (or id:form) matches this regex")
    ap.add_argument("--form", choices=["text", "serialized", "both"], default="both")
    ap.add_argument("--known-failures", default=os.path.join(HERE, "known_failures.txt"))
    ap.add_argument("--workdir", default=None,
                    help="keep each case's files here (default: a temp dir, removed)")
    ap.add_argument("--timeout", type=int, default=300,
                    help="seconds for one jaxc compile or run")
    ap.add_argument("--list", action="store_true", help="list the case ids")
    ap.add_argument("--quiet", action="store_true", help="print only non-PASS lines")
    args = ap.parse_args()

    jaxc = os.path.abspath(args.jaxc)
    if not args.list and not os.access(jaxc, os.X_OK):
        print(f"error: jaxc not found or not executable: {jaxc}", file=sys.stderr)
        return 3
    forms = ["text", "serialized"] if args.form == "both" else [args.form]
    registry = load_registry()
    pattern = re.compile(args.filter) if args.filter else None
    ids = []
    for cid in registry:
        if pattern is None or pattern.search(cid) or any(
                pattern.search(f"{cid}:{f}") for f in forms):
            ids.append(cid)
    if args.list:
        for cid in ids:
            print(cid, registry[cid].tol)
        print(f"{len(ids)} cases")
        return 0
    known = load_known_failures(args.known_failures)

    workdir = args.workdir or tempfile.mkdtemp(prefix="jaxc-jax-suite-")
    os.makedirs(workdir, exist_ok=True)
    options = dict(forms=forms, jaxc=jaxc, timeout=args.timeout,
                   workdir=workdir, keep=bool(args.workdir))
    start = time.time()
    ctx = multiprocessing.get_context("spawn")
    counts = {}
    families = {}
    failed = passed = 0
    unexpected = []
    # Longest first would need timings; file order spreads the families.
    with ctx.Pool(max(1, args.jobs), initializer=_init_worker,
                  initargs=(options,)) as pool:
        for results in pool.imap_unordered(_safe_run_case, ids, chunksize=1):
            for rid, status, reason, secs in results:
                hit = known_reason(known, rid)
                if status == "PASS":
                    if hit:
                        status = "XPASS"
                        reason = (f"listed as a known failure ({hit[0]}) but "
                                  f"passes: remove it from known_failures.txt")
                elif hit:
                    known_text = hit[1] if len(hit[1]) <= 100 else hit[1][:100] + "..."
                    reason = f"{status}: {reason}  [known: {known_text}]"
                    status = "XFAIL"
                bad = status in ("FAIL", "ERROR", "UNSUPPORTED", "XPASS")
                if bad:
                    failed += 1
                    unexpected.append((rid, status, reason))
                elif status == "PASS":
                    passed += 1
                counts[status] = counts.get(status, 0) + 1
                fam = rid.split(".", 1)[0]
                families.setdefault(fam, {}).setdefault(status, 0)
                families[fam][status] += 1
                if not args.quiet or status != "PASS":
                    line = f"{status} {rid}"
                    if reason:
                        line += f" {reason}"
                    print(line, flush=True)
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)

    cols = ["PASS", "FAIL", "XFAIL", "XPASS", "UNSUPPORTED", "ERROR"]
    print()
    print(f"{'family':<14}" + "".join(f"{c:>12}" for c in cols))
    for fam in sorted(families):
        print(f"{fam:<14}" + "".join(f"{families[fam].get(c, 0):>12}" for c in cols))
    print(f"{'total':<14}" + "".join(f"{counts.get(c, 0):>12}" for c in cols))
    print(f"{len(ids)} cases, {len(forms)} form(s), {time.time() - start:.0f} s")
    if unexpected:
        print("unexpected results:")
        for rid, status, reason in sorted(unexpected):
            print(f"  {status} {rid} {reason}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
