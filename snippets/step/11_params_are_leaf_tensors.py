"""param_group["params"] holds the tensors you pass: any leaf, not only
Parameters; a non-leaf tensor is refused."""

# markers: exact
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

model = nn.Linear(3, 1, device=device)
from_model = torch.optim.SGD(model.parameters(), lr=0.1)
print(
    "from model.parameters():",
    [type(p).__name__ for p in from_model.param_groups[0]["params"]],
)

w = torch.zeros(3, device=device, requires_grad=True)  # (1)!
plain = torch.optim.SGD([w], lr=0.1)
kept = plain.param_groups[0]["params"][0]
print(
    "a plain tensor:",
    type(kept).__name__,
    f"| is_leaf {w.is_leaf} | the very same object: {kept is w}",
)

h = w * 2  # made by an operation: not a leaf
print("w * 2: is_leaf", h.is_leaf)
try:
    torch.optim.SGD([h], lr=0.1)
except ValueError as error:
    print(f"ValueError: {error}")
h.retain_grad()  # (2)!
torch.optim.SGD([h], lr=0.1)
print("w * 2 after retain_grad(): accepted")
torch.optim.SGD([w * 2], lr=0.1, differentiable=True)
print("w * 2 with differentiable=True: accepted")
