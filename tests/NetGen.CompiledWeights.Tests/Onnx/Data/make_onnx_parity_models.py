"""Writes the ONNX models that Onnx/OnnxNetworks.cs declares as [OnnxNetwork] classes, and onnx_parity.json with
what PyTorch computes from them, for Onnx/OnnxParityTests.cs.

Rerun from the repository root with Debian's PyTorch and ONNX (python3-torch 1.13, python3-onnx 1.12), not
another python:

    /usr/bin/python3 tests/NetGen.CompiledWeights.Tests/Onnx/Data/make_onnx_parity_models.py

Every model is a small MLP (mostly 5 inputs, 7 hidden, 3 outputs), seeded on its own (torch.manual_seed of a hash
of its name, so adding a case leaves every other file's bytes as they were), in eval mode. Most are written by
torch.onnx.export, input "x" with a dynamic batch axis unless the case says otherwise; the rest are built node by
node with onnx.helper (operators torch 1.13 cannot export: opset 20's Gelu, opset 21, and layouts it never writes:
MatMul+Add either way round, Gemm with transB=0), their weights taken from a seeded PyTorch model of the same layers.

For each model the JSON records, independently of the ONNX graph:
- "activations": each layer's activation in NetGen's Activation spelling, taken from the model's definition here,
  with "negative_slopes" (LeakyReLU's slope, else null) and "layer_sizes" (each layer's outputs);
- "dtype": "float32" or "float64", the model's element type;
- "inputs": 8 rows drawn uniformly in [-3, 3] (in the model's dtype), and "outputs": PyTorch's outputs on them;
- "parameters": each layer's weight [out, in] row-major, then its bias (zeros for a Linear without one), in
  PyTorch's values: the order of INetwork.ExportParameters.
Numbers are written by json with repr: the shortest decimal that reads back as the same double (a float32 value
widened exactly), so the tests never need Python.

Before writing the JSON, each graph is also run by a small numpy interpreter of its nodes (run_graph), in float64,
and must agree with PyTorch: a check that the files hold the models the JSON describes, hand-built ones included.
"""

import json
import math
import os
import zlib

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 8

# NetGen's spelling -> (PyTorch module, negative slope or None)
HIDDEN = {
    "ReLU": (lambda: nn.ReLU(), None),
    "LeakyReLU": (lambda: nn.LeakyReLU(0.2), 0.2),
    "ELU": (lambda: nn.ELU(1.0), None),
    "Sigmoid": (lambda: nn.Sigmoid(), None),
    "Tanh": (lambda: nn.Tanh(), None),
    "Softplus": (lambda: nn.Softplus(), None),
    "GELU": (lambda: nn.GELU(), None),
    "GELUTanh": (lambda: nn.GELU(approximate="tanh"), None),
    "SiLU": (lambda: nn.SiLU(), None),
    "Mish": (lambda: nn.Mish(), None),
}


def seed_of(name):
    return zlib.crc32(name.encode("ascii")) & 0x7FFFFFFF


class Named(nn.Module):
    """A model of named modules, as the course material writes them: self.lin_1, self.lin_2."""

    def __init__(self, inputs, hidden, outputs, hidden_activation, softmax):
        super().__init__()
        self.lin_1 = nn.Linear(inputs, hidden)
        self.lin_2 = nn.Linear(hidden, outputs)
        self.hidden_activation = hidden_activation
        self.softmax = softmax

    def forward(self, x):
        y = self.lin_2(self.hidden_activation(self.lin_1(x)))
        return torch.softmax(y, dim=1) if self.softmax else y

    def linears(self):
        return [self.lin_1, self.lin_2]


def linears(model):
    if isinstance(model, Named):
        return model.linears()
    return [m for m in model if isinstance(m, nn.Linear)]


# Each case: name -> dict(build=() -> module, activations, slopes, opset, dtype, dynamic, hand=None or graph builder)
CASES = {}


def case(name, build, activations, opset, slopes=None, dtype="float32", dynamic=True, hand=None):
    assert name not in CASES
    CASES[name] = dict(build=build, activations=activations, slopes=slopes or [None] * len(activations), opset=opset,
                       dtype=dtype, dynamic=dynamic, hand=hand)


# Each hidden activation between two Linear layers, at opsets 9, 13 and 17.
for activation, (module, slope) in HIDDEN.items():
    for opset in (9, 13, 17):
        case(f"{activation.lower()}_op{opset}",
             lambda module=module: nn.Sequential(nn.Linear(5, 7), module(), nn.Linear(7, 3)),
             [activation, "Identity"], opset, slopes=[slope, None])

