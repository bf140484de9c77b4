"""What .grad holds at each point of a PyTorch iteration."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

inputs = torch.tensor([[1.0, 2.0], [3.0, 1.0]], device=device)
labels = torch.tensor([[3.0], [2.0]], device=device)
net = nn.Linear(2, 1, bias=False).to(device)
nn.init.zeros_(net.weight)
optimizer = torch.optim.SGD(net.parameters(), lr=0.125)


def backward(note):
    loss = nn.MSELoss()(net(inputs), labels) / 2
    loss.backward()
    print(f"{note:26}", net.weight.grad)


print(f"{'before any backward':26}", net.weight.grad)
backward("after backward")
backward("after another backward")  # adds up: no zero_grad in between
optimizer.zero_grad()
print(f"{'after zero_grad()':26}", net.weight.grad)
backward("after backward")
