"""backward() twice through the same graph."""

# markers: raises
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

v = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
free = (v + 1).sum()  # an addition saves nothing for backward
free.backward()
free.backward()  # so a second walk works, and adds
print("(v + 1).sum(), backward twice: v.grad =", v.grad)

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
loss = (w * w).sum()  # the product saves w for backward
loss.backward()
print("(w * w).sum(), first backward: w.grad =", w.grad)
loss.backward()  # the saved tensors were freed by the first call
