"""Two heads on one trunk, trained in turns by a single optimizer."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def ping_pong(optimizer_class, set_to_none, **options):
    """Train head 1, 1, 1, then 2, 1, 2; measure how far idle heads move."""
    torch.manual_seed(0)
    trunk = nn.Linear(3, 4).to(device)
    heads = nn.ModuleList([nn.Linear(4, 1), nn.Linear(4, 1)]).to(device)
    optimizer = optimizer_class(
        [*trunk.parameters(), *heads.parameters()], lr=0.1, **options
    )
    x = torch.ones(8, 3, device=device)
    idle_drift = 0.0
    for which in (0, 0, 0, 1, 0, 1):
        idle = heads[1 - which].weight
        before = idle.detach().clone()
        optimizer.zero_grad(set_to_none=set_to_none)
        heads[which](trunk(x)).square().mean().backward()
        optimizer.step()
        idle_drift += (idle - before).abs().sum().item()
    weights = [trunk.weight, heads[0].weight, heads[1].weight]
    return optimizer, weights, idle_drift


adam, weights, drift = ping_pong(torch.optim.Adam, set_to_none=True)
print(
    "Adam steps per tensor, trunk/head1/head2:",
    [int(adam.state[w]["step"]) for w in weights],
)
for set_to_none in (True, False):
    _, _, drift = ping_pong(torch.optim.SGD, set_to_none, momentum=0.9)
    print(
        f"SGD momentum, set_to_none={set_to_none!s:5}:",
        f"idle heads moved by {drift:.4f} in all",
    )
