"""Writes activation_expectations.json: PyTorch's value and derivative of every activation NetGen has
or plans, in float32 and float64, for the parity tests (Kernels/PyTorchActivationParityTests.cs).

Rerun from the repository root with Debian's PyTorch (python3-torch, 1.13), not another python:

    /usr/bin/python3 tests/NetGen.Tests/Data/make_activation_expectations.py

Each case applies one torch.nn module to the same inputs x (float32 numbers, so both precisions see
exactly the same x) and records y = f(x) and, through autograd with a gradient of ones, f'(x). The
inputs are fixed points from -30 to 30 (dense near 0, where the curves bend, and out to where they
saturate or switch form, as Softplus at its threshold of 20) and 256 seeded draws from N(0, 3^2).
json writes floats with repr, which round-trips exactly, so the tests compare against PyTorch's own
numbers and never need Python.
"""

import json
import os

import torch
from torch import nn

SEED = 20261204

fixed = [-30.0, -25.0, -20.5, -20.0, -19.5, -15.0, -10.0, -8.0, -6.0, -5.0, -4.0, -3.0, -2.5, -2.0,
         -1.5, -1.25, -1.0, -0.75, -0.5, -0.375, -0.25, -0.125, -0.0625, -0.01, -1e-3, -1e-4, -1e-6,
         -1e-10, 0.0, 1e-10, 1e-6, 1e-4, 1e-3, 0.01, 0.0625, 0.125, 0.25, 0.375, 0.5, 0.75, 1.0,
         1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 19.5, 20.0, 20.5, 25.0, 30.0]
generator = torch.Generator().manual_seed(SEED)
drawn = (torch.randn(256, generator=generator, dtype=torch.float64) * 3.0).tolist()
x32 = torch.tensor(fixed + drawn, dtype=torch.float32)

# (NetGen's Activation name, its argument or None, the PyTorch module)
cases = [
    ("Identity", None, nn.Identity()),
    ("Sigmoid", None, nn.Sigmoid()),
    ("Tanh", None, nn.Tanh()),
    ("ReLU", None, nn.ReLU()),
    ("LeakyReLU", 0.01, nn.LeakyReLU()),
    ("LeakyReLU", 0.2, nn.LeakyReLU(negative_slope=0.2)),
    ("SiLU", None, nn.SiLU()),
    ("GELU", None, nn.GELU()),
    ("GELUTanh", None, nn.GELU(approximate="tanh")),
    ("ELU", None, nn.ELU()),
    ("Softplus", None, nn.Softplus()),
    ("Mish", None, nn.Mish()),
]


def evaluate(module, dtype):
    x = x32.to(dtype).clone().requires_grad_(True)
    y = module(x)
    (dydx,) = torch.autograd.grad(y, x, torch.ones_like(y))
    return {"x": x.detach().tolist(), "y": y.detach().tolist(), "dydx": dydx.tolist()}


out = {
    "source": f"PyTorch {torch.__version__}, tests/NetGen.Tests/Data/make_activation_expectations.py",
    "cases": [
        {"activation": name, "argument": argument,
         "float32": evaluate(module, torch.float32), "float64": evaluate(module, torch.float64)}
        for name, argument, module in cases
    ],
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "activation_expectations.json")
# One case a line: small to store, and a rerun's diff shows which cases changed.
with open(path, "w") as f:
    f.write('{"source": ' + json.dumps(out["source"]) + ',\n "cases": [\n')
    f.write(",\n".join("  " + json.dumps(case, separators=(",", ":")) for case in out["cases"]))
    f.write("\n ]\n}\n")
print(f"wrote {path}: {len(out['cases'])} cases of {len(x32)} points")
