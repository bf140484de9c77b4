"""torch.compile on the optimizer step: same numbers as eager."""

# markers: slow
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

g = torch.Generator().manual_seed(0)
# float64 draws match on every CPU; float32 ones differ in the last bit
inputs = torch.randn(8, 4, generator=g, dtype=torch.float64).float().to(device)
labels = torch.randn(8, 1, generator=g, dtype=torch.float64).float().to(device)


def train(compiled):
    torch.manual_seed(0)
    net = nn.Linear(4, 1).to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)

    def step():
        optimizer.step()

    if compiled:
        step = torch.compile(step)  # (1)!
    for _ in range(5):
        optimizer.zero_grad()  # (2)!
        nn.functional.mse_loss(net(inputs), labels).backward()
        step()
    return torch.cat([p.detach().flatten() for p in net.parameters()])


eager, compiled = train(False), train(True)
print("eager   :", eager)
print("compiled:", compiled)
print(
    "max |difference| below 1e-6:",
    (eager - compiled).abs().max().item() < 1e-6,
)
