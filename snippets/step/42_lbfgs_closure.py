"""LBFGS calls the closure many times per step; step returns its first loss."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
w = torch.tensor(
    [1.0, -1.0], dtype=torch.float64, device=device, requires_grad=True
)
target = torch.tensor([3.0, 2.0], dtype=torch.float64, device=device)
optimizer = torch.optim.LBFGS([w])
calls = 0


def loss_fn():
    return (w - target).square().sum() + 0.1 * (w[0] * w[1]).square()


def closure():  # (1)!
    global calls
    calls += 1
    optimizer.zero_grad()
    loss = loss_fn()
    loss.backward()
    return loss


for _ in range(2):
    returned = optimizer.step(closure)  # (2)!
    print(
        f"step returned {returned.item():.4f} | loss after it",
        f"{loss_fn().item():.4f} | closure calls so far: {calls}",
    )
try:
    optimizer.step()
except TypeError as error:
    print(f"TypeError: {error}")
sgd = torch.optim.SGD([w], lr=0.1)
print(
    "SGD.step() returns",
    sgd.step(),
    f"| SGD.step(closure) returns {sgd.step(closure).item():.4f}",
)
