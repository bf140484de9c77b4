"""Two optimizers, each with its own parameters and learning rate."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(1)
x = torch.randn(16, 4, dtype=torch.float64).float().to(device)


def make_model():
    torch.manual_seed(0)
    return nn.Linear(4, 8).to(device), nn.Linear(8, 1).to(device)


def loss_of(body, head):
    return head(body(x).relu()).pow(2).mean()


body, head = make_model()
opt_body = torch.optim.SGD(body.parameters(), lr=0.01)
opt_head = torch.optim.SGD(head.parameters(), lr=0.1, momentum=0.9)
for _ in range(3):
    opt_body.zero_grad()  # (1)!
    opt_head.zero_grad()
    loss_of(body, head).backward()
    opt_body.step()
    opt_head.step()
opt_head.zero_grad()
print(
    "after opt_head.zero_grad() alone: head .grad",
    head.weight.grad,
    "| body .grad is None:",
    body.weight.grad is None,
)

body_g, head_g = make_model()
optimizer = torch.optim.SGD(
    [
        {"params": body_g.parameters(), "lr": 0.01},  # (2)!
        {"params": head_g.parameters(), "lr": 0.1, "momentum": 0.9},
    ]
)
for _ in range(3):
    optimizer.zero_grad()
    loss_of(body_g, head_g).backward()
    optimizer.step()
same = all(
    torch.equal(a, b)
    for a, b in zip(
        [*body.parameters(), *head.parameters()],
        [*body_g.parameters(), *head_g.parameters()],
    )
)
print("two optimizers vs one with two parameter groups, same weights:", same)
