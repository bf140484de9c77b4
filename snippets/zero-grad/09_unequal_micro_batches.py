"""With micro-batches of 7 and 3, weight each loss by n_i / N, not 1 / k."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
x = torch.arange(10.0, device=device).unsqueeze(1) / 10
y = torch.tensor([0.0, 1, 0, 2, 1, 3, 2, 5, 4, 6], device=device)
w = torch.tensor([1.0], device=device, requires_grad=True)


def loss_of(xs, ys):
    return ((xs @ w - ys) ** 2).mean()


loss_of(x, y).backward()
big = w.grad.clone()
parts = [(x[:7], y[:7]), (x[7:], y[7:])]  # n_i = 7 and 3, N = 10

for name, scale in (
    ("loss / k", lambda n: 1 / 2),
    ("loss * n_i / N", lambda n: n / 10),
):
    w.grad = None
    for xs, ys in parts:
        (loss_of(xs, ys) * scale(len(xs))).backward()
    error = (w.grad - big).abs().max().item()
    print(
        f"{name:15} grad={w.grad.item():.4f}  one batch={big.item():.4f}"
        f"  error={error:.4f}"
    )
