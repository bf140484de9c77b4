"""requires_grads (with an s) is not an error, and does nothing."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.ones(2, device=device)
w.requires_grads = True  # a new Python attribute, nothing more
print("w.requires_grads:", w.requires_grads)
print("w.requires_grad: ", w.requires_grad)
try:
    (w * 3).sum().backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")

try:
    torch.ones(2, device=device, requires_grads=True)
except TypeError as error:
    print(f"TypeError: {error}")

# The typo on one tensor among others that are fine: no error anywhere
weight = torch.ones(2, device=device, requires_grad=True)
bias = torch.zeros(2, device=device)
bias.requires_grads = True  # (1)!
opt = torch.optim.SGD([weight, bias], lr=0.1)  # (2)!
x = torch.tensor([1.0, 2.0], device=device)
losses = []
for _ in range(3):
    opt.zero_grad()
    loss = ((weight * x + bias - 3) ** 2).mean()
    loss.backward()  # (3)!
    opt.step()
    losses.append(loss.item())
print("loss.grad_fn after the typo:", type(loss.grad_fn).__name__)
print(f"loss at step 1: {losses[0]:.4f}, at step 3: {losses[-1]:.4f}")
print("weight.grad is None:", weight.grad is None)
print("weight moved in 3 steps:", not torch.equal(weight, torch.ones_like(x)))
print("bias.grad:", bias.grad)
print("bias after 3 steps:", bias.tolist())
