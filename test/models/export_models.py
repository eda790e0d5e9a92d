#!/usr/bin/env python3
"""Exports the models of models.py with JAX, in the forms jaxc reads.

For each model, into OUT/<model>/:

  inputs/NN_<name>.npy      the example inputs (fixed seed)
  params/NNNN.npy           the weights, flattened in jax.tree_util order
  args.mlir                 variant "args": weights as function arguments,
                            jax.jit(lambda params, *x: apply(params, *x)),
                            StableHLO text from .lower(...).as_text();
                            main's arguments are params/* then inputs/*
  args.jax_exported         the same function through jax.export, serialized
  const.mlir                variant "const": weights closed over as constants,
                            jax.jit(lambda *x: apply(params, *x))
  const.jax_exported        the same through jax.export
  reference/<variant>/NN.npy  XLA's (jax.jit on the CPU backend) results
  manifest.json             shapes, argument order, parameter paths, timings

Usage:
  export_models.py [--models resnet50,bert,...] [--batch 1] [--seq 16]
                   [--variants args,const] [--forms text,exported] --out DIR

Batch and sequence length are flags so that the same exports serve the
benchmarks. Constants make big files (GPT-2's text form is about 1 GB): put
OUT under /tmp and delete it afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

import numpy as np

os.environ.setdefault("JAX_PLATFORMS", "cpu")
import jax  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import models as model_defs  # noqa: E402

VARIANTS = ("args", "const")
FORMS = ("text", "exported")
FORM_SUFFIX = {"text": ".mlir", "exported": ".jax_exported"}


def _save(path: str, array) -> None:
  os.makedirs(os.path.dirname(path), exist_ok=True)
  np.save(path, np.asarray(array))


def _median_time(fn, *args, reps: int = 3) -> float:
  times = []
  for _ in range(reps):
    t = time.perf_counter()
    jax.block_until_ready(fn(*args))
    times.append(time.perf_counter() - t)
  return float(np.median(times))


class ModelExport:
  """One model's variables, inputs and jitted functions, and its exports."""

  def __init__(self, name: str, batch: int, seq: int, out_dir: str):
    self.spec = model_defs.get(name)
    self.name = name
    self.batch, self.seq = batch, seq
    self.dir = os.path.join(out_dir, name)
    t = time.perf_counter()
    self.variables = self.spec.init()
    self.init_s = time.perf_counter() - t
    self.inputs = self.spec.make_inputs(batch, seq)
    leaves = jax.tree_util.tree_leaves_with_path(self.variables)
    self.param_paths = [jax.tree_util.keystr(p) for p, _ in leaves]
    self.params = [np.asarray(x) for _, x in leaves]
    spec = self.spec
    # keep_unused: main's arguments are exactly the flattened parameters and
    # the inputs, whatever the model reads.
    self.fns = {
        "args": jax.jit(lambda v, *x: spec.apply(v, *x), keep_unused=True),
        "const": jax.jit(lambda *x: spec.apply(self.variables, *x),
                         keep_unused=True),
    }
    self.timings: dict[str, float] = {"init_s": self.init_s}
    self.layer_names: list[str] = []

  def layers_fn(self):
    """jit of every submodule's output, weights as arguments (as "args");
    fills self.layer_names when traced."""
    def fn(v, *x):
      names, arrays = self.spec.apply_layers(v, *x)
      self.layer_names = names
      return arrays
    return jax.jit(fn, keep_unused=True)

  def call_args(self, variant: str) -> tuple:
    return ((self.variables, *self.inputs) if variant == "args"
            else tuple(self.inputs))

  def run_inputs(self, variant: str) -> list[str]:
    """The .npy files `jaxc run` takes, in main's argument order."""
    files = self.input_files()
    return (self.param_files() + files) if variant == "args" else files

  def param_files(self) -> list[str]:
    return [os.path.join(self.dir, "params", f"{i:04d}.npy")
            for i in range(len(self.params))]

  def input_files(self) -> list[str]:
    return [os.path.join(self.dir, "inputs", f"{i:02d}_{n}.npy")
            for i, n in enumerate(self.spec.input_names)]

  def artifact(self, variant: str, form: str) -> str:
    return os.path.join(self.dir, variant + FORM_SUFFIX[form])

  def reference_files(self, variant: str) -> list[str]:
    return [os.path.join(self.dir, "reference", variant, f"{i:02d}_{n}.npy")
            for i, n in enumerate(self.spec.output_names)]

  def write_data(self, variants) -> None:
    for path, x in zip(self.input_files(), self.inputs):
      _save(path, x)
    if "args" in variants:
      for path, x in zip(self.param_files(), self.params):
        _save(path, x)

  def reference(self, variant: str, write: bool = True) -> list[np.ndarray]:
    """XLA's results on the CPU backend, and its run time (median of 3)."""
    fn = self.fns[variant]
    cpu = jax.devices("cpu")[0]
    with jax.default_device(cpu):
      args = self.call_args(variant)
      t = time.perf_counter()
      outs = jax.block_until_ready(fn(*args))
      self.timings[f"{variant}.xla_first_s"] = time.perf_counter() - t
      self.timings[f"{variant}.xla_run_s"] = _median_time(fn, *args)
    outs = [np.asarray(o) for o in outs]
    if write:
      for path, o in zip(self.reference_files(variant), outs):
        _save(path, o)
    return outs

  def export(self, variant: str, form: str, fn=None, path=None) -> str:
    """Writes one artifact; returns its path."""
    fn = fn or self.fns[variant]
    args = self.call_args(variant)
    path = path or self.artifact(variant, form)
    os.makedirs(self.dir, exist_ok=True)
    t = time.perf_counter()
    if form == "text":
      # What .lower(...).as_text() returns (jax's mlir.module_to_string:
      # the same module printed with debug info off), streamed to the file
      # instead of built as one string: GPT-2's is 1.3 GB.
      module = fn.lower(*args).compiler_ir("stablehlo")
      with open(path, "w") as f:
        module.operation.print(file=f, enable_debug_info=False)
      del module
    else:
      exported = jax.export.export(fn)(*args)
      with open(path, "wb") as f:
        f.write(exported.serialize())
      del exported
    self.timings[f"{variant}.{form}.export_s"] = time.perf_counter() - t
    return path

  def manifest(self) -> dict[str, Any]:
    return {
        "model": self.name,
        "batch": self.batch,
        "seq": self.seq if self.spec.kind == "text" else None,
        "tolerance": self.spec.tolerance,
        "inputs": [{"name": n, "shape": list(x.shape), "dtype": str(x.dtype),
                    "file": os.path.relpath(f, self.dir)}
                   for n, x, f in zip(self.spec.input_names, self.inputs,
                                      self.input_files())],
        "outputs": list(self.spec.output_names),
        "parameter_count": int(sum(p.size for p in self.params)),
        "parameters": [{"path": p, "shape": list(x.shape),
                        "dtype": str(x.dtype)}
                       for p, x in zip(self.param_paths, self.params)],
        "args_order": "parameters (params/NNNN.npy) then inputs",
        "timings": self.timings,
    }

  def write_manifest(self) -> None:
    os.makedirs(self.dir, exist_ok=True)
    with open(os.path.join(self.dir, "manifest.json"), "w") as f:
      json.dump(self.manifest(), f, indent=1)


