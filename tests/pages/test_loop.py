"""Differential test, micrograd style: the hand-written loop against the PyTorch loop.

Both functions are imported from the very snippets the loop page shows, and the comparison runs
in a forked child so that this process never initialises CUDA.
"""

from __future__ import annotations

import math
import random
from importlib.util import module_from_spec, spec_from_file_location

import pytest

from snippet_docs.runner.execute import run_function
from snippet_docs.snippets import SNIPPETS_DIR

# Gaps are counted in ulps of the largest weight of the step: a weight near zero has a tiny ulp
# of its own, so a per-element count would blow up without the trajectories drifting. Measured: 1.
MAX_ULP = 4


def _load(name: str):
    spec = spec_from_file_location(name.replace("/", "_"), SNIPPETS_DIR / f"loop/{name}.py")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _both(inputs, labels, alpha, steps, device):
    by_hand = [w for _, _, w in _load("02_by_hand").descend(inputs, labels, alpha, steps)]
    pytorch = [w for _, _, w in _load("03_with_pytorch").train(inputs, labels, alpha, steps, device=device)]
    return by_hand, pytorch


def _random_problem(seed: int):
    """m samples of n features in [-1, 1], labels from a hidden linear model plus noise."""
    rng = random.Random(seed)
    m, n = rng.randint(2, 12), rng.randint(1, 5)
    truth = [rng.uniform(-2, 2) for _ in range(n)]
    inputs = [[rng.uniform(-1, 1) for _ in range(n)] for _ in range(m)]
    labels = [sum(x * t for x, t in zip(row, truth)) + rng.gauss(0, 0.1) for row in inputs]
    return inputs, labels, rng.choice([0.05, 0.1, 0.3])


def _gap(by_hand: list[list[float]], pytorch: list[list[float]]) -> float:
    """The largest difference over all steps, in ulps of that step's largest weight."""
    return max(
        max(abs(h - p) for h, p in zip(hs, ps)) / math.ulp(max(map(abs, hs))) for hs, ps in zip(by_hand, pytorch)
    )


@pytest.mark.parametrize("seed", range(12))
def test_random_float64_problems_agree_within_a_few_ulp(seed: int, on_device: str) -> None:
    inputs, labels, alpha = _random_problem(seed)
    by_hand, pytorch = run_function(_both, inputs, labels, alpha, 60, on_device)
    assert len(by_hand) == len(pytorch) == 60
    worst = _gap(by_hand, pytorch)
    assert worst <= MAX_ULP, f"seed {seed}: the loops drift {worst:.0f} ulp apart (m={len(inputs)}, alpha={alpha})"


def test_exact_data_is_bit_identical(on_device: str) -> None:
    """With small integers, m = 4 and alpha = 1/8 nothing rounds for ten steps, on any device."""
    inputs = [[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]]
    labels = [5.0, 7.0, 1.0, 4.0]
    by_hand, pytorch = run_function(_both, inputs, labels, 0.125, 10, on_device)
    assert pytorch == by_hand


def test_the_comparison_can_fail(on_device: str) -> None:
    """A PyTorch loop given twice the learning rate must not pass as equal."""
    inputs, labels, alpha = _random_problem(0)
    by_hand, _ = run_function(_both, inputs, labels, alpha, 5, on_device)
    _, doubled = run_function(_both, inputs, labels, 2 * alpha, 5, on_device)
    assert _gap(by_hand, doubled) > MAX_ULP
