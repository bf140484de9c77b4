"""Three ways to keep the first layer fixed, and one that fails."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(1)
x = torch.randn(16, 4, dtype=torch.float64).float().to(device)


def saved_activations(run, params):
    """Elements autograd keeps for backward, parameters not counted."""
    kept = {p.untyped_storage().data_ptr() for p in params}
    sizes = {}

    def pack(t):  # (1)!
        storage = t.untyped_storage()
        if storage.data_ptr() not in kept:
            sizes[storage.data_ptr()] = storage.nbytes() // t.element_size()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        h, loss = run()
    return h, loss, sum(sizes.values())


def train_once(way):
    torch.manual_seed(0)
    first = nn.Linear(4, 8).to(device)
    last = nn.Linear(8, 1).to(device)
    params = [*first.parameters(), *last.parameters()]
    if way == "requires_grad_(False)":
        first.requires_grad_(False)  # (2)!
    trained = (
        list(last.parameters()) if way == "left out of optimizer" else params
    )
    optimizer = torch.optim.SGD(
        trained, lr=0.1, momentum=0.9, weight_decay=0.01
    )
    before = first.weight.detach().clone()

    def run():
        if way == "torch.no_grad()":
            with torch.no_grad():  # (3)!
                h = first(x)
        else:
            h = first(x)
        return h, last(h.relu()).pow(2).mean()

    optimizer.zero_grad()
    h, loss, saved = saved_activations(run, params)
    loss.backward()
    if way == ".grad zeroed":
        for p in first.parameters():
            p.grad.zero_()  # (4)!
    grad = "None" if first.weight.grad is None else "tensor"
    optimizer.step()
    moved = not torch.equal(before, first.weight)
    recorded = h.grad_fn is not None
    print(f"{way:22}| {recorded!s:9}| {grad:7}| {saved:<15}| {moved}")
    return first, optimizer, run


print(
    f"{'first layer':22}| {'recorded':9}| {'.grad':7}| "
    f"{'kept (elements)':15}| weight moved"
)
results = {
    way: train_once(way)
    for way in (
        "trained",
        "requires_grad_(False)",
        "torch.no_grad()",
        "left out of optimizer",
        ".grad zeroed",
    )
}

# one more iteration for the layer left out of the optimizer
first, optimizer, run = results["left out of optimizer"]
old = first.weight.grad.clone()
optimizer.zero_grad()  # (5)!
kept = torch.equal(old, first.weight.grad)
_, loss = run()
(new,) = torch.autograd.grad(loss, first.weight, retain_graph=True)
loss.backward()
added = torch.equal(first.weight.grad, old + new)
print(f"left out: .grad unchanged by optimizer.zero_grad(): {kept}")
print(f"left out: .grad after the next backward() == old + new: {added}")
