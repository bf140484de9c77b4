"""Two losses on one shared trunk: one backward or two."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(0)
x = torch.randn(32, 4, dtype=torch.float64).float().to(device)
trunk = nn.Sequential(nn.Linear(4, 8), nn.Tanh()).to(device)
head_a, head_b = nn.Linear(8, 1).to(device), nn.Linear(8, 1).to(device)
params = [*trunk.parameters(), *head_a.parameters(), *head_b.parameters()]
trunk_walks = []  # one entry per backward pass through the trunk
trunk[0].weight.register_hook(lambda grad: trunk_walks.append(1))


def losses():
    h = trunk(x)  # both losses reuse what the trunk saved
    return head_a(h).pow(2).mean(), head_b(h).abs().mean()


def grads():
    out = [p.grad.clone() for p in params]
    for p in params:
        p.grad = None
    return out


loss_a, loss_b = losses()
(loss_a + loss_b).backward()  # (1)!
summed = grads()
walks_summed = len(trunk_walks)

loss_a, loss_b = losses()
loss_a.backward(retain_graph=True)  # (2)!
loss_b.backward()
separate = grads()
walks_separate = len(trunk_walks) - walks_summed

worst = max(
    ((s - t).abs().max() / s.abs().max()).item()
    for s, t in zip(summed, separate)
)
print(
    "every .grad: largest difference < 1e-6 of its largest entry:",
    worst < 1e-6,
)
print(
    "backward passes through the trunk: summed",
    walks_summed,
    "| separate",
    walks_separate,
)

loss_a, loss_b = losses()
loss_a.backward()  # frees what the trunk saved
try:
    loss_b.backward()
except RuntimeError as error:
    print("without retain_graph: RuntimeError:", str(error).split(" (")[0])