# Final Softmax (dim=1 and dim=-1) and final Sigmoid classifiers.
for opset in (11, 13):
    case(f"softmax_dim1_op{opset}", lambda: nn.Sequential(nn.Linear(5, 7), nn.ReLU(), nn.Linear(7, 3), nn.Softmax(dim=1)),
         ["ReLU", "Softmax"], opset)
    case(f"softmax_dimlast_op{opset}", lambda: nn.Sequential(nn.Linear(5, 7), nn.ReLU(), nn.Linear(7, 3), nn.Softmax(dim=-1)),
         ["ReLU", "Softmax"], opset)
case("sigmoid_final_op13", lambda: nn.Sequential(nn.Linear(5, 7), nn.Tanh(), nn.Linear(7, 3), nn.Sigmoid()),
     ["Tanh", "Sigmoid"], 13)

# Linear without a bias: MatMul with a transposed, unnamed initializer (first layer; and last layer, at the graph's end).
case("nobias_first_op13", lambda: nn.Sequential(nn.Linear(5, 7, bias=False), nn.ReLU(), nn.Linear(7, 3)),
     ["ReLU", "Identity"], 13)
case("nobias_last_op13", lambda: nn.Sequential(nn.Linear(5, 7), nn.Tanh(), nn.Linear(7, 3, bias=False)),
     ["Tanh", "Identity"], 13)

# Named modules.
case("named_softmax_op17", lambda: Named(5, 7, 3, torch.relu, softmax=True), ["ReLU", "Softmax"], 17)
case("named_silu_op17", lambda: Named(5, 7, 3, nn.functional.silu, softmax=False), ["SiLU", "Identity"], 17)

# float64 models.
for opset in (13, 17):
    case(f"f64_tanh_op{opset}", lambda: nn.Sequential(nn.Linear(5, 7), nn.Tanh(), nn.Linear(7, 3)).double(),
         ["Tanh", "Identity"], opset, dtype="float64")
    case(f"f64_gelu_op{opset}", lambda: nn.Sequential(nn.Linear(5, 7), nn.GELU(), nn.Linear(7, 3)).double(),
         ["GELU", "Identity"], opset, dtype="float64")

# A fixed batch of 8: no dynamic axes, the input's shape is [8, 5].
case("fixed_batch_op13", lambda: nn.Sequential(nn.Linear(5, 7), nn.ReLU(), nn.Linear(7, 3), nn.Softmax(dim=1)),
     ["ReLU", "Softmax"], 13, dynamic=False)

# Deep ones: four Linear layers, activations mixed, with Flatten, Dropout and Identity modules to pass through.
case("deep_softmax_op13",
     lambda: nn.Sequential(nn.Flatten(), nn.Linear(5, 16), nn.ReLU(), nn.Dropout(0.3), nn.Linear(16, 12), nn.Tanh(),
                           nn.Linear(12, 8), nn.GELU(), nn.Linear(8, 3), nn.Softmax(dim=1)),
     ["ReLU", "Tanh", "GELU", "Softmax"], 13)
case("deep_sigmoid_op17",
     lambda: nn.Sequential(nn.Linear(5, 9), nn.SiLU(), nn.Linear(9, 11), nn.LeakyReLU(0.1), nn.Identity(),
                           nn.Linear(11, 6), nn.Mish(), nn.Linear(6, 2), nn.Sigmoid()),
     ["SiLU", "LeakyReLU", "Mish", "Sigmoid"], 17, slopes=[None, 0.1, None, None])
case("deep_regression_op11",
     lambda: nn.Sequential(nn.Linear(5, 8), nn.ELU(), nn.Linear(8, 8), nn.Softplus(), nn.Linear(8, 6),
                           nn.GELU(approximate="tanh"), nn.Dropout(0.1), nn.Linear(6, 4)),
     ["ELU", "Softplus", "GELUTanh", "Identity"], 11)


# ---- Hand-built graphs ----------------------------------------------------------------------------------------------

def initializer(name, array):
    return numpy_helper.from_array(np.ascontiguousarray(array, dtype=np.float32), name)


