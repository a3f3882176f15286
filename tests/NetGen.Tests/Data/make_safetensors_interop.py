"""Writes the safetensors interop data for Serialization/SafetensorsPyTorchInteropTests.cs: files that PyTorch
models were saved to, and what PyTorch computes from them and from the files NetGen wrote.

Rerun from the repository root with Debian's PyTorch (python3-torch, 1.13), not another python:

    /usr/bin/python3 tests/NetGen.Tests/Data/make_safetensors_interop.py

Debian has no safetensors package, so the format is written and read here by a small writer and reader of
our own (write_safetensors, read_safetensors), independent of NetGen's. The models:

- "sequential": nn.Sequential(Linear(6, 16), Tanh(), Linear(16, 12), LeakyReLU(0.2), Dropout(0.25),
  Linear(12, 4), Softmax(dim=1)), tensors 0.*, 2.*, 5.*;
- "named": the material's MultiLayerPerceptronClass (self.lin_1, self.lin_2) at a smaller size, 64-32-10;
- "named784": the same class at its own size, 784-256-10, saved in BF16 only to keep the data small.

Each model gets seeded random weights (PyTorch's default nn.Linear initialization) and is saved in F32, F64,
F16 and BF16 (as seq_f32.safetensors, ...). For each file and each precision the tests load it in, the JSON
records the model's outputs, in eval mode, on fixed inputs, and for the sequential model's files also the
parameters as PyTorch converts them (state_dict order, each weight [out, in] row-major, then its bias). Then it reads the files NetGen wrote
(netgen_*.safetensors, written by SafetensorsWrittenBytesTests with NETGEN_UPDATE_BASELINES=1) into the same
models with load_state_dict(strict=True), checks that their metadata describes those models, and records
their outputs. json writes floats with repr, which
round-trips exactly, so the tests never need Python.
"""

import json
import os
import struct

import numpy as np
import torch
from torch import nn

SEED = 20261205
HERE = os.path.dirname(os.path.abspath(__file__))

# dtype name -> (torch dtype of the stored values, little-endian numpy type of their bytes)
DTYPES = {
    "F32": (torch.float32, "<f4"),
    "F64": (torch.float64, "<f8"),
    "F16": (torch.float16, "<f2"),
    "BF16": (torch.bfloat16, "<i2"),  # numpy has no bfloat16: its bits travel as 16-bit words
}


class MultiLayerPerceptronClass(nn.Module):
    def __init__(self, inputs=784, hidden=256, outputs=10):
        super().__init__()
        self.lin_1 = nn.Linear(inputs, hidden)
        self.lin_2 = nn.Linear(hidden, outputs)

    def forward(self, x):
        return torch.softmax(self.lin_2(torch.relu(self.lin_1(x))), dim=1)


def sequential():
    return nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 12), nn.LeakyReLU(0.2), nn.Dropout(0.25),
                         nn.Linear(12, 4), nn.Softmax(dim=1))


MODELS = {
    "sequential": sequential,
    "named": lambda: MultiLayerPerceptronClass(64, 32, 10),
    "named784": lambda: MultiLayerPerceptronClass(784, 256, 10),
}


def tensor_bytes(tensor, dtype):
    stored, numpy_type = DTYPES[dtype]
    value = tensor.detach().to(stored).contiguous()
    if dtype == "BF16":
        value = value.view(torch.int16)
    return value.numpy().astype(numpy_type).tobytes()


