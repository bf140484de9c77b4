"""Forgetting zero_grad(): every step adds onto the old gradients."""

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
# float64 throughout: every CPU draws the same chart, to the pixel
inputs = torch.randn(8, 3, generator=g, dtype=torch.float64)
labels = inputs @ torch.tensor([[1.0], [-2.0], [0.5]], dtype=torch.float64)
inputs, labels = inputs.to(device), labels.to(device)


def train(zero_grad, steps=40):
    net = nn.Linear(3, 1, bias=False, dtype=torch.float64).to(device)
    nn.init.zeros_(net.weight)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.05)
    losses, norms = [], []
    for _ in range(steps):
        if zero_grad:
            optimizer.zero_grad()
        loss = nn.functional.mse_loss(net(inputs), labels)
        loss.backward()  # adds into .grad
        optimizer.step()
        losses.append(loss.item())
        norms.append(net.weight.grad.norm().item())
    return losses, norms


runs = {"with zero_grad()": train(True), "without": train(False)}
for name, (losses, norms) in runs.items():
    print(name)
    for step in (0, 1, 2, 5, 10, 20, 39):
        print(
            f"  step {step:2}  loss {losses[step]:9.4f}"
            f"  |grad| {norms[step]:8.4f}"
        )

# no words in the picture: the page's caption names the panels and lines
styles = {
    "with zero_grad()": dict(color="#1f77b4", linestyle="-", marker="o"),
    "without": dict(color="#d62728", linestyle="--", marker="s"),
}
fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3), dpi=80)
for name, (losses, norms) in runs.items():
    left.plot(losses, markevery=4, **styles[name])
    right.plot(norms, markevery=4, **styles[name])
left.set(yscale="log")
fig.tight_layout()
fig.savefig(figures / "01_forgot_zero_grad.png", metadata={"Software": None})
