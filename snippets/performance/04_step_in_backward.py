"""The optimizer step inside backward, one optimizer per parameter."""

import os
import warnings

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def make_model():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 1))
    return model.to(device)


def options():
    return dict(lr=0.05, momentum=0.9, weight_decay=1e-3)


generator = torch.Generator().manual_seed(0)
batches = [
    (
        torch.randn(32, 8, dtype=torch.float64, generator=generator),
        torch.randn(32, 1, dtype=torch.float64, generator=generator),
    )
    for _ in range(5)
]
batches = [(x.float().to(device), y.float().to(device)) for x, y in batches]


def loss_of(model, batch):
    x, y = batch
    return nn.functional.mse_loss(model(x), y)


# The usual loop: all gradients exist together, then one step
usual = make_model()
opt = torch.optim.SGD(usual.parameters(), **options())
for batch in batches:
    opt.zero_grad()
    loss_of(usual, batch).backward()
    opt.step()
params = list(usual.parameters())
holding = sum(p.grad is not None for p in params)
print(f"usual loop: after backward {holding} of {len(params)} have a .grad")

# The step inside backward: each parameter steps as soon as its grad is in
model = make_model()
optimizers = {p: torch.optim.SGD([p], **options()) for p in model.parameters()}
most = 0


def step_now(p):  # (1)!
    global most
    held = sum(q.grad is not None for q in optimizers)
    most = max(most, held)
    optimizers[p].step()
    optimizers[p].zero_grad()  # (2)!


for p in model.parameters():
    p.register_post_accumulate_grad_hook(step_now)
for batch in batches:
    loss_of(model, batch).backward()  # (3)!
print(f"in backward: at most {most} of {len(optimizers)} had a .grad at once")
gap = max(
    (a - b).abs().max().item()
    for a, b in zip(usual.parameters(), model.parameters())
)
print(f"after {len(batches)} batches, same parameters as the usual loop:")
print(f"  largest |difference| = {gap:.1e}")

# No moment holds every gradient: nothing is left to clip or to accumulate
loss_of(model, batches[0]).backward()
print(
    "after backward, every p.grad is None:",
    all(p.grad is None for p in model.parameters()),
)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(
    f"clip_grad_norm_ sees a total norm of {norm.item()},",
    f"warnings raised: {len(caught)}",
)
before = [p.detach().clone() for p in model.parameters()]
loss_of(model, batches[1]).backward()  # (4)!
moved = any(not torch.equal(a, p) for a, p in zip(before, model.parameters()))
print("a second micro-batch's backward moves the parameters again:", moved)
