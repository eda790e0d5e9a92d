"""Sorting: sort (every axis, descending, stable, NaNs and -0), argsort,
lexsort, partition/argpartition, top_k, searchsorted (both sides and every
method), unique with size, lax.sort with several operands."""

import jax.numpy as jnp
import numpy as np
from jax import lax

from .common import SHORT, Registry, rand, special_floats


def cases():
    R = Registry()
    x = rand((7, 9), "float32", 1)
    R.add("sort_axis0", lambda a: jnp.sort(a, axis=0), x)
    R.add("sort_axis1", lambda a: jnp.sort(a, axis=-1), x)
    R.add("sort_flat", lambda a: jnp.sort(a, axis=None), x)
    R.add("sort_descending", lambda a: jnp.sort(a, axis=1, descending=True), x)
    R.add("sort_specials_f32", jnp.sort, special_floats("float32"))
    R.add("sort_specials_f64", jnp.sort, special_floats("float64"))
    R.add("sort_specials_f16", jnp.sort, special_floats("float16"))
    R.add("sort_specials_bf16", jnp.sort, special_floats("bfloat16"))
    R.add("argsort_specials_f32", lambda a: jnp.argsort(a, stable=True), special_floats("float32"))
    for dtype in ["int8", "uint16", "int32", "int64", "uint64", "bool"]:
        R.add(f"sort_{SHORT[dtype]}", jnp.sort, rand((33,), dtype, 2))
    R.add("sort_c64", jnp.sort, rand((12,), "complex64", 3))
    R.add("argsort_stable_dups", lambda a: jnp.argsort(a, stable=True),
          rand((40,), "int32", 4, 0, 5))
    R.add("argsort_descending_stable", lambda a: jnp.argsort(a, stable=True, descending=True),
          rand((40,), "int32", 5, 0, 5))
    R.add("argsort_axis0", lambda a: jnp.argsort(a, axis=0), x)
    R.add("lexsort", lambda a, b: jnp.lexsort((a, b)), rand((30,), "int32", 6, 0, 3),
          rand((30,), "int32", 7, 0, 3))
    R.add("lexsort_3keys", lambda a, b, c: jnp.lexsort((a, b, c)), rand((25,), "float32", 8),
          rand((25,), "int32", 9, 0, 2), rand((25,), "bool", 10))
    R.add("lax_sort_2ops", lambda a, b: lax.sort((a, b), num_keys=1),
          rand((20,), "int32", 11, 0, 6), rand((20,), "float32", 12))
    R.add("lax_sort_3ops_2keys", lambda a, b, c: lax.sort((a, b, c), num_keys=2, is_stable=True),
          rand((30,), "int8", 13, 0, 3), rand((30,), "uint8", 14, 0, 3),
          rand((30,), "float32", 15))
    R.add("lax_sort_key_val", lambda k, v: lax.sort_key_val(k, v, dimension=0),
          rand((6, 4), "float32", 16), rand((6, 4), "int32", 17))
    R.add("partition", lambda a: jnp.partition(a, 3)[..., 3], x)
    R.add("argpartition_kth", lambda a: jnp.take_along_axis(a, jnp.argpartition(a, 4), -1)[..., 4], x)
    R.add("top_k", lambda a: lax.top_k(a, 3), x)
    R.add("top_k_dups_s32", lambda a: lax.top_k(a, 5), rand((3, 20), "int32", 18, 0, 4))
    R.add("top_k_f16", lambda a: lax.top_k(a, 4), rand((30,), "float16", 19))
    R.add("top_k_nan", lambda a: lax.top_k(a, 6), special_floats("float32"))
    sorted_f = np.sort(rand((50,), "float32", 20))
    q = np.concatenate([rand((20,), "float32", 21, -4, 4), sorted_f[[0, 7, 49]],
                        np.array([np.inf, -np.inf], np.float32)])
    for side in ["left", "right"]:
        for method in ["scan", "scan_unrolled", "sort", "compare_all"]:
            R.add(f"searchsorted_{side}_{method}",
                  lambda a, v, side=side, method=method: jnp.searchsorted(a, v, side=side,
                                                                         method=method),
                  sorted_f, q)
    R.add("searchsorted_s32", lambda a, v: jnp.searchsorted(a, v),
          np.sort(rand((31,), "int32", 22)), rand((9,), "int32", 23))
    R.add("digitize", lambda v, b: jnp.digitize(v, b), q, np.sort(rand((8,), "float32", 24)))
    R.add("unique_size", lambda a: jnp.unique(a, size=10, fill_value=-1),
          rand((30,), "int32", 25, 0, 6))
    R.add("unique_all_size", lambda a: tuple(jnp.unique_all(a, size=8, fill_value=0)),
          rand((30,), "int32", 26, 0, 6))
    R.add("unique_counts_f32", lambda a: jnp.unique(a, return_counts=True, size=6, fill_value=0.0),
          rand((20,), "int32", 27, 0, 4).astype(np.float32))
    R.add("unique_inverse", lambda a: jnp.unique(a, return_inverse=True, size=12),
          rand((15,), "int16", 28, -3, 3))
    R.add("sort_empty", jnp.sort, np.zeros((0,), np.float32))
    R.add("sort_17x33", lambda a: jnp.sort(a, axis=0), rand((17, 33), "float32", 29))
    R.add("median_sort", lambda a: jnp.quantile(a, 0.3, axis=1), x, tol="reduce")
    R.add("percentile", lambda a: jnp.percentile(a, jnp.array([10.0, 50.0, 90.0])), x, tol="reduce")
    return R.cases
