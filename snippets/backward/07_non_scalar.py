"""backward() on a tensor with several elements needs a gradient argument."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
y = w * w  # three outputs, dy_i/dw_i = 2 * w_i
try:
    y.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

y.backward(gradient=torch.ones_like(y), retain_graph=True)
print("gradient=ones:", w.grad, "same as y.sum().backward()")

w.grad = None
v = torch.tensor([1.0, 0.0, 10.0], device=device)
y.backward(gradient=v)
print("gradient=v:   ", w.grad, "= v * 2 * w")
