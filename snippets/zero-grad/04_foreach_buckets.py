"""foreach=True zeroes one bucket per (device, dtype), not each tensor."""

import os

import torch
from torch.profiler import ProfilerActivity, profile

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def ops_inside_zero_grad(**options):
    params = [
        torch.ones(2, device=device, requires_grad=True),
        torch.ones(3, device=device, requires_grad=True),
        torch.ones(2, device=device, dtype=torch.float64, requires_grad=True),
    ]
    optimizer = torch.optim.SGD(params, lr=0.1, **options)
    sum(p.sum() for p in params).backward()
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        optimizer.zero_grad(set_to_none=False)
    outer = next(e for e in prof.events() if e.name.startswith("Optimizer."))
    inner = [
        e.name
        for e in prof.events()
        if e.cpu_parent is not None and e.cpu_parent.id == outer.id
    ]
    return f"{outer.name}: {inner}"


print("default foreach:", torch.optim.SGD([torch.ones(1)]).defaults["foreach"])
print("default      ->", ops_inside_zero_grad())
print("foreach=True ->", ops_inside_zero_grad(foreach=True))
