"""Five reference models in Flax (linen), random-initialised in code.

ResNet-50, a BERT-base encoder, GPT-2 small, ViT-B/16 and MobileNetV2, each
written here from the papers' architecture descriptions (no downloads: the
weights are drawn from fixed seeds). Images are NHWC float32, text models take
int32 token ids.

Every model is reached through `get(name)`, which returns a `ModelSpec`:
`make_inputs(batch, seq)` draws the example inputs, `init()` the variables,
`apply(variables, *inputs)` the forward pass (inference mode: batch norm uses
its running statistics, no dropout).

Initialisation gives realistic magnitudes: He-normal convolutions, the
transformers' N(0, 0.02) weights, and batch-norm running statistics, scales
and biases drawn near (but not at) the identity, so that normalisation does
real arithmetic and no stage's output collapses to zeros or blows up.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any, Callable, Sequence

import jax
import jax.numpy as jnp
import numpy as np
import flax.linen as nn

# --------------------------------------------------------------------------
# Common pieces

he_normal = nn.initializers.variance_scaling(2.0, "fan_in", "normal")
tf_normal = nn.initializers.normal(stddev=0.02)


def _batch_norm(name: str | None = None) -> nn.BatchNorm:
  # Inference mode: y = (x - running_mean) / sqrt(running_var + eps) * scale + bias.
  return nn.BatchNorm(use_running_average=True, momentum=0.9, epsilon=1e-5,
                      name=name)


def draw_variables(shapes, seed: int, *, dense_std: float | None,
                   conv_gain: float, small_bn_scale: Sequence[str] = ()):
  """Draws every variable with numpy from its path and shape.

  `shapes` is `jax.eval_shape(module.init, ...)`: the tree without values.
  numpy's PCG64 draws the same numbers on every platform and JAX version,
  and is much faster here than a jitted `module.init` (MobileNetV2's takes
  about a minute to compile on this machine). The distributions are those
  the modules declare, plus realistic non-identity normalisation:

  - convolution kernels (HWIO): N(0, conv_gain / fan_in), fan_in = H*W*I
    (He for the CNNs, LeCun for ViT's patch embedding);
  - dense kernels: N(0, dense_std^2), or N(0, 1 / fan_in) when None;
  - embeddings, class token, position embeddings: N(0, 0.02^2);
  - biases: N(0, 0.02^2) rather than zeros, so every add does work;
  - LayerNorm scale 1 + N(0, 0.05^2), bias N(0, 0.02^2);
  - batch norm: running mean N(0, 0.1^2), running variance U(0.5, 1.5),
    scale U(0.8, 1.2) (U(0.1, 0.3) for the norms named in small_bn_scale:
    trained ResNets end their residual branches with small scales, and with
    1.0 the residual stream grows to logits in the thousands), bias
    N(0, 0.05^2).
  """
  rng = np.random.default_rng(seed)

  def keys(path):
    return [getattr(p, "key", str(p)) for p in path]

  def draw(path, leaf):
    k = keys(path)
    shape, name = leaf.shape, k[-1]
    in_bn = any(p.startswith("bn") for p in k[:-1])
    in_ln = any(p.startswith("ln") for p in k[:-1])
    if k[0] == "batch_stats":
      v = (rng.normal(0.0, 0.1, shape) if name == "mean"
           else rng.uniform(0.5, 1.5, shape))
    elif in_bn and name == "scale":
      lo, hi = (0.1, 0.3) if k[-2] in small_bn_scale else (0.8, 1.2)
      v = rng.uniform(lo, hi, shape)
    elif in_bn and name == "bias":
      v = rng.normal(0.0, 0.05, shape)
    elif in_ln and name == "scale":
      v = 1.0 + rng.normal(0.0, 0.05, shape)
    elif name == "bias":
      v = rng.normal(0.0, 0.02, shape)
    elif name == "kernel" and len(shape) == 4:
      fan_in = shape[0] * shape[1] * shape[2]
      v = rng.normal(0.0, np.sqrt(conv_gain / fan_in), shape)
    elif name == "kernel" and len(shape) == 2:
      std = dense_std if dense_std is not None else np.sqrt(1.0 / shape[0])
      v = rng.normal(0.0, std, shape)
    elif name in ("embedding", "cls_token", "pos_embedding"):
      v = rng.normal(0.0, 0.02, shape)
    else:
      raise ValueError(f"no rule to initialise {'/'.join(k)} {shape}")
    return np.asarray(v, dtype=leaf.dtype)

  return jax.tree_util.tree_map_with_path(draw, shapes)


# --------------------------------------------------------------------------
# ResNet-50 (He et al. 2015, torchvision's v1.5: stride on the 3x3 conv)


class Bottleneck(nn.Module):
  features: int          # width of the 3x3 conv; output is 4x that
  strides: int = 1
  project: bool = False  # 1x1 projection on the shortcut

  @nn.compact
  def __call__(self, x):
    conv = functools.partial(nn.Conv, use_bias=False, kernel_init=he_normal)
    y = conv(self.features, (1, 1), name="conv1")(x)
    y = nn.relu(_batch_norm("bn1")(y))
    y = conv(self.features, (3, 3), strides=self.strides,
             padding=((1, 1), (1, 1)), name="conv2")(y)
    y = nn.relu(_batch_norm("bn2")(y))
    y = conv(self.features * 4, (1, 1), name="conv3")(y)
    y = _batch_norm("bn3")(y)
    if self.project:
      x = conv(self.features * 4, (1, 1), strides=self.strides,
               name="downsample_conv")(x)
      x = _batch_norm("bn_downsample")(x)
    return nn.relu(x + y)


class ResNet50(nn.Module):
  num_classes: int = 1000
  stage_sizes: Sequence[int] = (3, 4, 6, 3)

  @nn.compact
  def __call__(self, x):  # x: [N, 224, 224, 3]
    x = nn.Conv(64, (7, 7), strides=2, padding=((3, 3), (3, 3)),
                use_bias=False, kernel_init=he_normal, name="conv1")(x)
    x = nn.relu(_batch_norm("bn1")(x))
    x = nn.max_pool(x, (3, 3), strides=(2, 2), padding=((1, 1), (1, 1)))
    for stage, blocks in enumerate(self.stage_sizes):
      for b in range(blocks):
        x = Bottleneck(64 * 2**stage,
                       strides=2 if (b == 0 and stage > 0) else 1,
                       project=(b == 0),
                       name=f"layer{stage + 1}_{b}")(x)
    x = jnp.mean(x, axis=(1, 2))
    return nn.Dense(self.num_classes, name="fc")(x)


# --------------------------------------------------------------------------
# MobileNetV2 (Sandler et al. 2018), width multiplier 1.0


def relu6(x):
  return jnp.minimum(jnp.maximum(x, 0.0), 6.0)


class InvertedResidual(nn.Module):
  in_features: int
  out_features: int
  strides: int
  expand: int

  @nn.compact
  def __call__(self, x):
    conv = functools.partial(nn.Conv, use_bias=False, kernel_init=he_normal)
    hidden = self.in_features * self.expand
    y = x
    if self.expand != 1:
      y = conv(hidden, (1, 1), name="expand_conv")(y)
      y = relu6(_batch_norm("bn_expand")(y))
    # Depthwise 3x3: one group per channel.
    y = conv(hidden, (3, 3), strides=self.strides, padding=((1, 1), (1, 1)),
             feature_group_count=hidden, name="depthwise_conv")(y)
    y = relu6(_batch_norm("bn_depthwise")(y))
    # Linear bottleneck: no activation after the projection.
    y = conv(self.out_features, (1, 1), name="project_conv")(y)
    y = _batch_norm("bn_project")(y)
    if self.strides == 1 and self.in_features == self.out_features:
      y = x + y
    return y


class MobileNetV2(nn.Module):
  num_classes: int = 1000
  # (expansion t, output channels c, repeats n, first stride s), Table 2.
  settings: Sequence[tuple[int, int, int, int]] = (
      (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
      (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1))

  @nn.compact
  def __call__(self, x):  # x: [N, 224, 224, 3]
    x = nn.Conv(32, (3, 3), strides=2, padding=((1, 1), (1, 1)),
                use_bias=False, kernel_init=he_normal, name="stem_conv")(x)
    x = relu6(_batch_norm("bn_stem")(x))
    features = 32
    i = 0
    for t, c, n, s in self.settings:
      for r in range(n):
        x = InvertedResidual(features, c, s if r == 0 else 1, t,
                             name=f"block{i}")(x)
        features = c
        i += 1
    x = nn.Conv(1280, (1, 1), use_bias=False, kernel_init=he_normal,
                name="head_conv")(x)
    x = relu6(_batch_norm("bn_head")(x))
    x = jnp.mean(x, axis=(1, 2))
    return nn.Dense(self.num_classes, name="classifier")(x)


# --------------------------------------------------------------------------
# Transformer pieces


class SelfAttention(nn.Module):
  """Multi-head self-attention with an additive mask [N, 1, S|1, S]."""
  hidden: int
  heads: int

  @nn.compact
  def __call__(self, x, bias):
    n, s, _ = x.shape
    d = self.hidden // self.heads
    dense = functools.partial(nn.Dense, kernel_init=tf_normal)
    def split(t):
      return t.reshape(n, s, self.heads, d)
    q = split(dense(self.hidden, name="query")(x))
    k = split(dense(self.hidden, name="key")(x))
    v = split(dense(self.hidden, name="value")(x))
    scores = jnp.einsum("nqhd,nkhd->nhqk", q, k) / np.sqrt(d).astype(np.float32)
    probs = jax.nn.softmax(scores + bias, axis=-1)
    ctx = jnp.einsum("nhqk,nkhd->nqhd", probs, v).reshape(n, s, self.hidden)
    return dense(self.hidden, name="output")(ctx)


class MLP(nn.Module):
  hidden: int
  intermediate: int
  approximate_gelu: bool

  @nn.compact
  def __call__(self, x):
    x = nn.Dense(self.intermediate, kernel_init=tf_normal, name="fc_in")(x)
    x = nn.gelu(x, approximate=self.approximate_gelu)
    return nn.Dense(self.hidden, kernel_init=tf_normal, name="fc_out")(x)


class PostLNLayer(nn.Module):
  """BERT's encoder layer: sublayer, residual, then LayerNorm."""
  hidden: int
  heads: int
  intermediate: int

  @nn.compact
  def __call__(self, x, bias):
    a = SelfAttention(self.hidden, self.heads, name="attention")(x, bias)
    x = nn.LayerNorm(epsilon=1e-12, name="ln_attention")(x + a)
    m = MLP(self.hidden, self.intermediate, approximate_gelu=False,
            name="mlp")(x)
    return nn.LayerNorm(epsilon=1e-12, name="ln_output")(x + m)


class PreLNLayer(nn.Module):
  """GPT-2's and ViT's layer: LayerNorm, sublayer, residual."""
  hidden: int
  heads: int
  intermediate: int
  eps: float
  approximate_gelu: bool

  @nn.compact
  def __call__(self, x, bias):
    h = nn.LayerNorm(epsilon=self.eps, name="ln_1")(x)
    x = x + SelfAttention(self.hidden, self.heads, name="attention")(h, bias)
    h = nn.LayerNorm(epsilon=self.eps, name="ln_2")(x)
    return x + MLP(self.hidden, self.intermediate, self.approximate_gelu,
                   name="mlp")(h)


# --------------------------------------------------------------------------
# BERT-base encoder (Devlin et al. 2018)


class BertBase(nn.Module):
  vocab: int = 30522
  max_positions: int = 512
  type_vocab: int = 2
  hidden: int = 768
  layers: int = 12
  heads: int = 12
  intermediate: int = 3072

  @nn.compact
  def __call__(self, input_ids, token_type_ids, attention_mask):
    n, s = input_ids.shape
    embed = functools.partial(nn.Embed, features=self.hidden,
                              embedding_init=tf_normal)
    x = (embed(self.vocab, name="word_embeddings")(input_ids) +
         embed(self.max_positions, name="position_embeddings")(
             jnp.arange(s, dtype=jnp.int32)[None, :]) +
         embed(self.type_vocab, name="token_type_embeddings")(token_type_ids))
    x = nn.LayerNorm(epsilon=1e-12, name="ln_embeddings")(x)
    # Padding positions (mask 0) get a large negative score.
    bias = jnp.where(attention_mask[:, None, None, :] > 0, 0.0,
                     jnp.finfo(jnp.float32).min).astype(jnp.float32)
    for i in range(self.layers):
      x = PostLNLayer(self.hidden, self.heads, self.intermediate,
                      name=f"layer{i}")(x, bias)
    pooled = jnp.tanh(nn.Dense(self.hidden, kernel_init=tf_normal,
                               name="pooler")(x[:, 0]))
    return x, pooled


# --------------------------------------------------------------------------
# GPT-2 small (Radford et al. 2019)


class GPT2Small(nn.Module):
  vocab: int = 50257
  max_positions: int = 1024
  hidden: int = 768
  layers: int = 12
  heads: int = 12

  @nn.compact
  def __call__(self, input_ids):
    n, s = input_ids.shape
    wte = nn.Embed(self.vocab, self.hidden, embedding_init=tf_normal,
                   name="wte")
    wpe = nn.Embed(self.max_positions, self.hidden,
                   embedding_init=nn.initializers.normal(0.01), name="wpe")
    x = wte(input_ids) + wpe(jnp.arange(s, dtype=jnp.int32)[None, :])
    causal = jnp.tril(jnp.ones((s, s), dtype=bool))
    bias = jnp.where(causal, 0.0, jnp.finfo(jnp.float32).min)[None, None]
    for i in range(self.layers):
      x = PreLNLayer(self.hidden, self.heads, 4 * self.hidden, eps=1e-5,
                     approximate_gelu=True, name=f"h{i}")(x, bias)
    x = nn.LayerNorm(epsilon=1e-5, name="ln_f")(x)
    return wte.attend(x)  # tied embeddings: logits = x @ wte^T


# --------------------------------------------------------------------------
# ViT-B/16 (Dosovitskiy et al. 2020)


class ViTB16(nn.Module):
  num_classes: int = 1000
  patch: int = 16
  hidden: int = 768
  layers: int = 12
  heads: int = 12
  intermediate: int = 3072

  @nn.compact
  def __call__(self, x):  # x: [N, 224, 224, 3]
    n = x.shape[0]
    x = nn.Conv(self.hidden, (self.patch, self.patch),
                strides=self.patch, padding="VALID",
                kernel_init=nn.initializers.lecun_normal(),
                name="patch_embed")(x)
    x = x.reshape(n, -1, self.hidden)
    cls = self.param("cls_token", tf_normal, (1, 1, self.hidden))
    x = jnp.concatenate([jnp.broadcast_to(cls, (n, 1, self.hidden)), x],
                        axis=1)
    pos = self.param("pos_embedding", tf_normal, (1, x.shape[1], self.hidden))
    x = x + pos
    bias = jnp.zeros((1, 1, 1, x.shape[1]), jnp.float32)
    for i in range(self.layers):
      x = PreLNLayer(self.hidden, self.heads, self.intermediate, eps=1e-6,
                     approximate_gelu=False, name=f"encoder{i}")(x, bias)
    x = nn.LayerNorm(epsilon=1e-6, name="ln_final")(x)
    return nn.Dense(self.num_classes, kernel_init=tf_normal, name="head")(x[:, 0])


# --------------------------------------------------------------------------
# Specs


@dataclasses.dataclass
class ModelSpec:
  name: str
  module: nn.Module
  seed: int
  kind: str           # "image" or "text"
  input_names: tuple[str, ...]
  output_names: tuple[str, ...]
  # Initialisation (see draw_variables).
  dense_std: float | None = 0.02
  conv_gain: float = 1.0
  small_bn_scale: tuple[str, ...] = ()
  # Largest error allowed, relative to the reference output's max |x|.
  tolerance: float = 1e-4

  def make_inputs(self, batch: int = 1, seq: int = 16) -> list[np.ndarray]:
    rng = np.random.default_rng(1000 + self.seed)
    if self.kind == "image":
      return [rng.standard_normal((batch, 224, 224, 3)).astype(np.float32)]
    vocab = self.module.vocab
    ids = rng.integers(0, vocab, (batch, seq)).astype(np.int32)
    if self.name == "gpt2":
      return [ids]
    types = np.zeros((batch, seq), np.int32)
    types[:, seq // 2:] = 1  # two segments
    mask = np.ones((batch, seq), np.int32)
    if batch > 1:  # the other rows padded at the end
      mask[1:, seq - seq // 4:] = 0
    return [ids, types, mask]

  def init(self):
    dummy = [jax.ShapeDtypeStruct(a.shape, a.dtype)
             for a in self.make_inputs(1, 8)]
    shapes = jax.eval_shape(self.module.init, jax.random.PRNGKey(0), *dummy)
    return draw_variables(shapes, self.seed, dense_std=self.dense_std,
                          conv_gain=self.conv_gain,
                          small_bn_scale=self.small_bn_scale)

  def apply(self, variables, *inputs):
    out = self.module.apply(variables, *inputs)
    return out if isinstance(out, tuple) else (out,)

  def apply_layers(self, variables, *inputs):
    """Every submodule's output, in the order the forward pass makes them.

    Returns (names, arrays): flax's captured intermediates ('/'-joined
    module paths), walked in insertion order, which is execution order
    with each module's own output after its children's. Used to find the
    first layer where jaxc and XLA part.
    """
    _, state = self.module.apply(variables, *inputs,
                                 capture_intermediates=True,
                                 mutable=["intermediates"])
    names, arrays = [], []

    def walk(tree, prefix):
      for key, value in tree.items():
        if key == "__call__":
          for i, out in enumerate(value):
            for j, leaf in enumerate(jax.tree_util.tree_leaves(out)):
              suffix = "" if (i, j) == (0, 0) else f"[{i}.{j}]"
              names.append("/".join(prefix or ["(model)"]) + suffix)
              arrays.append(leaf)
        else:
          walk(value, prefix + [key])

    walk(state["intermediates"], [])
    return names, tuple(arrays)


MODELS: dict[str, Callable[[], ModelSpec]] = {
    "resnet50": lambda: ModelSpec("resnet50", ResNet50(), 50, "image",
                                  ("image",), ("logits",), dense_std=None,
                                  conv_gain=2.0, small_bn_scale=("bn3",)),
    "bert": lambda: ModelSpec("bert", BertBase(), 110, "text",
                              ("input_ids", "token_type_ids",
                               "attention_mask"),
                              ("last_hidden_state", "pooled")),
    "gpt2": lambda: ModelSpec("gpt2", GPT2Small(), 124, "text",
                              ("input_ids",), ("logits",)),
    "vit": lambda: ModelSpec("vit", ViTB16(), 86, "image", ("image",),
                             ("logits",)),
    "mobilenetv2": lambda: ModelSpec("mobilenetv2", MobileNetV2(), 35,
                                     "image", ("image",), ("logits",),
                                     dense_std=None, conv_gain=2.0),
}


def get(name: str) -> ModelSpec:
  if name not in MODELS:
    raise KeyError(f"unknown model {name!r}; have {', '.join(MODELS)}")
  return MODELS[name]()
