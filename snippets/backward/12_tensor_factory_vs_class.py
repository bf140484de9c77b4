"""torch.tensor is a function that builds tensors; torch.Tensor, the class."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

print("torch.tensor is a", type(torch.tensor).__name__)
print("torch.Tensor is a", type(torch.Tensor).__name__, "(a class)")
t = torch.tensor([1, 2], device=device)
print(
    "torch.tensor([1, 2]):",
    t.dtype,
    "| an instance of torch.Tensor:",
    isinstance(t, torch.Tensor),
)
print("torch.Tensor([1, 2]):", torch.Tensor([1, 2]).dtype)
print(
    "torch.tensor(3.0).shape:",
    torch.tensor(3.0).shape,
    "| torch.Tensor(3).shape:",
    torch.Tensor(3).shape,
)
print(
    "nn.Parameter subclasses torch.Tensor:",
    issubclass(nn.Parameter, torch.Tensor),
)

# torch.Tensor(data) takes the default dtype, whatever the data
saved = torch.get_default_dtype()
print("default dtype:", saved)
torch.set_default_dtype(torch.float64)
try:
    print("after torch.set_default_dtype(torch.float64):")
    print("  torch.Tensor([1, 2])     ->", torch.Tensor([1, 2]).dtype)
    print("  torch.tensor([1, 2])     ->", torch.tensor([1, 2]).dtype)
    print("  torch.tensor([1.0, 2.0]) ->", torch.tensor([1.0, 2.0]).dtype)
finally:
    torch.set_default_dtype(saved)  # restore it for the code that follows
print("restored:", torch.get_default_dtype())
