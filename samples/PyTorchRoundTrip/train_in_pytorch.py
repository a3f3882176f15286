"""Trains the PyTorch half of the round trip: a 64-32-10 nn.Sequential(Linear, ReLU, Linear) on the 8x8 digits
that NetGen ships (src/NetGen/Data/Resources/digits.csv.gz), briefly (5 epochs), so that NetGen has something to fine-tune.
Writes pytorch_digits.safetensors (the state_dict, F32, with a small writer of the format's own: Debian has no
Python safetensors package) and pytorch_outputs.json (PyTorch's probabilities on the first test digits and its
test accuracy), which the sample checks its loaded network against. Both are committed, so the sample runs
without Python.

Rerun from the repository root with Debian's PyTorch (python3-torch):

    /usr/bin/python3 samples/PyTorchRoundTrip/train_in_pytorch.py

The split is by position, the same on both sides: the first 1,437 digits train, the last 360 test; pixels
(0 to 16) are divided by 16.
"""

import gzip
import json
import os
import struct

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "..", "src", "NetGen", "Data", "Resources", "digits.csv.gz")
TRAINING = 1437

rows = [list(map(float, line.split(","))) for line in gzip.open(DIGITS, "rt").read().split()]
x = torch.tensor([row[:64] for row in rows], dtype=torch.float32) / 16
y = torch.tensor([int(row[64]) for row in rows])
x_train, y_train, x_test, y_test = x[:TRAINING], y[:TRAINING], x[TRAINING:], y[TRAINING:]

torch.manual_seed(20261204)
model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_function = nn.CrossEntropyLoss()
for epoch in range(5):
    order = torch.randperm(TRAINING)
    for start in range(0, TRAINING, 32):
        batch = order[start:start + 32]
        optimizer.zero_grad()
        loss_function(model(x_train[batch]), y_train[batch]).backward()
        optimizer.step()

with torch.no_grad():
    probabilities = torch.softmax(model(x_test), dim=1)
    accuracy = (probabilities.argmax(dim=1) == y_test).float().mean().item()


def save_safetensors(tensors, path):
    """The format: an 8-byte little-endian header length, a JSON header, then the raw tensors."""
    header, data = {}, b""
    for name, tensor in tensors.items():
        raw = tensor.detach().contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data)


save_safetensors(model.state_dict(), os.path.join(HERE, "pytorch_digits.safetensors"))
with open(os.path.join(HERE, "pytorch_outputs.json"), "w") as f:
    json.dump({"test_accuracy": accuracy, "first_test_probabilities": probabilities[:5].tolist()}, f, indent=1)
    f.write("\n")
print(f"PyTorch: test accuracy {accuracy:.4f} after 5 epochs")
