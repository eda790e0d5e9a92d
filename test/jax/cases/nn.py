"""jax.nn: activations (relu, relu6, gelu both forms, silu, sigmoid,
softplus, elu, celu, selu, leaky_relu, hard_tanh, mish, glu, log_sigmoid),
softmax/log_softmax (axes, where), one_hot, normalize/standardize,
dot_product_attention (masks, causal, bias), logsumexp."""

import jax
import jax.numpy as jnp
import numpy as np

from .common import SHORT, Registry, rand, special_floats


def cases():
    R = Registry()
    x = rand((4, 9), "float32", 1, -6, 6)
    acts = [
        ("relu", jax.nn.relu, "exact"), ("relu6", jax.nn.relu6, "exact"),
        ("gelu_tanh", lambda a: jax.nn.gelu(a, approximate=True), "transc"),
        ("gelu_erf", lambda a: jax.nn.gelu(a, approximate=False), "transc"),
        ("silu", jax.nn.silu, "transc"), ("sigmoid", jax.nn.sigmoid, "transc"),
        ("softplus", jax.nn.softplus, "transc"), ("elu", jax.nn.elu, "transc"),
        ("celu", lambda a: jax.nn.celu(a, alpha=0.7), "transc"), ("selu", jax.nn.selu, "transc"),
        ("leaky_relu", jax.nn.leaky_relu, "arith"), ("hard_tanh", jax.nn.hard_tanh, "exact"),
        ("hard_sigmoid", jax.nn.hard_sigmoid, "arith"), ("hard_swish", jax.nn.hard_swish, "arith"),
        ("mish", jax.nn.mish, "transc"), ("log_sigmoid", jax.nn.log_sigmoid, "transc"),
        ("soft_sign", jax.nn.soft_sign, "arith"), ("squareplus", jax.nn.squareplus, "transc"),
        ("sparse_plus", jax.nn.sparse_plus, "arith"),
    ]
    for name, fn, tol in acts:
        R.add(f"{name}_f32", fn, x, tol=tol)
    for name, fn, tol in acts[:6]:
        for dtype in ["float16", "bfloat16", "float64"]:
            R.add(f"{name}_{SHORT[dtype]}", fn, rand((4, 9), dtype, 2, -6, 6), tol=tol)
        R.add(f"{name}_specials_f32", fn, special_floats("float32"), tol=tol)
    R.add("glu", jax.nn.glu, rand((3, 8), "float32", 3), tol="transc")
    R.add("glu_axis0", lambda a: jax.nn.glu(a, axis=0), rand((6, 5), "float32", 4), tol="transc")
    for axis in (-1, 0):
        R.add(f"softmax_axis{axis}", lambda a, axis=axis: jax.nn.softmax(a, axis=axis), x, tol="transc")
        R.add(f"log_softmax_axis{axis}", lambda a, axis=axis: jax.nn.log_softmax(a, axis=axis), x,
              tol="transc")
    R.add("softmax_where", lambda a, m: jax.nn.softmax(a, where=m), x, rand((4, 9), "bool", 5), tol="transc")
    R.add("softmax_inf", jax.nn.softmax, np.array([[0, -np.inf, 1, 2], [-np.inf] * 4, [np.inf, 1, 2, 3]],
                                                  np.float32), tol="transc")
    R.add("softmax_bf16", jax.nn.softmax, rand((4, 9), "bfloat16", 6), tol="transc")
    R.add("softmax_f16", jax.nn.softmax, rand((4, 9), "float16", 7), tol="transc")
    R.add("softmax_17x33", jax.nn.softmax, rand((17, 33), "float32", 8), tol="transc")
    R.add("one_hot", lambda i: jax.nn.one_hot(i, 6), np.array([0, 5, 2, -1, 6, 3], np.int32))
    R.add("one_hot_bf16_axis0", lambda i: jax.nn.one_hot(i, 4, dtype=jnp.bfloat16, axis=0),
          np.array([[0, 1], [3, 9]], np.int32))
    R.add("standardize", lambda a: jax.nn.standardize(a, axis=-1), x, tol="reduce")
    R.add("standardize_eps", lambda a: jax.nn.standardize(a, axis=0, epsilon=1e-3), x, tol="reduce")
    R.add("logsumexp_where", lambda a, m: jax.nn.logsumexp(a, axis=1, where=m), x,
          rand((4, 9), "bool", 9), tol="reduce")
    R.add("logsumexp_return_sign", lambda a, b: jax.nn.logsumexp(a, axis=0, b=b, return_sign=True),
          x, rand((4, 9), "float32", 18), tol="reduce")
    B, T, S, N, H = 2, 5, 6, 2, 4
    q = rand((B, T, N, H), "float32", 10)
    k = rand((B, S, N, H), "float32", 11)
    v = rand((B, S, N, H), "float32", 12)
    R.add("dot_product_attention", lambda q, k, v: jax.nn.dot_product_attention(q, k, v), q, k, v,
          tol="dot")
    R.add("dot_product_attention_causal", lambda q, k, v: jax.nn.dot_product_attention(
        q, k[:, :T], v[:, :T], is_causal=True), q, k, v, tol="dot")
    R.add("dot_product_attention_mask_bias", lambda q, k, v, m, b: jax.nn.dot_product_attention(
        q, k, v, bias=b, mask=m), q, k, v, rand((B, N, T, S), "bool", 13) | np.eye(T, S, dtype=bool),
        rand((B, N, T, S), "float32", 14), tol="dot")
    R.add("dot_product_attention_scale_bf16", lambda q, k, v: jax.nn.dot_product_attention(
        q, k, v, scale=0.3), q.astype(np.float32).astype(jnp.bfloat16), k.astype(jnp.bfloat16),
        v.astype(jnp.bfloat16), tol="dot")
    R.add("dot_product_attention_gqa", lambda q, k, v: jax.nn.dot_product_attention(q, k, v),
          rand((1, 3, 4, 4), "float32", 15), rand((1, 5, 2, 4), "float32", 16),
          rand((1, 5, 2, 4), "float32", 17), tol="dot")
    return R.cases
