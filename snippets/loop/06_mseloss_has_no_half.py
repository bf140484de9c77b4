"""nn.MSELoss has no ½: twice the hand-written loss, twice the gradient."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

inputs = torch.tensor([[1.0, 2.0], [3.0, 0.0]], device=device)
labels = torch.tensor([[4.0], [1.0]], device=device)
w = torch.tensor([[0.5], [1.0]], device=device, requires_grad=True)

half_mse = ((labels - inputs @ w) ** 2 / 2).mean()  # the hand-written loss
mse = nn.MSELoss()(inputs @ w, labels)
print(f"½·MSE {half_mse.item():.4f}   nn.MSELoss() {mse.item():.4f}")

half_mse.backward()
half_grad = w.grad
w.grad = None  # start the next gradient from scratch
mse.backward()
print("gradient of ½·MSE:       ", half_grad.flatten().tolist())
print("gradient of nn.MSELoss():", w.grad.flatten().tolist())
print("twice as large:", torch.equal(w.grad, 2 * half_grad))
