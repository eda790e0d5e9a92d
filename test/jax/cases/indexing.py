"""Indexing and .at[] updates (set/add/mul/min/max/get with negative and
out-of-bounds indices under each mode), take/take_along_axis, where/select/
choose, slicing, dynamic_slice/dynamic_update_slice, lax gather/scatter."""

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .common import Registry, rand


def cases():
    R = Registry()
    x = rand((7, 5), "float32", 1)
    idx = np.array([0, 3, -1, 6, -7, 2], np.int32)
    oob = np.array([0, 7, -8, 100, -100, 3], np.int32)
    dup = np.array([1, 1, 4, 1, 0, 4], np.int32)
    upd = rand((6, 5), "float32", 2)
    R.add("basic_slice", lambda a: a[1:6:2, ::-1], x)
    R.add("int_index", lambda a, i: a[i], x, idx)
    R.add("int_index_2d", lambda a, i, j: a[i, j], x, idx, np.array([0, 4, -1, 2, 1, -5], np.int32))
    R.add("bool_mask_where", lambda a: jnp.where(a > 0, a, 0.0), x)
    R.add("newaxis_ellipsis", lambda a: a[None, ..., 1], x)
    R.add("dynamic_index", lambda a, i: a[jax.ds(i[0], 2)], x, np.array([3], np.int32))
    for name, i in [("dup", dup), ("neg", idx)]:
        R.add(f"at_set_{name}", lambda a, i, u: a.at[i].set(u), x, i, upd)
        R.add(f"at_add_{name}", lambda a, i, u: a.at[i].add(u), x, i, upd, tol="arith")
        R.add(f"at_mul_{name}", lambda a, i, u: a.at[i].multiply(u), x, i, upd, tol="arith")
        R.add(f"at_min_{name}", lambda a, i, u: a.at[i].min(u), x, i, upd)
        R.add(f"at_max_{name}", lambda a, i, u: a.at[i].max(u), x, i, upd)
        R.add(f"at_get_{name}", lambda a, i: a.at[i].get(), x, i)
    for mode in ["drop", "clip", "promise_in_bounds"]:
        if mode == "promise_in_bounds":
            continue  # out-of-bounds is undefined there
        R.add(f"at_set_oob_{mode}", lambda a, i, u, mode=mode: a.at[i].set(u, mode=mode), x, oob, upd)
        R.add(f"at_add_oob_{mode}", lambda a, i, u, mode=mode: a.at[i].add(u, mode=mode), x, oob, upd,
              tol="arith")
        R.add(f"at_get_oob_{mode}", lambda a, i, mode=mode: a.at[i].get(mode=mode), x, oob)
    R.add("at_get_oob_fill", lambda a, i: a.at[i].get(mode="fill", fill_value=-7.0), x, oob)
    R.add("at_get_oob_fill_nan", lambda a, i: a.at[i].get(mode="fill"), x, oob)
    R.add("at_set_scalar_2d", lambda a: a.at[2, 3].set(99.0), x)
    R.add("at_add_slice", lambda a: a.at[1:4, ::2].add(1.5), x, tol="arith")
    R.add("at_set_s32_dup", lambda a, i: a.at[i].set(jnp.arange(6, dtype=jnp.int32)),
          np.zeros((8,), np.int32), np.array([1, 1, 2, 2, 7, 0], np.int32))
    R.add("at_add_s32_dup", lambda a, i: a.at[i].add(jnp.arange(6, dtype=jnp.int32)),
          np.zeros((8,), np.int32), np.array([1, 1, 2, 2, 7, 0], np.int32))
    R.add("at_apply", lambda a: a.at[jnp.array([0, 2])].apply(jnp.sin), x, tol="transc")
    R.add("at_min_u8", lambda a, i, u: a.at[i].min(u), rand((10,), "uint8", 3, 0, 255),
          np.array([9, 0, 5, 5], np.int32), rand((4,), "uint8", 4, 0, 255))
    # take / take_along_axis.
    R.add("take_axis0", lambda a, i: jnp.take(a, i, axis=0), x, idx)
    R.add("take_axis1_clip", lambda a, i: jnp.take(a, i, axis=1, mode="clip"), x, oob)
    R.add("take_fill", lambda a, i: jnp.take(a, i, axis=1, mode="fill", fill_value=0.5), x, oob)
    R.add("take_wrap", lambda a, i: jnp.take(a, i, axis=0, mode="wrap"), x, oob)
    R.add("take_flat", lambda a, i: jnp.take(a, i), x, np.array([0, 34, 17, -1], np.int32))
    R.add("take_along_axis", lambda a, i: jnp.take_along_axis(a, i, axis=1), x,
          rand((7, 3), "int32", 5, 0, 4))
    R.add("take_along_axis_argsort", lambda a: jnp.take_along_axis(a, jnp.argsort(a, axis=0), axis=0), x)
    # where / select / choose.
    c = rand((7, 5), "bool", 6)
    y = rand((7, 5), "float32", 7)
    R.add("where3", jnp.where, c, x, y)
    R.add("where_broadcast", lambda c, a: jnp.where(c, a, jnp.float32(-1)), c[:, :1], x)
    R.add("where_one_arg_size", lambda c: jnp.where(c, size=40, fill_value=-1), c)
    R.add("nonzero_size", lambda a: jnp.nonzero(a > 0, size=20), x)
    R.add("argwhere_size", lambda a: jnp.argwhere(a > 1, size=10, fill_value=99), x)
    R.add("lax_select", lax.select, c, x, y)
    R.add("lax_select_n", lambda i, a, b, d: lax.select_n(i, a, b, d),
          rand((7, 5), "int32", 8, 0, 2), x, y, -x)
    R.add("select_list", lambda a: jnp.select([a < -1, a > 1], [a * 2, a * 3], default=0.0), x,
          tol="arith")
    R.add("choose_wrap", lambda i, a, b, d: jnp.choose(i, [a, b, d], mode="wrap"),
          rand((7, 5), "int32", 9, -4, 5), x, y, -x)
    R.add("choose_clip", lambda i, a, b: jnp.choose(i, [a, b], mode="clip"),
          rand((7, 5), "int32", 10, -3, 5), x, y)
    R.add("extract_size", lambda a: jnp.extract(a > 0, a, size=12), x)
    R.add("compress_size", lambda a: jnp.compress(jnp.array([True, False, True, True, False]), a,
                                                  axis=1, size=3), x)
    # dynamic_slice / dynamic_update_slice (indices clamp).
    z = rand((6, 8, 3), "float32", 11)
    for name, s in [("inb", [1, 2, 0]), ("clamp", [5, -3, 2])]:
        R.add(f"dynamic_slice_{name}", lambda a, s: lax.dynamic_slice(a, (s[0], s[1], s[2]), (2, 4, 2)),
              z, np.array(s, np.int32))
        R.add(f"dynamic_update_slice_{name}",
              lambda a, u, s: lax.dynamic_update_slice(a, u, (s[0], s[1], s[2])),
              z, rand((2, 4, 2), "float32", 12), np.array(s, np.int32))
    R.add("dynamic_slice_in_dim_s64", lambda a, i: lax.dynamic_slice_in_dim(a, i, 3),
          rand((10,), "int64", 13), np.int64(8))
    R.add("dynamic_index_in_dim", lambda a, i: lax.dynamic_index_in_dim(a, i, axis=1, keepdims=False),
          z, np.int32(-1))
    # lax.gather / lax.scatter forms.
    dn = lax.GatherDimensionNumbers(offset_dims=(1,), collapsed_slice_dims=(0,),
                                    start_index_map=(0,))
    R.add("gather_rows", lambda a, i: lax.gather(a, i[:, None], dn, (1, 5),
                                                mode=lax.GatherScatterMode.CLIP), x, oob)
    dn2 = lax.GatherDimensionNumbers(offset_dims=(1, 2), collapsed_slice_dims=(),
                                     start_index_map=(0, 1))
    R.add("gather_windows", lambda a, i: lax.gather(a, i, dn2, (2, 3),
                                                   mode=lax.GatherScatterMode.FILL_OR_DROP,
                                                   fill_value=-1.0),
          x, np.array([[0, 0], [5, 2], [6, 4], [3, 1]], np.int32))
    dn3 = lax.GatherDimensionNumbers(offset_dims=(), collapsed_slice_dims=(1,),
                                     start_index_map=(1,), operand_batching_dims=(0,),
                                     start_indices_batching_dims=(0,))
    R.add("gather_batching_dims", lambda a, i: lax.gather(a, i, dn3, (1, 1),
                                                         mode=lax.GatherScatterMode.CLIP),
          x, rand((7, 1), "int32", 14, 0, 4))
    sdn = lax.ScatterDimensionNumbers(update_window_dims=(1,), inserted_window_dims=(0,),
                                      scatter_dims_to_operand_dims=(0,))
    R.add("scatter_add_rows", lambda a, i, u: lax.scatter_add(a, i[:, None], u, sdn,
                                                             mode=lax.GatherScatterMode.FILL_OR_DROP),
          x, oob, upd, tol="arith")
    R.add("scatter_set_rows", lambda a, i, u: lax.scatter(a, i[:, None], u, sdn,
                                                         indices_are_sorted=True, unique_indices=True),
          x, np.array([0, 1, 2, 3, 4, 5], np.int32), upd)
    R.add("scatter_mul", lambda a, i, u: lax.scatter_mul(a, i[:, None], u, sdn), x, dup, upd,
          tol="arith")
    R.add("scatter_max_s32", lambda a, i, u: lax.scatter_max(a, i[:, None], u, sdn),
          rand((7, 5), "int32", 15), dup, rand((6, 5), "int32", 16))
    R.add("scatter_apply_custom", lambda a, i, u: lax.scatter_apply(
        a, i[:, None], lambda v: v * 2 + 1, sdn, update_shape=(6, 5)), x, dup, upd, tol="arith")
    R.add("segment_sum", lambda d, s: jax.ops.segment_sum(d, s, num_segments=4),
          rand((10, 3), "float32", 17), np.array([0, 0, 1, 3, 3, 3, 2, 9, -1, 1], np.int32),
          tol="reduce")
    R.add("segment_max", lambda d, s: jax.ops.segment_max(d, s, num_segments=4),
          rand((10, 3), "float32", 18), np.array([0, 0, 1, 3, 3, 3, 2, 1, 1, 1], np.int32))
    return R.cases
