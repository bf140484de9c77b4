"""zero_grad() between backward() and step(): nothing learns."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

inputs = torch.tensor([[1.0, 2.0], [3.0, 1.0]], device=device)
labels = torch.tensor([[3.0], [2.0]], device=device)
net = nn.Linear(2, 1, bias=False).to(device)
nn.init.zeros_(net.weight)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)

for step in range(3):
    loss = nn.functional.mse_loss(net(inputs), labels)
    loss.backward()
    optimizer.zero_grad()  # wrong place: wipes what backward() wrote
    print(
        f"step {step}: loss {loss.item():.4f} | .grad at step(): "
        f"{net.weight.grad}"
    )
    optimizer.step()  # finds no gradient and skips the weight
print("weight after 3 steps:", net.weight.data)
