"""The 2018 zero_grad logic, rewritten, next to today's method."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def zero_grad_2018(optimizer):
    """Detach every gradient, then fill it with zeros (no set_to_none)."""
    for group in optimizer.param_groups:
        for p in group["params"]:
            if p.grad is not None:
                p.grad.detach_()
                p.grad.zero_()


for name, clear in (
    ("2018 logic", zero_grad_2018),
    ("today", lambda opt: opt.zero_grad()),
):
    w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    (w**2).sum().backward()
    clear(optimizer)
    print(f"{name:10}: w.grad = {w.grad}")
