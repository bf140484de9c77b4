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
subnormal = torch.tensor(2.0**-24)
print("2**-24 in float16:", f"{subnormal.half().item():.3g}")  # (1)!
print("2**-25 in float16:", (subnormal / 2).half().item())
tiny = torch.tensor(1e-8)
print("1e-8 in float16:", tiny.half().item())
print("1e-8 in bfloat16:", f"{tiny.bfloat16().item():.4g}")
for kind in ("cpu", "cuda"):
    print(f'autocast("{kind}") default:', torch.get_autocast_dtype(kind))

x = torch.ones(1, 2, device=device)
for dtype, use_scaler in (
    (torch.float16, False),
    (torch.float16, True),
    (torch.bfloat16, False),
):
    net = nn.Linear(2, 1, bias=False).to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    scaler = torch.amp.GradScaler(device.type, enabled=use_scaler)
    seen = {}
    with torch.autocast(device.type, dtype=dtype):
        out = net(x)
        out.register_hook(lambda g: seen.update(grad=g))
        loss = out.float().sum() * 1e-8  # (2)!
    scaler.scale(loss).backward()
    scaler.unscale_(optimizer)  # does nothing when the scaler is disabled
    g, w = seen["grad"], net.weight.grad
    print(f"{str(dtype):14} scaler {'on ' if use_scaler else 'off'}:")
    print(f"  gradient of the {g.dtype} output: {g.item():.3g}")
    print(f"  weight gradient ({w.dtype}): {w[0, 0].item():.3g}")
