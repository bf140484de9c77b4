"""backward() twice through the same graph."""
# markers: raises
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
loss = (w * w).sum()  # the product saves w for backward
loss.backward()
print("first backward: w.grad =", w.grad)
loss.backward()  # the saved tensors were freed by the first call
