"""Fused SGD + momentum: a skipped first step leaves garbage behind."""

# markers: nondeterministic
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def two_steps(**flags):
    """Step 1 overflows, so GradScaler skips it; step 2 is ordinary."""
    p = torch.ones(1000, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=0.1, momentum=0.9, **flags)
    scaler = torch.amp.GradScaler(device.type, init_scale=2.0)
    for factor in (float("inf"), 1.0):
        optimizer.zero_grad()
        scaler.scale((p * factor).sum()).backward()
        scaler.step(optimizer)
        scaler.update()
        if factor != 1.0:
            kept = "momentum_buffer" in optimizer.state[p]
            print(
                f"{flags or 'default'}: momentum buffer after the "
                f"skipped step exists: {kept}"
            )
    return p.detach()


expected = two_steps()  # 0.9 everywhere: 1 - lr * grad
fused = two_steps(fused=True)
wrong = ~torch.isclose(fused, expected)  # NaN counts as wrong
finite = (fused - expected).abs().nan_to_num(0.0, 0.0, 0.0)
print(
    f"fused SGD after step 2: {wrong.sum().item()} of 1000 entries "
    f"wrong, largest finite error {finite.max().item():.3g}"
)
