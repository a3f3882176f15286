#!/usr/bin/python3
"""A library ceiling for W5, W6 and W9: numpy's float32 matrix products (OpenBLAS sgemm, one thread)
on the same shapes as the products of those workloads, 784-256-10 at batch b:

    forward        X[b,784]·W1ᵀ -> [b,256]      H[b,256]·W2ᵀ -> [b,10]
    weight grads   dZ1ᵀ·X -> [256,784]          dZ2ᵀ·H -> [10,256]
    input grad     dZ2·W2 -> [b,256]            (nothing needs the gradient of X)

W1 and W2 are stored [out, in] as PyTorch and NetGen's parameters are, so the forward products read a
transposed operand, as PyTorch's Linear does. Each product writes into a preallocated array (no
allocation in the loop). A workload's total is the sum of its products' medians: what its matrix
arithmetic costs at OpenBLAS's speed, before any activation, loss or optimizer. Run it through run.sh:

    bash benchmarks/peers/run.sh sgemm_ceiling.py [--peak GFLOPS]
"""

import argparse
import sys

import numpy as np

from timing import format_time, limit_blas_threads, print_blas, print_header, print_row, time_per_call


def products(batch, rng, backward):
    """(name, flops, fn) for each product of a 784-256-10 step (or forward pass) at this batch."""
    f32 = np.float32
    x = rng.standard_normal((batch, 784), dtype=f32)
    w1 = rng.standard_normal((256, 784), dtype=f32)
    w2 = rng.standard_normal((10, 256), dtype=f32)
    h = rng.standard_normal((batch, 256), dtype=f32)
    dz1 = rng.standard_normal((batch, 256), dtype=f32)
    dz2 = rng.standard_normal((batch, 10), dtype=f32)
    z1, z2 = np.empty((batch, 256), f32), np.empty((batch, 10), f32)
    g1, g2, dh = np.empty((256, 784), f32), np.empty((10, 256), f32), np.empty((batch, 256), f32)
    result = [
        (f"fwd  X·W1ᵀ    {batch}x784 · 784x256", 2 * batch * 784 * 256, lambda: np.dot(x, w1.T, out=z1)),
        (f"fwd  H·W2ᵀ    {batch}x256 · 256x10", 2 * batch * 256 * 10, lambda: np.dot(h, w2.T, out=z2)),
    ]
    if backward:
        result += [
            (f"wgrad dZ1ᵀ·X  256x{batch} · {batch}x784", 2 * batch * 784 * 256, lambda: np.dot(dz1.T, x, out=g1)),
            (f"wgrad dZ2ᵀ·H  10x{batch} · {batch}x256", 2 * batch * 256 * 10, lambda: np.dot(dz2.T, h, out=g2)),
            (f"igrad dZ2·W2  {batch}x10 · 10x256", 2 * batch * 10 * 256, lambda: np.dot(dz2, w2, out=dh)),
        ]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--peak", type=float, help="one core's fp32 peak in GFLOP/s (the .NET suite prints it) for a %% of peak column")
    args, _ = parser.parse_known_args()

    print_header("numpy/OpenBLAS sgemm ceiling")
    limit_blas_threads(1)
    print(f"# numpy {np.__version__}")
    print_blas()
    rng = np.random.default_rng(0)
    for workload, batch, backward in (("W5", 128, True), ("W6", 32, True), ("W9", 256, False)):
        total_median = total_min = total_flops = 0.0
        for name, flops, fn in products(batch, rng, backward):
            median, minimum, number = time_per_call(fn)
            print_row(workload, name, median, minimum, number, flops=flops, peak=args.peak)
            total_median, total_min, total_flops = total_median + median, total_min + minimum, total_flops + flops
        what = "all products of the step" if backward else "the forward products"
        gflops = total_flops / total_median / 1e9
        peak = f"  {100 * gflops / args.peak:5.1f}% of {args.peak:g}" if args.peak else ""
        print(f"{workload:<4} {what + ', batch ' + str(batch):<44} {format_time(total_median):>12} median  {format_time(total_min):>12} min  "
              f"(sum)           {gflops:7.2f} GFLOP/s{peak}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
