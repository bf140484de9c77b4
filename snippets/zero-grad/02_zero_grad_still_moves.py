"""step() skips a None gradient; a zero gradient still moves the weight."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def second_step(set_to_none, **options):
    """One real step, then zero_grad and a step with no new gradient."""
    w = torch.tensor([1.0], device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, **options)
    (3 * w).sum().backward()  # gradient 3
    optimizer.step()
    before = w.item()
    optimizer.zero_grad(set_to_none=set_to_none)
    optimizer.step()  # no backward in between
    return f"grad={w.grad}  w: {before:.4f} -> {w.item():.4f}"


for options in ({"momentum": 0.9}, {"weight_decay": 0.5}):
    for set_to_none in (True, False):
        print(
            f"{options}, set_to_none={set_to_none!s:5}:",
            second_step(set_to_none, **options),
        )
