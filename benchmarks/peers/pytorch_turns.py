#!/usr/bin/python3
"""PyTorch's W1, W5 and W6 timed in turns with NetGen's (the .NET suite's `--targets`).

The .NET process starts this script through run.sh (the malloc thresholds, one BLAS thread, OpenBLAS's
own kernel) and talks to it over stdin and stdout, one line a turn:

    W5 0.1      ->  the mean time of one call of W5's step over 0.1 s, in microseconds

Each turn first makes a few calls to warm the caches, exactly as the .NET side's turns do, and the .NET
process waits while this one runs, so the two never share a core's time. The models and batches are the
ones pytorch_workloads.py times (its spiral_step and mnist_step build them). A line "ready" says the models are built.
"""

import gc
import sys
import time

import torch

from pytorch_workloads import mnist_step, spiral_step
from timing import limit_blas_threads


def microseconds_per_call(step, seconds):
    """Ten calls to warm up, then calls in tens until `seconds` have passed; garbage collection off, as timeit has it."""
    for _ in range(10):
        step()
    gc.disable()
    try:
        calls = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            for _ in range(10):
                step()
            calls += 10
        return (time.perf_counter() - start) / calls * 1e6
    finally:
        gc.enable()


def main():
    torch.set_num_threads(1)
    limit_blas_threads(1)
    torch.manual_seed(0)
    made = {"W1": spiral_step(), "W5": mnist_step(128), "W6": mnist_step(32)}
    print(f"ready torch {torch.__version__}", flush=True)
    for line in sys.stdin:
        words = line.split()
        if len(words) != 2 or words[0] not in made:
            print(f"error: expected a workload of {', '.join(made)} and a duration in seconds, got {line.strip()!r}", flush=True)
            continue
        print(f"{microseconds_per_call(made[words[0]], float(words[1])):.6f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
