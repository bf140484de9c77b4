"""Adam lets differentiable=True pick the for-loop; SGD does not."""

# markers: exact
import os

import torch
import torch.optim.adam as adam_module
import torch.optim.sgd as sgd_module

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
IMPLEMENTATIONS = ["_single_tensor_sgd", "_multi_tensor_sgd", "_fused_sgd"]
told, chose, ran = [], [], []
helper = sgd_module._default_to_fused_or_foreach


def spy(params, differentiable, use_fused=False):  # (1)!
    told.append(differentiable)
    chose.append(helper(params, differentiable, use_fused)[1])
    return helper(params, differentiable, use_fused)


def recorded(name, function):
    def wrapper(*args, **kwargs):
        ran.append(name)
        return function(*args, **kwargs)

    return wrapper


originals = {name: getattr(sgd_module, name) for name in IMPLEMENTATIONS}
for name, function in originals.items():
    setattr(sgd_module, name, recorded(name, function))
sgd_module._default_to_fused_or_foreach = spy
adam_module._default_to_fused_or_foreach = spy


def step(optimizer_class, **options):
    told.clear()
    chose.clear()
    ran.clear()
    w = torch.ones(3, device=device)  # (2)!
    w.grad = torch.ones(3, device=device)
    optimizer_class([w], lr=0.1, **options).step()
    return told[0], chose[0], ran[:1]


told_sgd, _, ran_sgd = step(torch.optim.SGD, differentiable=True)
_, _, ran_default = step(torch.optim.SGD)
print("SGD(differentiable=True):  the helper is told", told_sgd)
print("SGD(differentiable=True) runs what SGD() runs:", ran_sgd == ran_default)
told_adam, foreach_adam, _ = step(torch.optim.Adam, differentiable=True)
print("Adam(differentiable=True): the helper is told", told_adam)
print("Adam(differentiable=True): foreach chosen:", foreach_adam)
try:
    torch.optim.SGD([torch.ones(1)], fused=True, differentiable=True)
except RuntimeError as error:
    print(f"SGD(fused=True, differentiable=True): RuntimeError: {error}")

for foreach in (False, True):  # (3)!
    w0 = torch.ones(3, device=device, requires_grad=True)
    w = w0 * 1  # not a leaf: allowed with differentiable=True
    w.grad = torch.full((3,), 0.5, device=device)
    lr = torch.tensor(0.1, device=device, requires_grad=True)
    optimizer = torch.optim.SGD(
        [w], lr=lr, differentiable=True, foreach=foreach
    )
    try:
        optimizer.step()
        w.sum().backward()
        print(f"foreach={foreach}: d(sum of w)/d(lr) = {lr.grad.item()}")
    except TypeError as error:
        print(f"foreach={foreach}: TypeError: {str(error).splitlines()[0]}")

for name, function in originals.items():  # put torch back as it was
    setattr(sgd_module, name, function)
sgd_module._default_to_fused_or_foreach = helper
adam_module._default_to_fused_or_foreach = helper
