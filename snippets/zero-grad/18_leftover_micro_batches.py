"""Ten micro-batches, k = 4: what happens to the last two."""

import os

import torch
from torch.utils.data import DataLoader, TensorDataset

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
k = 4
loader = DataLoader(TensorDataset(torch.ones(20)), batch_size=2)
print("micro-batches per epoch:", len(loader), " k:", k)


def train(name, zero_at_epoch_start=False, fixed=False):
    w = torch.zeros(1, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    pending = 0  # micro-batches whose gradient sits in w.grad
    for epoch in (1, 2):
        if zero_at_epoch_start:
            optimizer.zero_grad()
            pending = 0
        sizes, weights = [], []
        for i, (xb,) in enumerate(loader):
            # d loss / d w = 1: w.grad adds up the weight of each micro-batch
            loss = (w * xb.to(device)).mean()
            start = i - i % k  # first micro-batch of this group
            group = min(k, len(loader) - start) if fixed else k  # (1)!
            (loss / group).backward()
            pending += 1
            last = fixed and i + 1 == len(loader)  # (2)!
            if (i + 1) % k == 0 or last:
                sizes.append(pending)
                weights.append(w.grad.item())
                optimizer.step()
                optimizer.zero_grad()
                pending = 0
        left = None if w.grad is None else w.grad.item()
        print(
            f"{name:19} epoch {epoch}: micro-batches per step {sizes}"
            f"  w.grad {weights}  left in .grad: {left}"
        )


train("naive")
train("zero_grad per epoch", zero_at_epoch_start=True)
train("fixed", fixed=True)
