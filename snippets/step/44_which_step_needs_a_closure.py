"""Which optimizers in torch.optim require a closure in step()."""

import inspect
import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
optimizers = [
    cls
    for cls in vars(torch.optim).values()
    if isinstance(cls, type)
    and issubclass(cls, torch.optim.Optimizer)
    and cls is not torch.optim.Optimizer
]
required, optional = [], []
for cls in sorted(optimizers, key=lambda cls: cls.__name__):
    closure = inspect.signature(cls.step).parameters["closure"]
    no_default = closure.default is inspect.Parameter.empty
    (required if no_default else optional).append(cls.__name__)
print(len(optimizers), "optimizers in torch.optim")
print("step(closure) required:", required)
print("step(closure=None), optional:", optional)

w = torch.zeros(2, device=device, requires_grad=True)
try:
    torch.optim.LBFGS([w]).step()
except TypeError as error:
    print(f"TypeError: {error}")
