"""Every dtype: convert_element_type between every pair of the 15 types
(floats fed the special values and values outside the integer ranges,
integers their min/max), type promotion of mixed operands, and the shapes:
scalar, empty (0-sized), 1, 7, 3x5x2, 17x33."""

import jax.numpy as jnp
import numpy as np
from jax import lax

from .common import ALL, SHORT, Registry, dt, rand, special_floats, special_ints


def source_values(dtype):
    d = dt(dtype)
    if dtype == "bool":
        return np.array([True, False, False, True])
    if dtype.startswith(("int", "uint")):
        return special_ints(dtype)
    if dtype.startswith("complex"):
        part = np.float32 if dtype == "complex64" else np.float64
        re = special_floats(part)
        im = np.roll(re, 5)
        return _complex(re, im, d)
    # Floats: the special values, then values around and beyond the integer
    # ranges, and fractions that round differently.
    more = np.array([255.5, 256.0, -129.0, 127.9, 65535.0, 65536.0, -32769.0, 2.5, -2.5, 0.49999997,
                     3e9, -3e9, 4.3e9, 1e19, -1e19, 2.0 ** 31, -2.0 ** 31, 2.0 ** 63, 1.5e-5],
                    np.float64)
    with np.errstate(all="ignore"):
        return np.concatenate([special_floats(dtype), more.astype(d)])


def _complex(re, im, d):
    out = np.empty(re.shape, d)
    out.real = re
    out.imag = im
    return out


def cases():
    R = Registry()
    for src in ALL:
        v = source_values(src)
        for dst in ALL:
            if src == dst:
                continue
            R.add(f"convert_{SHORT[src]}_to_{SHORT[dst]}",
                  lambda a, dst=dst: lax.convert_element_type(jnp.real(a) if jnp.iscomplexobj(a)
                                                              and not dst.startswith("complex") else a,
                                                              dt(dst)),
                  v, x64=True if ("64" in src + dst or "128" in src + dst) else None)
    # Type promotion (jnp rules) of mixed operands.
    for a_t, b_t in [("int8", "uint8"), ("int32", "float16"), ("bfloat16", "float16"), ("uint32", "int32"),
                     ("bool", "int8"), ("float32", "complex64"), ("int64", "float32"), ("uint64", "int64"),
                     ("bfloat16", "int32"), ("float16", "float64")]:
        R.add(f"promote_add_{SHORT[a_t]}_{SHORT[b_t]}", jnp.add, rand((7,), a_t, 1), rand((7,), b_t, 2),
              tol="arith", x64=True if "64" in a_t + b_t else None)
    R.add("promote_weak_scalar_bf16", lambda a: a * 3 + 0.5, rand((7,), "bfloat16", 3), tol="arith")
    R.add("promote_weak_scalar_u8", lambda a: a * 3 + 250, rand((7,), "uint8", 4, 0, 255))
    # Shapes.
    shapes = {"scalar": (), "empty": (0,), "empty2d": (3, 0), "size1": (1,), "7": (7,),
              "3x5x2": (3, 5, 2), "17x33": (17, 33), "1x1x1": (1, 1, 1)}
    for sname, shape in shapes.items():
        a = rand(shape, "float32", 10)
        b = rand(shape, "float32", 11)
        R.add(f"shape_{sname}_add", jnp.add, a, b, tol="arith")
        R.add(f"shape_{sname}_exp", jnp.exp, a, tol="transc")
        R.add(f"shape_{sname}_where", lambda p, x, y: jnp.where(p, x, y), rand(shape, "bool", 12), a, b)
        R.add(f"shape_{sname}_sum", lambda x: jnp.sum(x, axis=0) if x.ndim else jnp.sum(x), a, tol="reduce")
        R.add(f"shape_{sname}_reverse", lambda x: x[::-1] if x.ndim else -x, a)
        R.add(f"shape_{sname}_s8_mul", jnp.multiply, rand(shape, "int8", 13), rand(shape, "int8", 14))
    R.add("shape_broadcast_scalar_array", jnp.add, rand((), "float32", 15), rand((17, 33), "float32", 16),
          tol="arith")
    R.add("shape_broadcast_rows_cols", jnp.subtract, rand((17, 1), "float32", 17), rand((1, 33), "float32", 18),
          tol="arith")
    R.add("shape_empty_concat", lambda a, b: jnp.concatenate([a, b]), np.zeros((0, 3), np.float32),
          rand((2, 3), "float32", 19))
    R.add("shape_empty_matmul_out", jnp.matmul, np.zeros((0, 4), np.float32), rand((4, 3), "float32", 20),
          tol="dot")
    R.add("shape_reshape_17x33", lambda a: a.reshape(33, 17).T, rand((17, 33), "float32", 21))
    R.add("shape_rank6", lambda a: jnp.transpose(a, (5, 3, 1, 0, 2, 4)) * 2, rand((2, 1, 3, 1, 2, 2), "float32", 22),
          tol="arith")
    R.add("shape_multiple_outputs", lambda a, b: (a + b, a * b, jnp.sum(a), b.astype(jnp.int32)),
          rand((3, 4), "float32", 23), rand((3, 4), "float32", 24), tol="arith")
    R.add("shape_no_args_constant", lambda: jnp.arange(12, dtype=jnp.float32).reshape(3, 4) * 0.5)
    R.add("shape_passthrough", lambda a, b: (b, a), rand((3,), "int16", 25), rand((2, 2), "uint16", 26))
    for dtype in ALL:
        R.add(f"identity_{SHORT[dtype]}", lambda a: a, source_values(dtype))
        R.add(f"reverse_{SHORT[dtype]}", lambda a: a[::-1], source_values(dtype))
    return R.cases
