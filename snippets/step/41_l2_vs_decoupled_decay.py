"""How much weight decay shrinks a weight, in Adam and in AdamW."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def after_ten_steps(cls, grad_scale, weight_decay):
    w = torch.ones(1, dtype=torch.float64, device=device, requires_grad=True)
    opt = cls([w], lr=0.01, weight_decay=weight_decay)
    for t in range(10):
        w.grad = torch.full_like(w, grad_scale * (-1) ** t)  # (1)!
        opt.step()
    return w.item()


print("gradient size | shrink by decay: Adam (L2) | AdamW (decoupled)")
for scale in (0.001, 1.0, 1000.0):
    shrink = [
        after_ten_steps(cls, scale, 0.0) - after_ten_steps(cls, scale, 0.1)
        for cls in (torch.optim.Adam, torch.optim.AdamW)
    ]
    print(f"{scale:13g} | {shrink[0]:26.6f} | {shrink[1]:17.6f}")
adamw = torch.optim.AdamW([torch.zeros(1, requires_grad=True)])
keys = ("weight_decay", "decoupled_weight_decay")
print(
    "AdamW is an Adam:",
    isinstance(adamw, torch.optim.Adam),
    "| defaults:",
    {k: adamw.defaults[k] for k in keys},
)
