"""The momentum buffer: a detached copy of the first gradient, then updated."""

# markers: exact
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.zeros(2, device=device, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=1.0, momentum=0.5, dampening=0.5)
print("state before any step:", dict(optimizer.state))

w.grad = torch.tensor([1.0, 2.0], device=device)
optimizer.step()
buf = optimizer.state[w]["momentum_buffer"]
print("step 1: buf =", buf.tolist(), "(the gradient, no dampening)")
print(
    "        own memory:",
    buf.data_ptr() != w.grad.data_ptr(),
    "| requires_grad:",
    buf.requires_grad,
)
w.grad.mul_(100)  # (1)!
print("        after w.grad *= 100, buf =", buf.tolist())

w.grad = torch.tensor([2.0, -2.0], device=device)
optimizer.step()
first, second = torch.tensor([1.0, 2.0]), torch.tensor([2.0, -2.0])
by_hand = 0.5 * first + (1 - 0.5) * second
print(
    "step 2: buf =",
    buf.tolist(),
    "| 0.5 * buf + (1 - 0.5) * grad:",
    by_hand.tolist(),
)
print(
    "        same tensor, updated in place:",
    optimizer.state[w]["momentum_buffer"] is buf,
)
print("w after two steps:", w.detach().tolist())
