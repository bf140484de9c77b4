"""What SGD and Adam keep in their state after two steps."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def two_steps(optimizer_class, **options):
    w = torch.tensor([1.0, -1.0], device=device, requires_grad=True)
    optimizer = optimizer_class([w], lr=0.1, **options)
    for _ in range(2):
        optimizer.zero_grad()
        (w**2).sum().backward()
        optimizer.step()
    return w, optimizer


_, sgd = two_steps(torch.optim.SGD, momentum=0.9)
print("SGD: ", sgd.state_dict()["state"])
w, adam = two_steps(torch.optim.Adam)
print("Adam:", adam.state_dict()["state"])
state = adam.state[w]  # (1)!
print(
    "step:",
    state["step"].dtype,
    tuple(state["step"].shape),
    "| on the CPU:",
    state["step"].device.type == "cpu",
    "| exp_avg beside the parameter:",
    state["exp_avg"].device == w.device,
)
w, fused = two_steps(torch.optim.Adam, fused=True)
print(
    "fused=True: step beside the parameter:",
    fused.state[w]["step"].device == w.device,
)
