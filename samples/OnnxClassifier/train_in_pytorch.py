"""Trains the model the OnnxClassifier sample compiles in: a 64-32-10 nn.Sequential(Linear, ReLU, Linear, Softmax)
on the 8x8 digits that NetGen ships (src/NetGen/Data/Resources/digits.csv.gz, the data of Datasets.Digits), and
exports it with torch.onnx.export (opset 17, a dynamic batch) to digits_classifier.onnx. Writes
pytorch_results.json: PyTorch's test accuracy, the first test digit's pixels and PyTorch's probabilities on the
first test digits, which the sample checks NetGen's compiled-in network against. Both files are committed, so the
sample builds and runs without Python.

Rerun from the repository root with Debian's PyTorch (python3-torch; python3-onnx for the checker):

    /usr/bin/python3 samples/OnnxClassifier/train_in_pytorch.py

The split is the PyTorchRoundTrip sample's, by position, the same on both sides: the first 1,437 digits train,
the last 360 test; pixels (0 to 16) are divided by 16. Seeded and single-threaded, so a rerun writes the same files.
"""

import gzip
import json
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "..", "src", "NetGen", "Data", "Resources", "digits.csv.gz")
TRAINING = 1437
FIRST = 5  # test digits whose probabilities the sample compares

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)
torch.manual_seed(20261205)

rows = [list(map(float, line.split(","))) for line in gzip.open(DIGITS, "rt").read().split()]
x = torch.tensor([row[:64] for row in rows], dtype=torch.float32) / 16
y = torch.tensor([int(row[64]) for row in rows])
x_train, y_train, x_test, y_test = x[:TRAINING], y[:TRAINING], x[TRAINING:], y[TRAINING:]

# The model ends in the Softmax, as the ONNX graph does; training takes the logits before it, which
# CrossEntropyLoss turns into probabilities itself, stably.
model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10), nn.Softmax(dim=1))
logits = model[:3]
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
loss_function = nn.CrossEntropyLoss()
for epoch in range(40):
    order = torch.randperm(TRAINING)
    for start in range(0, TRAINING, 32):
        batch = order[start:start + 32]
        optimizer.zero_grad()
        loss_function(logits(x_train[batch]), y_train[batch]).backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    probabilities = model(x_test)
    accuracy = (probabilities.argmax(dim=1) == y_test).float().mean().item()
    correct = int((probabilities.argmax(dim=1) == y_test).sum().item())

onnx_path = os.path.join(HERE, "digits_classifier.onnx")
torch.onnx.export(model, x_test[:1], onnx_path, opset_version=17, input_names=["input"], output_names=["output"],
                  dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
try:
    import onnx

    onnx.checker.check_model(onnx.load(onnx_path))
    nodes = [node.op_type for node in onnx.load(onnx_path).graph.node]
    print(f"ONNX graph: {' -> '.join(nodes)}; the checker passes")
except ImportError:
    print("python3-onnx is not installed: the exported file is not checked")

with open(os.path.join(HERE, "pytorch_results.json"), "w") as f:
    json.dump({
        "test_accuracy": accuracy,
        "test_correct": correct,
        "test_count": len(y_test),
        "first_test_pixels": [int(v) for v in rows[TRAINING][:64]],
        "first_test_probabilities": probabilities[:FIRST].tolist(),
    }, f, indent=1)
    f.write("\n")
print(f"PyTorch: test accuracy {accuracy:.4f} ({correct} of {len(y_test)}) after 40 epochs")
