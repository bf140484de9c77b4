"""Weight decay is added to a copy of the gradient: p.grad is not changed."""

# markers: exact
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, -2.0], device=device, requires_grad=True)
w.grad = torch.tensor([0.5, 0.5], device=device)
before, grad_before = w.detach().clone(), w.grad.clone()
torch.optim.SGD([w], lr=0.5, weight_decay=0.25).step()

by_hand = before - 0.5 * (grad_before + 0.25 * before)  # (1)!
print("w after step:", w.detach().tolist())
print("w - lr * (grad + weight_decay * w):", by_hand.tolist())
print("p.grad unchanged by step:", torch.equal(w.grad, grad_before))
