"""The engine against torch: values and gradients of 12 expressions."""

import os
from importlib import import_module

import torch

Scalar = import_module("30_mini_autograd").Scalar  # (1)!
device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
TOLERANCE = 1e-12  # (2)!
EXPRESSIONS = [  # (3)!
    "a + b * c",
    "a * b - c / (a * a + 1)",
    "(a - b) ** 2 * c",
    "c ** 0.5 * a",
    "(a * b).tanh()",
    "(a + c).exp() / c",
    "(a * a + c).log()",
    "(a * b + c).relu() + (b - c).relu()",
    "1 / (1 + (-a).exp())",
    "a * a * a - 2 * a * b",
    "(3 - a) / (b * b + c)",
    "(d := a * b) * c + d.tanh()",
]


def with_engine(expression, inputs):
    """The value and the gradients for a, b, c, from the mini engine."""
    leaves = [Scalar(x) for x in inputs]
    out = eval(expression, dict(zip("abc", leaves)))
    out.backward()
    return [out.value] + [leaf.grad for leaf in leaves]


def with_torch(expression, inputs):
    """The same, from torch's autograd, in float64 on the device."""
    leaves = [
        torch.tensor(x, dtype=torch.float64, device=device, requires_grad=True)
        for x in inputs
    ]
    out = eval(expression, dict(zip("abc", leaves)))
    out.backward()
    return [out.item()] + [
        0.0
        if leaf.grad is None  # (4)!
        else leaf.grad.item()
        for leaf in leaves
    ]


def close(x, y):
    return abs(x - y) <= TOLERANCE * max(1.0, abs(x), abs(y))


if __name__ == "__main__":
    inputs = (1.5, -0.7, 2.3)
    print(f"a, b, c = {inputs}, in float64")
    print(
        f"{'expression':36}{'value':>9}{'d/da':>9}{'d/db':>9}"
        f"{'d/dc':>9}  torch"
    )
    for expression in EXPRESSIONS:
        mine = with_engine(expression, inputs)
        same = all(map(close, mine, with_torch(expression, inputs)))
        numbers = "".join(f"{x:9.4f}" for x in mine)
        print(f"{expression:36}{numbers}  {'same' if same else 'DIFFERS'}")
