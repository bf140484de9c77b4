"""One step on 4 accumulated micro-batches against one step on the batch."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
gen = torch.Generator().manual_seed(0)
x64 = torch.randn(32, 5, generator=gen, dtype=torch.float64)
y64 = torch.randn(32, 1, generator=gen, dtype=torch.float64)
w64 = torch.randn(1, 5, generator=gen, dtype=torch.float64)
k = 4


def model_and_optimizer(dtype, make_optimizer):
    model = nn.Linear(5, 1).to(device, dtype)
    with torch.no_grad():  # the same start on every machine
        model.weight.copy_(w64)
        model.bias.fill_(0.25)
    return model, make_optimizer(model.parameters())


def one_step(dtype, make_optimizer, micro_batches, divide=True):
    model, optimizer = model_and_optimizer(dtype, make_optimizer)
    x, y = x64.to(device, dtype), y64.to(device, dtype)
    for xs, ys in zip(x.chunk(micro_batches), y.chunk(micro_batches)):
        loss = nn.functional.mse_loss(model(xs), ys)
        (loss / micro_batches if divide else loss).backward()
    grad = model.weight.grad.clone()
    optimizer.step()  # the same lr for both
    return grad, model.weight.detach().clone()


def relative(a, b):
    return ((a - b).abs().max() / b.abs().max()).item()


optimizers = {
    "SGD": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "Adam": lambda p: torch.optim.Adam(p, lr=0.01),
}
for dtype in (torch.float32, torch.float64):
    bound = 10 * torch.finfo(dtype).eps  # (1)!
    eps = torch.finfo(dtype).eps
    print(f"{str(dtype)[6:]}: eps {eps:.3g}, bound {bound:.2g}")
    for name, make in optimizers.items():
        big_grad, big_w = one_step(dtype, make, 1)
        acc_grad, acc_w = one_step(dtype, make, k)
        print(
            f"{str(dtype)[6:]} {name:4} relative difference < 10 eps:"
            f" grad {relative(acc_grad, big_grad) < bound}"
            f" | weights after the step {relative(acc_w, big_w) < bound}"
        )

big_grad, _ = one_step(torch.float64, optimizers["SGD"], 1)
sum_grad, _ = one_step(torch.float64, optimizers["SGD"], k, divide=False)
ratio = (sum_grad / big_grad).mean().item()
print(f"without / k: the gradient is {ratio:.4f} times the batch's")
for name, make in optimizers.items():  # (2)!
    _, big_w = one_step(torch.float64, make, 1)
    _, sum_w = one_step(torch.float64, make, k, divide=False)
    same = relative(sum_w, big_w) < bound
    print(f"without / k, {name:4} weights within the bound: {same}")