def dense_nodes(layout, index, x, linear, out, inits):
    """Nodes of one Linear in the given layout, reading x and writing out; appends its initializers to inits."""
    w = linear.weight.detach().numpy()  # [out, in]
    b = linear.bias.detach().numpy()
    wn, bn = f"fc{index}.weight", f"fc{index}.bias"
    if layout == "gemm":
        inits += [initializer(wn, w), initializer(bn, b)]
        return [helper.make_node("Gemm", [x, wn, bn], [out], name=f"gemm{index}", alpha=1.0, beta=1.0, transB=1)]
    if layout == "gemm_transb0":
        inits += [initializer(wn, w.T), initializer(bn, b)]
        return [helper.make_node("Gemm", [x, wn, bn], [out], name=f"gemm{index}", transB=0)]
    inits += [initializer(wn, w.T), initializer(bn, b)]
    mm = f"mm{index}"
    add_inputs = [mm, bn] if layout == "matmul_add" else [bn, mm]
    return [helper.make_node("MatMul", [x, wn], [mm], name=f"matmul{index}"),
            helper.make_node("Add", add_inputs, [out], name=f"add{index}")]


def hand_graph(layout, activation_nodes):
    """Builds Linear(5, 7) -> activation nodes -> Linear(7, 3) from the model's weights; returns a model builder."""

    def build(model, opset, name):
        first, second = linears(model)
        inits = []
        nodes = dense_nodes(layout, 1, "x", first, "h", inits)
        nodes += activation_nodes("h", "a")
        nodes += dense_nodes(layout, 2, "a", second, "y", inits)
        graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 5])],
                                  [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 3])], inits)
        result = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="make_onnx_parity_models")
        # The IR version each opset came with: onnx 1.12 knows neither, and writes its own (8) unless told.
        result.ir_version = {20: 9, 21: 10}.get(opset, 8)
        return result

    return build


def one(op, **attributes):
    return lambda x, y: [helper.make_node(op, [x], [y], name=op.lower(), **attributes)]


case("gelu_node_op20", lambda: nn.Sequential(nn.Linear(5, 7), nn.GELU(), nn.Linear(7, 3)), ["GELU", "Identity"], 20,
     hand=hand_graph("gemm", one("Gelu", approximate="none")))
case("gelutanh_node_op20", lambda: nn.Sequential(nn.Linear(5, 7), nn.GELU(approximate="tanh"), nn.Linear(7, 3)),
     ["GELUTanh", "Identity"], 20, hand=hand_graph("gemm", one("Gelu", approximate="tanh")))
case("gemm_relu_op21", lambda: nn.Sequential(nn.Linear(5, 7), nn.ReLU(), nn.Linear(7, 3)), ["ReLU", "Identity"], 21,
     hand=hand_graph("gemm", one("Relu")))
case("matmul_add_bias_second_op13", lambda: nn.Sequential(nn.Linear(5, 7), nn.Tanh(), nn.Linear(7, 3)),
     ["Tanh", "Identity"], 13, hand=hand_graph("matmul_add", one("Tanh")))
case("matmul_add_bias_first_op13", lambda: nn.Sequential(nn.Linear(5, 7), nn.Tanh(), nn.Linear(7, 3)),
     ["Tanh", "Identity"], 13, hand=hand_graph("add_bias_first", one("Tanh")))
case("gemm_transb0_op13", lambda: nn.Sequential(nn.Linear(5, 7), nn.Sigmoid(), nn.Linear(7, 3)),
     ["Sigmoid", "Identity"], 13, hand=hand_graph("gemm_transb0", one("Sigmoid")))


# ---- A numpy interpreter of the graphs, to check the files against PyTorch ------------------------------------------

_erf = np.vectorize(math.erf)


