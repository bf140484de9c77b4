"""OneCycleLR steps after every batch, StepLR after every epoch."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

epochs, batches = 2, 3
nets = [nn.Linear(2, 1).to(device) for _ in range(2)]
per_batch = torch.optim.SGD(nets[0].parameters(), lr=0.1)
one_cycle = torch.optim.lr_scheduler.OneCycleLR(
    per_batch, max_lr=1.0, epochs=epochs, steps_per_epoch=batches
)  # (1)!
per_epoch = torch.optim.SGD(nets[1].parameters(), lr=0.1)
step_lr = torch.optim.lr_scheduler.StepLR(per_epoch, step_size=1, gamma=0.5)
print("total_steps:", one_cycle.total_steps)
inputs = torch.ones(1, 2, device=device)

for epoch in range(epochs):
    for batch in range(batches):
        used = [o.param_groups[0]["lr"] for o in (per_batch, per_epoch)]
        for net, optimizer in zip(nets, (per_batch, per_epoch)):
            optimizer.zero_grad()
            net(inputs).sum().backward()
            optimizer.step()
        one_cycle.step()  # (2)!
        print(
            f"epoch {epoch} batch {batch}: OneCycleLR lr {used[0]:<6.4g}"
            f" | StepLR lr {used[1]:.4g}"
        )
    step_lr.step()  # (3)!

try:
    one_cycle.step()  # one batch too many
except ValueError as error:
    print(f"step {one_cycle.total_steps + 1}: {type(error).__name__}: {error}")
