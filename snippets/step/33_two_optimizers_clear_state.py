"""Two optimizers split the parameters; clearing one's state restarts it."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
trunk = torch.tensor([1.0, -1.0], device=device, requires_grad=True)
head = torch.tensor([0.5, 2.0], device=device, requires_grad=True)
opt_trunk = torch.optim.SGD([trunk], lr=0.01, momentum=0.9)
opt_head = torch.optim.Adam([head], lr=0.1)


def train_step():
    """One step of both optimizers; returns how far the head moved."""
    before = head.detach().clone()
    for opt in (opt_trunk, opt_head):
        opt.zero_grad()
    (trunk * head).sum().square().backward()
    for opt in (opt_trunk, opt_head):
        opt.step()
    return (head - before).detach().cpu()


for _ in range(3):
    moved = train_step()
print(
    "trunk state:",
    list(opt_trunk.state[trunk]),
    "| head state:",
    list(opt_head.state[head]),
    "| trunk in opt_head.state:",
    trunk in opt_head.state,
)
print("3rd head step:", moved, "| Adam step", opt_head.state[head]["step"])
opt_head.state.clear()  # (1)!
moved = train_step()
print("4th head step:", moved, "| Adam step", opt_head.state[head]["step"])
opt_trunk = torch.optim.SGD([trunk], lr=0.01, momentum=0.9)  # (2)!
print("a new trunk optimizer starts empty:", dict(opt_trunk.state))
