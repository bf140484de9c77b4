"""A tensor outside the model is cleared only by its optimizer, or by hand."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(0)
model = nn.Linear(2, 1).to(device)
scale = torch.tensor(2.0, device=device, requires_grad=True)  # not in model
optimizer = torch.optim.SGD([*model.parameters(), scale], lr=0.1)
x = torch.ones(1, 2, device=device)

(scale * model(x)).sum().backward()
model.zero_grad()
print("after model.zero_grad():     scale.grad =", scale.grad)
optimizer.zero_grad()
print("after optimizer.zero_grad(): scale.grad =", scale.grad)

(scale * model(x)).sum().backward()
for p in model.parameters():
    p.grad = None  # what zero_grad() does, one tensor at a time
scale.grad = None
print("set by hand:", model.weight.grad, model.bias.grad, scale.grad)
