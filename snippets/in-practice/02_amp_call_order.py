"""Mixed precision: autocast for the forward, GradScaler around step()."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

inputs = torch.tensor([[1.0, 2.0], [3.0, -1.0]], device=device)
labels = torch.tensor([[0.0625], [1.8125]], device=device)
net = nn.Linear(2, 1, bias=False).to(device)
with torch.no_grad():
    net.weight.copy_(torch.tensor([[0.5, -0.25]]))
optimizer = torch.optim.SGD(net.parameters(), lr=0.125)
scaler = torch.amp.GradScaler(device.type)  # (1)!


def show_grad(optimizer, args, kwargs):
    print("  step() sees .grad     ", net.weight.grad.tolist())


optimizer.register_step_pre_hook(show_grad)

optimizer.zero_grad()
with torch.autocast(device.type, dtype=torch.float16):  # (2)!
    outputs = net(inputs)
    loss = nn.functional.mse_loss(outputs, labels)
print("forward: outputs", outputs.dtype, "| loss", loss.dtype, loss.item())
scaled = scaler.scale(loss)  # (3)!
print(
    "scale():  scaled loss   ",
    scaled.item(),
    "=",
    loss.item(),
    "*",
    scaler.get_scale(),
)
scaled.backward()  # (4)!
print("backward: .grad         ", net.weight.grad.tolist())
scaler.step(optimizer)  # (5)!
scaler.update()  # (6)!
print("update(): scale now     ", scaler.get_scale())
print("weight after the step   ", net.weight.tolist())
