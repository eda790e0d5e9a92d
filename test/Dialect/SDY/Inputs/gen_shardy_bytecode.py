#!/usr/bin/env python3
"""Writes shardy_attrs.mlirbc: shardy_attrs.mlir in MLIR bytecode, encoded by
Shardy's own writer (jaxlib's MLIR bindings, with the sdy dialect), so that
jaxc's reader is tested against the real encoding. Run with the project's
environment from this directory: ../../../../.venv/bin/python
gen_shardy_bytecode.py. Bytecode version 1, which MLIR 22 reads.
"""

import os

from jax._src.interpreters import mlir as jax_mlir
from jax._src.lib.mlir import ir

here = os.path.dirname(os.path.abspath(__file__))
with jax_mlir.make_ir_context():
    with open(os.path.join(here, "shardy_attrs.mlir")) as f:
        module = ir.Module.parse(f.read())
    with open(os.path.join(here, "shardy_attrs.mlirbc"), "wb") as f:
        module.operation.write_bytecode(f, desired_version=1)
