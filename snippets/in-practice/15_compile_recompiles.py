"""What makes a compiled optimizer step compile again."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
inputs = torch.ones(2, 4, device=device)


def compilations(lr, momentum=0.0, scheduler=False, calls=5):
    torch._dynamo.reset()  # (1)!
    count = 0

    def counting_backend(graph_module, example_inputs):  # (2)!
        nonlocal count
        count += 1
        return graph_module.forward  # run the captured graph as it is

    net = nn.Linear(4, 1).to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)
    if scheduler:
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1)

    @torch.compile(backend=counting_backend)
    def step():
        optimizer.step()

    counts = []
    for _ in range(calls):
        optimizer.zero_grad()
        net(inputs).sum().backward()
        step()
        if scheduler:
            scheduler.step()  # (3)!
        counts.append(count)
    return counts


print("compilations after each of 5 calls:")
print("  float lr, no momentum       ", compilations(0.1))
print("  float lr, momentum=0.9      ", compilations(0.1, momentum=0.9))
print("  float lr  + StepLR          ", compilations(0.1, scheduler=True))
lr = torch.tensor(0.1)  # (4)!
print("  tensor lr + StepLR          ", compilations(lr, scheduler=True))
lr = torch.tensor(0.1)  # a fresh one: the scheduler changed the last
print(
    "  tensor lr + StepLR, momentum",
    compilations(lr, momentum=0.9, scheduler=True),
)
print(
    "torch._dynamo.config.recompile_limit:",
    torch._dynamo.config.recompile_limit,
)
