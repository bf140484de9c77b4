"""How many elements of temporaries SGD's step() holds at once, three ways."""

import os
import weakref

import torch
from torch import nn
from torch.optim.optimizer import _default_to_fused_or_foreach
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_leaves

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


class Temporaries(TorchDispatchMode):
    """Counts the elements of the new tensors still alive, and their peak."""

    def __init__(self):
        super().__init__()
        self.alive = self.peak = 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        given = {
            t.untyped_storage().data_ptr()
            for t in tree_leaves((args, kwargs))
            if isinstance(t, torch.Tensor)
        }
        for t in tree_leaves(out):
            if not isinstance(t, torch.Tensor):
                continue
            if t.untyped_storage().data_ptr() not in given:  # (1)!
                self.alive += t.numel()
                self.peak = max(self.peak, self.alive)
                weakref.finalize(t, self.freed, t.numel())  # (2)!
        return out

    def freed(self, numel):
        self.alive -= numel


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(*[nn.Linear(128, 128) for _ in range(8)]).to(device)


def peak_of_second_step(how, options):
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, **how, **options)
    for _ in range(2):  # (3)!
        for p in model.parameters():
            p.grad = torch.ones_like(p)
        with Temporaries() as counter:
            opt.step()
    return counter.peak


params = list(make_model().parameters())
total = sum(p.numel() for p in params)
largest = max(p.numel() for p in params)
print(f"{len(params)} parameter tensors: {total} elements, largest {largest}")
implementations = {
    "for-loop": dict(foreach=False),
    "foreach": dict(foreach=True),
    "fused": dict(fused=True),
}
settings = {
    "momentum": dict(momentum=0.9),
    "momentum, weight decay": dict(momentum=0.9, weight_decay=1e-4),
    "nesterov, weight decay": dict(
        momentum=0.9, nesterov=True, weight_decay=1e-4
    ),
    "momentum, maximize": dict(momentum=0.9, maximize=True),
}
print("peak of temporaries during step(), in elements:")
print(f"  {'':24}" + "".join(f"{name:>10}" for name in implementations))
for name, options in settings.items():
    peaks = [
        peak_of_second_step(how, options) for how in implementations.values()
    ]
    print(f"  {name:24}" + "".join(f"{peak:10}" for peak in peaks))

cpu_params = [p.cpu() for p in params]
_, foreach = _default_to_fused_or_foreach(cpu_params, False, False)
print("SGD's default for CPU tensors:", "foreach" if foreach else "for-loop")
