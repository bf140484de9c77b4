"""A frozen middle layer still passes the gradient back; no_grad does not."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(1)
x = torch.randn(16, 4, dtype=torch.float64).float().to(device)


def first_layer_grad(way):
    torch.manual_seed(0)
    first, middle, last = (
        nn.Linear(4, 8).to(device),
        nn.Linear(8, 8).to(device),
        nn.Linear(8, 1).to(device),
    )
    if way == "requires_grad_(False)":
        middle.requires_grad_(False)  # (1)!
    h = first(x).tanh()
    if way == "torch.no_grad()":
        with torch.no_grad():
            h = middle(h).tanh()  # (2)!
    else:
        h = middle(h).tanh()
    last(h).pow(2).mean().backward()
    grads = [layer.weight.grad for layer in (first, middle, last)]
    shown = ["None" if g is None else "tensor" for g in grads]
    print(f"middle {way:22}| .grad of first, middle, last: {shown}")
    return grads[0]


reference = first_layer_grad("trained")
frozen = first_layer_grad("requires_grad_(False)")
first_layer_grad("torch.no_grad()")
print(
    "first layer's .grad, middle frozen vs trained, equal:",
    torch.equal(frozen, reference),
)
