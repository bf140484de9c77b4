"""The hand-written d_weights is the negative gradient, so its update adds."""

import os

import torch

device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))

inputs = [[1.0, 2.0], [3.0, 1.0], [0.0, 2.0], [2.0, 2.0]]
labels = [3.0, 2.0, 1.0, 5.0]
weights, alpha = [0.25, -0.5], 0.125

m, d_weights = len(inputs), [0.0, 0.0]
for x, label in zip(inputs, labels):
    h = sum(xj * wj for xj, wj in zip(x, weights))
    d_weights = [d + (label - h) * xj for d, xj in zip(d_weights, x)]
d_weights = [d / m for d in d_weights]

f64 = dict(dtype=torch.float64, device=device)
X, y = torch.tensor(inputs, **f64), torch.tensor(labels, **f64)
w = torch.tensor(weights, **f64, requires_grad=True)
loss = ((y - X @ w) ** 2 / 2).mean()
loss.backward()

print("hand-written d_weights:", d_weights)
print("PyTorch w.grad:        ", w.grad.tolist())
print("w.grad == -d_weights:", w.grad.tolist() == [-d for d in d_weights])
print(
    "weights + alpha * d_weights:",
    [a + alpha * d for a, d in zip(weights, d_weights)],
)
print("w - lr * w.grad:            ", (w - alpha * w.grad).tolist())
