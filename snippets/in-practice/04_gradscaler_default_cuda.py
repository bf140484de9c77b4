"""GradScaler() means GradScaler("cuda"): without a GPU it turns off."""

# markers: cpu-only
import inspect
import os
import warnings

os.environ["CUDA_VISIBLE_DEVICES"] = ""  # behave as a CPU-only machine

import torch

default = inspect.signature(torch.amp.GradScaler).parameters["device"]
print("GradScaler device parameter:", default)

loss = torch.tensor(0.5, requires_grad=True)
for args, call in (((), "GradScaler()"), (("cpu",), 'GradScaler("cpu")')):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scaler = torch.amp.GradScaler(*args)
    for w in caught:
        print(f"{w.category.__name__}: {w.message}")
    print(
        f"{call}: enabled={scaler.is_enabled()} "
        f"| scale(loss) = {scaler.scale(loss).item()}"
    )
