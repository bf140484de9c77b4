"""On random float64 data the two loops round differently."""

# markers: cpu-only
import math
from importlib import import_module

import torch

descend = import_module("02_by_hand").descend
train = import_module("03_with_pytorch").train

# Data from the CPU generator, so it is the same on every machine
generator = torch.Generator().manual_seed(0)
inputs = torch.rand(8, 3, dtype=torch.float64, generator=generator) * 2 - 1
labels = inputs @ torch.tensor([1.5, -2.0, 0.5], dtype=torch.float64)
inputs, labels = inputs.tolist(), labels.tolist()

steps = 500
by_hand = [w for _, _, w in descend(inputs, labels, 0.1, steps)]
pytorch = [w for _, _, w in train(inputs, labels, 0.1, steps)]


def ulps(a, b):
    """The largest gap between two weight lists, in units in the last place."""
    return max(abs(x - y) / math.ulp(x) for x, y in zip(a, b))


# How many steps are bit-identical depends on the CPU; the bound does not
gaps = [ulps(h, p) for h, p in zip(by_hand, pytorch)]
print(f"steps compared: {len(gaps)}")
print(f"every step within 4 ulp: {max(gaps) <= 4}")
print(f"after {steps} steps:", [round(w, 12) for w in pytorch[-1]])
