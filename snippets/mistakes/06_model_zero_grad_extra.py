"""model.zero_grad() clears the model, not all the optimizer holds."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

net = nn.Linear(2, 1, bias=False).to(device)
nn.init.ones_(net.weight)
scale = torch.tensor(1.0, device=device, requires_grad=True)  # not in net
optimizer = torch.optim.SGD([*net.parameters(), scale], lr=0.1)
inputs = torch.tensor([[1.0, 2.0]], device=device)


def backward(after):
    (scale * net(inputs)).sum().backward()
    print(
        f"{after:21} + backward: weight.grad "
        f"{net.weight.grad.tolist()}  scale.grad {scale.grad.item()}"
    )


for _ in range(2):
    net.zero_grad()  # (1)!
    backward("model.zero_grad()")
for _ in range(2):
    optimizer.zero_grad()  # (2)!
    backward("optimizer.zero_grad()")
