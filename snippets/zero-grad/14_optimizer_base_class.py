"""optim.Optimizer is a base class: parameters alone cannot build it."""

# markers: raises
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
model = nn.Linear(2, 1).to(device)

optimizer = torch.optim.Optimizer(model.parameters())