def run_graph(model, x):
    values = {i.name: numpy_helper.to_array(i).astype(np.float64) for i in model.graph.initializer}
    values["x"] = np.asarray(x, dtype=np.float64)
    for node in model.graph.node:
        a = {at.name: helper.get_attribute_value(at) for at in node.attribute}
        ins = [values[i] if i else None for i in node.input]
        op = node.op_type
        if op == "Gemm":
            A, B = ins[0], ins[1]
            A = A.T if a.get("transA", 0) else A
            B = B.T if a.get("transB", 0) else B
            y = a.get("alpha", 1.0) * (A @ B)
            if len(ins) > 2 and ins[2] is not None:
                y = y + a.get("beta", 1.0) * ins[2]
        elif op == "MatMul":
            y = ins[0] @ ins[1]
        elif op in ("Add", "Sub", "Mul", "Div", "Pow"):
            y = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "Pow": np.power}[op](ins[0], ins[1])
        elif op == "Relu":
            y = np.maximum(ins[0], 0)
        elif op == "LeakyRelu":
            y = np.where(ins[0] >= 0, ins[0], a.get("alpha", 0.01) * ins[0])
        elif op == "Elu":
            y = np.where(ins[0] > 0, ins[0], a.get("alpha", 1.0) * np.expm1(ins[0]))
        elif op == "Sigmoid":
            y = 1 / (1 + np.exp(-ins[0]))
        elif op == "Tanh":
            y = np.tanh(ins[0])
        elif op == "Softplus":
            y = np.log1p(np.exp(ins[0]))
        elif op == "Erf":
            y = _erf(ins[0])
        elif op == "Gelu":
            v = ins[0]
            if a.get("approximate", b"none") in (b"tanh", "tanh"):
                y = 0.5 * v * (1 + np.tanh(math.sqrt(2 / math.pi) * (v + 0.044715 * v ** 3)))
            else:
                y = 0.5 * v * (1 + _erf(v / math.sqrt(2)))
        elif op == "Softmax":
            axis = a.get("axis", 1 if model.opset_import[0].version < 13 else -1)
            e = np.exp(ins[0] - ins[0].max(axis=axis, keepdims=True))
            y = e / e.sum(axis=axis, keepdims=True)
        elif op in ("Identity", "Dropout"):
            y = ins[0]
        elif op == "Flatten":
            y = ins[0].reshape(ins[0].shape[0], -1)
        elif op == "Constant":
            y = numpy_helper.to_array(a["value"]).astype(np.float64)
        elif op == "Transpose":
            y = np.transpose(ins[0], a.get("perm"))
        else:
            raise NotImplementedError(f"{op} in {node.name}")
        values[node.output[0]] = y
    return values[model.graph.output[0].name]


# ---- Writing ------------------------------------------------------------------------------------------------------

def numbers(tensor):
    return [float(v) for v in tensor.detach().reshape(-1).tolist()]


def rows(tensor):
    return [numbers(row) for row in tensor]


def parameters(model):
    values = []
    for linear in linears(model):
        values += numbers(linear.weight)
        values += numbers(linear.bias) if linear.bias is not None else [0.0] * linear.out_features
    return values


def write(name, spec):
    path = os.path.join(HERE, name + ".onnx")
    torch.manual_seed(seed_of(name))
    model = spec["build"]().eval()
    dtype = torch.float64 if spec["dtype"] == "float64" else torch.float32
    first = linears(model)[0]
    x = (torch.rand(ROWS, first.in_features, dtype=dtype) * 6 - 3)
    with torch.no_grad():
        y = model(x)
    if spec["hand"] is None:
        dynamic = {"x": {0: "batch"}, "y": {0: "batch"}} if spec["dynamic"] else None
        torch.onnx.export(model, (x,), path, opset_version=spec["opset"], input_names=["x"], output_names=["y"],
                          dynamic_axes=dynamic, do_constant_folding=True)
        saved = onnx.load(path)
    else:
        saved = spec["hand"](model, spec["opset"], name)
        onnx.save(saved, path)
    if spec["opset"] <= 17:  # onnx 1.12's checker knows no later opset
        onnx.checker.check_model(saved)

    computed = run_graph(saved, x.numpy())
    tolerance = 1e-12 if dtype == torch.float64 else 1e-5
    difference = np.abs(computed - y.numpy().astype(np.float64))
    assert np.all(difference <= tolerance * (np.abs(y.numpy()) + 1e-2)), f"{name}: graph and PyTorch differ by {difference.max()}"

    sizes = [linear.out_features for linear in linears(model)]
    assert len(sizes) == len(spec["activations"]), name
    ops = sorted({n.op_type for n in saved.graph.node})
    print(f"{name:32} opset {spec['opset']:2} {spec['dtype']} {os.path.getsize(path):6} bytes  {' '.join(ops)}")
    return {
        "name": name,
        "file": name + ".onnx",
        "opset": spec["opset"],
        "dtype": spec["dtype"],
        "input_size": first.in_features,
        "output_size": sizes[-1],
        "layer_sizes": sizes,
        "activations": spec["activations"],
        "negative_slopes": spec["slopes"],
        "dynamic_batch": spec["dynamic"],
        "inputs": rows(x),
        "outputs": rows(y),
        "parameters": parameters(model),
    }


def main():
    torch.set_num_threads(1)
    models = [write(name, spec) for name, spec in CASES.items()]
    with open(os.path.join(HERE, "onnx_parity.json"), "w") as f:
        json.dump({"models": models}, f, separators=(",", ":"))
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(HERE, n)) for n in os.listdir(HERE) if n.endswith((".onnx", ".json")))
    print(f"{len(models)} models, {total} bytes with the JSON")


if __name__ == "__main__":
    main()
