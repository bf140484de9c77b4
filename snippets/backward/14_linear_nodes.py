"""Which backward node nn.Linear leaves depends on its input and its bias."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def nodes_down_to_the_matmul(out):
    """The chain from out.grad_fn down to the node that multiplies."""
    chain, node = [], out.grad_fn
    while node is not None:
        chain.append(type(node).__name__)
        inner = [
            n
            for n, _ in node.next_functions
            if n is not None
            and type(n).__name__ not in ("AccumulateGrad", "TBackward0")
        ]  # (1)!
        node = inner[0] if inner else None
    return " -> ".join(chain)


torch.manual_seed(0)
with_bias = nn.Linear(3, 2).to(device)
no_bias = nn.Linear(3, 2, bias=False).to(device)
flat = torch.ones(4, 3, device=device)  # (batch, features)
batched = torch.ones(5, 4, 3, device=device)  # (batch, sequence, features)
cases = {
    "2-D input, bias=True": with_bias(flat),
    "2-D input, bias=False": no_bias(flat),
    "3-D input, bias=True": with_bias(batched),
    "3-D input, bias=False": no_bias(batched),
    "3-D non-contiguous, bias=True": with_bias(batched.transpose(0, 1)),
}
for name, out in cases.items():
    print(f"{name:30} {nodes_down_to_the_matmul(out)}")
