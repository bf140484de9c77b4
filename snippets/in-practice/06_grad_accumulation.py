"""Gradient accumulation: k small backward() calls, one step()."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

g = torch.Generator().manual_seed(0)
inputs = torch.randn(12, 3, generator=g, dtype=torch.float64).to(device)
labels = torch.randn(12, 1, generator=g, dtype=torch.float64).to(device)
loss_fn = nn.MSELoss()  # mean over the batch it sees


def fresh_model():
    torch.manual_seed(0)  # the same initial weights each time
    return nn.Linear(3, 1, dtype=torch.float64).to(device)


big = fresh_model()
loss_fn(big(inputs), labels).backward()  # one batch of 12

small = fresh_model()
optimizer = torch.optim.SGD(small.parameters(), lr=0.1)
k = 4  # micro-batches of 3
optimizer.zero_grad()
for i, (x, y) in enumerate(zip(inputs.split(3), labels.split(3))):
    loss = loss_fn(small(x), y) / k  # (1)!
    loss.backward()  # (2)!
    if i + 1 == k:
        gap = (small.weight.grad - big.weight.grad).abs().max().item()
        print(f"after {k} backward() calls: grad = {small.weight.grad}")
        print(f"one batch of 12:           grad = {big.weight.grad}")
        print(f"max |difference| below 1e-12: {gap < 1e-12}")
        optimizer.step()  # (3)!
        optimizer.zero_grad()  # (4)!
