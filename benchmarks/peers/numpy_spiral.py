#!/usr/bin/python3
"""W1 in the material's numpy: the 2-10-3 spiral network (sigmoid hidden layer, softmax output,
cross-entropy loss) trained by hand-written backpropagation and SGD at lr 1.0 on the whole
spiral of 3 classes x 10 points (batch 30), in float64 as the material's numpy computes
(`--float32` for single precision; at this size it makes little difference). Prints the time of
one training step.

    bash benchmarks/peers/run.sh numpy_spiral.py [--float32]
"""

import sys

import numpy as np

from timing import limit_blas_threads, print_blas, print_header, print_row, time_per_call

N = 10  # points per class
D = 2   # dimensions
K = 3   # classes
H = 10  # hidden units


def spiral(seed=0):
    rng = np.random.RandomState(seed)
    X = np.zeros((N * K, D))
    y = np.zeros(N * K, dtype=np.int64)
    for j in range(K):
        ix = range(N * j, N * (j + 1))
        r = np.linspace(0.0, 1, N)
        t = np.linspace(j * 4, (j + 1) * 4, N) + rng.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[ix] = j
    return X, y


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def main():
    dtype = np.float32 if "--float32" in sys.argv[1:] else np.float64
    print_header("numpy peer (the material's spiral)")
    print(f"# numpy {np.__version__}, {np.dtype(dtype).name}")
    limit_blas_threads(1)
    print_blas()
    X, y = spiral()
    X = X.astype(dtype)
    rng = np.random.RandomState(1)
    W1 = (0.01 * rng.randn(D, H)).astype(dtype)
    b1 = np.zeros((1, H), dtype=dtype)
    W2 = (0.01 * rng.randn(H, K)).astype(dtype)
    b2 = np.zeros((1, K), dtype=dtype)
    learning_rate = dtype(1.0)
    num_examples = X.shape[0]

    def step():
        nonlocal W1, b1, W2, b2
        # forward
        hidden = sigmoid(np.dot(X, W1) + b1)
        scores = np.dot(hidden, W2) + b2
        exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        loss = np.sum(-np.log(probs[range(num_examples), y])) / num_examples
        # backward
        dscores = probs
        dscores[range(num_examples), y] -= 1
        dscores /= num_examples
        dW2 = np.dot(hidden.T, dscores)
        db2 = np.sum(dscores, axis=0, keepdims=True)
        dhidden = np.dot(dscores, W2.T) * hidden * (1 - hidden)
        dW1 = np.dot(X.T, dhidden)
        db1 = np.sum(dhidden, axis=0, keepdims=True)
        # update
        W1 += -learning_rate * dW1
        b1 += -learning_rate * db1
        W2 += -learning_rate * dW2
        b2 += -learning_rate * db2
        return loss

    first = step()
    print_row("W1", f"train step 2-10-3 SGD, batch 30 ({np.dtype(dtype).name})", *time_per_call(step))
    print(f"# loss {first:.4f} at the first step, {step():.4f} now")
    return 0


if __name__ == "__main__":
    sys.exit(main())
