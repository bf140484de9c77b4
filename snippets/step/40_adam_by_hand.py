"""Adam and AdamW written from their formulas, checked against torch."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def adam_by_hand(theta, grads, lr, betas, eps, weight_decay, decoupled):
    beta1, beta2 = betas
    m = v = torch.zeros_like(theta)
    for t, g in enumerate(grads, start=1):
        if decoupled:
            theta = theta * (1 - lr * weight_decay)  # (1)!
        else:
            g = g + weight_decay * theta  # (2)!
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
        theta = theta - lr * m_hat / (v_hat.sqrt() + eps)
    return theta


f64 = dict(dtype=torch.float64, device=device)
start = torch.tensor([1.0, -2.0, 0.5], **f64)
grads = [
    torch.tensor(g, **f64)
    for g in ([0.5, 1.0, -0.25], [0.25, -0.5, 1.0], [1.0, 0.75, 0.5])
]
how = dict(lr=0.1, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.5)
for name, cls, decoupled in (
    ("Adam ", torch.optim.Adam, False),
    ("AdamW", torch.optim.AdamW, True),
):
    param = start.clone().requires_grad_()
    opt = cls([param], **how)
    for g in grads:
        param.grad = g.clone()
        opt.step()
    theta = adam_by_hand(start, grads, decoupled=decoupled, **how)
    shown = ", ".join(f"{v:8.5f}" for v in theta.tolist())
    close = torch.allclose(param.detach(), theta, rtol=1e-12, atol=0)
    print(f"{name} after 3 steps [{shown}]  torch agrees to 1e-12: {close}")
