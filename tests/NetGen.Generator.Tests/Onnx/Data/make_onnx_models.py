"""Exports small nn.Sequential MLPs with torch.onnx.export and writes, beside each .onnx file, a JSON of
the model's facts as the `onnx` package reads them: the reader's tests compare their result with it.

Run with Debian's Python (torch 1.13, python3-onnx): /usr/bin/python3 make_onnx_models.py
"""
import json
import os

import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def models():
    # Each model draws its weights from the same seed, so that adding a model leaves the others' files as they are.
    torch.manual_seed(15)
    yield "mlp_relu_softmax_opset13", torch.nn.Sequential(
        torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3), torch.nn.Softmax(dim=1)), 13, torch.float32
    torch.manual_seed(15)
    yield "mlp_sigmoid_tanh_opset11", torch.nn.Sequential(
        torch.nn.Linear(3, 5), torch.nn.Sigmoid(), torch.nn.Linear(5, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2)), 11, torch.float32
    torch.manual_seed(15)
    yield "mlp_relu_opset9", torch.nn.Sequential(
        torch.nn.Linear(2, 6), torch.nn.ReLU(), torch.nn.Linear(6, 1), torch.nn.Sigmoid()), 9, torch.float32
    torch.manual_seed(15)
    yield "mlp_leaky_elu_opset17", torch.nn.Sequential(
        torch.nn.Linear(3, 4), torch.nn.LeakyReLU(0.1), torch.nn.Linear(4, 4), torch.nn.ELU(0.7), torch.nn.Linear(4, 2)), 17, torch.float32
    # Without a bias, torch exports a Linear as MatMul with the weight transposed into an unnamed initializer.
    torch.manual_seed(15)
    yield "mlp_matmul_no_bias_opset13", torch.nn.Sequential(
        torch.nn.Linear(4, 3, bias=False), torch.nn.ReLU(), torch.nn.Linear(3, 2)), 13, torch.float32
    torch.manual_seed(15)
    yield "mlp_tanh_double_opset13", torch.nn.Sequential(
        torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2)), 13, torch.float64


def attribute_value(attribute):
    value = onnx.helper.get_attribute_value(attribute)
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, list):
        return [float(v) if isinstance(v, float) else v for v in value]
    return value


def value_info(info):
    tensor = info.type.tensor_type
    return {
        "name": info.name,
        "elem_type": tensor.elem_type,
        "dims": [d.dim_param if d.HasField("dim_param") else d.dim_value for d in tensor.shape.dim],
    }


def facts(model):
    graph = model.graph
    return {
        "ir_version": model.ir_version,
        "opset_import": [{"domain": o.domain, "version": o.version} for o in model.opset_import],
        "nodes": [{
            "op_type": n.op_type, "name": n.name, "domain": n.domain,
            "inputs": list(n.input), "outputs": list(n.output),
            "attributes": [{"name": a.name, "type": a.type, "value": attribute_value(a)} for a in n.attribute],
        } for n in graph.node],
        "initializers": [{
            "name": t.name, "data_type": t.data_type, "dims": list(t.dims),
            # float64 of each float32 is exact, and JSON keeps a double's shortest round-trip text.
            "values": [float(v) for v in numpy_helper.to_array(t).flatten().tolist()],
        } for t in graph.initializer],
        "inputs": [value_info(i) for i in graph.input],
        "outputs": [value_info(o) for o in graph.output],
    }


def main():
    for name, model, opset, dtype in models():
        model = model.to(dtype).eval()
        inputs = model[0].in_features
        path = os.path.join(HERE, name + ".onnx")
        torch.onnx.export(model, torch.zeros(2, inputs, dtype=dtype), path, opset_version=opset,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
        loaded = onnx.load(path)
        onnx.checker.check_model(loaded)
        with open(os.path.join(HERE, name + ".json"), "w") as file:
            json.dump(facts(loaded), file, indent=1)
            file.write("\n")
        print(name, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
