"""Freezing a layer mid-training: what step() does with its old state."""

import inspect
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(1)
x = torch.randn(16, 4, dtype=torch.float64).float().to(device)
optimizers = {
    "SGD": lambda p: torch.optim.SGD(p, lr=0.1),
    "SGD(momentum=0.9)": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "Adam": lambda p: torch.optim.Adam(p, lr=0.01),
}


def freeze_after_two_steps(
    name, set_to_none, clear_grad=False, step_first=False
):
    torch.manual_seed(0)
    first = nn.Linear(4, 8).to(device)
    last = nn.Linear(8, 1).to(device)
    optimizer = optimizers[name]([*first.parameters(), *last.parameters()])
    for step in range(5):
        if step == 2:
            first.requires_grad_(False)  # (1)!
            if name == "SGD" and set_to_none and not step_first:
                print(
                    "just frozen: requires_grad",
                    first.weight.requires_grad,
                    "| .grad is None:",
                    first.weight.grad is None,
                )
            if clear_grad:
                first.weight.grad = None  # (2)!
                first.bias.grad = None
            frozen = first.weight.detach().clone()
            if step_first:
                optimizer.step()  # (3)!
        optimizer.zero_grad(set_to_none=set_to_none)
        last(first(x).relu()).pow(2).mean().backward()
        optimizer.step()
    grad = first.weight.grad
    left = "None" if grad is None else "zeros" if not grad.any() else "?"
    moved = not torch.equal(frozen, first.weight)
    how = " + .grad = None" if clear_grad else ""
    how = " + step() first" if step_first else how
    print(
        f"{name:17} set_to_none={set_to_none!s:5}{how:16}| "
        f".grad {left:5} | moved after freezing: {moved}"
    )


freeze_after_two_steps("SGD", set_to_none=True)
freeze_after_two_steps("SGD(momentum=0.9)", set_to_none=True)
freeze_after_two_steps("Adam", set_to_none=True)
freeze_after_two_steps("SGD", set_to_none=False)
freeze_after_two_steps("SGD(momentum=0.9)", set_to_none=False)
freeze_after_two_steps("Adam", set_to_none=False)
freeze_after_two_steps("Adam", set_to_none=False, clear_grad=True)
freeze_after_two_steps("SGD", set_to_none=True, step_first=True)

for optimizer_class in (torch.optim.SGD, torch.optim.Adam):
    source = inspect.getsource(optimizer_class._init_group)
    test = next(line for line in source.splitlines() if "p.grad" in line)
    print(f"{optimizer_class.__name__}._init_group: {test.strip()}")
