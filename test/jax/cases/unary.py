"""jax.numpy unary ufuncs on every float type, each fed the special values
(NaNs with payloads and both signs, +-0, +-inf, the smallest and largest
subnormals, the largest finite, +-1) followed by random values from the
function's domain; and the integer/bool/complex unary ufuncs."""

import jax.numpy as jnp
import numpy as np
from jax import lax

from .common import (COMPLEX, FLOATS, INTS, SHORT, Registry, dt, rand,
                     special_floats, special_ints)

# name -> (function, tolerance, (lo, hi) of the random values)
FLOAT_UNARY = {
    "abs": (jnp.abs, "exact", None),
    "fabs": (jnp.fabs, "exact", None),
    "negative": (jnp.negative, "exact", None),
    "positive": (jnp.positive, "exact", None),
    "sign": (jnp.sign, "exact", None),
    "signbit": (jnp.signbit, "exact", None),
    "isnan": (jnp.isnan, "exact", None),
    "isinf": (jnp.isinf, "exact", None),
    "isfinite": (jnp.isfinite, "exact", None),
    "isposinf": (jnp.isposinf, "exact", None),
    "floor": (jnp.floor, "exact", (-50, 50)),
    "ceil": (jnp.ceil, "exact", (-50, 50)),
    "round": (jnp.round, "exact", (-50, 50)),
    "rint": (jnp.rint, "exact", (-50, 50)),
    "trunc": (jnp.trunc, "exact", (-50, 50)),
    "square": (jnp.square, "arith", None),
    "sqrt": (jnp.sqrt, "arith", (0, 100)),
    "reciprocal": (jnp.reciprocal, "arith", None),
    "cbrt": (jnp.cbrt, "transc", None),
    "rsqrt": (lax.rsqrt, "transc", (0, 100)),
    "exp": (jnp.exp, "transc", (-20, 20)),
    "exp2": (jnp.exp2, "transc", (-20, 20)),
    "expm1": (jnp.expm1, "transc", (-5, 5)),
    "log": (jnp.log, "transc", (0, 100)),
    "log2": (jnp.log2, "transc", (0, 100)),
    "log10": (jnp.log10, "transc", (0, 100)),
    "log1p": (jnp.log1p, "transc", (-0.9, 10)),
    "sin": (jnp.sin, "transc", (-10, 10)),
    "cos": (jnp.cos, "transc", (-10, 10)),
    "tan": (jnp.tan, "transc", (-1.5, 1.5)),
    "arcsin": (jnp.arcsin, "transc", (-1, 1)),
    "arccos": (jnp.arccos, "transc", (-1, 1)),
    "arctan": (jnp.arctan, "transc", (-10, 10)),
    "sinh": (jnp.sinh, "transc", (-10, 10)),
    "cosh": (jnp.cosh, "transc", (-10, 10)),
    "tanh": (jnp.tanh, "transc", (-10, 10)),
    "arcsinh": (jnp.arcsinh, "transc", (-10, 10)),
    "arccosh": (jnp.arccosh, "transc", (1, 10)),
    "arctanh": (jnp.arctanh, "transc", (-1, 1)),
    "deg2rad": (jnp.deg2rad, "arith", None),
    "rad2deg": (jnp.rad2deg, "arith", None),
    "sinc": (jnp.sinc, "transc", (-5, 5)),
    "logistic": (lax.logistic, "transc", (-10, 10)),
    "erf": (lax.erf, "transc", (-4, 4)),
    "erfc": (lax.erfc, "transc", (-4, 4)),
    "spacing": (jnp.spacing, "exact", None),
    "nan_to_num": (jnp.nan_to_num, "exact", None),
    "frexp": (jnp.frexp, "exact", None),
    "modf": (jnp.modf, "exact", (-50, 50)),
    "logical_not": (jnp.logical_not, "exact", None),
    "is_finite_lax": (lax.is_finite, "exact", None),
}

INT_UNARY = {
    "abs": (jnp.abs, "exact"),
    "negative": (jnp.negative, "exact"),
    "sign": (jnp.sign, "exact"),
    "invert": (jnp.invert, "exact"),
    "square": (jnp.square, "exact"),
    "population_count": (lax.population_count, "exact"),
    "clz": (lax.clz, "exact"),
    "logical_not": (jnp.logical_not, "exact"),
}

COMPLEX_UNARY = {
    "abs": (jnp.abs, "transc"),
    "negative": (jnp.negative, "exact"),
    "conj": (jnp.conj, "exact"),
    "real": (jnp.real, "exact"),
    "imag": (jnp.imag, "exact"),
    "angle": (jnp.angle, "transc"),
    "exp": (jnp.exp, "transc"),
    "log": (jnp.log, "transc"),
    "sqrt": (jnp.sqrt, "transc"),
    "sin": (jnp.sin, "transc"),
    "cos": (jnp.cos, "transc"),
    "tanh": (jnp.tanh, "transc"),
    "square": (jnp.square, "arith"),
    "reciprocal": (jnp.reciprocal, "transc"),
    "sign": (jnp.sign, "transc"),
    "isnan": (jnp.isnan, "exact"),
    "isfinite": (jnp.isfinite, "exact"),
}


def float_inputs(dtype, domain, seed):
    special = special_floats(dtype)
    lo, hi = domain if domain else (-10, 10)
    return np.concatenate([special, rand((24,), dtype, seed, lo, hi)])


def cases():
    R = Registry()
    for i, (name, (fn, tol, domain)) in enumerate(FLOAT_UNARY.items()):
        for dtype in FLOATS:
            R.add(f"{name}_{SHORT[dtype]}", fn, float_inputs(dtype, domain, i),
                  tol=tol)
    for name, (fn, tol) in INT_UNARY.items():
        for dtype in INTS:
            if name == "sign" and dtype.startswith("uint") and dtype != "uint8":
                continue
            R.add(f"{name}_{SHORT[dtype]}", fn, special_ints(dtype), tol=tol)
    R.add("logical_not_pred", jnp.logical_not, np.array([True, False, True]))
    R.add("invert_pred", jnp.invert, np.array([True, False, False, True]))
    for i, (name, (fn, tol)) in enumerate(COMPLEX_UNARY.items()):
        for dtype in COMPLEX:
            x = rand((3, 5), dtype, 100 + i)
            x[0, 0] = 0
            x[0, 1] = complex(np.inf, 1.0)
            x[0, 2] = complex(np.nan, 0.0)
            x[0, 3] = complex(-0.0, 2.5)
            R.add(f"{name}_{SHORT[dtype]}", fn, x, tol=tol)
    return R.cases
