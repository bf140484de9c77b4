"""create_graph=True: a gradient that has a graph of its own."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor(3.0, device=device, requires_grad=True)
loss = w**3
loss.backward(create_graph=True)  # warns about a reference cycle
print("w.grad:", w.grad)  # 3 * w**2, with a grad_fn
(second,) = torch.autograd.grad(w.grad, w)
print("d(w.grad)/dw:", second)  # 6 * w
w.grad = None  # breaks the cycle between w and its gradient

# the same two derivatives with autograd.grad: no warning, no .grad
loss = w**3
(first,) = torch.autograd.grad(loss, w, create_graph=True)
(second,) = torch.autograd.grad(first, w)
print("autograd.grad:", first, second)
print("w.grad after autograd.grad:", w.grad)
