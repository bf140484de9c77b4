"""Which of the three SGD implementations runs, recorded as it runs."""

# markers: exact
import os

import torch
import torch.optim.sgd as sgd_module
from torch.utils._foreach_utils import _get_foreach_kernels_supported_devices

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
IMPLEMENTATIONS = ["_single_tensor_sgd", "_multi_tensor_sgd", "_fused_sgd"]
ran = []


def recorded(name, function):
    def wrapper(*args, **kwargs):
        ran.append(name)
        return function(*args, **kwargs)

    return wrapper


originals = {name: getattr(sgd_module, name) for name in IMPLEMENTATIONS}
for name, function in originals.items():  # (1)!
    setattr(sgd_module, name, recorded(name, function))


def which(on, **options):
    ran.clear()
    w = torch.ones(3, device=on, requires_grad=True)
    w.grad = torch.ones(3, device=on)
    torch.optim.SGD([w], lr=0.1, momentum=0.9, **options).step()
    return ran[0]


print("foreach kernels on:", _get_foreach_kernels_supported_devices())
print(f"{'CPU tensors, default':34} ->", which("cpu"))
for options in ({"foreach": False}, {"foreach": True}, {"fused": True}):
    print(f"SNIPPET_DEVICE, {str(options):18} ->", which(device, **options))
listed = device.type in _get_foreach_kernels_supported_devices()
picked = which(device) == "_multi_tensor_sgd"  # (2)!
print(
    "SNIPPET_DEVICE, default picks foreach",
    f"exactly when its type is listed: {picked == listed}",
)
for name, function in originals.items():  # put torch back as it was
    setattr(sgd_module, name, function)
