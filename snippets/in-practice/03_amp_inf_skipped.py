"""GradScaler skips a step whose gradients hold inf or NaN."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

net = nn.Linear(2, 1, bias=False).to(device)
optimizer = torch.optim.SGD(net.parameters(), lr=0.125)
scaler = torch.amp.GradScaler(device.type, init_scale=1024.0)  # (1)!
inputs = {
    "ordinary": torch.tensor([[1.0, 2.0]], device=device),
    "overflowing": torch.tensor([[1.0, float("inf")]], device=device),
}

for name in ("ordinary", "overflowing", "ordinary"):
    before = net.weight.detach().clone()
    optimizer.zero_grad()
    with torch.autocast(device.type, dtype=torch.float16):
        loss = net(inputs[name]).float().sum()
    scaler.scale(loss).backward()
    print(f"{name:11} batch: .grad {net.weight.grad.tolist()}")
    scale = scaler.get_scale()
    scaler.step(optimizer)  # skipped if any gradient is inf or NaN
    scaler.update()  # halves the scale after a skip
    moved = not torch.equal(before, net.weight)
    print(
        f"{'':17} weight moved: {moved} | scale "
        f"{scale} -> {scaler.get_scale()}"
    )
