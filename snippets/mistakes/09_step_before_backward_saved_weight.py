"""step() before backward() when backward needs a weight: an error."""

import os
import re

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
x = torch.tensor([[1.0, 2.0]], device=device)

torch.manual_seed(0)
alone = nn.Linear(2, 1, bias=False).to(device)  # the model above
net = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1)).to(device)
for name, model in (("one Linear", alone), ("two Linear", net)):
    saves = model(x).grad_fn._saved_mat2 is not None  # (1)!
    print(f"{name}: the last layer saves its weight for backward: {saves}")

optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
for batch in range(2):
    loss = net(x).sum()
    optimizer.step()  # (2)!
    optimizer.zero_grad()
    try:
        loss.backward()
        print(f"batch {batch}: backward() ran")
    except RuntimeError as error:
        message = str(error)
        print(f"batch {batch}: RuntimeError:", message.split(":")[0])
        found = re.search(r"version (\d+); expected version (\d+)", message)
        writes = int(found[1]) - int(found[2])
        print(f"in-place writes to that weight since forward: {writes}")
