"""Dividing by m is reduction='mean'; without it, reduction='sum'."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

inputs = torch.tensor([[1.0, 2.0], [3.0, 1.0], [0.0, 2.0], [2.0, 2.0]])
labels = torch.tensor([[3.0], [2.0], [1.0], [5.0]])
inputs, labels, m = inputs.to(device), labels.to(device), len(inputs)

grads = {}
for reduction in ("mean", "sum"):
    net = nn.Linear(2, 1, bias=False).to(device)
    nn.init.constant_(net.weight, 0.5)
    loss = nn.MSELoss(reduction=reduction)(net(inputs), labels) / 2
    loss.backward()
    grads[reduction] = net.weight.grad
    print(
        f"{reduction!r:6}: loss {loss.item():.4f}  grad",
        net.weight.grad.tolist(),
    )

print(
    f"sum == m * mean (m={m}):",
    torch.allclose(grads["sum"], m * grads["mean"]),
)
