"""The old one-liner Variable.grad.data.zero_() fails on today's None."""

# markers: raises
import os

import torch
from torch.autograd import Variable

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

v = Variable(torch.ones(2, device=device), requires_grad=True)
print("Variable(...) returns a", type(v).__name__)
optimizer = torch.optim.SGD([v], lr=0.1)
(2 * v).sum().backward()
optimizer.zero_grad()
print("v.grad after zero_grad():", v.grad)
v.grad.data.zero_()
