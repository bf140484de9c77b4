"""The keys of an SGD param_group in the installed torch."""
# markers: exact
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.zeros(2, device=device, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
group = optimizer.param_groups[0]
print(len(group), "keys:", sorted(group))
