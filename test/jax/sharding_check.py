#!/usr/bin/env python3
"""Sharded JAX programs on one device, compiled and run by jaxc.

  .venv/bin/python test/jax/sharding_check.py --jaxc build/bin/jaxc \
      [--form text|serialized|both] [--filter REGEX] [--keep DIR]

JAX annotates programs for Shardy even on one device: meshes, sharding
constraints, in/out shardings, shard_map, explicit axes, sharding rules on
LAPACK calls. Each case below is jitted with such annotations on a
one-device mesh, exported (`jax.jit(f).lower(...).as_text()`, and with
`--form serialized` jax.export's bytecode), compiled with `jaxc compile`,
run with `jaxc run --input=@x.npy --output=@y.npy` and compared with
jax.jit(f) on XLA (rtol 1e-5, 1e-4 for LAPACK). Each export must hold an sdy
op or attribute, or the case proves nothing and fails.

Then a program for a 2-device mesh (exported in a child process with
XLA_FLAGS=--xla_force_host_platform_device_count=2) must be refused: exit
code 2 and a message naming the op and the 2 devices.

Last, the sdy bytecode jaxc-opt (beside --jaxc) writes must read back in
Shardy itself (jaxlib's MLIR) as the text it came from.

One line per case, then `N passed, N failed`; exit status 1 if any failed.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import textwrap

import numpy as np

import jax

jax.config.update("jax_platforms", "cpu")

import jax.numpy as jnp  # noqa: E402
from jax.sharding import AxisType, NamedSharding  # noqa: E402
from jax.sharding import PartitionSpec as P  # noqa: E402

MESH = jax.make_mesh((1,), ("x",), axis_types=(AxisType.Auto,))
GRID = jax.make_mesh((1, 1), ("x", "y"), axis_types=(AxisType.Auto,) * 2)
EXPLICIT = jax.make_mesh((1,), ("x",), axis_types=(AxisType.Explicit,))


def named(mesh, *spec):
    return NamedSharding(mesh, P(*spec))


def wsc(x, mesh, *spec):
    return jax.lax.with_sharding_constraint(x, named(mesh, *spec))


def vector(n=8, seed=0):
    return np.random.default_rng(seed).uniform(-1, 1, n).astype(np.float32)


def matrix(m=4, n=4, seed=1):
    return np.random.default_rng(seed).uniform(-1, 1, (m, n)).astype(np.float32)


def scan_with_constraint(x):
    def body(carry, row):
        carry = wsc(carry + jnp.tanh(row), MESH, "x")
        return carry, carry.sum()

    return jax.lax.scan(body, jnp.zeros(x.shape[1], x.dtype), x)


def loss(w, x):
    return jnp.sum(wsc(jnp.tanh(x @ w), GRID, "x", None) ** 2)


def nested_jit(x):
    inner = jax.jit(lambda y: wsc(jnp.sin(y) * 2, MESH, "x"))
    return inner(x) + inner(x * 3)


def explicit_reshard(x):
    return jax.sharding.reshard(x * 2, P())


def explicit_sum(x):
    return jnp.sum(jnp.sin(x))


# name -> (jitted function, arguments, mesh to run under or None, rtol)
CASES = {
    "constraint": (jax.jit(lambda x: wsc(jnp.sin(x), MESH, "x") * 2),
                   [vector()], None, 1e-5),
    "in_out_shardings": (jax.jit(lambda x: x + 1,
                                 in_shardings=named(MESH, "x"),
                                 out_shardings=named(MESH)),
                         [vector()], None, 1e-5),
    "replicated": (jax.jit(lambda x: jnp.exp(x),
                           in_shardings=named(MESH),
                           out_shardings=named(MESH, None)),
                   [vector()], None, 1e-5),
    "grid_2d": (jax.jit(lambda a: wsc(a @ a.T, GRID, "x", "y"),
                        in_shardings=named(GRID, "x", "y")),
                [matrix()], None, 1e-5),
    "unconstrained_dim": (jax.jit(lambda a: wsc(a * 3, GRID,
                                                 P.UNCONSTRAINED, "y")),
                          [matrix()], None, 1e-5),
    "two_results": (jax.jit(lambda a: (a.sum(0), a * 2),
                            out_shardings=(named(GRID, "y"),
                                           named(GRID, None, "x"))),
                    [matrix()], None, 1e-5),
    "shard_map": (jax.jit(jax.shard_map(lambda x: jnp.cos(x) * 2, mesh=MESH,
                                        in_specs=P("x"), out_specs=P("x")),
                          in_shardings=named(MESH, "x")),
                  [vector()], None, 1e-5),
    "shard_map_partial_axes": (jax.jit(jax.shard_map(
        lambda a: a * 2 + 1, mesh=GRID, in_specs=P("x"), out_specs=P("x"),
        axis_names={"x"})), [matrix()], None, 1e-5),
    "explicit_reshard": (jax.jit(explicit_reshard), [vector()], EXPLICIT,
                         1e-5),
    "explicit_sum": (jax.jit(explicit_sum), [vector()], EXPLICIT, 1e-5),
    "single_device_sharding": (jax.jit(
        lambda x: x - 1,
        in_shardings=jax.sharding.SingleDeviceSharding(jax.devices()[0])),
        [vector()], None, 1e-5),
    "constraint_in_scan": (jax.jit(scan_with_constraint), [matrix(3, 5)],
                           None, 1e-5),
    "grad_with_constraint": (jax.jit(jax.grad(loss),
                                     in_shardings=(named(GRID, None, "y"),
                                                   named(GRID, "x"))),
                             [matrix(4, 3, 2), matrix(5, 4, 3)], None, 1e-5),
    "matmul_chain": (jax.jit(lambda a, b: wsc(wsc(a @ b, GRID, "x", None)
                                              @ b.T, GRID, None, "y")),
                     [matrix(4, 6, 4), matrix(6, 6, 5)], None, 1e-5),
    "nested_jit": (jax.jit(nested_jit), [vector()], None, 1e-5),
    "vmap_spmd_axis": (jax.jit(jax.vmap(lambda v: wsc(v * v, MESH),
                                        spmd_axis_name="x")),
                       [matrix(1, 8, 8)], None, 1e-5),
    "linalg_inv": (jax.jit(jnp.linalg.inv, in_shardings=named(MESH)),
                   [matrix(3, 3, 6) + 3 * np.eye(3, dtype=np.float32)],
                   None, 1e-4),
    "linalg_qr": (jax.jit(jnp.linalg.qr), [matrix(4, 3, 7)], None, 1e-4),
}

SDY_MARK = re.compile(r"\bsdy\.")

# A function over a 2-device mesh, exported where JAX sees two CPU devices.
TWO_DEVICE_EXPORT = textwrap.dedent("""
    import sys
    import jax, jax.numpy as jnp
    from jax.sharding import AxisType, NamedSharding, PartitionSpec as P
    mesh = jax.make_mesh((2,), ("x",), axis_types=(AxisType.Auto,))
    f = jax.jit(lambda x: jax.lax.with_sharding_constraint(
        jnp.sin(x), NamedSharding(mesh, P("x"))) * 2)
    sys.stdout.write(f.lower(jnp.zeros(8, jnp.float32)).as_text())
