"""What zero_grad and one SGD step cost, measured on this machine."""

# markers: nondeterministic, figure, timeout=120
import os
import statistics
import time
from pathlib import Path

import matplotlib
import torch
from torch import nn
from torch.optim.optimizer import _default_to_fused_or_foreach
from torch.utils._foreach_utils import (
    _get_foreach_kernels_supported_devices as foreach_devices,
)

matplotlib.use("Agg")
import matplotlib.pyplot as plt

REPEATS = 20  # timed calls per variant; the table shows the median
device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def make_model(device):
    torch.manual_seed(0)
    layers = [nn.Linear(256, 256) for _ in range(48)]
    return nn.Sequential(*layers).to(device)


def give_gradients(model):
    for p in model.parameters():
        p.grad = torch.ones_like(p)


def median_us(call, prepare, device):
    times = []
    for _ in range(REPEATS + 3):  # the first 3 warm up
        prepare()
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        call()
        if device.type == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return statistics.median(times[3:]) * 1e6


def zero_grad_costs(device):
    model = make_model(device)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    batch = torch.randn(32, 256, device=device)
    losses = []

    def forward():  # not timed; backward needs a fresh graph each time
        give_gradients(model)
        losses.append(model(batch).square().mean())

    costs = {}
    for flag in (True, False):
        costs[f"zero_grad(set_to_none={flag})"] = median_us(
            lambda: opt.zero_grad(set_to_none=flag), forward, device
        )
    for flag in (True, False):

        def zero_then_backward():
            opt.zero_grad(set_to_none=flag)
            losses.pop().backward()

        costs[f"zero_grad({flag}) + backward"] = median_us(
            zero_then_backward, forward, device
        )
    return costs


def step_costs(device):
    variants = {
        "for-loop": dict(foreach=False),
        "foreach": dict(foreach=True),
        "fused": dict(fused=True),
    }
    costs, weights = {}, {}
    for name, how in variants.items():
        model = make_model(device)
        give_gradients(model)
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, **how)
        costs[f"step, {name}"] = median_us(opt.step, lambda: None, device)
        weights[name] = torch.cat([p.flatten() for p in model.parameters()])
    gap = max(
        (weights[n] - weights["for-loop"]).abs().max().item() for n in weights
    )
    return costs, gap


def measure(device):
    zero = zero_grad_costs(device)
    steps, gap = step_costs(device)
    # the device is named by the output's stamp, so the lines keep their shape
    print(f"median of {REPEATS} calls; ratio to the first row of each group")
    groups = (
        dict(list(zero.items())[:2]),
        dict(list(zero.items())[2:]),
        steps,
    )
    for group in groups:
        first = next(iter(group.values()))
        for name, us in group.items():
            # no padding around numbers: only the shape of a line is compared
            print(f"  {name:30} {us:.1f} µs = {us / first:.2f} x")
    print(
        f"  weights after {REPEATS + 3} steps, largest difference "
        f"from the for-loop: {gap:.1e}"
    )
    params = list(make_model(device).parameters())
    fused, foreach = _default_to_fused_or_foreach(params, False, False)
    listed = device.type in foreach_devices()
    print(
        f"  SGD's default uses foreach exactly on the devices listed "
        f"above: {foreach == listed}; fused: {fused}"
    )
    return {**zero, **steps}


torch.set_num_threads(1)  # steadier numbers on a shared machine
print(f"SGD defaults to foreach on: {', '.join(foreach_devices())}")
model = make_model(device)
tensors = list(model.parameters())
print(
    f"model: {len(tensors)} parameter tensors, "
    f"{sum(p.numel() for p in tensors):,} parameters, float32; "
    f"CPU threads: {torch.get_num_threads()}"
)
costs = measure(device)

# no words in the picture, only code: the page's caption says what the bars are
labels = {
    "zero_grad(set_to_none=True)": "zero_grad(set_to_none=True)",
    "zero_grad(set_to_none=False)": "zero_grad(set_to_none=False)",
    "zero_grad(True) + backward": "zero_grad(True); backward()",
    "zero_grad(False) + backward": "zero_grad(False); backward()",
    "step, for-loop": "step(), foreach=False",
    "step, foreach": "step(), foreach=True",
    "step, fused": "step(), fused=True",
}
figure, ax = plt.subplots(figsize=(7, 3.2))
names = list(costs)[::-1]
ax.barh([labels[n] for n in names], [costs[n] for n in names], color="#e64a19")
figure.tight_layout()
figures = Path(os.environ.get("SNIPPET_FIGURES", "."))
figure.savefig(
    figures / "02_zero_grad_and_step_costs.png",
    dpi=100,
    metadata={"Software": None},
)