def parse_list(value: str, allowed) -> list[str]:
  items = [v for v in value.split(",") if v]
  bad = [v for v in items if v not in allowed]
  if bad:
    raise argparse.ArgumentTypeError(
        f"unknown {', '.join(bad)}; choose from {', '.join(allowed)}")
  return items


def add_common_flags(parser: argparse.ArgumentParser) -> None:
  parser.add_argument("--models", default=",".join(model_defs.MODELS),
                      type=lambda v: parse_list(v, model_defs.MODELS),
                      help="comma-separated (default: all): " +
                      ", ".join(model_defs.MODELS))
  parser.add_argument("--batch", type=int, default=1)
  parser.add_argument("--seq", type=int, default=16,
                      help="sequence length of the text models (default 16)")
  parser.add_argument("--variants", default=",".join(VARIANTS),
                      type=lambda v: parse_list(v, VARIANTS))
  parser.add_argument("--forms", default=",".join(FORMS),
                      type=lambda v: parse_list(v, FORMS))


def main() -> int:
  parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  add_common_flags(parser)
  parser.add_argument("--out", required=True, help="output directory")
  parser.add_argument("--no-reference", action="store_true",
                      help="skip XLA's reference results")
  args = parser.parse_args()
  for name in args.models:
    m = ModelExport(name, args.batch, args.seq, args.out)
    m.write_data(args.variants)
    for variant in args.variants:
      if not args.no_reference:
        m.reference(variant)
      for form in args.forms:
        path = m.export(variant, form)
        print(f"{name} {variant} {form}: {path} "
              f"({os.path.getsize(path) / 1e6:.1f} MB, "
              f"{m.timings[f'{variant}.{form}.export_s']:.1f} s)", flush=True)
    m.write_manifest()
  return 0


if __name__ == "__main__":
  sys.exit(main())
