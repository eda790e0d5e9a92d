"""jax.lax ops: structural ops (broadcast_in_dim, reshape, transpose, rev,
pad, concatenate, slice, iota, squeeze), special functions (erf_inv, lgamma,
digamma, igamma, igammac, bessel, betainc, polygamma, zeta), reduce_precision,
bit ops (population_count, clz, shifts), bitcast_convert_type,
integer_pow, clamp, round, nextafter, cbrt, rng_bit_generator."""

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .common import FLOATS, SHORT, Registry, dt, rand, special_floats, special_ints


def cases():
    R = Registry()
    x = rand((3, 5, 2), "float32", 1)
    # Structural.
    R.add("broadcast_in_dim", lambda a: lax.broadcast_in_dim(a, (4, 3, 5, 2), (1, 2, 3)), x)
    R.add("broadcast_in_dim_expand", lambda a: lax.broadcast_in_dim(a[:, :1], (3, 7, 2), (0, 1, 2)), x)
    R.add("broadcast", lambda a: lax.broadcast(a, (2,)), x)
    R.add("reshape", lambda a: lax.reshape(a, (5, 6)), x)
    R.add("reshape_dimensions", lambda a: lax.reshape(a, (2, 15), dimensions=(2, 0, 1)), x)
    R.add("transpose", lambda a: lax.transpose(a, (2, 0, 1)), x)
    R.add("rev", lambda a: lax.rev(a, (0, 2)), x)
    R.add("pad_edge", lambda a: lax.pad(a, np.float32(-1), [(1, 2, 0), (0, 3, 0), (2, 0, 0)]), x)
    R.add("pad_interior", lambda a: lax.pad(a, np.float32(7), [(0, 0, 1), (1, 1, 2), (0, 0, 0)]), x)
    R.add("pad_negative", lambda a: lax.pad(a, np.float32(0), [(-1, 1, 0), (-2, -1, 1), (0, -1, 0)]), x)
    R.add("concatenate", lambda a, b: lax.concatenate([a, b, a], 1), x, rand((3, 2, 2), "float32", 2))
    R.add("slice_strided", lambda a: lax.slice(a, (0, 1, 0), (3, 5, 2), (2, 2, 1)), x)
    R.add("squeeze_expand_dims", lambda a: lax.expand_dims(lax.squeeze(a[:1], (0,)), (0, 3)), x)
    R.add("iota_s32", lambda: lax.iota(np.int32, 17))
    R.add("broadcasted_iota_f32", lambda: lax.broadcasted_iota(np.float32, (3, 4), 1))
    R.add("iota_u8_300", lambda: lax.iota(np.uint8, 300))
    R.add("collapse", lambda a: lax.collapse(a, 1, 3), x)
    R.add("clamp_f32", lambda a: lax.clamp(np.float32(-1), a, np.float32(1.5)), x)
    R.add("clamp_array_bounds", lambda lo, a, hi: lax.clamp(lo, a, hi), -abs(x), rand((3, 5, 2), "float32", 3), abs(x))
    R.add("clamp_s8", lambda a: lax.clamp(np.int8(-3), a, np.int8(100)), special_ints("int8"))
    R.add("round_away", lambda a: lax.round(a, lax.RoundingMethod.AWAY_FROM_ZERO),
          np.array([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999998, -0.0, 3.7], np.float32))
    R.add("round_even", lambda a: lax.round(a, lax.RoundingMethod.TO_NEAREST_EVEN),
          np.array([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999998, -0.0, 3.7], np.float32))
    for p in [0, 1, 2, 3, 7, -1, -2]:
        R.add(f"integer_pow_{p if p >= 0 else 'm' + str(-p)}", lambda a, p=p: lax.integer_pow(a, p),
              x, tol="transc")
    R.add("integer_pow_3_s32", lambda a: lax.integer_pow(a, 3), special_ints("int32"))
    R.add("pow_f32_s32", lambda a, b: lax.pow(a, b), x, rand((3, 5, 2), "int32", 4, -3, 3), tol="transc")
    R.add("nextafter_f32", lax.nextafter, *[special_floats("float32")[:, None] *
                                            np.ones((1, 3), np.float32),
                                            np.array([[np.inf, -np.inf, 0.0]] * 24, np.float32)])
    # Special functions.
    pos = rand((40,), "float32", 5, 0.05, 12)
    R.add("lgamma_f32", lax.lgamma, np.concatenate([pos, -pos[:10] - 0.5]), tol="special")
    R.add("lgamma_f64", lax.lgamma, np.concatenate([pos, -pos[:10] - 0.5]).astype(np.float64), tol="special")
    R.add("digamma_f32", lax.digamma, np.concatenate([pos, -pos[:10] - 0.5]), tol="special")
    R.add("digamma_f64", lax.digamma, pos.astype(np.float64), tol="special")
    R.add("erf_inv_f32", lax.erf_inv, rand((40,), "float32", 6, -0.999, 0.999), tol="special")
    R.add("erf_inv_f64", lax.erf_inv, rand((40,), "float64", 6, -0.999, 0.999), tol="special")
    R.add("erf_inv_edges_f32", lax.erf_inv, np.array([-1, 1, 0, -0.0, 2, np.nan], np.float32), tol="special")
    a = rand((30,), "float32", 7, 0.1, 8)
    b = rand((30,), "float32", 8, 0.1, 8)
    R.add("igamma_f32", lax.igamma, a, b, tol="special")
    R.add("igammac_f32", lax.igammac, a, b, tol="special")
    R.add("igamma_f64", lax.igamma, a.astype(np.float64), b.astype(np.float64), tol="special")
    R.add("igamma_grad_a_f32", lax.igamma_grad_a, a, b, tol="special")
    R.add("random_gamma_grad_f32", lax.random_gamma_grad, a, b, tol="special")
    R.add("betainc_f32", lax.betainc, a, b, rand((30,), "float32", 9, 0, 1), tol="special")
    R.add("betainc_f64", lax.betainc, a.astype(np.float64), b.astype(np.float64),
          rand((30,), "float64", 9, 0, 1), tol="special")
    R.add("bessel_i0e_f32", lax.bessel_i0e, rand((30,), "float32", 10, -20, 20), tol="special")
    R.add("bessel_i1e_f32", lax.bessel_i1e, rand((30,), "float32", 11, -20, 20), tol="special")
    R.add("bessel_i1e_f64", lax.bessel_i1e, rand((30,), "float64", 11, -20, 20), tol="special")
    R.add("i0_f32", jnp.i0, rand((30,), "float32", 12, -10, 10), tol="special")
    R.add("polygamma_f32", lax.polygamma, np.resize(np.array([0, 1, 2, 3], np.float32), 20),
          rand((20,), "float32", 13, 0.5, 6), tol="special")
    R.add("zeta_f32", lax.zeta, rand((20,), "float32", 14, 1.5, 6), rand((20,), "float32", 15, 0.5, 4),
          tol="special")
    R.add("lgamma_bf16", lax.lgamma, pos.astype(dt("bfloat16")), tol="special")
    R.add("digamma_f16", lax.digamma, pos.astype(np.float16), tol="special")
    # Precision and bits.
    for dtype in ["float32", "float64"]:
        v = special_floats(dtype)
        for e, m in [(5, 10), (8, 7), (8, 23), (4, 3), (11, 52)]:
            if dtype == "float32" and (e, m) == (11, 52):
                continue
            R.add(f"reduce_precision_e{e}m{m}_{SHORT[dtype]}",
                  lambda a, e=e, m=m: lax.reduce_precision(a, e, m),
                  np.concatenate([v, rand((20,), dtype, 16, -1e5, 1e5)]))
    for dtype in ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]:
        v = special_ints(dtype)
        bits = np.dtype(dtype).itemsize * 8
        sh = np.resize(np.array([0, 1, bits - 1, bits, bits + 1, 3], dtype), v.shape)
        R.add(f"shift_left_{SHORT[dtype]}", lax.shift_left, v, sh)
        R.add(f"shift_right_arithmetic_{SHORT[dtype]}", lax.shift_right_arithmetic, v, sh)
    # bitcast_convert_type, same width and across widths.
    for src, dst in [("float32", "int32"), ("int32", "float32"), ("float32", "uint32"),
                     ("float64", "int64"), ("uint64", "float64"), ("float16", "int16"),
                     ("bfloat16", "uint16"), ("int16", "float16"), ("uint16", "bfloat16"),
                     ("float16", "bfloat16"), ("int8", "uint8"), ("float32", "uint8"),
                     ("uint8", "float32"), ("float64", "float32"), ("uint32", "uint16"),
                     ("int16", "int32"), ("complex64", "float64")]:
        if src == "complex64":
            continue  # complex bitcasts are not allowed
        d = np.dtype(dst) if dst != "bfloat16" else dst
        if src.startswith("float") or src == "bfloat16":
            v = special_floats(src)[:16].reshape(4, 4)
        else:
            v = np.resize(special_ints(src), (4, 4))
        ssz = np.dtype(v.dtype).itemsize
        dsz = {"bfloat16": 2}.get(dst, np.dtype(dst).itemsize if dst != "bfloat16" else 2)
        if ssz < dsz:
            v = np.resize(v, (4, dsz // ssz))
        R.add(f"bitcast_{SHORT[src]}_to_{SHORT[dst]}",
              lambda a, dst=dst: lax.bitcast_convert_type(a, dt(dst)), v,
              x64=True if "64" in src + dst else None)
    # rng_bit_generator (XLA's algorithms: the default, three-fry and philox).
    key = np.array([1, 2, 3, 4], np.uint32)
    for alg in [lax.RandomAlgorithm.RNG_DEFAULT, lax.RandomAlgorithm.RNG_THREE_FRY,
                lax.RandomAlgorithm.RNG_PHILOX]:
        for dtype, shape in [("uint32", (3, 5)), ("uint64", (7,)), ("uint8", (16,))]:
            R.add(f"rng_bit_generator_{alg.name.lower()}_{SHORT[dtype]}",
                  lambda k, alg=alg, dtype=dtype, shape=shape: lax.rng_bit_generator(
                      k, shape, dtype=np.dtype(dtype), algorithm=alg), key,
                  x64=dtype == "uint64")
    # More lax ops, by their lax names.
    y = rand((4, 6), "float32", 18)
    for name, fn, tol in [("expm1", lax.expm1, "transc"), ("exp2", lax.exp2, "transc"),
                          ("tan", lax.tan, "transc"), ("square", lax.square, "arith"),
                          ("sign", lax.sign, "exact"), ("cbrt", lax.cbrt, "transc"),
                          ("log1p", lax.log1p, "transc"), ("acos", lambda v: lax.acos(v / 3), "transc"),
                          ("atanh", lambda v: lax.atanh(v / 3), "transc"),
                          ("stop_gradient", lax.stop_gradient, "exact"),
                          ("optimization_barrier", lambda v: lax.optimization_barrier((v, v * 2))[1], "arith"),
                          ("reduce_sum", lambda v: lax.reduce_sum(v, (0,)), "reduce"),
                          ("reduce_prod", lambda v: lax.reduce_prod(v, (1,)), "reduce"),
                          ("reduce_max", lambda v: lax.reduce_max(v, (0, 1)), "exact"),
                          ("reduce_min", lambda v: lax.reduce_min(v, (1,)), "exact"),
                          ("argmax", lambda v: lax.argmax(v, 1, np.int32), "exact"),
                          ("argmin_s64_index", lambda v: lax.argmin(v, 0, np.int32), "exact"),
                          ("split", lambda v: lax.split(v, (1, 3, 2), axis=1), "exact"),
                          ("sort_2d", lambda v: lax.sort(v, dimension=0), "exact"),
                          ("cumred_max", lambda v: lax.cummax(v, axis=1, reverse=True), "exact"),
                          ("approx_max_k", lambda v: lax.approx_max_k(v, 3), "exact"),
                          ("batch_matmul", lambda v: lax.batch_matmul(v[None], v.T[None]), "dot"),
                          ("dot_precision", lambda v: lax.dot(v, v.T, precision=lax.Precision.HIGHEST), "dot"),
                          ("maxpool_jvp_select_and_gather_add",
                           lambda v: jax.jvp(lambda u: lax.reduce_window(u, -jnp.inf, lax.max, (2, 2), (1, 2),
                                                                         "VALID"), (v,), (v * 0.5 + 1,)),
                           "exact")]:
        R.add(f"lax_{name}", fn, y, tol=tol)
    b = rand((4, 6), "bool", 19)
    R.add("reduce_and", lambda v: lax.reduce_and(v, (1,)), b)
    R.add("reduce_or", lambda v: lax.reduce_or(v, (0,)), b)
    R.add("reduce_xor", lambda v: lax.reduce_xor(v, (0, 1)), b)
    R.add("reduce_xor_u16", lambda v: lax.reduce_xor(v, (1,)), rand((4, 6), "uint16", 20, 0, 65535))
    R.add("bitwise_not_s16", lax.bitwise_not, special_ints("int16"))
    R.add("abs_s8_min", lax.abs, special_ints("int8"))
    # Complex parts.
    R.add("complex_real_imag_conj", lambda a, b: (lax.real(lax.complex(a, b)), lax.imag(lax.conj(lax.complex(a, b)))),
          x, rand((3, 5, 2), "float32", 17))
    return R.cases
