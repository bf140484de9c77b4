"""Backward formulas can reuse values computed in the forward pass."""

# markers: raises
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

f64 = dict(dtype=torch.float64, device=device)
w = torch.tensor([0.0, 1.0, 2.0], **f64, requires_grad=True)
y = w.exp()  # d exp(w)/dw = exp(w), so backward keeps y itself
loss = y.sum()
saved = y.grad_fn._saved_result
print("exp kept its output for backward:", torch.equal(saved, y))

with torch.no_grad():
    y.add_(1.0)  # overwrite that saved value
loss.backward()  # autograd notices that backward's input changed
