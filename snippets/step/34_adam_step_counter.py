"""Adam's step is a 0-d tensor; capturable=True or fused=True put it beside
the parameter, the default keeps it on the CPU."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def fresh_state(**options):
    w = torch.tensor([[1.0, -1.0], [2.0, 0.5]], device=device)
    w.requires_grad_()
    w.grad = torch.ones_like(w)
    adam = torch.optim.Adam([w], lr=0.1, **options)
    try:
        adam.step()  # makes the state, then updates
    except AssertionError:  # (1)!
        pass
    return w, adam.state[w]


for options in ({}, {"capturable": True}, {"fused": True}):
    w, state = fresh_state(**options)
    step = state["step"]
    if options:
        where = f"on w's device: {step.device == w.device}"
    else:
        where = f"on the CPU: {step.device.type == 'cpu'}"
    name = ", ".join(f"{k}={v}" for k, v in options.items())
    print(
        f"{'Adam(' + name + '):':22}",
        f"step shape {tuple(step.shape)}, ndim {step.ndim}, {step.dtype},",
        where,
    )
same = state["exp_avg"].shape == w.shape == state["exp_avg_sq"].shape
print(f"exp_avg, exp_avg_sq: shape {tuple(w.shape)}, the shape of w: {same}")
