"""Contractions and windows: einsum, matmul/dot/tensordot/outer/inner/kron/vdot,
lax.dot_general (batching, mixed types, preferred_element_type),
conv_general_dilated in several dimension numbers, strides, padding,
dilations and feature/batch groups, reduce_window (sum/max/min, strides,
padding, dilation) and max-pool gradients (select_and_scatter)."""

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .common import SHORT, Registry, rand


def cases():
    R = Registry()
    a = rand((4, 6), "float32", 1)
    b = rand((6, 5), "float32", 2)
    for dtype in ["float32", "float64", "float16", "bfloat16", "int32", "int8", "complex64",
                  "complex128", "uint8", "int64"]:
        tol = "exact" if dtype[0] in "iu" else "dot"
        R.add(f"matmul_{SHORT[dtype]}", jnp.matmul, rand((4, 6), dtype, 3, -4, 4),
              rand((6, 5), dtype, 4, -4, 4), tol=tol)
    R.add("matmul_17x33x9", jnp.matmul, rand((17, 33), "float32", 5), rand((33, 9), "float32", 6),
          tol="dot")
    R.add("matmul_batched_broadcast", jnp.matmul, rand((2, 3, 4, 6), "float32", 7),
          rand((3, 6, 2), "float32", 8), tol="dot")
    R.add("matvec", jnp.matmul, a, rand((6,), "float32", 9), tol="dot")
    R.add("vecmat", jnp.matmul, rand((4,), "float32", 10), a, tol="dot")
    R.add("dot_1d", jnp.dot, rand((7,), "float32", 11), rand((7,), "float32", 12), tol="dot")
    R.add("vdot_c64", jnp.vdot, rand((7,), "complex64", 13), rand((7,), "complex64", 14), tol="dot")
    R.add("inner", jnp.inner, rand((3, 6), "float32", 15), a, tol="dot")
    R.add("outer", jnp.outer, rand((5,), "float32", 16), rand((3,), "float32", 17), tol="arith")
    R.add("kron", jnp.kron, rand((2, 3), "float32", 18), rand((3, 2), "float32", 19), tol="arith")
    R.add("tensordot_axes2", lambda x, y: jnp.tensordot(x, y, axes=2), rand((3, 4, 5), "float32", 20),
          rand((4, 5, 2), "float32", 21), tol="dot")
    R.add("tensordot_pairs", lambda x, y: jnp.tensordot(x, y, axes=([0, 2], [1, 0])),
          rand((3, 4, 5), "float32", 22), rand((5, 3, 2), "float32", 23), tol="dot")
    R.add("matmul_empty_k", jnp.matmul, np.zeros((3, 0), np.float32), np.zeros((0, 4), np.float32),
          tol="dot")
    R.add("matmul_s8_to_s32", lambda x, y: jnp.matmul(x, y, preferred_element_type=jnp.int32),
          rand((4, 6), "int8", 24, -128, 127), rand((6, 5), "int8", 25, -128, 127))
    R.add("matmul_bf16_to_f32", lambda x, y: jnp.matmul(x, y, preferred_element_type=jnp.float32),
          rand((4, 6), "bfloat16", 26), rand((6, 5), "bfloat16", 27), tol="dot")
    R.add("matmul_mixed_f32_s32", jnp.matmul, a, rand((6, 5), "int32", 28), tol="dot")
    R.add("matmul_highest", lambda x, y: jnp.matmul(x, y, precision=lax.Precision.HIGHEST), a, b,
          tol="dot")
    dn = (((2,), (1,)), ((0,), (0,)))
    R.add("dot_general_batch", lambda x, y: lax.dot_general(x, y, dn), rand((3, 4, 5), "float32", 29),
          rand((3, 5, 2), "float32", 30), tol="dot")
    dn2 = (((1, 3), (2, 0)), ((0,), (1,)))
    R.add("dot_general_multi_contract", lambda x, y: lax.dot_general(x, y, dn2),
          rand((2, 3, 4, 5), "float32", 31), rand((5, 2, 3, 6), "float32", 32), tol="dot")
    # einsum.
    for spec, shapes in [("ij,jk->ik", [(4, 6), (6, 5)]), ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
                         ("ii->i", [(5, 5)]), ("ii", [(5, 5)]), ("ij->ji", [(3, 4)]),
                         ("ijk->", [(2, 3, 4)]), ("i,j->ij", [(3,), (4,)]),
                         ("bhqd,bhkd->bhqk", [(2, 2, 3, 4), (2, 2, 5, 4)]),
                         ("abc,cd,db->a", [(3, 4, 5), (5, 6), (6, 4)]), ("...ij,...j->...i", [(2, 3, 4), (2, 4)])]:
        name = spec.replace(",", "_").replace("->", "_to_").replace("...", "E") or "scalar"
        R.add(f"einsum_{name}", lambda *xs, spec=spec: jnp.einsum(spec, *xs),
              *[rand(s, "float32", 40 + i) for i, s in enumerate(shapes)], tol="dot")
    R.add("einsum_c64", lambda x, y: jnp.einsum("ij,jk->ik", x, y), rand((3, 4), "complex64", 50),
          rand((4, 2), "complex64", 51), tol="dot")
    R.add("einsum_s32", lambda x, y: jnp.einsum("ij,jk->ik", x, y), rand((3, 4), "int32", 52),
          rand((4, 2), "int32", 53))
    # Convolutions.
    img = rand((2, 3, 9, 8), "float32", 60)      # NCHW
    ker = rand((4, 3, 3, 3), "float32", 61)      # OIHW
    conv = lax.conv_general_dilated
    R.add("conv_nchw", lambda x, k: conv(x, k, (1, 1), "VALID"), img, ker, tol="dot")
    R.add("conv_same_stride2", lambda x, k: conv(x, k, (2, 2), "SAME"), img, ker, tol="dot")
    R.add("conv_explicit_pad", lambda x, k: conv(x, k, (1, 2), [(2, 1), (0, 3)]), img, ker, tol="dot")
    R.add("conv_rhs_dilation", lambda x, k: conv(x, k, (1, 1), "VALID", rhs_dilation=(2, 1)), img, ker,
          tol="dot")
    R.add("conv_lhs_dilation", lambda x, k: conv(x, k, (1, 1), [(1, 1), (2, 2)], lhs_dilation=(2, 3)),
          img, ker, tol="dot")
    R.add("conv_nhwc_hwio", lambda x, k: conv(x, k, (1, 1), "SAME",
                                              dimension_numbers=("NHWC", "HWIO", "NHWC")),
          rand((2, 7, 6, 3), "float32", 62), rand((3, 3, 3, 5), "float32", 63), tol="dot")
    R.add("conv_nhwc_stride_dilate", lambda x, k: conv(x, k, (2, 1), "VALID", rhs_dilation=(1, 2),
                                                       dimension_numbers=("NHWC", "HWIO", "NHWC")),
          rand((1, 9, 9, 2), "float32", 64), rand((2, 3, 2, 4), "float32", 65), tol="dot")
    R.add("conv_feature_groups", lambda x, k: conv(x, k, (1, 1), "VALID", feature_group_count=2),
          rand((2, 4, 6, 6), "float32", 66), rand((6, 2, 3, 3), "float32", 67), tol="dot")
    R.add("conv_depthwise", lambda x, k: conv(x, k, (1, 1), "SAME", feature_group_count=3,
                                              dimension_numbers=("NHWC", "HWIO", "NHWC")),
          rand((1, 6, 6, 3), "float32", 68), rand((3, 3, 1, 3), "float32", 69), tol="dot")
    R.add("conv_batch_groups", lambda x, k: conv(x, k, (1, 1), "VALID", batch_group_count=2),
          rand((4, 2, 5, 5), "float32", 70), rand((4, 2, 2, 2), "float32", 71), tol="dot")
    R.add("conv_1d_nwc", lambda x, k: conv(x, k, (2,), [(1, 2)], dimension_numbers=("NWC", "WIO", "NWC")),
          rand((2, 11, 3), "float32", 72), rand((4, 3, 5), "float32", 73), tol="dot")
    R.add("conv_3d", lambda x, k: conv(x, k, (1, 1, 1), "SAME"), rand((1, 2, 4, 5, 6), "float32", 74),
          rand((3, 2, 2, 3, 2), "float32", 75), tol="dot")
    R.add("conv_transpose", lambda x, k: lax.conv_transpose(x, k, (2, 2), "SAME",
                                                            dimension_numbers=("NHWC", "HWIO", "NHWC")),
          rand((1, 4, 4, 2), "float32", 76), rand((3, 3, 2, 3), "float32", 77), tol="dot")
    R.add("conv_f64", lambda x, k: conv(x, k, (1, 1), "SAME"), img.astype(np.float64),
          ker.astype(np.float64), tol="dot")
    R.add("conv_f16", lambda x, k: conv(x, k, (1, 1), "VALID"), img.astype(np.float16),
          ker.astype(np.float16), tol="dot")
    R.add("conv_bf16", lambda x, k: conv(x, k, (1, 1), "VALID"), rand((1, 3, 6, 6), "bfloat16", 78),
          rand((2, 3, 3, 3), "bfloat16", 79), tol="dot")
    R.add("conv_s32", lambda x, k: conv(x, k, (1, 1), "VALID"), rand((1, 2, 5, 5), "int32", 80),
          rand((2, 2, 2, 2), "int32", 81))
    R.add("conv_grad_input", jax.grad(lambda x, k: jnp.sum(conv(x, k, (2, 2), "SAME") ** 2)),
          img, ker, tol="dot")
    R.add("conv_grad_kernel", jax.grad(lambda x, k: jnp.sum(conv(x, k, (1, 1), "VALID") ** 2), argnums=1),
          img, ker, tol="dot")
    # reduce_window.
    y = rand((2, 9, 8, 3), "float32", 90)
    rw = lax.reduce_window
    R.add("reduce_window_sum", lambda v: rw(v, 0.0, lax.add, (1, 3, 3, 1), (1, 1, 1, 1), "VALID"), y,
          tol="reduce")
    R.add("reduce_window_max_stride", lambda v: rw(v, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID"),
          y)
    R.add("reduce_window_max_same", lambda v: rw(v, -jnp.inf, lax.max, (1, 3, 3, 1), (1, 2, 2, 1), "SAME"), y)
    R.add("reduce_window_min_pad", lambda v: rw(v, jnp.inf, lax.min, (1, 2, 3, 1), (1, 1, 2, 1),
                                                [(0, 0), (1, 2), (2, 0), (0, 0)]), y)
    R.add("reduce_window_dilated", lambda v: rw(v, 0.0, lax.add, (1, 2, 2, 1), (1, 1, 1, 1), "VALID",
                                                window_dilation=(1, 2, 3, 1)), y, tol="reduce")
    R.add("reduce_window_base_dilated", lambda v: rw(v, 0.0, lax.add, (1, 2, 2, 1), (1, 1, 1, 1), "VALID",
                                                     base_dilation=(1, 2, 1, 1)), y, tol="reduce")
    R.add("reduce_window_s32_max", lambda v: rw(v, np.int32(-2**31), lax.max, (3, 3), (2, 1), "VALID"),
          rand((9, 7), "int32", 91))
    R.add("reduce_window_variadic", lambda v, i: rw((v, i), (-jnp.inf, np.int32(0)),
                                                    lambda p, q: (jnp.maximum(p[0], q[0]),
                                                                  jnp.where(p[0] >= q[0], p[1], q[1])),
                                                    (3,), (1,), "VALID"),
          rand((10,), "float32", 92), np.arange(10, dtype=np.int32))
    R.add("cumsum_window_like", lambda v: rw(v, 0.0, lax.add, (4,), (1,), [(3, 0)]),
          rand((12,), "float32", 93), tol="reduce")
    R.add("avg_pool", lambda v: rw(v, 0.0, lax.add, (1, 2, 2, 1), (1, 2, 2, 1), "VALID") / 4.0, y,
          tol="reduce")
    R.add("max_pool_grad", jax.grad(lambda v: jnp.sum(rw(v, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1),
                                                         "VALID") * 3.0)), y, tol="reduce")
    R.add("max_pool_grad_overlap", jax.grad(lambda v: jnp.sum(rw(v, -jnp.inf, lax.max, (1, 3, 3, 1),
                                                                 (1, 2, 1, 1), "SAME") ** 2)), y,
          tol="reduce")
    R.add("reduce_window_f16_sum", lambda v: rw(v, np.float16(0), lax.add, (2, 2), (1, 1), "VALID"),
          rand((6, 6), "float16", 94), tol="reduce")
    return R.cases
