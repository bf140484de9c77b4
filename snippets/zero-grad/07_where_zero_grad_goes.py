"""zero_grad may go anywhere before backward, not between it and step."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
x = torch.tensor([[1.0, 2.0], [3.0, 1.0]], device=device)
y = torch.tensor([3.0, 2.0], device=device)


def train(order):
    w = torch.zeros(2, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.05)
    for _ in range(3):
        for call in order:
            if call == "zero_grad":
                optimizer.zero_grad()
            elif call == "forward":
                loss = ((x @ w - y) ** 2).mean()
            elif call == "backward":
                loss.backward()
            else:
                optimizer.step()
    return [round(v, 6) for v in w.tolist()]


for order in (
    "zero_grad forward backward step",
    "forward zero_grad backward step",
    "forward backward zero_grad step",
):
    print(f"{order:32} -> w = {train(order.split())}")
