"""step() before backward(): each update comes one batch late."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

batches = [
    torch.tensor([[1.0, 0.0]], device=device),
    torch.tensor([[0.0, 1.0]], device=device),
]
net = nn.Linear(2, 1, bias=False).to(device)
nn.init.zeros_(net.weight)
optimizer = torch.optim.SGD(net.parameters(), lr=1.0)

for i, x in enumerate(batches):
    loss = net(x).sum()
    optimizer.step()  # too early: .grad is from the batch before
    print(
        f"batch {i}: step() used .grad {net.weight.grad} -> "
        f"weight {net.weight.data.tolist()}"
    )
    optimizer.zero_grad()
    loss.backward()  # fills .grad for the next batch's step()
print("never used, the last batch's .grad:", net.weight.grad)
