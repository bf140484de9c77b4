"""Leaf tensors hold .grad; results carry the grad_fn that made them."""
# markers: exact
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor(2.0, device=device, requires_grad=True)
x = torch.tensor(3.0, device=device)
loss = (w * x) ** 2

for name, t in [("w", w), ("x", x), ("loss", loss)]:
    print(f"{name:4} is_leaf={t.is_leaf!s:5}",
          f"requires_grad={t.requires_grad!s:5}",
          f"grad_fn={type(t.grad_fn).__name__}")
