"""With fused=True, GradScaler.step() calls step() even on an overflow."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def spy(optimizer, args, kwargs):  # (1)!
    p = optimizer.param_groups[0]["params"][0]
    scale = getattr(optimizer, "grad_scale", None)
    found_inf = getattr(optimizer, "found_inf", None)
    print(f"    step() called, sees .grad {p.grad.tolist()}")
    if scale is not None:
        print(
            f"    optimizer.grad_scale {scale.item()}, "
            f"optimizer.found_inf {found_inf.item()}"
        )


for flags in ({}, {"fused": True}):
    p = torch.ones(2, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=0.5, **flags)
    optimizer.register_step_pre_hook(spy)
    scaler = torch.amp.GradScaler(device.type, init_scale=4.0)
    supports = getattr(optimizer, "_step_supports_amp_scaling", False)
    print(f"SGD {flags or 'default'}: handles the scale itself: {supports}")
    for name, factor in (("overflow", float("inf")), ("ordinary", 1.0)):
        optimizer.zero_grad()
        scaler.scale((p * factor).sum()).backward()  # true .grad: 1 or inf
        print(f"  {name} step, scale {scaler.get_scale()}:")
        scaler.step(optimizer)  # (2)!
        scaler.update()
        print(f"    weight after: {p.tolist()}")
