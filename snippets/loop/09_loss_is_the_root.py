"""backward() starts at the loss: it is the root of the graph it walks."""

# markers: raises
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

inputs = torch.tensor([[1.0, 2.0, 0.0], [0.0, 1.0, 3.0]], device=device)
labels = torch.tensor([[5.0], [7.0]], device=device)
net = nn.Linear(3, 1, bias=False).to(device)
loss = nn.MSELoss()(net(inputs), labels) / 2


def show(node, depth=0):
    print("  " * depth + type(node).__name__)
    for child, _ in node.next_functions:
        if child is not None:
            show(child, depth + 1)


show(loss.grad_fn)  # what loss.backward() walks, from the loss to the weight

outputs = net(inputs)  # two numbers, not one
outputs.backward()  # there is no single root to start from
