"""The same gradient descent as 02_by_hand.py, written as a PyTorch training loop."""
import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))  # "cuda" runs it on a GPU


def train(inputs, labels, alpha, steps, device=device):
    """Yield (step, mean loss before the update, weights after it)."""
    inputs = torch.tensor(inputs, dtype=torch.float64, device=device)
    labels = torch.tensor(labels, dtype=torch.float64, device=device).unsqueeze(1)
    net = nn.Linear(inputs.shape[1], 1, bias=False, dtype=torch.float64).to(device)
    nn.init.zeros_(net.weight)  # the hand-written loop also starts from zeros
    criterion = nn.MSELoss()  # mean of (label - h)², without the ½
    optimizer = torch.optim.SGD(net.parameters(), lr=alpha)
    for step in range(1, steps + 1):
        optimizer.zero_grad()  # (1)!
        outputs = net(inputs)  # (2)!
        loss = criterion(outputs, labels) / 2  # (3)!
        loss.backward()  # (4)!
        optimizer.step()  # (5)!
        yield step, loss.item(), net.weight.detach().flatten().tolist()


if __name__ == "__main__":
    inputs = [[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]]
    labels = [5.0, 7.0, 1.0, 4.0]
    for step, loss, weights in train(inputs, labels, alpha=0.125, steps=10):
        if step in (1, 2, 3, 10):
            print(f"step {step}  loss {loss:.6f}  weights {weights}")
