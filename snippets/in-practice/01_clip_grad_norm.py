"""Gradient clipping sits between backward() and step()."""

# markers: figure
import os
from pathlib import Path

import matplotlib
import torch
from torch import nn

matplotlib.use("Agg")  # draw to a file, no window
import matplotlib.pyplot as plt

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
figures = Path(os.environ.get("SNIPPET_FIGURES", "."))

g = torch.Generator().manual_seed(0)
# float64 draws match on every CPU; float32 ones differ in the last bit
inputs = torch.randn(8, 4, generator=g, dtype=torch.float64).float()
labels = inputs.sum(dim=1, keepdim=True)
labels[0] += 20.0  # one outlier makes the gradient large
inputs, labels = inputs.to(device), labels.to(device)
net = nn.Linear(4, 1).to(device)
nn.init.zeros_(net.weight), nn.init.zeros_(net.bias)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)

before, after = [], []
for step in range(20):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(net(inputs), labels)
    loss.backward()
    norm = nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0)  # (1)!
    grads = [p.grad for p in net.parameters()]
    before.append(norm.item())
    after.append(
        torch.linalg.vector_norm(
            torch.cat([g.flatten() for g in grads])
        ).item()
    )  # (2)!
    optimizer.step()
    if step % 5 == 0 or step == 19:
        print(
            f"step {step:2}  loss {loss.item():8.4f}  "
            f"norm before {before[-1]:7.4f}  after {after[-1]:.4f}"
        )

# no words in the picture: the page's caption names the axes and lines
fig, ax = plt.subplots(figsize=(6, 3), dpi=100)
ax.plot(before, color="#1f77b4", linestyle="-", marker="o")
ax.plot(after, color="#d62728", linestyle="--", marker="s")
ax.set_ylim(bottom=0)
ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
fig.tight_layout()
fig.savefig(figures / "01_clip_grad_norm.png", metadata={"Software": None})
