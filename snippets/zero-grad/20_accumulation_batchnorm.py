"""BatchNorm sees each micro-batch alone: accumulation is not one batch."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
gen = torch.Generator().manual_seed(0)
x = torch.randn(32, 3, generator=gen, dtype=torch.float64).float().to(device)
y = torch.randn(32, 1, generator=gen, dtype=torch.float64).float().to(device)
w1 = torch.randn(4, 3, generator=gen, dtype=torch.float64)
w2 = torch.randn(1, 4, generator=gen, dtype=torch.float64)
k = 4


def make(norm):
    model = nn.Sequential(nn.Linear(3, 4), norm, nn.Linear(4, 1)).to(device)
    with torch.no_grad():  # the same start on every machine
        model[0].weight.copy_(w1)
        model[0].bias.fill_(0.5)
        model[2].weight.copy_(w2)
        model[2].bias.zero_()
    return model.train()


def accumulate(norm, micro_batches):
    model = make(norm)
    for xs, ys in zip(x.chunk(micro_batches), y.chunk(micro_batches)):
        loss = nn.functional.mse_loss(model(xs), ys)
        (loss / micro_batches).backward()
    return model[0].weight.grad, model[1]


for name, norm in (
    ("no norm", nn.Identity),
    ("BatchNorm1d", lambda: nn.BatchNorm1d(4)),
    ("LayerNorm", lambda: nn.LayerNorm(4)),
    ("GroupNorm", lambda: nn.GroupNorm(2, 4)),
):
    big, _ = accumulate(norm(), 1)
    acc, _ = accumulate(norm(), k)
    difference = ((acc - big).abs().max() / big.abs().max()).item()
    print(
        f"{name:11}: accumulated grad matches the batch's (rtol=1e-5):"
        f" {torch.allclose(acc, big, rtol=1e-5, atol=1e-7)}"
        f"  relative difference {difference:.2f}"
    )

_, bn_big = accumulate(nn.BatchNorm1d(4), 1)
_, bn_acc = accumulate(nn.BatchNorm1d(4), k)
print(
    "BatchNorm1d num_batches_tracked: one batch",
    bn_big.num_batches_tracked.item(),
    f"| {k} micro-batches",
    bn_acc.num_batches_tracked.item(),
)
same = torch.allclose(bn_acc.running_mean, bn_big.running_mean)
print("BatchNorm1d running_mean the same:", same)
