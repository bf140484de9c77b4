"""The engine runs the graph's nodes from the root to AccumulateGrad."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

w = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
loss = ((w * 2) ** 2).sum()

chain = [loss.grad_fn]
while chain[-1].next_functions:  # this graph is a chain: one child each
    chain.append(chain[-1].next_functions[0][0])
for node in chain:

    def before(grad_outputs, name=type(node).__name__):
        print(f"runs {name:15} gets {grad_outputs[0]!s}")

    node.register_prehook(before)

accumulate = chain[-1]
accumulate.register_prehook(lambda _: print(f"  w.grad before: {w.grad}"))
accumulate.register_hook(lambda *_: print(f"  w.grad after:  {w.grad}"))
loss.backward()
