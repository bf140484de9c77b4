"""The C++ frontend's zero_grad default, read from the installed headers."""

import inspect
import os
from pathlib import Path

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
api = Path(torch.__file__).parent / "include/torch/csrc/api/include"

for header in ("torch/optim/optimizer.h", "torch/nn/module.h"):
    lines = (api / header).read_text().splitlines()
    for number, line in enumerate(lines, start=1):
        if "void zero_grad(" in line:
            print(f"{header}:{number}: {line.strip()}")

for method in (torch.optim.Optimizer.zero_grad, torch.nn.Module.zero_grad):
    print(f"{method.__qualname__}{inspect.signature(method)}")
