"""What .grad holds at each point of one PyTorch iteration."""
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

inputs = torch.tensor([[1.0, 2.0], [3.0, 1.0]], device=device)
labels = torch.tensor([[3.0], [2.0]], device=device)
net = nn.Linear(2, 1, bias=False).to(device)
nn.init.zeros_(net.weight)
optimizer = torch.optim.SGD(net.parameters(), lr=0.125)


def step(note):
    loss = nn.MSELoss()(net(inputs), labels) / 2
    loss.backward()
    print(f"{note:28}", net.weight.grad)


print(f"{'before any backward':28}", net.weight.grad)
step("after backward")
step("after a second backward")  # adds to the first: no zero_grad in between
optimizer.zero_grad()
print(f"{'after zero_grad()':28}", net.weight.grad)
step("after backward")
