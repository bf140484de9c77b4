"""The 2018 SGD.step logic, rewritten, against today's torch.optim.SGD.

cpu-only: on CPU both run the same per-tensor loop; on CUDA today's default
is the foreach path, which the comparison above covers instead.
"""

# markers: exact, cpu-only
import warnings

import torch


def step_2018(
    params,
    state,
    lr,
    momentum=0.0,
    dampening=0.0,
    weight_decay=0.0,
    nesterov=False,
):
    for p in params:
        if p.grad is None:
            continue
        d_p = p.grad.data  # (1)!
        if weight_decay != 0:
            d_p.add_(p.data, alpha=weight_decay)
        if momentum != 0:
            if p not in state:
                buf = state[p] = d_p.clone().detach()
            else:
                buf = state[p]
                buf.mul_(momentum).add_(d_p, alpha=1 - dampening)
            d_p = d_p.add(buf, alpha=momentum) if nesterov else buf
        p.data.add_(d_p, alpha=-lr)


def run(make_step, steps=20):
    torch.manual_seed(0)
    # float64 draws match on every CPU; float32 ones differ in the last bit
    w = torch.randn(4, 3, dtype=torch.float64).float().requires_grad_()
    x = torch.randn(8, 4, dtype=torch.float64).float()
    step = make_step(w)
    grad_changed = []
    for _ in range(steps):
        w.grad = None
        (x @ w).tanh().pow(2).sum().backward()
        grad = w.grad.clone()
        step()
        grad_changed.append(not torch.equal(w.grad, grad))
    return w.detach(), any(grad_changed)


def old_sgd(options):
    def make_step(w):
        state = {}
        return lambda: step_2018([w], state, 0.1, **options)

    return make_step


def new_sgd(options):
    return lambda w: torch.optim.SGD([w], lr=0.1, **options).step


print(f"{'':47} 2018 w    step() changes p.grad")
print(f"{'SGD options, lr=0.1, 20 steps':47} == today  2018    today")
for options in (
    dict(momentum=0.9),
    dict(momentum=0.9, weight_decay=0.01),
    dict(momentum=0.9, dampening=0.5, weight_decay=0.01),
    dict(momentum=0.9, nesterov=True, weight_decay=0.01),
):
    old, old_changed = run(old_sgd(options))
    new, new_changed = run(new_sgd(options))
    shown = ", ".join(f"{k}={v}" for k, v in options.items())
    print(
        f"{shown:47} {torch.equal(old, new)!s:9} {old_changed!s:7}",
        new_changed,
    )

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.zeros(1).add_(0.1, torch.ones(1))  # (2)!
message = str(caught[0].message).splitlines()
print(f"{caught[0].category.__name__}: {message[0]} {message[1].strip()}")
