"""Writes optimizer_expectations.json: PyTorch's parameter trajectories for NetGen's optimizer tests.

Rerun from the repository root with Debian's PyTorch (python3-torch, 1.13), not another python:

    /usr/bin/python3 tests/NetGen.Optimizer.Tests/Data/make_optimizer_expectations.py

Every case trains nn.Sequential(Linear(4, 5), Tanh(), Linear(5, 3)) in float64 from the same
parameters, on the same batch, for five steps (zero_grad, loss.backward, step) and records the
parameters after each step in state_dict order (per layer: weight [out, in] row-major, then bias),
which is the order of a generated network's ExportParameters. The numbers are generated here from
a seeded torch.Generator, so rerunning the script reproduces the file (json writes floats with repr,
which round-trips exactly). The tests read the file and never need Python.
"""

import json
import os

import torch
from torch import nn

SEED = 20240607
BATCH = 6
INPUTS, HIDDEN, OUTPUTS = 4, 5, 3
STEPS = 5

generator = torch.Generator().manual_seed(SEED)


def uniform(*shape, bound):
    return (torch.rand(*shape, generator=generator, dtype=torch.float64) * 2.0 - 1.0) * bound


# Parameters larger than nn.Linear's default so that weight decay and the tanh layer matter.
initial = {
    "0.weight": uniform(HIDDEN, INPUTS, bound=0.8),
    "0.bias": uniform(HIDDEN, bound=0.3),
    "2.weight": uniform(OUTPUTS, HIDDEN, bound=0.8),
    "2.bias": uniform(OUTPUTS, bound=0.3),
}
inputs = torch.randn(BATCH, INPUTS, generator=generator, dtype=torch.float64)
# Every class appears at least once (BATCH >= OUTPUTS), in a shuffled order.
labels = torch.randperm(BATCH, generator=generator) % OUTPUTS
targets = torch.randn(BATCH, OUTPUTS, generator=generator, dtype=torch.float64)

# (name, torch optimizer, its arguments, loss, learning rate set before each step or None)
# The names are the test's keys; the C# networks declare the same hyperparameters.
CASES = [
    ("SgdPlain", torch.optim.SGD, dict(lr=0.1), "CrossEntropy", None),
    ("SgdMomentum", torch.optim.SGD, dict(lr=0.1, momentum=0.9), "CrossEntropy", None),
    ("SgdMomentumDampening", torch.optim.SGD, dict(lr=0.1, momentum=0.9, dampening=0.5), "CrossEntropy", None),
    ("SgdNesterov", torch.optim.SGD, dict(lr=0.1, momentum=0.9, nesterov=True), "MeanSquaredError", None),
    ("SgdWeightDecay", torch.optim.SGD, dict(lr=0.1, weight_decay=0.05), "CrossEntropy", None),
    ("SgdMomentumWeightDecay", torch.optim.SGD, dict(lr=0.05, momentum=0.8, weight_decay=0.01), "MeanSquaredError", None),
    ("AdamDefault", torch.optim.Adam, dict(lr=0.01), "CrossEntropy", None),
    ("AdamWeightDecay", torch.optim.Adam, dict(lr=0.01, weight_decay=0.1), "CrossEntropy", None),
    ("AdamAmsGrad", torch.optim.Adam, dict(lr=0.01, amsgrad=True), "MeanSquaredError", None),
    ("AdamCustom", torch.optim.Adam, dict(lr=0.02, betas=(0.8, 0.95), eps=1e-3), "CrossEntropy", None),
    ("AdamWDefault", torch.optim.AdamW, dict(lr=0.01), "CrossEntropy", None),
    ("AdamWAmsGrad", torch.optim.AdamW, dict(lr=0.01, amsgrad=True, weight_decay=0.05), "MeanSquaredError", None),
    ("RmsPropDefault", torch.optim.RMSprop, dict(lr=0.01), "CrossEntropy", None),
    ("RmsPropCentered", torch.optim.RMSprop, dict(lr=0.01, centered=True), "CrossEntropy", None),
    ("RmsPropMomentum", torch.optim.RMSprop, dict(lr=0.01, momentum=0.9), "MeanSquaredError", None),
    ("RmsPropCenteredMomentumWeightDecay", torch.optim.RMSprop,
     dict(lr=0.005, alpha=0.9, centered=True, momentum=0.5, weight_decay=0.02), "CrossEntropy", None),
    # LearningRate set between steps, as a schedule would: PyTorch's param_groups[...]['lr'].
    ("SgdMomentumScheduled", torch.optim.SGD, dict(lr=0.1, momentum=0.9), "CrossEntropy", [0.1, 0.1, 0.05, 0.02, 0.2]),
    ("AdamWScheduled", torch.optim.AdamW, dict(lr=0.01), "CrossEntropy", [0.01, 0.03, 0.003, 0.003, 0.02]),
]


