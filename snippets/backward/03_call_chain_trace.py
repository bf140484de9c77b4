"""The Python functions loss.backward() runs, down to the C++ engine."""

import os
import sys

import torch
from torch.autograd.variable import Variable

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
loss = (w * w).sum()
SHOWN_C = {"_VariableFunctionsClass.ones_like", "_EngineBase.run_backward"}


def autograd_file(frame):
    """'torch/autograd/graph.py' for a frame in autograd's code, else ''."""
    path = frame.f_code.co_filename.replace(os.sep, "/")
    inside = "/torch/_tensor.py" in path or "/torch/autograd/" in path
    return "torch/" + path.rpartition("/torch/")[2] if inside else ""


def depth(frame):
    """How many autograd frames are on the stack, this one included."""
    count = 0
    while frame is not None:
        count += bool(autograd_file(frame))
        frame = frame.f_back
    return count


def profile(frame, event, arg):
    name = frame.f_code.co_qualname
    if event == "call" and autograd_file(frame) and "<genexpr>" not in name:
        print(f"{'  ' * (depth(frame) - 1)}{autograd_file(frame)}: {name}")
    elif event == "c_call" and getattr(arg, "__qualname__", "") in SHOWN_C:
        print(f"{'  ' * depth(frame)}C: {arg.__qualname__}")


sys.setprofile(profile)
loss.backward()
sys.setprofile(None)
print("Variable._execution_engine is a", type(Variable._execution_engine))
print("C++ source of this build: commit", torch.version.git_version)
print("w.grad:", w.grad)
