"""Backward formulas can reuse values computed in the forward pass."""
# markers: raises
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([0.0, 1.0, 2.0], dtype=torch.float64, device=device, requires_grad=True)
y = w.exp()  # d exp(w)/dw = exp(w), so backward keeps y itself
loss = y.sum()
print("exp kept its forward output for backward:", torch.equal(y.grad_fn._saved_result, y))

with torch.no_grad():
    y.add_(1.0)  # change that saved value in place
loss.backward()  # autograd notices: the value backward needs is gone