def write_safetensors(path, state_dict, dtype):
    """The format: 8-byte little-endian header length, the JSON header padded with spaces to a multiple of 8, the data."""
    header, data = {"__metadata__": {"format": "pt"}}, b""
    for name, tensor in state_dict.items():
        raw = tensor_bytes(tensor, dtype)
        header[name] = {"dtype": dtype, "shape": list(tensor.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as file:
        file.write(struct.pack("<Q", len(text)) + text + data)


def read_safetensors(path):
    """The tensors of a safetensors file, by name, as float64 torch tensors of their shapes, and its metadata."""
    with open(path, "rb") as file:
        blob = file.read()
    (length,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + length].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = blob[8 + length:]
    assert max(entry["data_offsets"][1] for entry in header.values()) == len(data), "data does not end at the file's end"
    tensors = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        stored, numpy_type = DTYPES[entry["dtype"]]
        words = torch.from_numpy(np.frombuffer(data[begin:end], dtype=numpy_type).astype(numpy_type[1:]).copy())
        value = words.view(torch.bfloat16) if entry["dtype"] == "BF16" else words
        tensors[name] = value.to(torch.float64).reshape(entry["shape"])
    return tensors, metadata


def outputs(model, inputs, precision):
    model = model.to(precision).eval()
    with torch.no_grad():
        return model(torch.tensor(inputs, dtype=precision)).flatten().tolist()


def parameters(model):
    return torch.cat([t.detach().flatten().to(torch.float64) for t in model.state_dict().values()]).tolist()


def model_from(name, tensors, precision):
    model = MODELS[name]()
    model.load_state_dict({key: value.to(precision) for key, value in tensors.items()}, strict=True)
    return model.to(precision)


torch.manual_seed(SEED)
generator = torch.Generator().manual_seed(SEED + 1)
inputs = {
    "sequential": torch.randn(5, 6, generator=generator).tolist(),
    "named": torch.randn(4, 64, generator=generator).tolist(),
    "named784": torch.rand(2, 784, generator=generator).tolist(),
}
PRECISIONS = {"float32": torch.float32, "float64": torch.float64}

# (model, dtypes saved, {dtype: precisions the tests load it in})
plan = [
    ("sequential", {"F32": ["float32", "float64"], "F64": ["float64"], "F16": ["float32", "float64"], "BF16": ["float32", "float64"]}),
    ("named", {"F32": ["float32", "float64"], "F64": ["float64"], "F16": ["float32", "float64"], "BF16": ["float32", "float64"]}),
    ("named784", {"BF16": ["float32"]}),
]
loads = []
for name, saves in plan:
    model = MODELS[name]()
    for dtype, precisions in saves.items():
        file = f"{'seq' if name == 'sequential' else name}_{dtype.lower()}.safetensors"
        write_safetensors(os.path.join(HERE, file), model.state_dict(), dtype)
        tensors, _ = read_safetensors(os.path.join(HERE, file))
        for precision in precisions:
            loaded = model_from(name, tensors, PRECISIONS[precision])
            case = {"file": file, "model": name, "precision": precision, "outputs": outputs(loaded, inputs[name], PRECISIONS[precision])}
            if name == "sequential":
                case["parameters"] = parameters(loaded)
            loads.append(case)

netgen = []
for file, name, precision in [("netgen_sequential_f32.safetensors", "sequential", "float32"),
                              ("netgen_named_f64.safetensors", "named", "float64")]:
    tensors, metadata = read_safetensors(os.path.join(HERE, file))
    loaded = model_from(name, tensors, PRECISIONS[precision])
    # The metadata says what the file holds: each layer's tensor names and sizes, as the model has them.
    description = json.loads(metadata["netgen.network"])
    assert metadata["format"] == "pt", metadata
    assert [(layer["weightName"], [layer["outputSize"], layer["inputSize"]]) for layer in description["layers"]] == \
        [(key, list(value.shape)) for key, value in loaded.state_dict().items() if key.endswith(".weight")], description
    netgen.append({"file": file, "model": name, "precision": precision, "outputs": outputs(loaded, inputs[name], PRECISIONS[precision])})

out = {
    "source": f"PyTorch {torch.__version__}, tests/NetGen.Tests/Data/make_safetensors_interop.py",
    "inputs": inputs,
    "loads": loads,
    "netgen": netgen,
}
with open(os.path.join(HERE, "safetensors_interop.json"), "w") as file:
    json.dump(out, file)
    file.write("\n")
