"""Transformed functions (grad, value_and_grad, vmap, jvp, vjp, jacfwd,
jacrev, hessian, checkpoint/remat, custom_jvp/custom_vjp) and control flow
(while_loop, fori_loop, scan, cond, switch, map, associative_scan)."""

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from .common import Registry, rand


def mlp(p, x):
    w1, b1, w2 = p
    h = jnp.tanh(x @ w1 + b1)
    return jnp.sum((h @ w2) ** 2)


@jax.custom_jvp
def softclip(x):
    return jnp.log1p(jnp.exp(x))


@softclip.defjvp
def _softclip_jvp(primals, tangents):
    (x,), (t,) = primals, tangents
    return softclip(x), jax.nn.sigmoid(x) * t


@jax.custom_vjp
def clipgrad(x):
    return x * 2.0


def _cg_fwd(x):
    return clipgrad(x), None


def _cg_bwd(_, g):
    return (jnp.clip(g, -1.0, 1.0),)


clipgrad.defvjp(_cg_fwd, _cg_bwd)


def cases():
    R = Registry()
    x = rand((5,), "float32", 1)
    m = rand((4, 3), "float32", 2)
    p = (rand((3, 6), "float32", 3), rand((6,), "float32", 4), rand((6, 2), "float32", 5))
    f = lambda v: jnp.sum(jnp.sin(v) * v ** 2)
    R.add("grad_sin", jax.grad(f), x, tol="transc")
    R.add("value_and_grad", jax.value_and_grad(f), x, tol="transc")
    R.add("grad_mlp", lambda a, b, c, xs: jax.grad(mlp)((a, b, c), xs), *p, m, tol="dot")
    R.add("grad_argnums", jax.grad(lambda a, b: jnp.sum(a * jnp.exp(b)), argnums=(0, 1)), x, x[::-1].copy(),
          tol="transc")
    R.add("grad_f64", jax.grad(f), x.astype(np.float64), tol="transc")
    R.add("grad_where_nan_safe", jax.grad(lambda v: jnp.sum(jnp.where(v > 0, jnp.sqrt(jnp.abs(v)), 0.0))),
          x, tol="transc")
    R.add("vmap", jax.vmap(lambda a, b: jnp.dot(a, b)), m, rand((4, 3), "float32", 6), tol="dot")
    # a * b + 1: XLA contracts it into one FMA (one rounding), jaxc may not.
    R.add("vmap_in_axes", jax.vmap(lambda a, b: a * b + 1, in_axes=(1, None)), m, rand((4,), "float32", 7),
          tol="reduce")
    R.add("vmap_nested", jax.vmap(jax.vmap(lambda a: jnp.sum(a ** 2))), rand((3, 4, 5), "float32", 8),
          tol="reduce")
    R.add("vmap_out_axes", jax.vmap(lambda a: jnp.cumsum(a), out_axes=1), m, tol="reduce")
    R.add("vmap_grad", jax.vmap(jax.grad(lambda a: jnp.sum(jnp.tanh(a)))), m, tol="transc")
    R.add("jvp", lambda a, t: jax.jvp(jnp.sin, (a,), (t,)), x, rand((5,), "float32", 9), tol="transc")
    R.add("vjp", lambda a, ct: jax.vjp(lambda v: jnp.cumprod(v), a)[1](ct), x, rand((5,), "float32", 10),
          tol="reduce")
    R.add("jacfwd", jax.jacfwd(lambda v: jnp.sin(v) * jnp.sum(v)), x, tol="transc")
    R.add("jacrev", jax.jacrev(lambda v: jnp.sin(v) * jnp.sum(v)), x, tol="transc")
    R.add("hessian", jax.hessian(lambda v: jnp.sum(jnp.exp(v) * v[::-1])), rand((4,), "float32", 11), tol="transc")
    R.add("checkpoint", jax.grad(jax.checkpoint(lambda v: jnp.sum(jnp.sin(jnp.cos(v)) ** 2))), x, tol="transc")
    R.add("remat_policy", jax.grad(lambda a, b, c, xs: jax.checkpoint(
        mlp, policy=jax.checkpoint_policies.dots_saveable)((a, b, c), xs)), *p, m, tol="dot")
    R.add("custom_jvp_grad", jax.grad(lambda v: jnp.sum(softclip(v))), x, tol="transc")
    R.add("custom_vjp_grad", jax.grad(lambda v: jnp.sum(clipgrad(v) * 3.0)), x, tol="arith")
    R.add("grad_of_grad", jax.grad(jax.grad(lambda s: jnp.sin(s) * s ** 3)), np.float32(0.7), tol="transc")
    R.add("linearize", lambda a, t: jax.linearize(jnp.tanh, a)[1](t), x, rand((5,), "float32", 12), tol="transc")
    # Control flow.
    R.add("while_loop", lambda a: lax.while_loop(lambda c: c[0] < 10, lambda c: (c[0] + 1, c[1] * 1.1 + 0.5),
                                                 (0, a)), x, tol="reduce")
    R.add("while_loop_data_dependent", lambda a: lax.while_loop(lambda v: jnp.sum(v) < 100.0,
                                                                lambda v: v * 2.0 + 1.0, a), abs(x))
    R.add("fori_loop", lambda a: lax.fori_loop(0, 7, lambda i, v: v + jnp.sin(v * i), a), x, tol="transc")
    R.add("fori_loop_dynamic_bounds", lambda a, n: lax.fori_loop(0, n[0], lambda i, v: v.at[i].add(i), a),
          np.zeros(8, np.int32), np.array([5], np.int32))
    R.add("scan_cumsum", lambda a: lax.scan(lambda c, v: (c + v, c * v), 0.0, a), x, tol="arith")
    R.add("scan_rnn", lambda h, xs, w: lax.scan(lambda c, v: (jnp.tanh(c @ w + v), c), h, xs),
          rand((3,), "float32", 13), rand((6, 3), "float32", 14), rand((3, 3), "float32", 15), tol="transc")
    R.add("scan_reverse_unroll", lambda a: lax.scan(lambda c, v: (c * 0.5 + v, c), 1.0, a, reverse=True,
                                                    unroll=2), x, tol="arith")
    R.add("scan_length_no_xs", lambda c0: lax.scan(lambda c, _: (c * 1.5, c), c0, None, length=5), x,
          tol="arith")
    R.add("cond", lambda p, a: lax.cond(p[0] > 0, jnp.sin, jnp.cos, a), np.array([1], np.int32), x, tol="transc")
    R.add("cond_false", lambda p, a: lax.cond(p[0] > 0, jnp.sin, jnp.cos, a), np.array([-1], np.int32), x,
          tol="transc")
    R.add("switch", lambda i, a: lax.switch(i[0], [jnp.sin, jnp.cos, lambda v: v * 2.0], a),
          np.array([2], np.int32), x, tol="transc")
    R.add("switch_clamped", lambda i, a: lax.switch(i[0], [jnp.sin, jnp.cos, lambda v: v * 2.0], a),
          np.array([7], np.int32), x, tol="transc")
    R.add("switch_negative", lambda i, a: lax.switch(i[0], [jnp.sin, jnp.cos, lambda v: v * 2.0], a),
          np.array([-3], np.int32), x, tol="transc")
    R.add("lax_map", lambda a: lax.map(lambda r: jnp.sum(r ** 2), a), m, tol="reduce")
    R.add("lax_map_batch", lambda a: lax.map(lambda r: r[::-1] * 2, a, batch_size=2), m, tol="arith")
    R.add("associative_scan_add", lambda a: lax.associative_scan(jnp.add, a), rand((13,), "float32", 16),
          tol="reduce")
    R.add("associative_scan_max_rev", lambda a: lax.associative_scan(jnp.maximum, a, reverse=True, axis=1),
          rand((3, 9), "int32", 17))
    R.add("associative_scan_linear_rec", lambda a, b: lax.associative_scan(
        lambda l, r: (l[0] * r[0], r[0] * l[1] + r[1]), (a, b)),
        rand((10,), "float32", 18, 0.5, 1.0), rand((10,), "float32", 19), tol="reduce")
    R.add("grad_while_fori", jax.grad(lambda a: jnp.sum(lax.fori_loop(0, 4, lambda i, v: jnp.sin(v) * 1.5, a))),
          x, tol="transc")
    R.add("grad_scan", jax.grad(lambda h, xs: jnp.sum(lax.scan(lambda c, v: (jnp.tanh(c + v), c), h, xs)[0])),
          rand((3,), "float32", 20), rand((5, 3), "float32", 21), tol="transc")
    R.add("grad_cond", jax.grad(lambda a: lax.cond(jnp.sum(a) > 0, lambda v: jnp.sum(v ** 3),
                                                   lambda v: jnp.sum(jnp.exp(v)), a)), x, tol="transc")
    R.add("vmap_cond", jax.vmap(lambda a: lax.cond(a > 0, lambda v: v * 2, lambda v: -v, a)), x, tol="exact")
    R.add("vmap_while", jax.vmap(lambda a: lax.while_loop(lambda v: v < 10.0, lambda v: v * 2.0 + 1.0, a)),
          abs(x))
    return R.cases
