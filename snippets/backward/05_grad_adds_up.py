"""Leaves add into .grad; a result's .grad stays None unless retained."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
for n in (1, 2):
    h = w * 3  # a result, not a leaf
    loss = (h**2).sum()
    loss.backward()
    print(f"after backward {n}: w.grad = {w.grad}")  # 18 * w, added up

print("h.grad:", h.grad)  # warns, and is None

h = w * 3
h.retain_grad()
(h**2).sum().backward()
print("h.grad after retain_grad():", h.grad)  # 2 * h
