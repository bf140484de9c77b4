"""Dividing d_weights by m is reduction='mean'; without it you get reduction='sum'."""
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

inputs = torch.tensor([[1.0, 2.0], [3.0, 1.0], [0.0, 2.0], [2.0, 2.0]], device=device)
labels = torch.tensor([[3.0], [2.0], [1.0], [5.0]], device=device)
m = len(inputs)

gradients = {}
for reduction in ("mean", "sum"):
    net = nn.Linear(2, 1, bias=False).to(device)
    nn.init.constant_(net.weight, 0.5)
    loss = nn.MSELoss(reduction=reduction)(net(inputs), labels) / 2
    loss.backward()
    gradients[reduction] = net.weight.grad
    print(f"reduction={reduction!r}: loss {loss.item():.4f}  grad {net.weight.grad.tolist()}")

print(f"sum gradient == m * mean gradient (m={m}):",
      torch.allclose(gradients["sum"], m * gradients["mean"]))