""")


def on_mesh(mesh, args):
    """Under an explicit mesh the arguments carry their sharding (over x)."""
    return [jax.device_put(a, named(mesh, "x")) for a in args]


def export(fn, args, mesh, form):
    def lower(args):
        if form == "text":
            return fn.lower(*args).as_text().encode()
        return jax.export.export(fn)(*args).mlir_module_serialized

    if mesh is None:
        return lower(args)
    with jax.sharding.set_mesh(mesh):
        return lower(on_mesh(mesh, args))


def expected(fn, args, mesh):
    if mesh is None:
        return fn(*args)
    with jax.sharding.set_mesh(mesh):
        return fn(*on_mesh(mesh, args))


def run_jaxc(jaxc, workdir, name, program, n_results, args):
    """Compiles and runs; returns (results, None) or (None, why)."""
    suffix = ".mlir" if program.lstrip().startswith(b"module") else ".mlirbc"
    source = os.path.join(workdir, name + suffix)
    module = os.path.join(workdir, name + ".vmfb")
    with open(source, "wb") as f:
        f.write(program)
    compiled = subprocess.run([jaxc, "compile", source, "-o", module],
                              capture_output=True, text=True)
    if compiled.returncode != 0:
        return None, "compile exit %d: %s" % (
            compiled.returncode, compiled.stderr.strip()[:400])
    command = [jaxc, "run", "--module=" + module, "--function=main"]
    for i, arg in enumerate(args):
        path = os.path.join(workdir, "%s.in%d.npy" % (name, i))
        np.save(path, np.asarray(arg))
        command.append("--input=@" + path)
    outputs = [os.path.join(workdir, "%s.out%d.npy" % (name, i))
               for i in range(n_results)]
    command += ["--output=@" + path for path in outputs]
    ran = subprocess.run(command, capture_output=True, text=True)
    if ran.returncode != 0:
        return None, "run exit %d: %s" % (ran.returncode,
                                          ran.stderr.strip()[:400])
    return [np.load(path) for path in outputs], None


def check_case(jaxc, workdir, name, form):
    fn, args, mesh, rtol = CASES[name]
    program = export(fn, args, mesh, form)
    if form == "text" and not SDY_MARK.search(program.decode()):
        return "no sdy op or attribute in the export"
    if form == "serialized" and b"sdy" not in program:
        return "no sdy dialect in the serialized export"
    want = jax.tree_util.tree_leaves(expected(fn, args, mesh))
    got, why = run_jaxc(jaxc, workdir, name + "." + form, program, len(want),
                        args)
    if why:
        return why
    for i, (g, w) in enumerate(zip(got, want)):
        w = np.asarray(w)
        if g.shape != w.shape or g.dtype != w.dtype:
            return "result %d is %s %s, expected %s %s" % (
                i, g.dtype, g.shape, w.dtype, w.shape)
        scale = max(1.0, float(np.max(np.abs(w)))) if w.size else 1.0
        error = float(np.max(np.abs(g - w))) if w.size else 0.0
        if error > rtol * scale:
            return "result %d differs by %g (allowed %g)" % (i, error,
                                                             rtol * scale)
    return None


def check_two_devices(jaxc, workdir):
    env = dict(os.environ,
               XLA_FLAGS="--xla_force_host_platform_device_count=2")
    exported = subprocess.run([sys.executable, "-c", TWO_DEVICE_EXPORT],
                              capture_output=True, env=env)
    if exported.returncode != 0:
        return "the 2-device export failed: " + exported.stderr.decode()[-400:]
    source = os.path.join(workdir, "two_devices.mlir")
    with open(source, "wb") as f:
        f.write(exported.stdout)
    compiled = subprocess.run(
        [jaxc, "compile", source, "-o", os.path.join(workdir, "two.vmfb")],
        capture_output=True, text=True)
    if compiled.returncode != 2:
        return "exit %d instead of 2: %s" % (compiled.returncode,
                                             compiled.stderr.strip()[:400])
    message = re.search(r"'sdy\.[a-z_]+' op needs 2 devices", compiled.stderr)
    if not message or "jaxc runs on one device" not in compiled.stderr:
        return "the message names no op and device count: " + \
            compiled.stderr.strip()[:400]
    return None


def check_bytecode_for_shardy(jaxc, workdir):
    """What jaxc writes of the sdy dialect reads back in Shardy (jaxlib's
    MLIR) as the text does: test/Dialect/SDY/Inputs/shardy_attrs.mlir."""
    from jax._src.interpreters import mlir as jax_mlir
    from jax._src.lib.mlir import ir

    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                          "Dialect", "SDY", "Inputs", "shardy_attrs.mlir")
    written = os.path.join(workdir, "shardy_attrs.jaxc.mlirbc")
    jaxc_opt = os.path.join(os.path.dirname(jaxc), "jaxc-opt")
    ran = subprocess.run([jaxc_opt, source, "--emit-bytecode",
                          "--emit-bytecode-version=1", "-o", written],
                         capture_output=True, text=True)
    if ran.returncode != 0:
        return "jaxc-opt exit %d: %s" % (ran.returncode, ran.stderr[:400])
    with jax_mlir.make_ir_context():
        with open(written, "rb") as f:
            from_jaxc = str(ir.Module.parse(f.read()))
        with open(source) as f:
            from_text = str(ir.Module.parse(f.read()))
    if from_jaxc != from_text:
        return "Shardy reads jaxc's bytecode differently from the text"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jaxc", required=True)
    parser.add_argument("--form", choices=["text", "serialized", "both"],
                        default="text")
    parser.add_argument("--filter", default="")
    parser.add_argument("--keep", help="keep the files in this directory")
    options = parser.parse_args()
    if len(jax.devices()) != 1:
        sys.exit("sharding_check: expects one CPU device, JAX sees %d"
                 % len(jax.devices()))

    forms = ["text", "serialized"] if options.form == "both" \
        else [options.form]
    workdir = options.keep or tempfile.mkdtemp(prefix="jaxc-sharding-")
    os.makedirs(workdir, exist_ok=True)
    passed = failed = 0
    checks = [(name + " [" + form + "]",
               lambda name=name, form=form: check_case(
                   options.jaxc, workdir, name, form))
              for name in CASES for form in forms]
    checks.append(("two_devices_refused",
                   lambda: check_two_devices(options.jaxc, workdir)))
    checks.append(("bytecode_reads_in_shardy",
                   lambda: check_bytecode_for_shardy(options.jaxc, workdir)))
    for label, check in checks:
        if not re.search(options.filter, label):
            continue
        try:
            why = check()
        except Exception as error:  # a case JAX cannot export is a failure
            why = "%s: %s" % (type(error).__name__, error)
        if why:
            failed += 1
            print("FAIL %s: %s" % (label, why))
        else:
            passed += 1
            print("PASS %s" % label)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
