"""Writes state_dict_names.json: the tensor names and shapes of PyTorch's state_dict for the models
that NetGen's named-module and Sequential test networks stand for (Networks/NamedModuleNetworks.cs),
for Description/TensorNamesTests.cs.

Rerun from the repository root with Debian's PyTorch (python3-torch), not another python:

    /usr/bin/python3 tests/NetGen.Tests/Data/make_state_dict_names.py
"""

import json
import os

from torch import nn


class MultiLayerPerceptronClass(nn.Module):
    """The material's 784-256-10 classifier, written as named modules."""

    def __init__(self):
        super().__init__()
        self.lin_1 = nn.Linear(784, 256)
        self.relu = nn.ReLU()
        self.lin_2 = nn.Linear(256, 10)
        self.softmax = nn.Softmax(dim=1)


models = {
    "NamedModulesNet": MultiLayerPerceptronClass(),
    # Dropout and every activation but the identity are modules of their own, each taking an index.
    "SequentialWithDropoutNet": nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(8, 6), nn.LeakyReLU(0.2),
        nn.Linear(6, 5),
        nn.Linear(5, 3), nn.Softmax(dim=1)),
}

result = {name: [[key, list(tensor.shape)] for key, tensor in model.state_dict().items()] for name, model in models.items()}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "state_dict_names.json")
with open(path, "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
