#!/usr/bin/python3
"""PyTorch's W1, W5 and W6 timed in turns with NetGen's (the .NET suite's `--targets`).

The .NET process starts this script through run.sh (the malloc thresholds, one BLAS thread, OpenBLAS's
own kernel) and talks to it over stdin and stdout, one line a turn:

    W5 0.1      ->  the mean time of one call of W5's step over 0.1 s, in microseconds

Each turn first makes a few calls to warm the caches, exactly as the .NET side's turns do, and the .NET
process waits while this one runs, so the two never share a core's time. The models and batches are the
ones pytorch_workloads.py times (its functions build them). A line "ready" says the models are built.
"""

import gc
import sys
import time

import torch
from torch import nn

from pytorch_workloads import classifier_step, mlp
from timing import limit_blas_threads


def steps():
    """The step function of each workload, as pytorch_workloads.py builds it."""
    torch.manual_seed(0)
    made = {}
    model = mlp([2, 10, 3], nn.Sigmoid)
    x, labels = torch.randn(30, 2), torch.randint(0, 3, (30,))
    made["W1"] = classifier_step(model, torch.optim.SGD(model.parameters(), lr=1.0), x, labels)
    for workload, batch in (("W5", 128), ("W6", 32)):
        model = mlp([784, 256, 10], nn.ReLU)
        x, labels = torch.randn(batch, 784), torch.randint(0, 10, (batch,))
        made[workload] = classifier_step(model, torch.optim.Adam(model.parameters(), lr=1e-3), x, labels)
    return made


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
    made = steps()
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
