"""Writes small ONNX models that NetGen cannot map, one fault each, with onnx.helper: the generator tests check that
each is its own diagnostic naming the node and its operator. Every model is otherwise a valid 3-4-2 MLP, so that the
fault, not something else, is what the generator reports.

Run with Debian's Python (python3-onnx): /usr/bin/python3 make_unmappable_models.py
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unmappable")
RNG = np.random.default_rng(16)
W1 = RNG.uniform(-1, 1, (4, 3)).astype(np.float32)
B1 = RNG.uniform(-1, 1, (4,)).astype(np.float32)
W2 = RNG.uniform(-1, 1, (2, 4)).astype(np.float32)
B2 = RNG.uniform(-1, 1, (2,)).astype(np.float32)


def tensor(name, array):
    return numpy_helper.from_array(array, name)


def value(name, dims, elem_type=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elem_type, dims)


def mlp(middle, inits=(), opset=13, inputs=None, outputs=None, first=None, last=None, weights=None):
    """x → Gemm 'layer1' → <middle nodes, from 'h' to 'a'> → Gemm 'layer2' → y."""
    w1, b1, w2, b2 = weights or (W1, B1, W2, B2)
    nodes = [first or helper.make_node("Gemm", ["x", "w1", "b1"], ["h"], name="layer1", transB=1)]
    nodes += middle
    nodes.append(last or helper.make_node("Gemm", ["a", "w2", "b2"], ["y"], name="layer2", transB=1))
    graph = helper.make_graph(
        nodes, "mlp",
        inputs or [value("x", ["batch", 3], w1.dtype == np.float64 and TensorProto.DOUBLE or TensorProto.FLOAT)],
        outputs or [value("y", ["batch", 2], w1.dtype == np.float64 and TensorProto.DOUBLE or TensorProto.FLOAT)],
        [tensor("w1", w1), tensor("b1", b1), tensor("w2", w2), tensor("b2", b2), *inits])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def relu():
    return [helper.make_node("Relu", ["h"], ["a"], name="act")]


def models():
    # NG0034: an operator that is no layer, in another domain, a subgraph, Gemm forms NetGen does not map.
    yield "conv_node", mlp(relu(), first=helper.make_node("Conv", ["x", "w1"], ["h"], name="conv"))
    yield "custom_domain", mlp([helper.make_node("FusedGelu", ["h"], ["a"], name="fused", domain="com.microsoft")])
    yield "gemm_alpha", mlp(relu(), first=helper.make_node("Gemm", ["x", "w1", "b1"], ["h"], name="layer1", transB=1, alpha=2.0))
    yield "gemm_trans_a", mlp(relu(), first=helper.make_node("Gemm", ["x", "w1", "b1"], ["h"], name="layer1", transA=1, transB=1))
    yield "softmax_axis0", mlp(relu(), last=helper.make_node("Gemm", ["a", "w2", "b2"], ["z"], name="layer2", transB=1))
    yield "log_softmax", mlp(relu(), last=helper.make_node("Gemm", ["a", "w2", "b2"], ["z"], name="layer2", transB=1))
    yield "input_scaled_first", mlp(relu(), first=helper.make_node("Mul", ["x", "w1"], ["h"], name="scale"))
    yield "weight_from_node", mlp(relu(), first=helper.make_node("Gemm", ["x", "w1t", "b1"], ["h"], name="layer1"))
    yield "vector_constant", mlp([helper.make_node("Mul", ["h", "b1"], ["a"], name="scale_by_vector")])
    yield "gelu_before_opset20", mlp([helper.make_node("Gelu", ["h"], ["a"], name="gelu")], opset=17)
    yield "dropout_training", mlp(
        [helper.make_node("Constant", [], ["ratio"], name="ratio", value_float=0.5),
         helper.make_node("Constant", [], ["training"], name="training", value=helper.make_tensor("t", TensorProto.BOOL, [], [True])),
         helper.make_node("Dropout", ["h", "ratio", "training"], ["a"], name="dropout")])
    yield "constant_floats", mlp(
        [helper.make_node("Constant", [], ["scales"], name="scales", value_floats=[1.0, 2.0, 3.0, 4.0]),
         helper.make_node("Mul", ["h", "scales"], ["a"], name="scale_by_floats")])
    # NG0035: not a chain.
    yield "two_inputs", mlp(relu(), inputs=[value("x", ["batch", 3]), value("x2", ["batch", 3])])
    yield "branch", mlp(
        [helper.make_node("Gemm", ["x", "w1", "b1"], ["s"], name="side", transB=1), helper.make_node("Add", ["h", "s"], ["hs"], name="join"),
         helper.make_node("Relu", ["hs"], ["a"], name="act")])
    yield "two_outputs", mlp([helper.make_node("Relu", ["h"], ["a"], name="act"), helper.make_node("Tanh", ["h"], ["t"], name="side")],
                        outputs=[value("y", ["batch", 2]), value("t", ["batch", 4])])
    yield "self_loop", mlp(relu(), first=helper.make_node("Gemm", ["u", "w1", "b1"], ["h"], name="layer1", transB=1))
    # NG0036: shapes.
    yield "dynamic_features", mlp(relu(), inputs=[value("x", ["batch", "features"])])
    yield "rank3_input", mlp(relu(), inputs=[value("x", ["batch", 1, 3])])
    yield "int_input", mlp(relu(), inputs=[value("x", ["batch", 3], TensorProto.INT64)])
    yield "width_mismatch", mlp(relu(), inputs=[value("x", ["batch", 5])])
    yield "empty_weight", mlp(relu(), weights=(np.zeros((0, 3), np.float32), np.zeros((0,), np.float32), W2, B2))
    # NG0037: opsets.
    yield "opset8", mlp(relu(), opset=8)
    yield "opset22", mlp(relu(), opset=22)
    # NG0038: activations NetGen has not.
    yield "selu", mlp([helper.make_node("Selu", ["h"], ["a"], name="selu")])
    yield "elu_alpha", mlp([helper.make_node("Elu", ["h"], ["a"], name="elu", alpha=0.5)])
    yield "relu_clamped_at_8", mlp(
        [helper.make_node("Relu", ["h"], ["r"], name="relu"), helper.make_node("Min", ["r", "eight"], ["a"], name="clamp")],
        inits=[tensor("eight", np.array(8, np.float32))])
    # NG0031, NG0032: weights.
    yield "int8_weight", mlp(relu(), weights=((W1 * 100).astype(np.int8), B1, W2, B2))
    nan = W2.copy()
    nan[1, 2] = np.nan
    yield "nan_weight", mlp(relu(), weights=(W1, B1, nan, B2))
    # A MatMul's weight is stored [in, out]: the NaN at [1, 2] is at index 1·4 + 2 = 6 of the stored tensor.
    stored = W1.T.copy()
    stored[1, 2] = np.nan
    yield "nan_matmul_weight", mlp(relu(), first=helper.make_node("MatMul", ["x", "w1"], ["h"], name="layer1"), weights=(stored, B1, W2, B2))
    yield "float64", mlp(relu(), weights=(W1.astype(np.float64), B1.astype(np.float64), W2.astype(np.float64), B2.astype(np.float64)))


def special(name, model):
    """The models whose fault is in the last node, written here because mlp() ends in a Gemm."""
    if name == "softmax_axis0":
        model.graph.node.append(helper.make_node("Softmax", ["z"], ["y"], name="softmax", axis=0))
    elif name == "log_softmax":
        model.graph.node.append(helper.make_node("LogSoftmax", ["z"], ["y"], name="log_softmax", axis=1))
    elif name == "self_loop":
        model.graph.node.insert(0, helper.make_node("Identity", ["x"], ["v"], name="enter"))
        model.graph.node.insert(1, helper.make_node("Identity", ["v"], ["v"], name="loop"))
    elif name == "weight_from_node":
        model.graph.node.insert(0, helper.make_node("Transpose", ["w1"], ["w1t"], name="transpose"))
    return model


def main():
    os.makedirs(HERE, exist_ok=True)
    for name, model in models():
        model = special(name, model)
        with open(os.path.join(HERE, name + ".onnx"), "wb") as file:
            file.write(model.SerializeToString())


if __name__ == "__main__":
    main()
