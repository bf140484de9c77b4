"""Without zeroing, two backward passes add up: in the engine as in torch."""

import os
from importlib import import_module

import torch

mini = import_module("30_mini_autograd")
device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def loss_of(w):  # the same expression for a Scalar and for a tensor
    return ((w * 1.5 + 0.3).tanh() - 1.0) ** 2


w = mini.Scalar(-0.4)
t = torch.tensor(-0.4, dtype=torch.float64, device=device, requires_grad=True)
optimizer = torch.optim.SGD([t], lr=0.1)
for step in (1, 2):  # two iterations that forget to zero
    loss_of(w).backward()
    loss_of(t).backward()
    print(
        f"after backward {step}:  engine {w.grad:.6f}  "
        f"torch {t.grad.item():.6f}"
    )

mini.zero_grad([w])  # (1)!
optimizer.zero_grad()  # (2)!
print(f"after zero_grad:   engine {w.grad}  torch {t.grad}")
loss_of(w).backward()
loss_of(t).backward()
print(f"after backward 3:  engine {w.grad:.6f}  torch {t.grad.item():.6f}")
