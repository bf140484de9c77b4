"""One SGD step written from its formulas, checked against torch.optim.SGD."""

# markers: exact
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def sgd_by_hand(
    theta,
    g,
    b,
    lr,
    momentum=0.0,
    dampening=0.0,
    weight_decay=0.0,
    nesterov=False,
    maximize=False,
):
    """Return the new parameter and momentum buffer."""
    if maximize:
        g = -g
    if weight_decay != 0:
        g = g + weight_decay * theta  # (1)!
    if momentum != 0:
        if b is None:
            b = g.clone()  # (2)!
        else:
            b = momentum * b + (1 - dampening) * g
        g = g + momentum * b if nesterov else b  # (3)!
    return theta - lr * g, b


# Dyadic numbers: nothing rounds, so both sides must agree bit for bit.
start = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64, device=device)
grads = [
    torch.tensor(g, dtype=torch.float64, device=device)
    for g in ([0.5, 1.0, -0.25], [0.25, -0.5, 1.0], [1.0, 0.75, 0.5])
]
settings = {
    "plain": {},
    "weight decay": dict(weight_decay=0.0625),
    "momentum": dict(momentum=0.5),
    "momentum, dampening": dict(momentum=0.5, dampening=0.25),
    "nesterov": dict(momentum=0.5, nesterov=True),
    "maximize, all": dict(
        momentum=0.5, weight_decay=0.0625, nesterov=True, maximize=True
    ),
}
for name, how in settings.items():
    param = start.clone().requires_grad_()
    opt = torch.optim.SGD([param], lr=0.125, **how)
    theta, b = start.clone(), None
    for g in grads:
        param.grad = g.clone()
        opt.step()
        theta, b = sgd_by_hand(theta, g, b, 0.125, **how)
    same = torch.equal(param.detach(), theta)
    shown = ", ".join(f"{v:9.6f}" for v in theta.tolist())
    print(f"{name:20} after 3 steps [{shown}]  identical: {same}")

param = start.clone().requires_grad_()
opt = torch.optim.SGD([param], lr=0.125, momentum=0.5, dampening=0.25)
param.grad = grads[0].clone()
opt.step()
first = opt.state[param]["momentum_buffer"]
print(f"buffer after step 1 == gradient: {torch.equal(first, grads[0])}")

# two more steps: the buffer is a decaying sum of all three gradients
for g in grads[1:]:
    param.grad = g.clone()
    opt.step()
mu, tau = 0.5, 0.25
weights = [mu**2, mu * (1 - tau), 1 - tau]  # g1 has decayed twice, g3 never
decayed = sum(w * g for w, g in zip(weights, grads))
buffer = opt.state[param]["momentum_buffer"]
print(
    f"buffer after step 3 == {weights[0]} g1 + {weights[1]} g2 "
    f"+ {weights[2]} g3: {torch.equal(buffer, decayed)}"
)
