"""Accumulation mistakes: no division, or division by k on uneven parts."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

g = torch.Generator().manual_seed(0)
inputs = torch.randn(10, 3, generator=g, dtype=torch.float64).to(device)
labels = torch.randn(10, 1, generator=g, dtype=torch.float64).to(device)
torch.manual_seed(0)
net = nn.Linear(3, 1, bias=False, dtype=torch.float64).to(device)
loss_fn = nn.MSELoss()


def grad(parts, weights):
    net.zero_grad()
    for (x, y), weight in zip(parts, weights):
        (loss_fn(net(x), y) * weight).backward()
    return net.weight.grad.clone()


full = grad([(inputs, labels)], [1.0])
even = list(zip(inputs.split(5), labels.split(5)))
uneven = list(zip(inputs.split(7), labels.split(7)))  # 7 + 3
cases = {
    "2 x 5, no division  ": grad(even, [1.0, 1.0]),
    "2 x 5, loss / 2     ": grad(even, [0.5, 0.5]),
    "7 + 3, loss / 2     ": grad(uneven, [0.5, 0.5]),
    "7 + 3, loss * n / N ": grad(uneven, [0.7, 0.3]),
}
for name, g in cases.items():
    gap = (g - full).abs().max().item()
    print(f"{name}: max |grad - full batch| = {gap:.3f}")
