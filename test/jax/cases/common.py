"""The case format of the JAX differential suite, and helpers for the families.

A case is a name, a function, concrete numpy arguments (fixed seeds) and a
tolerance family (see TOLERANCES in ../suite.py and ../README.md). Each
family module (cases/<family>.py) defines `cases()`, returning a list of Case.
The case id is `<family>.<name>`; the runner adds `:text` or `:serialized`.
"""

import dataclasses
from typing import Any, Callable, Optional, Sequence

import ml_dtypes
import numpy as np

bf16 = np.dtype(ml_dtypes.bfloat16)

FLOATS = ["float16", "bfloat16", "float32", "float64"]
SINTS = ["int8", "int16", "int32", "int64"]
UINTS = ["uint8", "uint16", "uint32", "uint64"]
INTS = SINTS + UINTS
COMPLEX = ["complex64", "complex128"]
ALL = ["bool"] + INTS + FLOATS + COMPLEX

# Short names used in case names.
SHORT = {
    "bool": "pred", "int8": "s8", "int16": "s16", "int32": "s32",
    "int64": "s64", "uint8": "u8", "uint16": "u16", "uint32": "u32",
    "uint64": "u64", "float16": "f16", "bfloat16": "bf16", "float32": "f32",
    "float64": "f64", "complex64": "c64", "complex128": "c128",
}


def dt(name):
    """numpy dtype from a name; 'bfloat16' comes from ml_dtypes."""
    return bf16 if str(name) == "bfloat16" else np.dtype(name)


def is_x64_dtype(d):
    d = np.dtype(d)
    return d.itemsize == 8 and d.kind in "iufc" or d == np.complex128


@dataclasses.dataclass
class Case:
    name: str
    fn: Callable
    args: Sequence[Any]
    tol: str = "exact"
    x64: Optional[bool] = None  # None: on iff an argument is 64-bit
    family: str = ""

    @property
    def id(self):
        return f"{self.family}.{self.name}"

    def needs_x64(self):
        if self.x64 is not None:
            return self.x64
        return any(is_x64_dtype(np.asarray(a).dtype) for a in self.args)


class Registry:
    """Collects a family's cases: `R.add(name, fn, *args, tol=..., x64=...)`."""

    def __init__(self):
        self.cases = []
        self._names = set()

    def add(self, name, fn, *args, tol="exact", x64=None):
        if name in self._names:
            raise ValueError(f"duplicate case name {name}")
        self._names.add(name)
        self.cases.append(Case(name, fn, [np.asarray(a) for a in args], tol, x64))


def rng(seed):
    return np.random.default_rng(seed)


def rand(shape, dtype, seed=0, lo=None, hi=None):
    """Deterministic random array of `dtype`: floats in [lo, hi) (default
    [-3, 3)), integers over a range that fits (default the dtype's range
    clipped to [-100, 100]), bools half true, complex with both parts."""
    d = dt(dtype)
    g = rng(seed)
    shape = tuple(shape)
    if d == np.bool_:
        return g.integers(0, 2, size=shape).astype(np.bool_)
    if d.kind in "iu":
        info = np.iinfo(d)
        a = max(info.min, -100 if lo is None else lo)
        b = min(info.max, 100 if hi is None else hi)
        return g.integers(a, b, size=shape, endpoint=True).astype(d)
    lo = -3.0 if lo is None else lo
    hi = 3.0 if hi is None else hi
    if d.kind == "c":
        re = g.uniform(lo, hi, size=shape)
        im = g.uniform(lo, hi, size=shape)
        return (re + 1j * im).astype(d)
    return g.uniform(lo, hi, size=shape).astype(d)


def _bits(dtype, patterns):
    d = dt(dtype)
    udt = {2: np.uint16, 4: np.uint32, 8: np.uint64}[d.itemsize]
    return np.array(patterns, dtype=udt).view(d)


def special_floats(dtype):
    """The special values of a float type, by bit pattern: NaNs with payloads
    and both signs (quiet and signalling), +-0, +-inf, the smallest and
    largest subnormals (both signs), the smallest normal, the largest finite
    (both signs), 1, -1, and a few ordinary values."""
    d = dt(dtype)
    if d == np.float32:
        pats = [0x7FC00000, 0x7FC00001, 0xFFC00000, 0x7F800001, 0xFF800123,
                0x00000000, 0x80000000, 0x7F800000, 0xFF800000,
                0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF,
                0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x3F800000, 0xBF800000]
    elif d == np.float64:
        pats = [0x7FF8000000000000, 0x7FF8000000000001, 0xFFF8000000000000,
                0x7FF0000000000001, 0xFFF0000000000123,
                0x0, 0x8000000000000000, 0x7FF0000000000000,
                0xFFF0000000000000, 0x1, 0x8000000000000001,
                0x000FFFFFFFFFFFFF, 0x800FFFFFFFFFFFFF, 0x0010000000000000,
                0x7FEFFFFFFFFFFFFF, 0xFFEFFFFFFFFFFFFF, 0x3FF0000000000000,
                0xBFF0000000000000]
    elif d == np.float16:
        pats = [0x7E00, 0x7E01, 0xFE00, 0x7C01, 0xFC23, 0x0000, 0x8000,
                0x7C00, 0xFC00, 0x0001, 0x8001, 0x03FF, 0x83FF, 0x0400,
                0x7BFF, 0xFBFF, 0x3C00, 0xBC00]
    elif d == bf16:
        pats = [0x7FC0, 0x7FC1, 0xFFC0, 0x7F81, 0xFF83, 0x0000, 0x8000,
                0x7F80, 0xFF80, 0x0001, 0x8001, 0x007F, 0x807F, 0x0080,
                0x7F7F, 0xFF7F, 0x3F80, 0xBF80]
    else:
        raise ValueError(dtype)
    ordinary = np.array([0.5, -2.5, 3.0, 100.0, -0.25, 7.75], dtype=np.float64)
    return np.concatenate([_bits(d, pats), ordinary.astype(d)])


def special_ints(dtype):
    """Each integer type's min and max, their neighbours, 0, +-1."""
    d = np.dtype(dtype)
    info = np.iinfo(d)
    vals = [info.min, info.max, info.min + 1, info.max - 1, 0, 1, 2, 7,
            info.max // 2, info.max // 2 + 1]
    if info.min < 0:
        vals += [-1, -2, -7, info.min // 2]
    return np.array(vals, dtype=d)


def square_pairs(v):
    """Every ordered pair of the values of v: (a, b) with a.shape == b.shape."""
    a = np.repeat(v, len(v))
    b = np.tile(v, len(v))
    return a, b
