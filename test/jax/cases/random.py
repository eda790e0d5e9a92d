"""jax.random with both the threefry2x32 and the rbg PRNG implementations:
key, split, fold_in, bits, uniform, normal, randint, bernoulli, categorical,
permutation, choice, gamma, beta, dirichlet, exponential, truncated_normal,
poisson, laplace, gumbel, cauchy, t, multivariate_normal. The key data is
an argument (uint32), wrapped into a typed key inside the function."""

import jax
import jax.numpy as jnp
import numpy as np

from .common import Registry, rand

KEYS = {
    "threefry": ("threefry2x32", np.array([0, 42], np.uint32)),
    "rbg": ("rbg", np.array([7, 1234567, 89, 0xDEADBEEF], np.uint32)),
}


def cases():
    R = Registry()
    for short, (impl, kd) in KEYS.items():
        def K(d, impl=impl):
            return jax.random.wrap_key_data(d, impl=impl)

        def add(name, body, tol="exact", extra=(), x64=None, short=short, kd=kd):
            R.add(f"{name}_{short}", lambda d, *xs, body=body, K=K: body(K(d), *xs), kd, *extra, tol=tol,
                  x64=x64)

        add("split", lambda k: jax.random.key_data(jax.random.split(k, 3)))
        add("fold_in", lambda k: jax.random.key_data(jax.random.fold_in(k, 17)))
        add("fold_in_dynamic", lambda k, i: jax.random.key_data(jax.random.fold_in(k, i[0])),
            extra=(np.array([123456], np.uint32),))
        add("key_from_seed", lambda k, s, impl=impl: jax.random.key_data(jax.random.key(s[0], impl=impl)),
            extra=(np.array([2024], np.int32),))
        add("bits_u32", lambda k: jax.random.bits(k, (3, 7)))
        add("bits_u8", lambda k: jax.random.bits(k, (33,), dtype=jnp.uint8))
        add("bits_u64", lambda k: jax.random.bits(k, (5,), dtype=jnp.uint64), x64=True)
        add("uniform_f32", lambda k: jax.random.uniform(k, (4, 5)), tol="arith")
        # u * (hi - lo) + lo: XLA contracts it into an FMA, jaxc may round twice.
        add("uniform_range_f64", lambda k: jax.random.uniform(k, (9,), jnp.float64, -2.0, 5.0), tol="reduce",
            x64=True)
        add("uniform_bf16", lambda k: jax.random.uniform(k, (9,), jnp.bfloat16), tol="arith")
        add("uniform_f16", lambda k: jax.random.uniform(k, (9,), jnp.float16), tol="arith")
        add("normal_f32", lambda k: jax.random.normal(k, (6, 3)), tol="transc")
        add("normal_f64", lambda k: jax.random.normal(k, (6,), jnp.float64), tol="transc", x64=True)
        add("normal_c64", lambda k: jax.random.normal(k, (4,), jnp.complex64), tol="transc")
        add("randint_s32", lambda k: jax.random.randint(k, (20,), -5, 17))
        add("randint_u8_full", lambda k: jax.random.randint(k, (20,), 0, 256, dtype=jnp.uint8))
        add("randint_s64", lambda k: jax.random.randint(k, (8,), -2**40, 2**40, dtype=jnp.int64), x64=True)
        add("bernoulli", lambda k: jax.random.bernoulli(k, 0.3, (25,)))
        add("bernoulli_p_array", lambda k, p: jax.random.bernoulli(k, p), extra=(rand((3, 4), "float32", 1, 0, 1),))
        add("categorical", lambda k, l: jax.random.categorical(k, l, axis=-1), extra=(rand((5, 6), "float32", 2),))
        add("categorical_shape", lambda k, l: jax.random.categorical(k, l, shape=(4, 3)),
            extra=(rand((3,), "float32", 3),))
        add("permutation", lambda k: jax.random.permutation(k, 20))
        add("permutation_array", lambda k, a: jax.random.permutation(k, a, axis=1, independent=True),
            extra=(rand((3, 8), "int32", 4),))
        add("choice_noreplace", lambda k: jax.random.choice(k, 30, (6,), replace=False))
        add("choice_p", lambda k, p: jax.random.choice(k, 5, (10,), p=p),
            extra=(np.array([0.1, 0.2, 0.3, 0.15, 0.25], np.float32),))
        add("gamma", lambda k: jax.random.gamma(k, jnp.array([0.5, 1.0, 3.0, 10.0])), tol="special")
        add("beta", lambda k: jax.random.beta(k, 2.0, 3.0, (5,)), tol="special")
        add("dirichlet", lambda k: jax.random.dirichlet(k, jnp.array([1.0, 2.0, 0.5]), (2,)), tol="special")
        add("exponential", lambda k: jax.random.exponential(k, (7,)), tol="transc")
        add("truncated_normal", lambda k: jax.random.truncated_normal(k, -1.0, 2.0, (7,)), tol="transc")
        if impl == "threefry2x32":  # JAX implements poisson for threefry only
            add("poisson", lambda k: jax.random.poisson(k, jnp.array([0.5, 3.0, 20.0, 100.0])), tol="exact")
        add("laplace", lambda k: jax.random.laplace(k, (7,)), tol="transc")
        add("gumbel", lambda k: jax.random.gumbel(k, (7,)), tol="transc")
        add("cauchy", lambda k: jax.random.cauchy(k, (7,)), tol="transc")
        add("t", lambda k: jax.random.t(k, 4.0, (7,)), tol="special")
        add("rademacher", lambda k: jax.random.rademacher(k, (9,)))
        add("multivariate_normal", lambda k: jax.random.multivariate_normal(
            k, jnp.zeros(3), jnp.array([[2.0, 0.3, 0.1], [0.3, 1.0, 0.2], [0.1, 0.2, 1.5]]), (4,)),
            tol="linalg")
        add("orthogonal", lambda k: jnp.abs(jax.random.orthogonal(k, 3)), tol="linalg")
        add("ball", lambda k: jax.random.ball(k, 3, shape=(4,)), tol="special")
    R.add("prngkey_legacy", lambda s: jax.random.PRNGKey(s[0]), np.array([31], np.int32))
    R.add("uniform_from_seed", lambda s: jax.random.uniform(jax.random.key(s[0]), (5,)),
          np.array([99], np.int32), tol="arith")
    return R.cases
