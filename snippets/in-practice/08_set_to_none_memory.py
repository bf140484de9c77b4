"""zero_grad(set_to_none=True) frees the memory the gradients held."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

net = nn.Sequential(nn.Linear(256, 256), nn.Linear(256, 256)).to(device)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
inputs = torch.ones(4, 256, device=device)


def grad_bytes():
    """Bytes of storage held by the .grad tensors."""
    grads = [p.grad for p in net.parameters() if p.grad is not None]
    return sum(g.untyped_storage().nbytes() for g in grads)


def in_use():
    """The allocator's counter on a GPU; storage bytes held on the CPU."""
    if device.type == "cuda":
        return torch.cuda.memory_allocated(device)  # (1)!
    tensors = list(net.parameters()) + [p.grad for p in net.parameters()]
    return sum(
        t.untyped_storage().nbytes() for t in tensors if t is not None
    )  # (2)!


for set_to_none in (False, True):
    net(inputs).sum().backward()
    optimizer.step()
    held, start = grad_bytes(), in_use()
    optimizer.zero_grad(set_to_none=set_to_none)
    print(f"zero_grad(set_to_none={set_to_none}):")
    print(f"  .grad held {held} bytes, now holds {grad_bytes()}")
    print(f"  memory in use went down by {start - in_use()} bytes")
