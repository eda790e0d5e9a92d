#!/usr/bin/python3
"""Measures the error of jaxc's f32 tanh or exp on every f32 in a range.

  scripts/ulp_sweep.py tanh [LO HI]    # default [1e-45, 12): all positive f32
  scripts/ulp_sweep.py exp [LO HI]     # default [-104, 89)

Compiles `stablehlo.<op>` over 2^24 elements with build/bin/jaxc (or
$JAXC), runs it on consecutive f32 bit patterns and compares each result
with numpy's float64 function rounded to f32, in units of the f32 spacing
at the reference. Prints the largest error and where it occurs; tanh's
expansion is odd by construction (copysign), so positive inputs cover it.
Needs numpy (Debian's python3-numpy); takes about two minutes for tanh.
"""

import os
import subprocess
import sys
import tempfile

import numpy as np

CHUNK = 1 << 24
OPS = {"tanh": ("stablehlo.tanh", np.tanh, (1e-45, 12.0)),
       "exp": ("stablehlo.exponential", np.exp, (-104.0, 89.0))}


def f32_bits(value):
    return int(np.array(value, np.float32).view(np.uint32))


def ulp_errors(x, y, reference):
    exact = reference(x.astype(np.float64))
    spacing = np.spacing(np.abs(exact).astype(np.float32)).astype(np.float64)
    with np.errstate(invalid="ignore"):
        error = np.abs(y.astype(np.float64) - exact) / spacing
    # Equal infinities are exact; a NaN on one side only is wrong.
    error[np.isinf(exact) & (y.astype(np.float64) == exact)] = 0
    error[np.isnan(exact) & np.isnan(y)] = 0
    error[np.isnan(exact) != np.isnan(y)] = np.inf
    return error


def main(argv):
    if len(argv) not in (2, 4) or argv[1] not in OPS:
        sys.exit(__doc__)
    op, reference, (lo, hi) = OPS[argv[1]]
    if len(argv) == 4:
        lo, hi = float(argv[2]), float(argv[3])
    jaxc = os.environ.get("JAXC", "build/bin/jaxc")
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "op.mlir")
        with open(source, "w") as f:
            f.write(f"func.func public @main(%x: tensor<{CHUNK}xf32>) -> "
                    f"tensor<{CHUNK}xf32> {{\n"
                    f"  %0 = {op} %x : tensor<{CHUNK}xf32>\n"
                    f"  return %0 : tensor<{CHUNK}xf32>\n}}\n")
        module = os.path.join(work, "op.vmfb")
        subprocess.run([jaxc, "compile", source, f"--output={module}"],
                       check=True)
        # Walk the bit patterns in order; for negative bounds, walk |x|'s
        # patterns with the sign bit set.
        segments = []
        if lo < 0:
            segments.append((f32_bits(-min(hi, 0.0)) | 0x80000000,
                             f32_bits(-lo) | 0x80000000))
        if hi > 0:
            segments.append((f32_bits(max(lo, 0.0)), f32_bits(hi)))
        worst, worst_x, count = 0.0, None, 0
        inputs, outputs = (os.path.join(work, n) for n in ("x.npy", "y.npy"))
        for first, last in segments:
            for start in range(first, last, CHUNK):
                bits = np.minimum(np.arange(start, start + CHUNK,
                                            dtype=np.uint64), last - 1)
                x = bits.astype(np.uint32).view(np.float32)
                np.save(inputs, x)
                subprocess.run([jaxc, "run", f"--module={module}",
                                f"--input=@{inputs}", f"--output=@{outputs}"],
                               check=True, stdout=subprocess.DEVNULL)
                error = ulp_errors(x, np.load(outputs), reference)
                i = int(np.argmax(error))
                count += min(CHUNK, last - start)
                if error[i] > worst:
                    worst, worst_x = float(error[i]), float(x[i])
        print(f"{argv[1]}: {count} f32 in [{lo}, {hi}): max error "
              f"{worst:.3f} ULP at x = {worst_x!r}")


if __name__ == "__main__":
    main(sys.argv)
