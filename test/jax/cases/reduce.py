"""Reductions (sum/prod/max/min/mean/var/std/argmax/argmin/any/all, the nan*
versions, logsumexp, ptp, median) and cumulative ops (cumsum, cumprod, cummax,
cummin, cumlogsumexp), over several axes, dtypes and odd shapes."""

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .common import SHORT, Registry, rand, special_floats


def with_nans(x, seed=0):
    x = x.copy()
    flat = x.reshape(-1)
    g = np.random.default_rng(seed)
    flat[g.choice(flat.size, size=max(1, flat.size // 7), replace=False)] = np.nan
    return x


def cases():
    R = Registry()
    x = rand((3, 5, 2), "float32", 1)
    big = rand((17, 33), "float32", 2)
    for name, fn, tol in [
        ("sum", jnp.sum, "reduce"), ("prod", jnp.prod, "reduce"),
        ("max", jnp.max, "exact"), ("min", jnp.min, "exact"),
        ("mean", jnp.mean, "reduce"), ("var", jnp.var, "reduce"),
        ("std", jnp.std, "reduce"), ("argmax", jnp.argmax, "exact"),
        ("argmin", jnp.argmin, "exact"), ("ptp", jnp.ptp, "exact"),
        ("logsumexp", jax.nn.logsumexp, "reduce"),
        ("median", jnp.median, "reduce"),
    ]:
        R.add(f"{name}_all_f32", lambda a, fn=fn: fn(a), x, tol=tol)
        for axis in (0, 1, -1):
            R.add(f"{name}_axis{axis}_f32", lambda a, fn=fn, axis=axis: fn(a, axis=axis),
                  x, tol=tol)
        R.add(f"{name}_17x33_f32", lambda a, fn=fn: fn(a, axis=1), big, tol=tol)
    R.add("sum_keepdims_f32", lambda a: jnp.sum(a, axis=(0, 2), keepdims=True), x, tol="reduce")
    R.add("var_ddof1_f32", lambda a: jnp.var(a, axis=0, ddof=1), big, tol="reduce")
    R.add("sum_where_f32", lambda a: jnp.sum(a, where=a > 0), big, tol="reduce")
    R.add("mean_axis01_f32", lambda a: jnp.mean(a, axis=(0, 1)), x, tol="reduce")
    R.add("logsumexp_b_f32", lambda a, b: jax.nn.logsumexp(a, axis=0, b=b),
          big, rand((17, 33), "float32", 3, 0, 1), tol="reduce")
    for name, fn in [("max", jnp.max), ("min", jnp.min), ("argmax", jnp.argmax),
                     ("nanmax", jnp.nanmax), ("sum", jnp.sum)]:
        R.add(f"{name}_specials_f32", lambda a, fn=fn: fn(a.reshape(4, 6), axis=1),
              special_floats("float32"), tol="exact" if name != "sum" else "reduce")
    # NaN-propagation and nan* versions.
    xn = with_nans(rand((7, 9), "float32", 4))
    for name, fn, tol in [
        ("sum_nan", jnp.sum, "reduce"), ("max_nan", jnp.max, "exact"),
        ("argmax_nan", jnp.argmax, "exact"),
        ("nansum", jnp.nansum, "reduce"), ("nanprod", jnp.nanprod, "reduce"),
        ("nanmax", jnp.nanmax, "exact"), ("nanmin", jnp.nanmin, "exact"),
        ("nanmean", jnp.nanmean, "reduce"), ("nanvar", jnp.nanvar, "reduce"),
        ("nanstd", jnp.nanstd, "reduce"), ("nanargmax", jnp.nanargmax, "exact"),
        ("nanargmin", jnp.nanargmin, "exact"), ("nanmedian", jnp.nanmedian, "reduce"),
    ]:
        R.add(f"{name}_f32", lambda a, fn=fn: fn(a, axis=1), xn, tol=tol)
    R.add("nancumsum_f32", lambda a: jnp.nancumsum(a, axis=0), xn, tol="reduce")
    # Dtypes.
    for dtype in ["float16", "bfloat16", "float64", "int8", "int32", "int64",
                  "uint8", "uint32", "uint64", "complex64", "complex128"]:
        a = rand((5, 7), dtype, 10, -4, 4)
        R.add(f"sum_{SHORT[dtype]}", lambda a: jnp.sum(a, axis=0), a,
              tol="exact" if dtype[0] in "iu" else "reduce")
        R.add(f"prod_{SHORT[dtype]}", lambda a: jnp.prod(a, axis=1), a,
              tol="exact" if dtype[0] in "iu" else "reduce")
        if not dtype.startswith("complex"):
            R.add(f"max_{SHORT[dtype]}", lambda a: jnp.max(a, axis=1), a, tol="exact")
            R.add(f"argmin_{SHORT[dtype]}", lambda a: jnp.argmin(a, axis=0), a, tol="exact")
        R.add(f"mean_{SHORT[dtype]}", lambda a: jnp.mean(a, axis=1), a, tol="reduce")
    b = rand((6, 5), "bool", 11)
    R.add("any_pred", lambda a: jnp.any(a, axis=0), b)
    R.add("all_pred", lambda a: jnp.all(a, axis=1), b)
    R.add("any_f32", lambda a: jnp.any(a > 2.5), x)
    R.add("all_s32", lambda a: jnp.all(a != 0, axis=0), rand((4, 9), "int32", 12, -2, 2))
    R.add("count_nonzero_s32", lambda a: jnp.count_nonzero(a, axis=1),
          rand((4, 9), "int32", 13, -2, 2))
    # Empty and scalar.
    R.add("sum_empty_f32", lambda a: jnp.sum(a, axis=0), np.zeros((0, 3), np.float32), tol="reduce")
    R.add("prod_empty_f32", lambda a: jnp.prod(a), np.zeros((0,), np.float32), tol="reduce")
    R.add("max_empty_f32", lambda a: jnp.max(a, axis=0), np.zeros((3, 0), np.float32))
    R.add("max_empty_initial_f32", lambda a: jnp.max(a, axis=1, initial=-5.0), np.zeros((3, 0), np.float32))
    R.add("sum_scalar_f32", jnp.sum, np.float32(2.5), tol="reduce")
    R.add("sum_size1_f32", jnp.sum, np.ones((1,), np.float32), tol="reduce")
    # lax reduce with a custom and a multi-operand reducer.
    R.add("lax_reduce_max_s16", lambda a: lax.reduce(a, np.int16(-32768), lax.max, (0,)),
          rand((9, 4), "int16", 14))
    R.add("lax_reduce_variadic_argmax", lambda a, i: lax.reduce(
        (a, i), (np.float32(-np.inf), np.int32(0)),
        lambda p, q: (jnp.where(p[0] >= q[0], p[0], q[0]),
                      jnp.where(p[0] >= q[0], p[1], q[1])), (1,)),
        rand((5, 8), "float32", 15), np.tile(np.arange(8, dtype=np.int32), (5, 1)))
    R.add("lax_reduce_and_u32", lambda a: lax.reduce(a, np.uint32(0xFFFFFFFF), lax.bitwise_and, (1,)),
          rand((3, 7), "uint32", 16, 0, 2**32 - 1))
    # Cumulative.
    y = rand((6, 7), "float32", 20, -1.5, 1.5)
    for name, fn, tol in [
        ("cumsum", jnp.cumsum, "reduce"), ("cumprod", jnp.cumprod, "reduce"),
        ("cummax", lax.cummax, "exact"), ("cummin", lax.cummin, "exact"),
        ("cumlogsumexp", lax.cumlogsumexp, "reduce"),
    ]:
        for axis in (0, 1):
            R.add(f"{name}_axis{axis}_f32", lambda a, fn=fn, axis=axis: fn(a, axis=axis),
                  y, tol=tol)
    R.add("cumsum_reverse_f32", lambda a: lax.cumsum(a, axis=1, reverse=True), y, tol="reduce")
    R.add("cumsum_s32", lambda a: jnp.cumsum(a, axis=0), rand((9, 3), "int32", 21))
    R.add("cumsum_u8", lambda a: jnp.cumsum(a, dtype=jnp.uint8), rand((40,), "uint8", 22, 0, 255))
    R.add("cumprod_s64", lambda a: jnp.cumprod(a), rand((12,), "int64", 23, -5, 5))
    R.add("cummax_s8", lambda a: lax.cummax(a, axis=0), rand((33,), "int8", 24, -128, 127))
    R.add("cumsum_f64", lambda a: jnp.cumsum(a), rand((100,), "float64", 25), tol="reduce")
    R.add("cumsum_bf16", lambda a: jnp.cumsum(a), rand((17,), "bfloat16", 26), tol="reduce")
    R.add("cumsum_f16", lambda a: jnp.cumsum(a, axis=1), rand((3, 17), "float16", 27), tol="reduce")
    R.add("cumsum_c64", lambda a: jnp.cumsum(a), rand((11,), "complex64", 28), tol="reduce")
    R.add("cumsum_1025_f32", lambda a: jnp.cumsum(a), rand((1025,), "float32", 29), tol="reduce")
    R.add("cumulative_sum_include_initial", lambda a: jnp.cumulative_sum(a, axis=0, include_initial=True),
          y, tol="reduce")
    R.add("cumsum_empty_f32", jnp.cumsum, np.zeros((0,), np.float32), tol="reduce")
    return R.cases
