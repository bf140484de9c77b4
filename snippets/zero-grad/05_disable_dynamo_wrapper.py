"""Optimizer.zero_grad is a wrapper; the real method is its __wrapped__."""

import inspect
import os
from pathlib import Path

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
root = Path(torch.__file__).parent.parent


def where(function):
    return Path(inspect.getsourcefile(function)).relative_to(root).as_posix()


wrapper = torch.optim.Optimizer.zero_grad
real = inspect.unwrap(wrapper)
print("wrapper:", wrapper.__qualname__, "in", where(wrapper))
print("real:   ", real.__qualname__, "in", where(real))
print(
    "same function:",
    wrapper is real,
    "| wraps it:",
    wrapper.__wrapped__ is real,
)
