"""What .grad holds before backward, after it, and after each zero_grad."""

# markers: exact
import inspect
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
x = torch.tensor([3.0, 4.0], device=device)
optimizer = torch.optim.SGD([w], lr=0.1)
print("signature:", inspect.signature(torch.optim.Optimizer.zero_grad))

print(f"{'before any backward':34}", w.grad)
(w * x).sum().backward()
print(f"{'after backward':34}", w.grad)
optimizer.zero_grad()
print(f"{'after zero_grad()':34}", w.grad)
(w * x).sum().backward()
optimizer.zero_grad(set_to_none=False)
print(f"{'after zero_grad(set_to_none=False)':34}", w.grad)
