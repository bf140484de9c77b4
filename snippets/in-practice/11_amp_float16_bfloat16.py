"""float16 needs a GradScaler; bfloat16 has float32's range and does not."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

for dtype in (torch.float16, torch.bfloat16, torch.float32):
    info = torch.finfo(dtype)
    print(
        f"{str(dtype):14} largest {info.max:g}, "
        f"smallest normal {info.smallest_normal:.3g}"
    )
tiny = torch.tensor(1e-8)
print("1e-8 in float16:", tiny.half().item())  # (1)!
print("1e-8 in bfloat16:", f"{tiny.bfloat16().item():.4g}")

x = torch.ones(1, 2, device=device)
for dtype, use_scaler in (
    (torch.float16, False),
    (torch.float16, True),
    (torch.bfloat16, False),
):
    net = nn.Linear(2, 1, bias=False).to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    scaler = torch.amp.GradScaler(device.type, enabled=use_scaler)
    with torch.autocast(device.type, dtype=dtype):
        loss = net(x).float().sum() * 1e-8  # (2)!
    scaler.scale(loss).backward()
    scaler.unscale_(optimizer)  # does nothing when the scaler is disabled
    grad = net.weight.grad[0, 0].item()
    print(
        f"{str(dtype):14} scaler {'on ' if use_scaler else 'off'}: "
        f"weight gradient {grad:.3g} (true value 1e-08)"
    )
