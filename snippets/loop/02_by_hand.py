"""Gradient descent for a linear model, by hand in Python 3."""
# markers: exact


def dot(x, weights):
    return sum(xj * wj for xj, wj in zip(x, weights))


def descend(inputs, labels, alpha, steps):
    """Yield (step, mean loss, weights after the update)."""
    m, n = len(inputs), len(inputs[0])
    weights = [0.0] * n
    for step in range(1, steps + 1):
        d_weights = [0.0] * n  # (1)!
        loss = 0.0
        for x, label in zip(inputs, labels):
            h = dot(x, weights)  # (2)!
            loss += (label - h) ** 2 / 2  # (3)!
            d_weights = [
                d + (label - h) * xj  # (4)!
                for d, xj in zip(d_weights, x)
            ]
        d_weights = [d / m for d in d_weights]
        weights = [
            w + alpha * d  # (5)!
            for w, d in zip(weights, d_weights)
        ]
        yield step, loss / m, weights


if __name__ == "__main__":
    inputs = [
        [1.0, 2.0, 0.0],
        [0.0, 1.0, 3.0],
        [2.0, 0.0, 1.0],
        [1.0, 1.0, 1.0],
    ]
    labels = [5.0, 7.0, 1.0, 4.0]
    for step, loss, w in descend(inputs, labels, 0.125, 10):
        if step in (1, 2, 3, 10):
            print(f"step {step}  loss {loss:.6f}  weights {w}")
