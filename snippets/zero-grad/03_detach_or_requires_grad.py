"""A gradient that has a grad_fn (create_graph=True) gets detached."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def show(note, grad):
    print(
        f"{note:40} grad_fn={type(grad.grad_fn).__name__:13}"
        f" requires_grad={grad.requires_grad}"
    )


for create_graph in (False, True):
    w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    (w**3).sum().backward(create_graph=create_graph)
    show(f"backward(create_graph={create_graph})", w.grad)
    optimizer.zero_grad(set_to_none=False)
    show("  after zero_grad(set_to_none=False)", w.grad)
print("w itself still requires grad:", w.requires_grad)
