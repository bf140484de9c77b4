"""A skipped first step makes the scheduler warn, in the right order."""

import os
import warnings

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

net = nn.Linear(2, 1, bias=False).to(device)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1)
scaler = torch.amp.GradScaler(device.type)  # starts at 65536
wrapped = hasattr(optimizer.step, "_wrapped_by_lr_sched")
print("optimizer.step is wrapped by the scheduler:", wrapped)  # (1)!
inputs = torch.ones(1, 2, device=device)

for batch in range(2):
    optimizer.zero_grad()
    with torch.autocast(device.type, dtype=torch.float16):
        loss = net(inputs).float().sum()  # gradient 1 per output
    scale, lr = scaler.get_scale(), optimizer.param_groups[0]["lr"]
    scaler.scale(loss).backward()  # (2)!
    scaler.step(optimizer)
    scaler.update()
    ran = getattr(optimizer, "_opt_called", False)  # set by the wrapper
    print(
        f"batch {batch}: lr {lr:.2f}, scale {scale}, "
        f"optimizer.step() has run: {ran}"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scheduler.step()  # (3)!
    for w in caught:
        first = str(w.message).split(". ")[0]
        print(f"  scheduler.step(): {w.category.__name__}: {first}.")
