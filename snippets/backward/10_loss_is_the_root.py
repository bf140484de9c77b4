"""The loss is the graph's root, and its value can enter the backward pass."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

torch.manual_seed(0)
model = nn.Linear(2, 1).to(device)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
y = torch.tensor([[1.0], [0.0]], device=device)

mse = nn.functional.mse_loss(model(x), y)
loss = mse.sqrt()  # root mean squared error
root = loss.grad_fn
print("root node:", type(root).__name__)
print("it saved the loss value:", root._saved_result.equal(loss))

(mse_grad,) = torch.autograd.grad(mse, model.weight, retain_graph=True)
loss.backward()
print(f"loss = {loss.item():.4f}, weight.grad = {model.weight.grad}")
print(
    "weight.grad == mse's gradient / (2 * loss):",
    torch.allclose(model.weight.grad, mse_grad / (2 * loss)),
)

loss = nn.functional.mse_loss(model(x), y).sqrt()
loss.mul_(1.0)  # touch the loss in place: its version moves on
try:
    loss.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")
