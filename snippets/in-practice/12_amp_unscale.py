"""GradScaler.unscale_(): before clipping, once, on the stepping batch."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
weights = torch.tensor([3.0, 4.0], device=device)  # true .grad: [3, 4]


def setup():
    p = torch.ones(2, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=0.1)

    def spy(optimizer, args, kwargs):
        grad = ", ".join(f"{g:.5g}" for g in p.grad.tolist())
        print(f"  step() sees .grad [{grad}]")

    optimizer.register_step_pre_hook(spy)
    return p, optimizer, torch.amp.GradScaler(device.type, init_scale=1024.0)


print("clip the scaled gradient (wrong):")
p, optimizer, scaler = setup()
scaler.scale((p * weights).sum()).backward()
norm = nn.utils.clip_grad_norm_([p], max_norm=1.0)
print(f"  clip_grad_norm_ measured {norm.item()}")
scaler.step(optimizer)  # unscales the clipped gradient: far too small

print("unscale_(), then clip (right):")
p, optimizer, scaler = setup()
scaler.scale((p * weights).sum()).backward()
scaler.unscale_(optimizer)  # (1)!
norm = nn.utils.clip_grad_norm_([p], max_norm=1.0)
print(f"  clip_grad_norm_ measured {norm.item()}")
try:
    scaler.unscale_(optimizer)  # (2)!
except RuntimeError as error:
    print(f"  second unscale_(): {type(error).__name__}: {error}")
scaler.step(optimizer)  # (3)!
scaler.update()

for after in (1, 2):
    verdict = ", the last one (right)" if after == 2 else " (wrong)"
    print(f"2 micro-batches, unscale_() after micro-batch {after}{verdict}:")
    p, optimizer, scaler = setup()
    for micro_batch in (1, 2):
        loss = (p * weights).sum() / 2
        scaler.scale(loss).backward()
        if micro_batch == after:
            scaler.unscale_(optimizer)  # (4)!
        grad = ", ".join(f"{g:.5g}" for g in p.grad.tolist())
        print(f"  after micro-batch {micro_batch}: .grad [{grad}]")
    scaler.step(optimizer)
    scaler.update()
