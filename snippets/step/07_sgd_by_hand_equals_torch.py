"""A 25-line SGD against torch.optim.SGD, on eight sets of options."""

# markers: exact
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


class MySGD:
    def __init__(
        self,
        params,
        lr,
        momentum=0.0,
        dampening=0.0,
        weight_decay=0.0,
        nesterov=False,
        maximize=False,
    ):
        self.params, self.lr = list(params), lr
        self.momentum, self.dampening = momentum, dampening
        self.weight_decay, self.nesterov = weight_decay, nesterov
        self.maximize = maximize
        self.buffers = [None] * len(self.params)

    @torch.no_grad()
    def step(self):
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = -p.grad if self.maximize else p.grad
            if self.weight_decay != 0:
                g = g.add(p, alpha=self.weight_decay)  # (1)!
            if self.momentum != 0:
                if self.buffers[i] is None:
                    self.buffers[i] = g.detach().clone()
                else:
                    self.buffers[i].mul_(self.momentum).add_(
                        g, alpha=1 - self.dampening
                    )
                b = self.buffers[i]
                g = g.add(b, alpha=self.momentum) if self.nesterov else b
            p.add_(g, alpha=-self.lr)


def train(make_optimizer, steps=30):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 1))
    model = model.to(device, torch.float64)
    x = torch.randn(32, 5, dtype=torch.float64).to(device)
    y = x.sum(1, keepdim=True).sin()
    optimizer = make_optimizer(model.parameters())
    losses = []
    for _ in range(steps):
        for p in model.parameters():
            p.grad = None
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses, torch.cat(
        [p.detach().flatten() for p in model.parameters()]
    )


configurations = [
    {"lr": 0.05},
    {"lr": 0.05, "momentum": 0.9},
    {"lr": 0.05, "momentum": 0.9, "dampening": 0.5},
    {"lr": 0.05, "weight_decay": 0.01},
    {"lr": 0.05, "momentum": 0.9, "weight_decay": 0.01, "nesterov": True},
    {"lr": 0.05, "momentum": 0.9, "dampening": 0.3, "weight_decay": 0.01},
    {
        "lr": 0.005,
        "momentum": 0.9,
        "dampening": 0.5,
        "weight_decay": 0.01,
        "maximize": True,
    },
    {"lr": 0.005, "momentum": 0.9, "nesterov": True, "maximize": True},
]
losses, mine = train(lambda ps: MySGD(ps, lr=0.05))
print(
    f"{mine.numel()} parameters, 30 steps, loss before step 1: {losses[0]:.4f}"
)
print("same bits as SGD(foreach=False) | close to SGD() | last loss | options")
for options in configurations:
    losses, mine = train(lambda ps: MySGD(ps, **options))
    _, loop = train(lambda ps: torch.optim.SGD(ps, foreach=False, **options))
    _, default = train(lambda ps: torch.optim.SGD(ps, **options))  # (2)!
    same = torch.equal(mine, loop)
    close = (mine - default).abs().max() <= 1e-10 * mine.abs().max()  # (3)!
    name = ", ".join(f"{k}={v}" for k, v in options.items())
    print(f"{same!s:31} | {close.item()!s:14} | {losses[-1]:9.4f} | {name}")
