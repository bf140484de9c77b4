"""Leaves and results: which tensors carry a grad_fn, and where it leads."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor(2.0, device=device, requires_grad=True)
x = torch.tensor(3.0, device=device)
loss = (w * x) ** 2

for name, t in [("w", w), ("x", x), ("loss", loss)]:
    print(
        f"{name:4} is_leaf={t.is_leaf!s:5}",
        f"requires_grad={t.requires_grad!s:5}",
        f"grad_fn={type(t.grad_fn).__name__}",
    )

print("loss.grad_fn.next_functions:", loss.grad_fn.next_functions)
mul = loss.grad_fn.next_functions[0][0]
print("MulBackward0.next_functions:", mul.next_functions)  # (1)!
accumulate = mul.next_functions[0][0]
print("accumulate.variable is w:", accumulate.variable is w)
print("accumulate.name():", accumulate.name())  # (2)!
print("w.grad before backward:", w.grad)
loss.backward()
print("w.grad after backward: ", w.grad)  # 2 * (w * x) * x
