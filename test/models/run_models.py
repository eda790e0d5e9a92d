#!/usr/bin/env python3
"""Exports the models live from JAX, compiles and runs them with jaxc, and
compares every result with XLA's (jax.jit on the CPU backend, same inputs).

One line per model/variant/form:

  PASS resnet50/const/text  err 3.1e-06 (tol 1e-04)  compile 3.2 s  run 0.41 s  xla 0.19 s

`err` is the largest absolute difference over every output element,
divided by the largest |x| of XLA's result (the worst output of the model);
`run` is the wall time of the `jaxc run` process (load, read the .npy files,
call, write the results), `xla` the median of three jitted calls in this
process. --benchmark adds `jaxc benchmark`'s median time per call.

Cases listed in known_failures.txt (`<model>/<variant>/<form> <reason>`,
shell-style wildcards allowed) are expected to fail; an unexpected pass
counts as a failure, as does any unlisted failure. Ends with
`N passed, N failed`; the exit status is non-zero iff failed > 0.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import export_models  # noqa: E402  (sets JAX_PLATFORMS=cpu before jax loads)
import models as model_defs  # noqa: E402

COMPILE_TIMEOUT_S = 900
RUN_TIMEOUT_S = 600


class Case:
  def __init__(self, model: str, variant: str, form: str):
    self.model, self.variant, self.form = model, variant, form
    self.id = f"{model}/{variant}/{form}"
    self.status = "ERROR"      # PASS, FAIL (numbers), ERROR (jaxc failed)
    self.detail = ""
    self.err: float | None = None
    self.figures: dict[str, float] = {}


def read_known_failures(path: str) -> list[tuple[str, str]]:
  """`<pattern> <reason>` lines; blank lines and # comments skipped."""
  entries = []
  with open(path) as f:
    for number, line in enumerate(f, 1):
      text = line.strip()
      if not text or text.startswith("#"):
        continue
      pattern, _, reason = text.partition(" ")
      if not reason.strip():
        raise SystemExit(f"{path}:{number}: expected `<model>/<variant>/"
                         f"<form> <reason>`, got `{text}`")
      entries.append((pattern, reason.strip()))
  return entries


def known_reason(case_id: str, known) -> str | None:
  for pattern, reason in known:
    if fnmatch.fnmatchcase(case_id, pattern):
      return reason
  return None


def first_error_line(stderr: str) -> str:
  lines = [l for l in stderr.strip().splitlines() if l.strip()]
  for l in lines:
    if "error" in l.lower():
      return l.strip()[:300]
  return (lines[-1].strip()[:300] if lines else "(no message)")


def run_tool(cmd: list[str], timeout: float, env=None):
  t = time.perf_counter()
  try:
    # errors="replace": a binary input's bytes may come back in a message.
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                       timeout=timeout, env=env)
    return p.returncode, p.stdout, p.stderr, time.perf_counter() - t
  except subprocess.TimeoutExpired:
    return None, "", f"error: timed out after {timeout:.0f} s", \
        time.perf_counter() - t


def compare(outputs: list[np.ndarray], reference: list[np.ndarray]):
  """Worst relative error over the outputs, or a reason they differ."""
  worst = 0.0
  parts = []
  for i, (out, ref) in enumerate(zip(outputs, reference)):
    if out.shape != ref.shape or out.dtype != ref.dtype:
      return None, (f"result {i}: {out.dtype}{list(out.shape)}, XLA gives "
                    f"{ref.dtype}{list(ref.shape)}")
    if ref.dtype.kind in "iub":
      mismatched = int(np.count_nonzero(out != ref))
      if mismatched:
        return None, f"result {i}: {mismatched} elements differ"
      continue
    o64, r64 = out.astype(np.float64), ref.astype(np.float64)
    if not np.all(np.isfinite(o64) == np.isfinite(r64)):
      bad = int(np.count_nonzero(np.isfinite(o64) != np.isfinite(r64)))
      return None, f"result {i}: {bad} elements non-finite in one and not the other"
    finite = np.isfinite(r64)
    scale = float(np.max(np.abs(r64[finite]))) if finite.any() else 0.0
    diff = float(np.max(np.abs(o64[finite] - r64[finite]))) if finite.any() else 0.0
    rel = diff / scale if scale > 0 else diff
    parts.append(f"{rel:.1e}")
    worst = max(worst, rel)
  return worst, "per result " + " ".join(parts)


def bench_median_ms(jaxc: str, module: str, inputs: list[str]):
  cmd = [jaxc, "benchmark", f"--module={module}", "--function=main",
         *[f"--input=@{f}" for f in inputs], "--benchmark_repetitions=5",
         "--benchmark_min_time=3x", "--benchmark_format=json"]
  rc, out, err, _ = run_tool(cmd, RUN_TIMEOUT_S)
  if rc != 0:
    return None
  for b in json.loads(out)["benchmarks"]:
    if b.get("aggregate_name") == "median":
      scale = {"ms": 1.0, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b["time_unit"]]
      return b["real_time"] * scale
  return None


