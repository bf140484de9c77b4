"""Defaults fill every group; a group may set its own learning rate."""

# markers: exact
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

body = nn.Linear(4, 4, device=device)
head = nn.Linear(4, 1, device=device)
optimizer = torch.optim.SGD(
    [
        {"params": body.parameters()},  # (1)!
        {"params": head.parameters(), "lr": 0.01, "momentum": 0},
    ],
    lr=0.1,
    momentum=0.9,
)
print("defaults:", optimizer.defaults)
for n, group in enumerate(optimizer.param_groups):
    print(
        f"group {n}: {len(group['params'])} tensors,",
        f"lr={group['lr']}, momentum={group['momentum']}",
    )

for group in optimizer.param_groups:  # (2)!
    group["lr"] *= 0.5
print("after halving:", [g["lr"] for g in optimizer.param_groups])
print(
    "lr if you give none:", torch.optim.SGD(body.parameters()).defaults["lr"]
)
