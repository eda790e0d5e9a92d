#!/usr/bin/env python3
"""Writes known_failures.txt from a suite run's output, one line per failing
case (`<id>:*`, both forms), the reason being the cause that CAUSES below
matches on the result line, then the first differing element or the error.

  .venv/bin/python test/jax/suite.py --jaxc build/bin/jaxc > run.txt
  .venv/bin/python test/jax/update_known_failures.py run.txt

A failure that no cause matches is printed and left out: find its cause
first. The serialized-form glob line is kept as it is.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# (regex on "<id> <reason>", cause). First match wins.
CAUSES = [
    (r"unary\.tanh_f32 .*XLA nan",
     "stablehlo.tanh of a NaN gives a number, not NaN (jaxc's vectorized f32 tanh; known, being fixed)"),
    (r"unary\.log(2|10)?_(f32|bf16) ",
     "jaxc's vectorized f32 log/log2/log10 of a subnormal returns that of the smallest normal "
     "(log(1e-45) = -87.34, log2 = -126, log10 = -37.93; the true values are -103.28, -149, -44.85); "
     "XLA gives -inf (FTZ/DAZ); known, being fixed"),
    (r"\[FTZ/DAZ only\]",
     "XLA's CPU backend flushes subnormals to zero (FTZ/DAZ), jaxc keeps them (IEEE): the case matches "
     "XLA once subnormal inputs and results are flushed (the runner checks this and prints [FTZ/DAZ only])"),
    (r"output_operand_alias",
     "JAX's LAPACK custom calls: jaxc cannot parse them yet ('unknown attribute `output_operand_alias` "
     "in dialect `stablehlo`'); LAPACK custom calls are being implemented"),
    (r'#"sdy"',
     "JAX's LAPACK geev custom call: jaxc cannot parse its #sdy sharding-rule attribute "
     "('#\"sdy\"<\"op_sharding_rule<...>\"> : 'none' attribute'); LAPACK custom calls are being implemented"),
    (r"chlo\.square",
     "jaxc has no lowering of chlo.square, which JAX 0.12 emits for x*x (jnp.square, var/std, hypot, "
     "|z| of complex): compile exits 2 with \"custom op 'chlo.square' is unknown\""),
    (r"__trunc[sd]fbf2",
     "conversion to bf16 from f32/f64: the module does not load, its code calls compiler-rt's "
     "__truncsfbf2/__truncdfbf2, which jaxc does not link or provide"),
    (r"optimization_barrier",
     "jaxc cannot parse stablehlo.optimization_barrier in JAX's pretty form (\"custom op "
     "'stablehlo.optimization_barrier' has no custom assembly form\"); checkpoint/remat emit it"),
    (r"approx_max_k .*stablehlo\.return",
     "lax.approx_max_k lowers to a stablehlo.custom_call ApproxTopK with a comparator region; jaxc: "
     "\"'stablehlo.return' op is not supported by jaxc yet\""),
    (r"dot_product_attention_scale_bf16 .*expected attribute value",
     "jaxc cannot parse dot_general's `algorithm = <lhs_precision_type = bf16, ...>` attribute "
     "(\"expected attribute value\"), which JAX emits for bf16 attention"),
    (r"binary\.(maximum|minimum)_",
     "stablehlo.maximum/minimum of +0 and -0: jaxc returns -0 for max(+0, -0) and +0 for min(-0, +0), "
     "XLA orders -0 < +0; in bf16/f32/f64 the subnormal pairs also differ by XLA's FTZ/DAZ"),
    (r"nextafter_",
     "nextafter at and toward subnormals: XLA (FTZ/DAZ) steps from 0 to the smallest normal and treats "
     "subnormals as 0, jaxc follows IEEE (the smallest subnormal)"),
    (r"binary\.(float_)?power_.*\[238\]",
     "pow(smallest subnormal, -0.25): XLA gives 1.9437e11 in f32 (its log of a subnormal under DAZ), "
     "jaxc 1.634e11, the correctly rounded value"),
    (r"(arctan2|atan2)_",
     "atan2 of two subnormals: XLA gives NaN (f32, bf16) or pi/2 (f64) under FTZ/DAZ, jaxc the IEEE pi/4"),
    (r"unary\.spacing_",
     "spacing of the largest subnormal: jaxc gives the smallest subnormal (IEEE), XLA the smallest "
     "normal (FTZ/DAZ)"),
]


def main():
    run = open(sys.argv[1]).read().splitlines()
    path = os.path.join(HERE, "known_failures.txt")
    header, globs = [], []
    in_header = True
    for line in open(path):
        if not line.startswith("#"):
            in_header = False
        if line.startswith("#"):
            if in_header:
                header.append(line.rstrip("\n"))
        elif line.strip() and line.split()[0].startswith("*"):
            globs.append(line.rstrip("\n"))
    lines, unknown = {}, []
    for line in run:
        m = re.match(r"(FAIL|ERROR|UNSUPPORTED|XFAIL) (\S+):(text|serialized) (.*)", line)
        if not m or m.group(3) == "serialized":
            continue
        cid, reason = m.group(2), m.group(4)
        reason = re.sub(r"\s+\[known: .*\]$", "", reason)
        reason = re.sub(r"^(FAIL|ERROR|UNSUPPORTED): ", "", reason)
        reason = re.sub(r"/tmp/\S+?/case\.mlir(\.vmfb)?", "case.mlir", reason)
        cause = next((c for rx, c in CAUSES if re.search(rx, f"{cid} {reason}")), None)
        if cause is None:
            unknown.append(line)
            continue
        detail = reason if len(reason) < 200 else reason[:200] + "..."
        lines[cid] = f"{cid}:*  {cause}. Here: {detail}"
    with open(path, "w") as f:
        f.write("\n".join(header) + "\n")
        for g in globs:
            f.write(g + "\n")
        # Grouped by cause, in CAUSES order.
        for _, cause in CAUSES:
            group = sorted(l for l in lines.values() if f"  {cause}." in l)
            if group:
                f.write("\n# " + cause.split(":")[0].split("(")[0].strip() + "\n")
                f.write("\n".join(group) + "\n")
    for line in unknown:
        print("no cause:", line[:300])
    print(f"{len(lines)} known failures written, {len(unknown)} without a cause")


if __name__ == "__main__":
    main()
