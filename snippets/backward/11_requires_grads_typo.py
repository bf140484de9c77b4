"""requires_grads (with an s) is not an error, and does nothing."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.ones(2, device=device)
w.requires_grads = True  # a new Python attribute, nothing more
print("w.requires_grads:", w.requires_grads)
print("w.requires_grad: ", w.requires_grad)
try:
    (w * 3).sum().backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

try:
    torch.ones(2, device=device, requires_grads=True)
except TypeError as error:
    print(f"TypeError: {error}")
