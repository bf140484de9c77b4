"""On random float64 data the two loops round differently: a few ulp apart."""
# markers: cpu-only
import math
from importlib import import_module

import torch

descend = import_module("02_by_hand").descend
train = import_module("03_with_pytorch").train

generator = torch.Generator().manual_seed(0)  # CPU generator: same data everywhere
inputs = torch.rand(8, 3, dtype=torch.float64, generator=generator) * 2 - 1
labels = inputs @ torch.tensor([1.5, -2.0, 0.5], dtype=torch.float64)
inputs, labels = inputs.tolist(), labels.tolist()

steps = 500
by_hand = [w for _, _, w in descend(inputs, labels, 0.1, steps)]
pytorch = [w for _, _, w in train(inputs, labels, 0.1, steps)]


def ulps(a, b):
    return max(abs(x - y) / math.ulp(x) for x, y in zip(a, b))


gaps = [ulps(h, p) for h, p in zip(by_hand, pytorch)]
print(f"bit-identical steps: {gaps.count(0)} of {steps}")
print(f"first step that differs: {next(i for i, g in enumerate(gaps, 1) if g)}")
print(f"largest gap: {max(gaps):.0f} ulp")
print(f"after {steps} steps:", [round(w, 12) for w in pytorch[-1]])
