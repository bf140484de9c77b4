"""optimizer.zero_grad() clears only the tensors it was given."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1)).to(device)
backbone, head = model[0], model[1]
optimizer = torch.optim.SGD(head.parameters(), lr=0.1)  # the head only
x = torch.ones(1, 2, device=device)


def report(note):
    def state(m):
        return "None" if m.weight.grad is None else "set"

    print(f"{note:28} backbone: {state(backbone):4}  head: {state(head)}")


model(x).sum().backward()
report("after backward")
optimizer.zero_grad()
report("after optimizer.zero_grad()")
model.zero_grad()
report("after model.zero_grad()")