def hyperparameters(optimizer):
    group = optimizer.param_groups[0]
    keep = ("lr", "momentum", "dampening", "nesterov", "weight_decay", "betas", "eps", "amsgrad", "alpha", "centered")
    return {k: (list(group[k]) if isinstance(group[k], tuple) else group[k]) for k in keep if k in group}


def flat_parameters(model):
    return [float(x) for tensor in model.state_dict().values() for x in tensor.reshape(-1).tolist()]


def run(name, optimizer_type, arguments, loss_name, schedule):
    model = nn.Sequential(nn.Linear(INPUTS, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, OUTPUTS)).double()
    model.load_state_dict(initial)
    optimizer = optimizer_type(model.parameters(), **arguments)
    if loss_name == "CrossEntropy":
        criterion, target = nn.CrossEntropyLoss(), labels
    else:
        criterion, target = nn.MSELoss(), targets
    record = {"name": name, "optimizer": optimizer_type.__name__, "hyperparameters": hyperparameters(optimizer),
              "loss": loss_name, "learning_rates": schedule, "losses": [], "gradients": [], "parameters": []}
    for step in range(STEPS):
        if schedule is not None:
            for group in optimizer.param_groups:
                group["lr"] = schedule[step]
        optimizer.zero_grad()
        loss = criterion(model(inputs), target)
        loss.backward()
        record["losses"].append(loss.item())
        record["gradients"].append([float(x) for p in model.parameters() for x in p.grad.reshape(-1).tolist()])
        optimizer.step()
        record["parameters"].append(flat_parameters(model))
    return record


def compact_json(data):
    """JSON with one line per field and per recorded step, so that diffs after a rerun stay readable."""
    def field(key, value, indent):
        if isinstance(value, list) and value and isinstance(value[0], list):
            rows = ",\n".join(indent + "  " + json.dumps(row) for row in value)
            return f"{indent}{json.dumps(key)}: [\n{rows}\n{indent}]"
        return f"{indent}{json.dumps(key)}: {json.dumps(value)}"

    lines = [field(k, v, "  ") for k, v in data.items() if k != "cases"]
    cases = []
    for case in data["cases"]:
        cases.append("    {\n" + ",\n".join(field(k, v, "      ") for k, v in case.items()) + "\n    }")
    lines.append('  "cases": [\n' + ",\n".join(cases) + "\n  ]")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main():
    data = {
        "comment": "Generated by make_optimizer_expectations.py; do not edit by hand.",
        "torch_version": torch.__version__,
        "seed": SEED,
        "layers": [INPUTS, HIDDEN, OUTPUTS],
        "batch": BATCH,
        "inputs": inputs.reshape(-1).tolist(),
        "labels": labels.tolist(),
        "targets": targets.reshape(-1).tolist(),
        "initial_parameters": [float(x) for t in initial.values() for x in t.reshape(-1).tolist()],
        "cases": [run(*case) for case in CASES],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optimizer_expectations.json")
    with open(path, "w", encoding="utf-8") as file:
        file.write(compact_json(data))
    print(f"wrote {len(data['cases'])} cases to {path}")


if __name__ == "__main__":
    main()
