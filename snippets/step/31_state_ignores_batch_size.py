"""Adam's averages are shaped like the parameters, whatever the batch."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(0)
model = nn.Linear(5, 2).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

for batch_size in (4, 32, 7):  # a new batch size each epoch
    x = torch.randn(batch_size, 5, dtype=torch.float64).float().to(device)
    optimizer.zero_grad()
    model(x).square().mean().backward()
    optimizer.step()
    shapes = [
        tuple(optimizer.state[p]["exp_avg"].shape) for p in model.parameters()
    ]
    step = optimizer.state[model.weight]["step"].item()
    print(f"batch {batch_size:2}: exp_avg shapes {shapes}, step {step:.0f}")
