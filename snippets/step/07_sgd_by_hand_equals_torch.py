"""SGD with momentum, weight decay and Nesterov in 20 lines, against torch."""

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
    ):
        self.params, self.lr = list(params), lr
        self.momentum, self.dampening = momentum, dampening
        self.weight_decay, self.nesterov = weight_decay, nesterov
        self.buffers = [None] * len(self.params)

    @torch.no_grad()
    def step(self):
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = p.grad
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
    for _ in range(steps):
        for p in model.parameters():
            p.grad = None
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
    return loss.item(), torch.cat(
        [p.detach().flatten() for p in model.parameters()]
    )


options = dict(lr=0.05, momentum=0.9, weight_decay=1e-2, nesterov=True)
loss, mine = train(lambda ps: MySGD(ps, **options))
_, loop = train(lambda ps: torch.optim.SGD(ps, foreach=False, **options))
_, default = train(lambda ps: torch.optim.SGD(ps, **options))  # (2)!
print(f"loss after 30 steps: {loss:.6f}, {mine.numel()} parameters")
print("mine vs SGD(foreach=False), bit for bit:", torch.equal(mine, loop))
print(
    "mine vs SGD() default, max |difference| < 1e-12:",
    (mine - default).abs().max().item() < 1e-12,
)
