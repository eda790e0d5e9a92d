"""The workloads bench/compare.py sets jaxc, IREE and XLA against.

Each is a JAX function and its arguments. The models are the Flax models of
test/models/models.py, random-initialised in code, their weights passed as
arguments (one per parameter), so that the same StableHLO, with no elided
constants, goes to all three compilers and every system reads the same
bytes. Everything runs at batch 1, f32 unless the name says otherwise.
"""

import dataclasses
import functools
import os
import sys
from typing import Callable

import jax
import jax.numpy as jnp
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "test", "models"))
import models  # noqa: E402  (test/models/models.py)

SEQUENCE = 128  # BERT's and GPT-2's prefill tokens; the decode step's cache


@dataclasses.dataclass
class Workload:
    name: str
    fn: Callable  # of the flat argument list
    args: list[np.ndarray]
    # What the rate column counts: "flop" (XLA's cost analysis of the
    # function) or "byte" (inputs read plus outputs written, once each).
    rate: str = "flop"


def _model_workload(name: str, model: str, inputs: list[np.ndarray],
                    apply=None) -> Workload:
    spec = models.get(model)
    variables = spec.init()
    leaves, tree = jax.tree_util.tree_flatten(variables)
    apply = apply or spec.module.apply

    def fn(*flat):
        params = jax.tree_util.tree_unflatten(tree, flat[:len(leaves)])
        return apply(params, *flat[len(leaves):])

    return Workload(name, fn, [np.asarray(x) for x in leaves] + inputs)


def _image() -> list[np.ndarray]:
    rng = np.random.default_rng(1)
    return [rng.standard_normal((1, 224, 224, 3)).astype(np.float32)]


def _tokens(vocab: int, count: int) -> np.ndarray:
    return np.random.default_rng(2).integers(0, vocab, (1, count)).astype(
        np.int32)


def _bert() -> Workload:
    ids = _tokens(30522, SEQUENCE)
    types = np.zeros_like(ids)
    types[:, SEQUENCE // 2:] = 1
    mask = np.ones_like(ids)
    return _model_workload("bert_base", "bert", [ids, types, mask])


def _gpt2_decode_apply(variables, ids, position, cache_k, cache_v):
    """One GPT-2 small decode step: the token `ids` [1, 1] at `position`
    attends to the cache's SEQUENCE entries and itself. cache_k and cache_v:
    [layers, 1, SEQUENCE, heads, head_dim]. Returns the logits and the new
    token's keys and values (what a serving loop writes into the cache).
    The parameters are GPT2Small's, applied by the same Flax modules."""
    model = models.GPT2Small()
    params = variables["params"]
    heads, hidden = model.heads, model.hidden
    d = hidden // heads
    x = params["wte"]["embedding"][ids] + params["wpe"]["embedding"][position]

    def layer_norm(p, t):
        return models.nn.LayerNorm(epsilon=1e-5).apply({"params": p}, t)

    def dense(p, t):
        return t @ p["kernel"] + p["bias"]

    new_k, new_v = [], []
    for i in range(model.layers):
        p = params[f"h{i}"]
        h = layer_norm(p["ln_1"], x)
        att = p["attention"]
        q = dense(att["query"], h).reshape(1, 1, heads, d)
        k = dense(att["key"], h).reshape(1, 1, heads, d)
        v = dense(att["value"], h).reshape(1, 1, heads, d)
        keys = jnp.concatenate([cache_k[i], k], axis=1)
        values = jnp.concatenate([cache_v[i], v], axis=1)
        scores = jnp.einsum("nqhd,nkhd->nhqk", q, keys) / np.float32(np.sqrt(d))
        probs = jax.nn.softmax(scores, axis=-1)
        ctx = jnp.einsum("nhqk,nkhd->nqhd", probs, values).reshape(1, 1, hidden)
        x = x + dense(att["output"], ctx)
        h = layer_norm(p["ln_2"], x)
        mlp = p["mlp"]
        h = jax.nn.gelu(dense(mlp["fc_in"], h), approximate=True)
        x = x + dense(mlp["fc_out"], h)
        new_k.append(k)
        new_v.append(v)
    x = layer_norm(params["ln_f"], x)
    logits = x @ params["wte"]["embedding"].T
    return logits, jnp.stack(new_k), jnp.stack(new_v)


def _gpt2_decode() -> Workload:
    model = models.GPT2Small()
    d = model.hidden // model.heads
    rng = np.random.default_rng(3)
    cache = [rng.standard_normal((model.layers, 1, SEQUENCE, model.heads, d))
             .astype(np.float32) for _ in range(2)]
    return _model_workload("gpt2_decode", "gpt2",
                           [_tokens(model.vocab, 1),
                            np.array(SEQUENCE, np.int32), *cache],
                           apply=_gpt2_decode_apply)


def _sgemm(dtype) -> Workload:
    rng = np.random.default_rng(4)
    a, b = (rng.standard_normal((1024, 1024)).astype(np.float32) / 32
            for _ in range(2))
    if dtype == jnp.float32:
        return Workload("sgemm_1024_f32", jnp.matmul, [a, b])

    # bf16 operands travel as their bits (u16): .npy has no bf16 type that
    # every reader takes. The two bitcasts are free next to the 2 GFLOP.
    def bf16_matmul(a_bits, b_bits):
        return jnp.matmul(jax.lax.bitcast_convert_type(a_bits, jnp.bfloat16),
                          jax.lax.bitcast_convert_type(b_bits, jnp.bfloat16))

    return Workload("sgemm_1024_bf16", bf16_matmul,
                    [x.astype(jnp.bfloat16).view(np.uint16) for x in (a, b)])


def _gelu() -> Workload:
    x = np.random.default_rng(5).standard_normal(1 << 24).astype(np.float32)
    return Workload("gelu_16m", jax.nn.gelu, [x], rate="byte")


def _layernorm_softmax() -> Workload:
    rng = np.random.default_rng(6)
    rows, width = 4096, 1024

    def fn(x, scale, bias):
        mean = jnp.mean(x, axis=-1, keepdims=True)
        var = jnp.mean(jnp.square(x - mean), axis=-1, keepdims=True)
        y = (x - mean) * jax.lax.rsqrt(var + 1e-5) * scale + bias
        return jax.nn.softmax(y, axis=-1)

    return Workload("layernorm_softmax", fn,
                    [rng.standard_normal((rows, width)).astype(np.float32),
                     (1 + 0.1 * rng.standard_normal(width)).astype(np.float32),
                     (0.1 * rng.standard_normal(width)).astype(np.float32)],
                    rate="byte")


WORKLOADS: dict[str, Callable[[], Workload]] = {
    "resnet50": lambda: _model_workload("resnet50", "resnet50", _image()),
    "bert_base": _bert,
    "gpt2_prefill": lambda: _model_workload(
        "gpt2_prefill", "gpt2", [_tokens(50257, SEQUENCE)]),
    "gpt2_decode": _gpt2_decode,
    "vit_b16": lambda: _model_workload("vit_b16", "vit", _image()),
    "mobilenetv2": lambda: _model_workload("mobilenetv2", "mobilenetv2",
                                           _image()),
    "sgemm_1024_f32": functools.partial(_sgemm, jnp.float32),
    "sgemm_1024_bf16": functools.partial(_sgemm, jnp.bfloat16),
    "gelu_16m": _gelu,
    "layernorm_softmax": _layernorm_softmax,
}


def get(name: str) -> Workload:
    if name not in WORKLOADS:
        raise KeyError(f"unknown workload {name!r}; have {', '.join(WORKLOADS)}")
    return WORKLOADS[name]()
