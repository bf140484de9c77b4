"""GAN training in an order that works, two ways."""

import os

import torch
from torch import nn

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))
bce = nn.BCEWithLogitsLoss()
torch.manual_seed(1)
noise = torch.randn(16, 2, dtype=torch.float64).float().to(device)
real = torch.randn(16, 2, dtype=torch.float64).float().to(device) + 3
ones = torch.ones(16, 1, device=device)
zeros = torch.zeros(16, 1, device=device)


def make():
    torch.manual_seed(0)
    G = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2))
    D = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
    G, D = G.to(device), D.to(device)
    opt_g = torch.optim.SGD(G.parameters(), lr=0.1)
    opt_d = torch.optim.SGD(D.parameters(), lr=0.1)
    return G, D, opt_g, opt_d


def d_loss_of(D, fake):
    return bce(D(real), ones) + bce(D(fake), zeros)


# 1. step D on a detached fake, then G through the updated D
G, D, opt_g, opt_d = make()
fake = G(noise)
opt_d.zero_grad()
d_loss_of(D, fake.detach()).backward()  # (1)!
opt_d.step()
d_grad = D[0].weight.grad.clone()
D.requires_grad_(False)  # (2)!
opt_g.zero_grad()
bce(D(fake), ones).backward()  # (3)!
opt_g.step()
D.requires_grad_(True)
print(
    "1. G got .grad:",
    G[0].weight.grad is not None,
    "| D's .grad unchanged by G's backward:",
    torch.equal(d_grad, D[0].weight.grad),
)
g_after_1 = G[0].weight.detach().clone()

# 2. both backward passes first, then both steps
G, D, opt_g, opt_d = make()
fake = G(noise)
opt_g.zero_grad()
bce(D(fake), ones).backward()  # (4)!
opt_d.zero_grad()  # (5)!
d_loss_of(D, fake.detach()).backward()
opt_g.step()
opt_d.step()
print(
    "2. ran | G's weights equal to order 1:",
    torch.equal(g_after_1, G[0].weight),
)
