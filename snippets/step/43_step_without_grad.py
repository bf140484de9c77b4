"""step() before any backward: no update, no state, for SGD, Adam, AdamW."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
optimizers = {
    "SGD(momentum=0.9, weight_decay=0.1)": (
        torch.optim.SGD,
        dict(lr=0.1, momentum=0.9, weight_decay=0.1),
    ),
    "Adam(lr=0.1)": (torch.optim.Adam, dict(lr=0.1)),
    "AdamW(weight_decay=0.1)": (torch.optim.AdamW, dict(weight_decay=0.1)),
}
for name, (cls, options) in optimizers.items():
    w = torch.tensor([1.0, -1.0], device=device, requires_grad=True)
    optimizer = cls([w], **options)
    returned = optimizer.step()  # w.grad is None
    print(
        f"{name:36} returns {returned}, grad {w.grad},",
        f"w {w.detach().cpu()}, state {dict(optimizer.state)}",
    )
