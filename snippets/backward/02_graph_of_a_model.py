"""The graph behind a small model's loss: walked once, printed and drawn."""

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

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1)).to(device)
x, y = torch.ones(2, 3, device=device), torch.zeros(2, 1, device=device)
loss = nn.functional.mse_loss(model(x), y)
names = {p: name for name, p in model.named_parameters()}


def walk(node, depth=0, nodes=None):
    """Every node once, root first: (node, depth, its children)."""
    nodes = [] if nodes is None else nodes
    children = [n for n, _ in node.next_functions if n is not None]
    nodes.append((node, depth, children))
    for child in children:
        walk(child, depth + 1, nodes)
    return nodes


def label(node):
    name = type(node).__name__
    if name == "AccumulateGrad":  # a leaf: say which parameter
        return f"{name}\n{names[node.variable]}"
    return name


graph = walk(loss.grad_fn)
for node, depth, _ in graph:
    print("    " * depth + label(node).replace("\n", " -> "))

# the same walk, drawn: root at the top, leaves spread left to right
spot, column = {}, 0.0
for node, depth, children in graph:  # leaves in printed order
    if not children:
        spot[node], column = (column, -depth), column + 1.6
for node, depth, children in reversed(graph):  # a parent above its children
    if children:
        xs = [spot[c][0] for c in children]
        spot[node] = (sum(xs) / len(xs), -depth)
fig, ax = plt.subplots(figsize=(8, 4.2), dpi=80)
for node, _, children in graph:
    for child in children:
        ax.annotate(
            "",
            spot[child],
            spot[node],
            arrowprops={
                "arrowstyle": "->",
                "color": "0.4",
                "shrinkA": 14,
                "shrinkB": 14,
            },
        )
for node, _, children in graph:
    colour = "#dbeafe" if children else "#fde68a"
    ax.text(
        *spot[node],
        label(node),
        ha="center",
        va="center",
        fontsize=9,
        bbox={"boxstyle": "round", "facecolor": colour, "ec": "0.5"},
    )
ax.set_xlim(-0.8, column - 0.8)
ax.set_ylim(-max(d for _, d, _ in graph) - 0.5, 0.5)
ax.axis("off")
fig.tight_layout()
fig.savefig(figures / "02_graph_of_a_model.png", metadata={"Software": None})
