"""The same gradient descent as a PyTorch training loop."""

# markers: exact
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))


def train(inputs, labels, alpha, steps, device=device):
    """Yield (step, mean loss, weights after the update)."""
    f64 = dict(dtype=torch.float64, device=device)
    inputs = torch.tensor(inputs, **f64)
    labels = torch.tensor(labels, **f64).unsqueeze(1)
    net = nn.Linear(inputs.shape[1], 1, bias=False, **f64)
    nn.init.zeros_(net.weight)  # start from zeros, as by hand
    criterion = nn.MSELoss()  # mean of squares, no ½
    optimizer = torch.optim.SGD(net.parameters(), lr=alpha)
    for step in range(1, steps + 1):
        optimizer.zero_grad()  # (1)!
        outputs = net(inputs)  # (2)!
        loss = criterion(outputs, labels) / 2  # (3)!
        loss.backward()  # (4)!
        optimizer.step()  # (5)!
        weights = net.weight.detach().flatten().tolist()
        yield step, loss.item(), weights


if __name__ == "__main__":
    inputs = [
        [1.0, 2.0, 0.0],
        [0.0, 1.0, 3.0],
        [2.0, 0.0, 1.0],
        [1.0, 1.0, 1.0],
    ]
    labels = [5.0, 7.0, 1.0, 4.0]
    for step, loss, w in train(inputs, labels, 0.125, 10):
        if step in (1, 2, 3, 10):
            print(f"step {step}  loss {loss:.6f}  weights {w}")
