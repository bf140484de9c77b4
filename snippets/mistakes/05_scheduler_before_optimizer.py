"""scheduler.step() before optimizer.step(): a warning, a lost lr."""

import os
import warnings

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

net = nn.Linear(2, 1).to(device)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(
    optimizer, step_size=2, gamma=0.5
)  # halve the lr every 2 epochs
inputs = torch.tensor([[1.0, 2.0]], device=device)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(5):
        optimizer.zero_grad()
        net(inputs).sum().backward()
        scheduler.step()  # wrong order
        used = optimizer.param_groups[0]["lr"]
        optimizer.step()
        print(f"epoch {epoch}: step() used lr {used:.4f}")
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
