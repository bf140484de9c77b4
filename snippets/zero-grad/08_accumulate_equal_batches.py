"""k micro-batches with loss / k give the gradient of one big batch."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
gen = torch.Generator().manual_seed(0)  # data from the CPU generator
# float64 draws match on every CPU; float32 ones differ in the last bit
x = torch.randn(8, 3, generator=gen, dtype=torch.float64).float().to(device)
y = torch.randn(8, generator=gen, dtype=torch.float64).float().to(device)
w = torch.tensor([0.5, -1.0, 2.0], device=device, requires_grad=True)


def loss_of(xs, ys):
    return ((xs @ w - ys) ** 2).mean()


loss_of(x, y).backward()  # one batch of 8
big = w.grad.clone()

for k in (2, 4, 8):
    w.grad = None
    for xs, ys in zip(x.chunk(k), y.chunk(k)):
        (loss_of(xs, ys) / k).backward()  # grads add up across micro-batches
    close = torch.allclose(w.grad, big, rtol=1e-5, atol=1e-7)
    print(f"k={k}: matches one batch of 8 (rtol=1e-5): {close}")
