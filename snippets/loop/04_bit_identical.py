"""Where float64 never rounds, the two loops agree to the last bit."""

# markers: exact
from fractions import Fraction
from importlib import import_module

descend = import_module("02_by_hand").descend  # the hand-written loop
train = import_module("03_with_pytorch").train  # the PyTorch loop

inputs = [[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]]
labels = [5.0, 7.0, 1.0, 4.0]
m, n, alpha, steps = len(inputs), len(inputs[0]), Fraction(1, 8), 10

# The same descent in exact rational arithmetic: nothing is rounded
exact, rational = [Fraction(0)] * n, []
for _ in range(steps):
    errors = [
        Fraction(y) - sum(Fraction(xj) * w for xj, w in zip(x, exact))
        for x, y in zip(inputs, labels)
    ]
    gradient = [
        sum(e * Fraction(x[j]) for e, x in zip(errors, inputs)) / m
        for j in range(n)
    ]
    exact = [w + alpha * g for w, g in zip(exact, gradient)]
    rational.append(exact)

by_hand = [w for _, _, w in descend(inputs, labels, 0.125, steps)]
pytorch = [w for _, _, w in train(inputs, labels, 0.125, steps)]

as_fractions = [list(map(Fraction, w)) for w in by_hand]
print("hand-written == exact, every step:", as_fractions == rational)
print("PyTorch == hand-written, every step:", pytorch == by_hand)
print("step 10 in hex:", [w.hex() for w in pytorch[-1]])