def run_case(case: Case, m: export_models.ModelExport, reference, jaxc: str,
             work: str, benchmark: bool) -> None:
  try:
    artifact = m.export(case.variant, case.form)
  except Exception as e:  # an export failure is this case's failure
    case.status, case.detail = "ERROR", f"export: {type(e).__name__}: {e}"
    return
  case.figures["export_s"] = m.timings[f"{case.variant}.{case.form}.export_s"]
  module = os.path.join(work, f"{case.model}.{case.variant}.{case.form}.vmfb")
  rc, _, err, secs = run_tool([jaxc, "compile", artifact, "-o", module],
                              COMPILE_TIMEOUT_S)
  case.figures["compile_s"] = secs
  os.remove(artifact)
  try:
    if rc != 0:
      case.status = "ERROR"
      case.detail = f"compile (exit {rc}): {first_error_line(err)}"
      return
    inputs = m.run_inputs(case.variant)
    outs = [os.path.join(work, f"{case.model}.out{i}.npy")
            for i in range(len(reference))]
    cmd = [jaxc, "run", f"--module={module}", "--function=main",
           *[f"--input=@{f}" for f in inputs],
           *[f"--output=@{f}" for f in outs]]
    rc, _, err, secs = run_tool(cmd, RUN_TIMEOUT_S)
    case.figures["run_s"] = secs
    if rc != 0:
      case.status = "ERROR"
      case.detail = f"run (exit {rc}): {first_error_line(err)}"
      return
    missing = [f for f in outs if not os.path.exists(f)]
    if missing:
      case.status = "FAIL"
      case.detail = (f"jaxc run wrote {len(outs) - len(missing)} of the "
                     f"{len(outs)} results XLA gives")
      return
    results = [np.load(f) for f in outs]
    for f in outs:
      os.remove(f)
    worst, detail = compare(results, reference)
    tol = m.spec.tolerance
    case.err = worst
    if worst is None:
      case.status, case.detail = "FAIL", detail
    elif worst <= tol:
      case.status = "PASS"
      case.detail = detail if len(reference) > 1 else ""
    else:
      case.status = "FAIL"
      case.detail = f"above tolerance {tol:.0e}; {detail}"
    if benchmark:
      ms = bench_median_ms(jaxc, module, inputs)
      if ms is not None:
        case.figures["bench_ms"] = ms
  finally:
    if os.path.exists(module):
      os.remove(module)


def diagnose_layers(m: export_models.ModelExport, jaxc: str, work: str,
                    verbose: bool) -> None:
  """Compiles every submodule's output (weights as arguments, StableHLO
  text) and prints the first layer whose error is above the tolerance."""
  fn = m.layers_fn()
  args = m.call_args("args")
  reference = [np.asarray(r) for r in fn(*args)]
  names = m.layer_names
  path = os.path.join(m.dir, "layers.mlir")
  m.export("args", "text", fn=fn, path=path)
  module = os.path.join(work, f"{m.name}.layers.vmfb")
  rc, _, err, _ = run_tool([jaxc, "compile", path, "-o", module],
                           COMPILE_TIMEOUT_S)
  os.remove(path)
  head = f"  layers {m.name}: {len(names)} module outputs"
  if rc != 0:
    print(f"{head}: compile (exit {rc}): {first_error_line(err)}")
    return
  outs = [os.path.join(work, f"{m.name}.layer{i}.npy")
          for i in range(len(names))]
  cmd = [jaxc, "run", f"--module={module}", "--function=main",
         *[f"--input=@{f}" for f in m.run_inputs("args")],
         *[f"--output=@{f}" for f in outs]]
  rc, _, err, _ = run_tool(cmd, RUN_TIMEOUT_S)
  os.remove(module)
  if rc != 0:
    print(f"{head}: run (exit {rc}): {first_error_line(err)}")
    return
  errors = []
  for name, out_file, ref in zip(names, outs, reference):
    worst, detail = compare([np.load(out_file)], [ref])
    os.remove(out_file)
    errors.append((name, float("inf") if worst is None else worst,
                   detail if worst is None else ""))
  tol = m.spec.tolerance
  first = next((e for e in errors if e[1] > tol), None)
  worst = sorted(errors, key=lambda e: -e[1])[:5]
  print(f"{head}; first above {tol:.0e}: " +
        (f"{first[0]} ({first[1]:.1e}{' ' + first[2] if first[2] else ''})"
         if first else "none") + "; worst: " +
        ", ".join(f"{n} {e:.1e}" for n, e, _ in worst), flush=True)
  if verbose:
    for name, e, detail in errors:
      print(f"    {e:.1e}  {name}{'  ' + detail if detail else ''}")


