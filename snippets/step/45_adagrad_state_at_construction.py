"""Adagrad makes its state in __init__; the others wait for the first step."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def new_optimizer(cls):
    w = torch.ones(2, 2, device=device, requires_grad=True)  # (1)!
    return w, cls([w], lr=0.1)


for cls in (torch.optim.SGD, torch.optim.Adam, torch.optim.Adagrad):
    w, optimizer = new_optimizer(cls)
    print(
        f"{cls.__name__:8} before any step(): state keys",
        list(optimizer.state[w]),
    )

w, adagrad = new_optimizer(torch.optim.Adagrad)
adagrad.step()  # w.grad is None
print(
    "Adagrad after step() without a gradient:",
    f"step {adagrad.state[w]['step'].item():.0f} | w unchanged:",
    torch.equal(w, torch.ones_like(w)),
)

with_state = []
for cls in vars(torch.optim).values():
    if isinstance(cls, type) and issubclass(cls, torch.optim.Optimizer):
        if cls is not torch.optim.Optimizer:
            w, optimizer = new_optimizer(cls)
            if optimizer.state:
                with_state.append(cls.__name__)
print("torch.optim optimizers with state before any step():", with_state)
