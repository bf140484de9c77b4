"""The LR scheduler steps after the optimizer, once per epoch."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

net = nn.Linear(2, 1).to(device)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(
    optimizer, step_size=2, gamma=0.5
)  # halve the lr every 2 epochs
inputs = torch.tensor([[1.0, 2.0]], device=device)

for epoch in range(5):
    used = optimizer.param_groups[0]["lr"]
    optimizer.zero_grad()
    net(inputs).sum().backward()
    optimizer.step()
    scheduler.step()  # (1)!
    print(
        f"epoch {epoch}: step() used lr {used:.4f}, "
        f"next epoch gets {scheduler.get_last_lr()[0]:.4f}"
    )
