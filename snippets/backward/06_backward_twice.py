"""A second backward through the same graph: when it fails, and why."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
product = w * w  # MulBackward0 saves both factors
added = w + 1  # AddBackward0 keeps only the number alpha=1
for result in (product, added):
    node = result.grad_fn
    saved = {
        a: type(getattr(node, a)).__name__
        for a in dir(node)
        if a.startswith("_saved_")
    }
    print(f"{type(node).__name__} saves {saved}")

loss = product.sum()
loss.backward()
try:
    loss.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

w.grad = None
loss = added.sum()
loss.backward()
loss.backward()  # no saved tensor, nothing freed
print("(w + 1).sum() twice, w.grad =", w.grad)

w.grad = None
loss = (w * w).sum()
loss.backward(retain_graph=True)  # keep the saved tensors
loss.backward()
print("(w * w).sum() with retain_graph=True, w.grad =", w.grad)
