"""A frozen backbone gets no gradient; two optimizers each clear their own."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1)).to(device)
backbone, head = model[0], model[1]
x = torch.ones(1, 2, device=device)


def report(note):
    grads = [m.weight.grad is not None for m in (backbone, head)]
    print(f"{note:32} has grad: backbone={grads[0]!s:5} head={grads[1]}")


backbone.requires_grad_(False)  # frozen: backward never writes its .grad
model(x).sum().backward()
report("frozen backbone, after backward")

backbone.requires_grad_(True)
opt_backbone = torch.optim.SGD(backbone.parameters(), lr=0.01)
opt_head = torch.optim.SGD(head.parameters(), lr=0.1)
model(x).sum().backward()
report("two optimizers, after backward")
opt_backbone.zero_grad()
report("after opt_backbone.zero_grad()")
opt_head.zero_grad()
report("after opt_head.zero_grad()")
