"""Each backward adds into .grad; only zero_grad starts over."""

# markers: exact
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
x = torch.tensor([3.0, 4.0], device=device)
optimizer = torch.optim.SGD([w], lr=0.1)

for n in (1, 2, 3):
    (w * x).sum().backward()  # the gradient of this loss is x = [3, 4]
    print(f"after backward {n}:", w.grad)
optimizer.zero_grad()
(w * x).sum().backward()
print("zero_grad, then backward:", w.grad)
