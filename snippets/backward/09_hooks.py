"""Two hooks on a leaf: one sees its gradient, one sees the sum in .grad."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
w.register_hook(lambda grad: print("  tensor hook gets:  ", grad))
w.register_post_accumulate_grad_hook(
    lambda p: print("  post-accumulate hook, w.grad =", p.grad)
)
for n in (1, 2):
    print(f"backward {n}")
    (w * w).sum().backward()

# a tensor hook may return a replacement gradient
u = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
u.register_hook(lambda grad: grad * 10)
(u * u).sum().backward()
print("u.grad with the gradient times 10:", u.grad)


# the post-accumulate hook can update the parameter at once
def sgd_in_backward(p):
    with torch.no_grad():
        p.add_(p.grad, alpha=-0.1)
    p.grad = None  # the gradient's memory is free again


v = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
v.register_post_accumulate_grad_hook(sgd_in_backward)
(v * v).sum().backward()
print("v after backward:", v, "v.grad:", v.grad)
