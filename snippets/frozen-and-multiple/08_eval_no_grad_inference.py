"""eval(), no_grad() and inference_mode() change different things."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(8, 16), nn.BatchNorm1d(16), nn.Dropout(0.5)
).to(device)
x = torch.randn(32, 8, dtype=torch.float64).float().to(device)
bn = model[1]


def look(label, context, mode):
    model.train(mode == "train")
    before = bn.num_batches_tracked.item()
    with context():
        a, b = model(x), model(x)
    same = torch.equal(a, b)  # (1)!
    updated = bn.num_batches_tracked.item() != before  # (2)!
    print(
        f"{label:31} | same output twice: {same!s:5} | BatchNorm stats "
        f"updated: {updated!s:5} | graph: {a.requires_grad}"
    )
    return a


look("train()", torch.enable_grad, "train")
out = look("eval()", torch.enable_grad, "eval")
out.sum().backward()
print("eval(): backward() filled .grad:", model[0].weight.grad is not None)
look("train() + torch.no_grad()", torch.no_grad, "train")
look("eval() + torch.no_grad()", torch.no_grad, "eval")
kept = look("eval() + torch.inference_mode()", torch.inference_mode, "eval")

print("is_inference:", kept.is_inference())
weight = torch.ones(16, device=device, requires_grad=True)
try:
    (kept * weight).sum()
except RuntimeError as error:
    print(f"RuntimeError: {error}")
