"""GAN training: the discriminator's step() breaks the generator's graph."""

import os
import re

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
torch.manual_seed(0)
G = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2)).to(device)
D = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1)).to(device)
opt_g = torch.optim.SGD(G.parameters(), lr=0.1)
opt_d = torch.optim.SGD(D.parameters(), lr=0.1)
bce = nn.BCEWithLogitsLoss()
noise = torch.randn(16, 2, dtype=torch.float64).float().to(device)
real = torch.randn(16, 2, dtype=torch.float64).float().to(device) + 3
ones = torch.ones(16, 1, device=device)
zeros = torch.zeros(16, 1, device=device)

fake = G(noise)
d_on_fake = D(fake)  # (1)!
d_loss = bce(D(real), ones) + bce(d_on_fake, zeros)
g_loss = bce(d_on_fake, ones)

opt_d.zero_grad()
d_loss.backward(retain_graph=True)  # (2)!
opt_d.step()  # (3)!
opt_g.zero_grad()
try:
    g_loss.backward()
except RuntimeError as error:
    message = str(error)
    print("RuntimeError:", message.split(":")[0])
    found = re.search(r"version (\d+); expected version (\d+)", message)
    now, saved = int(found[1]), int(found[2])
    print(f"in-place writes to a saved weight since forward: {now - saved}")