def format_line(case: Case, m, known: str | None) -> str:
  status = case.status
  if known is not None:
    status = "UNEXPECTED-PASS" if case.status == "PASS" else "KNOWN-" + status
  f = case.figures
  cols = [f"{status:<15} {case.id:<28}"]
  cols.append(f"err {case.err:.1e} (tol {m.spec.tolerance:.0e})"
              if case.err is not None else f"err -       (tol {m.spec.tolerance:.0e})")
  if "compile_s" in f:
    cols.append(f"compile {f['compile_s']:6.1f} s")
  if "run_s" in f:
    cols.append(f"run {f['run_s']:5.2f} s")
  xla = m.timings.get(f"{case.variant}.xla_run_s")
  if "bench_ms" in f:
    cols.append(f"call {f['bench_ms']:7.1f} ms")
    if xla is not None:
      cols.append(f"xla {xla * 1e3:7.1f} ms")
  elif xla is not None and "run_s" in f:
    cols.append(f"xla call {xla:5.2f} s")
  line = "  ".join(cols)
  if case.detail:
    line += f"  [{case.detail}]"
  if known is not None and case.status != "PASS":
    line += f"  (known: {known[:80]})"
  elif known is not None:
    line += "  (listed in known_failures.txt: remove the line)"
  return line


def main() -> int:
  parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  export_models.add_common_flags(parser)
  parser.add_argument("--jaxc", default=os.path.join(HERE, "..", "..", "build",
                                                     "bin", "jaxc"))
  parser.add_argument("--known-failures",
                      default=os.path.join(HERE, "known_failures.txt"))
  parser.add_argument("--work", default=None,
                      help="directory for exports and modules (default: a "
                      "fresh one under $TMPDIR, deleted at the end)")
  parser.add_argument("--keep", action="store_true",
                      help="keep the work directory (inputs, weights, "
                      "references; the large artifacts are always deleted)")
  parser.add_argument("--tolerance", type=float, default=None,
                      help="override every model's tolerance (max abs error "
                      "relative to the output's max abs)")
  parser.add_argument("--layers", action="store_true",
                      help="also compare every submodule's output (weights "
                      "as arguments) and print each layer's error; done "
                      "anyway, more briefly, for a model whose results "
                      "differ")
  parser.add_argument("--benchmark", action="store_true",
                      help="also time each module with `jaxc benchmark`")
  args = parser.parse_args()

  jaxc = os.path.abspath(args.jaxc)
  if not os.access(jaxc, os.X_OK):
    print(f"error: no jaxc executable at {jaxc}", file=sys.stderr)
    return 2
  known = read_known_failures(args.known_failures)
  every_id = [f"{m}/{v}/{f}" for m in model_defs.MODELS
              for v in export_models.VARIANTS for f in export_models.FORMS]
  for pattern, _ in known:
    if not any(fnmatch.fnmatchcase(i, pattern) for i in every_id):
      print(f"error: {args.known_failures} lists {pattern}, which matches no "
            f"case", file=sys.stderr)
      return 2

  work = args.work or tempfile.mkdtemp(prefix="jaxc-models-")
  os.makedirs(work, exist_ok=True)
  print(f"jaxc {jaxc}; batch {args.batch}, sequence {args.seq}; work {work}",
        flush=True)
  start = time.perf_counter()
  passed = failed = known_count = 0
  try:
    for name in args.models:
      t = time.perf_counter()
      m = export_models.ModelExport(name, args.batch, args.seq, work)
      if args.tolerance is not None:
        m.spec.tolerance = args.tolerance
      m.write_data(set(args.variants) | ({"args"} if args.layers else set()))
      numbers_differ = False
      for variant in args.variants:
        reference = m.reference(variant, write=False)
        for form in args.forms:
          case = Case(name, variant, form)
          run_case(case, m, reference, jaxc, work, args.benchmark)
          reason = known_reason(case.id, known)
          print(format_line(case, m, reason), flush=True)
          numbers_differ |= case.status == "FAIL" and reason is None
          if reason is None:
            passed += case.status == "PASS"
            failed += case.status != "PASS"
          else:
            known_count += case.status != "PASS"
            failed += case.status == "PASS"
      if args.layers or numbers_differ:
        if "args" not in args.variants:
          m.write_data(["args"])
        diagnose_layers(m, jaxc, work, verbose=args.layers)
      print(f"  {name}: {m.manifest()['parameter_count'] / 1e6:.1f}M "
            f"parameters, {time.perf_counter() - t:.0f} s in all", flush=True)
      if not args.keep:
        shutil.rmtree(m.dir, ignore_errors=True)
  finally:
    if not args.keep and args.work is None:
      shutil.rmtree(work, ignore_errors=True)
  print(f"{time.perf_counter() - start:.0f} s; {known_count} known failures "
        f"(failing as {args.known_failures} says)")
  print(f"{passed} passed, {failed} failed")
  return 1 if failed else 0


if __name__ == "__main__":
  sys.exit(main())
