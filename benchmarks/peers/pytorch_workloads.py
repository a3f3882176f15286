#!/usr/bin/python3
"""The PyTorch peer of the NetGen benchmark workloads (see benchmarks/README.md).

Debian's python3-torch with libopenblas0-pthread, one thread (W8: two), autograd off for inference.
Each workload is timed as a user would call it from Python: one call of the step or forward function;
each row prints the median and the minimum of 7 repeats. Run it through run.sh, which raises glibc's
malloc thresholds (PyTorch runs W5/W6 2-5x slower without) and leaves OpenBLAS its own kernel choice:

    bash benchmarks/peers/run.sh pytorch_workloads.py [--only W1,W5,W6] [--peak GFLOPS]
"""

import argparse
import sys

import torch
from torch import nn

from timing import limit_blas_threads, print_blas, print_header, print_row, time_per_call

# The products a 784-256-10 training step needs, per sample: forward 2·Σ in·out, weight gradients the
# same, input gradient of every layer but the first: 2·(3·Σ in·out − in₁·out₁), as the .NET suite counts.
MNIST_FLOPS_PER_SAMPLE = 2 * (3 * (784 * 256 + 256 * 10) - 784 * 256)


def mlp(sizes, hidden, output=None):
    """nn.Sequential(Linear, hidden, ..., Linear[, output]) for sizes [in, h1, ..., out]."""
    layers = []
    for k in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[k], sizes[k + 1]))
        if k < len(sizes) - 2:
            layers.append(hidden())
    if output is not None:
        layers.append(output)
    return nn.Sequential(*layers)


def classifier_step(model, optimizer, x, labels):
    """Forward, fused log-softmax cross-entropy (mean), backward, optimizer update."""
    loss_fn = nn.CrossEntropyLoss()

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), labels)
        loss.backward()
        optimizer.step()
        return loss

    return step


def spiral_step():
    """W1: the material's spiral step, 2-10-3 Sigmoid, softmax cross-entropy, SGD lr 1.0, batch 30."""
    model = mlp([2, 10, 3], nn.Sigmoid)
    x, labels = torch.randn(30, 2), torch.randint(0, 3, (30,))
    return classifier_step(model, torch.optim.SGD(model.parameters(), lr=1.0), x, labels)


def mnist_step(batch):
    """W5 (batch 128), W6 (32), W8: 784-256-10 ReLU, softmax cross-entropy, Adam lr 1e-3."""
    model = mlp([784, 256, 10], nn.ReLU)
    x, labels = torch.randn(batch, 784), torch.randint(0, 10, (batch,))
    return classifier_step(model, torch.optim.Adam(model.parameters(), lr=1e-3), x, labels)


def inference(model, x):
    model.eval()

    def forward():
        with torch.inference_mode():
            return model(x)

    return forward


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated workloads to run (W1..W9); all by default")
    parser.add_argument("--peak", type=float, help="one core's fp32 peak in GFLOP/s (the .NET suite prints it) for a %% of peak column")
    args, _ = parser.parse_known_args()
    selected = set(args.only.upper().split(",")) if args.only else None

    def wanted(workload):
        return selected is None or workload in selected

    print_header("PyTorch peer")
    torch.manual_seed(0)
    torch.set_num_threads(1)
    limit_blas_threads(1)
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} intra-op thread(s), "
          f"{torch.get_num_interop_threads()} inter-op thread(s), mkldnn {torch.backends.mkldnn.is_available()}")
    print_blas()

    if wanted("W1"):
        print_row("W1", "train step 2-10-3 SGD, batch 30", *time_per_call(spiral_step()))

    # W2-W4: batch-1 forward, autograd off.
    if wanted("W2"):
        print_row("W2", "forward 2-10-3 softmax, batch 1", *time_per_call(inference(mlp([2, 10, 3], nn.Sigmoid, nn.Softmax(dim=1)), torch.randn(1, 2))))
    if wanted("W3"):
        print_row("W3", "forward 16-32-32-1 tanh, batch 1", *time_per_call(inference(mlp([16, 32, 32, 1], nn.Tanh), torch.randn(1, 16))))
    if wanted("W4"):
        print_row("W4", "forward 784-256-10 relu/softmax, batch 1", *time_per_call(inference(mlp([784, 256, 10], nn.ReLU, nn.Softmax(dim=1)), torch.randn(1, 784))))

    for workload, batch in (("W5", 128), ("W6", 32)):
        if not wanted(workload):
            continue
        print_row(workload, f"train step 784-256-10 Adam, batch {batch}", *time_per_call(mnist_step(batch)), flops=MNIST_FLOPS_PER_SAMPLE * batch, peak=args.peak)

    # W9: batch-256 forward of 784-256-10 (the .NET suite's peer for it is ONNX Runtime; this is for reference).
    if wanted("W9"):
        print_row("W9", "forward 784-256-10 relu/softmax, batch 256",
                  *time_per_call(inference(mlp([784, 256, 10], nn.ReLU, nn.Softmax(dim=1)), torch.randn(256, 784))),
                  flops=2 * (784 * 256 + 256 * 10) * 256, peak=args.peak)

    # W7: gradients only, 24-8-2 Tanh/Identity, mean squared error (mean over all values), batch 200.
    if wanted("W7"):
        model = mlp([24, 8, 2], nn.Tanh)
        x, targets = torch.randn(200, 24), torch.randn(200, 2)
        loss_fn = nn.MSELoss()

        def gradients():
            model.zero_grad()
            loss = loss_fn(model(x), targets)
            loss.backward()
            return loss

        print_row("W7", "gradients 24-8-2 MSE, batch 200", *time_per_call(gradients))

    # W8: W5 on both cores. torch's intra-op threads and OpenBLAS's own pool are separate; with both at
    # two they oversubscribe the two cores, so both mixes that use two cores are shown.
    for torch_threads, blas_threads in ((2, 2), (1, 2)) if wanted("W8") else ():
        torch.set_num_threads(torch_threads)
        limit_blas_threads(blas_threads)
        print_row("W8", f"W5 with torch {torch_threads} thr, BLAS {blas_threads} thr", *time_per_call(mnist_step(128)), flops=MNIST_FLOPS_PER_SAMPLE * 128, peak=args.peak)
    return 0


if __name__ == "__main__":
    sys.exit(main())
