#!/usr/bin/env python3
"""A mutation campaign over the JAX corpus: single mutations of valid
programs, each compiled and run by `jaxc run-mlir`; any death by a signal is
a crash (a clear error with a non-zero exit is the right answer).

Mutations, as a user's or a tool's mistakes would make them: an integer in an
attribute changed (to -1, 0, 1, 2, 2^31, a huge or the smallest int64), an
attribute deleted, two operands swapped, an element type changed.

Usage: scripts/mutate_corpus.py JAXC CORPUS_DIR [--count N] [--seed S]
       [--jobs J] [--keep DIR] [--match REGEX]
Prints one line per crash and a closing line `N mutations, N crashes`.
"""
import argparse
import concurrent.futures
import os
import random
import re
import subprocess
import sys
import tempfile

INTEGERS = ["-1", "0", "1", "2", "3", "2147483648", "99999999999",
            "-9223372036854775808"]
ELEMENT_TYPES = ["f32", "f64", "i32", "i1", "ui8", "bf16", "complex<f32>"]
OP_LINE = re.compile(r'^\s*(%[\w#:]+ = )?"?stablehlo\.')
ATTRIBUTE_INTEGER = re.compile(r"(?<=[=\[, :<])-?\d+(?=[\],> :x])")
DICT_ENTRY = re.compile(r"(\b\w+ = (\[[^\]]*\]|#stablehlo[^,}]*|[^,}>]+))")
OPERANDS = re.compile(r"\((%[\w#]+(?:, %[\w#]+)+)\)")
ELEMENT_TYPE = re.compile(r"(?<=[x<])(f32|f64|i32|i1|ui8|bf16|i64|f16)(?=>)")


def candidates(kind, line):
    """The spans of `line` a mutation of `kind` may replace."""
    if kind == "integer":
        # Integers inside the op's attributes, not its SSA names or types.
        start = line.find("<{")
        start = start if start >= 0 else line.find(" = ") + 3
        return [m for m in ATTRIBUTE_INTEGER.finditer(line, start)
                if "tensor<" not in line[max(0, m.start() - 12):m.start()]]
    if kind == "delete":
        start = line.find("<{")
        return list(DICT_ENTRY.finditer(line, start)) if start >= 0 else []
    if kind == "swap":
        m = OPERANDS.search(line)
        return [m] if m else []
    return list(ELEMENT_TYPE.finditer(line))


def mutate(text, rng):
    """Returns (description, mutated text) or None if nothing applied."""
    lines = text.split("\n")
    kind = rng.choice(["integer", "delete", "swap", "type"])
    spans = [(i, m) for i, line in enumerate(lines) if OP_LINE.match(line)
             for m in candidates(kind, line)]
    if not spans:
        return None
    index, m = rng.choice(spans)
    line = lines[index]
    if kind == "integer":
        new = rng.choice(INTEGERS)
        line = line[:m.start()] + new + line[m.end():]
        what = f"integer {m.group()} -> {new}"
    elif kind == "delete":
        line = line[:m.start()] + line[m.end():]
        line = line.replace(", ,", ",").replace("<, ", "<").replace(
            "{, ", "{").replace(", >", ">").replace(", }", "}")
        what = f"deleted {m.group()[:40]}"
    elif kind == "swap":
        operands = m.group(1).split(", ")
        i, j = rng.sample(range(len(operands)), 2)
        operands[i], operands[j] = operands[j], operands[i]
        line = line[:m.start(1)] + ", ".join(operands) + line[m.end(1):]
        what = f"swapped operands {i} and {j}"
    else:
        new = rng.choice([t for t in ELEMENT_TYPES if t != m.group()])
        line = line[:m.start()] + new + line[m.end():]
        what = f"type {m.group()} -> {new}"
    if line == lines[index]:
        return None
    lines[index] = line
    return f"line {index + 1}: {what}", "\n".join(lines)


def run_one(jaxc, path, seed, keep):
    rng = random.Random(seed)
    text = open(path).read()
    for _ in range(20):
        mutation = mutate(text, rng)
        if mutation:
            break
    else:
        return None
    what, mutated = mutation
    with tempfile.NamedTemporaryFile("w", suffix=".mlir", delete=False) as f:
        f.write(mutated)
    try:
        result = subprocess.run(
            [jaxc, "run-mlir", f.name, "--function=main"],
            capture_output=True, text=True, timeout=120)
        crashed = result.returncode < 0 or result.returncode >= 128
        status = result.returncode
    except subprocess.TimeoutExpired:
        crashed, status = False, "timeout"
    if crashed and keep:
        os.makedirs(keep, exist_ok=True)
        name = f"{os.path.basename(path)[:-5]}.{seed}.mlir"
        with open(os.path.join(keep, name), "w") as out:
            out.write(mutated)
    os.unlink(f.name)
    return path, what, status, crashed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("jaxc")
    parser.add_argument("corpus")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--keep", help="write each crashing program here")
    parser.add_argument("--match", help="mutate only the programs whose text "
                        "matches this regex, e.g. 'stablehlo\\.(gather|scatter)'")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit(f"error: the corpus is missing: {args.corpus}")
    files = sorted(os.path.join(args.corpus, name)
                   for name in os.listdir(args.corpus) if name.endswith(".mlir"))
    if args.match:
        files = [path for path in files
                 if re.search(args.match, open(path).read())]
    if not files:
        sys.exit("error: no program to mutate")
    rng = random.Random(args.seed)
    work = [(rng.choice(files), rng.randrange(1 << 30))
            for _ in range(args.count)]
    mutations = crashes = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for outcome in pool.map(
                lambda item: run_one(args.jaxc, item[0], item[1], args.keep),
                work):
            if outcome is None:
                continue
            mutations += 1
            path, what, status, crashed = outcome
            if crashed:
                crashes += 1
                print(f"CRASH {os.path.basename(path)} ({what}): exit {status}",
                      flush=True)
    print(f"{mutations} mutations, {crashes} crashes")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
