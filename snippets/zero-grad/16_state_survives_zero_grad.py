"""zero_grad clears .grad, not the optimizer's state."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
w = torch.tensor([1.0, -1.0], device=device, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)

for _ in range(2):
    optimizer.zero_grad()
    (w**2).sum().backward()
    optimizer.step()

print("state before zero_grad:", optimizer.state_dict()["state"])
optimizer.zero_grad()
print("state after zero_grad: ", optimizer.state_dict()["state"])
print("w.grad:", w.grad)
optimizer.state.clear()  # what actually forgets the momentum
print("after state.clear():", optimizer.state_dict()["state"])
