#!/usr/bin/python3
"""The peers jaxc's workloads are measured against (bench/compare.sh).

  peers.py inputs DIR       write each workload's inputs as DIR/<workload>.<i>.npy
  peers.py time DIR REPS MIN_TIME
                            time each peer on those inputs; one JSON object
                            per line: {"workload", "peer", "median_ms"}

Both sides get the same inputs and the same method: one warm-up call, then
REPS repetitions, each calling until MIN_TIME seconds have passed and
counting the mean time per call (as Google Benchmark does for jaxc
benchmark); the median of the repetitions is reported. Thread counts come
from compare.sh (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS; torch is set here).
"""

import json
import os
import statistics
import sys
import time

import numpy as np

S, D, H, M = 128, 256, 4, 1024  # transformer_block: sequence, width, heads, MLP

# Each workload's input shapes, in the order of its @main's arguments.
TRANSFORMER_SHAPES = [
    (1, S, D),  # x
    (D,), (D,),  # layernorm 1 scale, bias
    (D, D), (D,), (D, D), (D,), (D, D), (D,),  # q, k, v projections
    (D, D), (D,),  # output projection
    (D,), (D,),  # layernorm 2 scale, bias
    (D, M), (M,), (M, D), (D,),  # MLP
]
INPUT_SHAPES = {
    "sgemm_1024": [(1024, 1024), (1024, 1024)],
    "sgemm_256": [(256, 256), (256, 256)],
    "gelu_16m": [(16777216,)],
    "transformer_block": TRANSFORMER_SHAPES,
    "resnet50": [(1, 3, 224, 224)],
}


def write_inputs(directory):
    rng = np.random.default_rng(0)
    os.makedirs(directory, exist_ok=True)
    for workload, shapes in INPUT_SHAPES.items():
        for i, shape in enumerate(shapes):
            # Weights scaled by 1/sqrt(fan-in) keep activations O(1).
            scale = 1 / np.sqrt(shape[0]) if len(shape) == 2 else 1.0
            value = (rng.standard_normal(shape) * scale).astype(np.float32)
            np.save(os.path.join(directory, f"{workload}.{i}.npy"), value)


def read_inputs(directory, workload):
    return [np.load(os.path.join(directory, f"{workload}.{i}.npy"))
            for i in range(len(INPUT_SHAPES[workload]))]


def numpy_matmul(a, b):
    out = np.empty_like(a)
    return lambda: np.matmul(a, b, out=out)


def parallel_copy(x):
    """A plain copy of the same bytes on the same threads: torch's copy_ of
    contiguous float32 is memcpy split across its thread pool (numpy's
    copyto is one thread, which reads 30-50% slower on 2 cores)."""
    import torch
    source = torch.from_numpy(x)
    out = torch.empty_like(source)
    return lambda: out.copy_(source)


def torch_gelu(x):
    import torch
    x = torch.from_numpy(x)
    return lambda: torch.nn.functional.gelu(x, approximate="tanh")


def torch_transformer_block(*arrays):
    """The math of bench/transformer_block.mlir in torch ops."""
    import torch
    (x, g1, b1, wq, bq, wk, bk, wv, bv, wo, bo, g2, b2, w1, c1, w2,
     c2) = [torch.from_numpy(a) for a in arrays]

    def layernorm(v, g, b):
        mean = v.mean(-1, keepdim=True)
        centered = v - mean
        var = (centered * centered).mean(-1, keepdim=True)
        return centered * torch.rsqrt(var + 1e-6) * g + b

    def heads(v):
        return v.reshape(1, S, H, D // H).transpose(1, 2)

    def block():
        h = layernorm(x, g1, b1)
        q, k, v = (heads(h @ w + b) for w, b in ((wq, bq), (wk, bk), (wv, bv)))
        scores = (q * (D // H) ** -0.5) @ k.transpose(-1, -2)
        attention = torch.softmax(scores, dim=-1) @ v
        x1 = x + attention.transpose(1, 2).reshape(1, S, D) @ wo + bo
        m = torch.nn.functional.gelu(layernorm(x1, g2, b2) @ w1 + c1,
                                     approximate="tanh")
        return x1 + m @ w2 + c2

    return block


def torch_resnet50(x):
    import torch
    import torchvision
    model = torchvision.models.resnet50(weights=None)
    model.fc = torch.nn.Identity()
    model.eval()
    x = torch.from_numpy(x)
    return lambda: model(x)


# (workload, peer name, the call to time built from the workload's inputs)
PEERS = [
    ("sgemm_1024", "numpy", numpy_matmul),
    ("sgemm_256", "numpy", numpy_matmul),
    ("gelu_16m", "torch", torch_gelu),
    ("gelu_16m", "copy", parallel_copy),
    ("transformer_block", "torch", torch_transformer_block),
    ("resnet50", "torch", torch_resnet50),
]


def median_ms(call, repetitions, min_time):
    call()  # warm-up
    per_call = []
    for _ in range(repetitions):
        calls, start = 0, time.perf_counter()
        while True:
            call()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        per_call.append(elapsed / calls)
    return statistics.median(per_call) * 1e3


def time_peers(directory, repetitions, min_time):
    import torch
    # compare.sh sets the thread count, nproc, for every side.
    torch.set_num_threads(int(os.environ.get(
        "OMP_NUM_THREADS", len(os.sched_getaffinity(0)))))
    with torch.no_grad():
        for workload, peer, make in PEERS:
            call = make(*read_inputs(directory, workload))
            ms = median_ms(call, repetitions, min_time)
            print(json.dumps({"workload": workload, "peer": peer,
                              "median_ms": ms}), flush=True)


def main(argv):
    if len(argv) == 3 and argv[1] == "inputs":
        write_inputs(argv[2])
    elif len(argv) == 5 and argv[1] == "time":
        time_peers(argv[2], int(argv[3]), float(argv[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
