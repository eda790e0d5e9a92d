#!/usr/bin/env python3
"""Rewrites known_failures.txt from a `jaxc conformance --json` result.

Usage: conformance/update-known-failures.py build/conformance.json

Every file that did not pass is listed with its status and the first line of
its reason, so a reader can check each entry. A file already on the list
keeps its line, so reasons written by hand survive regeneration.
"""
import json
import os
import sys

def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        result = json.load(f)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "known_failures.txt")
    kept = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    kept[line.split()[0]] = line.rstrip("\n")
    lines = []
    for entry in sorted(result["files"], key=lambda e: os.path.basename(e["file"])):
        if entry["status"] == "PASS":
            continue
        name = os.path.basename(entry["file"])
        detail = " ".join(entry.get("detail", "").split())[:240]
        lines.append(kept.get(name, f"{name} {entry['status']}: {detail}"))
    with open(path, "w") as f:
        f.write("# The JAX suite's files that jaxc does not pass yet, with the reason.\n")
        f.write("# Regenerate: conformance/update-known-failures.py build/conformance.json\n")
        f.write("\n".join(lines) + "\n")
    print(f"{path}: {len(lines)} known failures")

if __name__ == "__main__":
    main()
