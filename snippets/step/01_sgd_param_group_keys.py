"""The keys of a param_group in the installed torch: SGD, then Adam."""

# markers: exact
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

model = nn.Linear(3, 1, device=device)
sgd = torch.optim.SGD(model.parameters(), lr=0.1)
print("SGD: ", len(sgd.param_groups[0]), "keys:", list(sgd.param_groups[0]))

named = torch.optim.SGD(model.named_parameters(), lr=0.1)  # (1)!
group = named.param_groups[0]
print(
    "SGD with named_parameters():",
    len(group),
    "keys, adds",
    [k for k in group if k not in sgd.param_groups[0]],
    "=",
    group["param_names"],
)

adam = torch.optim.Adam(model.parameters())
print("Adam:", len(adam.param_groups[0]), "keys:", list(adam.param_groups[0]))
