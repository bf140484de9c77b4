"""With Nesterov, foreach SGD writes into .grad; the for-loop does not."""

# markers: exact
import os

import torch
from torch.utils._foreach_utils import _get_foreach_kernels_supported_devices

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def grad_after_step(**options):
    w = torch.tensor([1.0, -1.0], device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, **options)
    g = torch.tensor([0.5, 2.0], device=device)
    w.grad = g.clone()  # what backward() would leave
    optimizer.step()
    return w.grad, not torch.equal(w.grad, g)


print("lr=0.1, momentum=0.9 in every run; .grad is [0.50, 2.00] before step()")
for implementation in ({"foreach": False}, {"foreach": True}, {"fused": True}):
    for extra in (
        {"nesterov": True},
        {},
        {"nesterov": True, "weight_decay": 0.1},
        {"nesterov": True, "maximize": True},
    ):
        options = {**implementation, **extra}
        grad, written = grad_after_step(**options)
        name = ", ".join(f"{k}={v}" for k, v in options.items())
        values = ", ".join(f"{v:.2f}" for v in grad.tolist())
        print(f"{name:46} .grad [{values}] changed: {written}")
listed = device.type in _get_foreach_kernels_supported_devices()
_, written = grad_after_step(nesterov=True)  # (1)!
print(
    "nesterov=True, no other option: .grad changed exactly where foreach",
    f"is the default: {written == listed}",
)
