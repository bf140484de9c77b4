"""Nesterov looks one step ahead; maximize climbs instead of descending."""

# markers: exact
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def trajectory(**options):
    w = torch.zeros(1, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=1.0, momentum=0.5, **options)
    steps = []
    for _ in range(3):
        w.grad = torch.ones(1, device=device)  # the same gradient each step
        optimizer.step()
        steps.append(w.item())
    return steps


print("momentum       :", trajectory())
print("nesterov=True  :", trajectory(nesterov=True))
print("maximize=True  :", trajectory(maximize=True))
try:
    torch.optim.SGD(
        [torch.zeros(1)], momentum=0.5, dampening=0.1, nesterov=True
    )
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
