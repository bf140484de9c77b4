"""zero_grad(set_to_none=True) lets the gradient tensors be freed."""

import os
import weakref

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

net = nn.Sequential(nn.Linear(256, 256), nn.Linear(256, 256)).to(device)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
inputs = torch.ones(4, 256, device=device)

for set_to_none, keep in ((False, False), (True, False), (True, True)):
    net(inputs).sum().backward()
    optimizer.step()
    grads = [p.grad for p in net.parameters()]
    held = sum(g.untyped_storage().nbytes() for g in grads)  # (1)!
    watch = [weakref.ref(g) for g in grads]  # (2)!
    if not keep:
        del grads  # (3)!
    optimizer.zero_grad(set_to_none=set_to_none)
    alive = sum(ref() is not None for ref in watch)
    nones = sum(p.grad is None for p in net.parameters())
    print(
        f"zero_grad(set_to_none={set_to_none})"
        + (", with a list of the gradients kept:" if keep else ":")
    )
    print(f"  the {len(watch)} .grad tensors held {held} bytes")
    print(f"  .grad is None: {nones} of 4, tensors still alive: {alive} of 4")
