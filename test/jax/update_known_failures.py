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

# (regex on "<id> <reason>", cause). First match wins. Empty while every
# case passes; add a cause, with what a reader can check, before listing a
# failure.
CAUSES = []


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
