"""A parameter's .grad starts as None, not as zeros."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

model = nn.Linear(3, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def grads():
    return {
        name: None if p.grad is None else tuple(p.grad.shape)
        for name, p in model.named_parameters()
    }


print("new model:         ", grads())
model(torch.ones(1, 3, device=device)).sum().backward()
print("after backward:    ", grads())
optimizer.zero_grad()
print("after zero_grad(): ", grads())
