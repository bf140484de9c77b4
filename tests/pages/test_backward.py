"""Differential test, micrograd's pattern: the backward page's mini autograd engine against torch.

The engine (snippets/backward/30_mini_autograd.py) and the expressions and helpers that compare it
(31_engine_vs_torch.py) are imported from the very snippets the page shows. Everything that touches
torch runs in a forked child, so that this process never initialises CUDA.

Tolerance: 31_engine_vs_torch.TOLERANCE, 1e-12 relative (absolute below 1). In float64 one rounding
is at most 1.1e-16; an expression here takes about ten operations and its gradients about as many
again, and torch's exp, log and tanh (vectorised on the CPU, CUDA's own on a GPU) may differ from
Python's math module by an ulp or two. Measured on the CPU: at most 3.6e-15 over the 100 random
points below, so 1e-12 leaves a margin of about 300, while a wrong derivative rule, or a gradient
off by one part in a billion, is caught (the negative cases below).
"""

from __future__ import annotations

import os
import random
import sys
from importlib import import_module
from importlib.util import module_from_spec, spec_from_file_location

import pytest

from snippet_docs.runner.execute import DEVICE_VARIABLE, run_function
from snippet_docs.snippets import SNIPPETS_DIR

FOLDER = SNIPPETS_DIR / "backward"


def _compare_module(device: str):
    """31_engine_vs_torch, imported as a snippet would import it, on `device` (call in a child only)."""
    os.environ[DEVICE_VARIABLE] = device
    sys.path.insert(0, str(FOLDER))
    return import_module("31_engine_vs_torch")


def _random_inputs(rng: random.Random) -> tuple[float, float, float]:
    """a, b anywhere in [-2, 2]; c in [0.5, 3], where every expression is defined."""
    return rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(0.5, 3)


def _gap(x: float, y: float) -> float:
    return abs(x - y) / max(1.0, abs(x), abs(y))


def _worst_gaps(device: str, seed: int, points: int) -> tuple[float, dict[str, float]]:
    """The snippet's tolerance, and for each expression the largest gap between engine and torch
    over `points` random inputs."""
    compare = _compare_module(device)
    rng = random.Random(seed)
    worst = dict.fromkeys(compare.EXPRESSIONS, 0.0)
    for _ in range(points):
        inputs = _random_inputs(rng)
        for expression in compare.EXPRESSIONS:
            mine = compare.with_engine(expression, inputs)
            theirs = compare.with_torch(expression, inputs)
            worst[expression] = max(worst[expression], *map(_gap, mine, theirs))
    return compare.TOLERANCE, worst


@pytest.mark.parametrize("seed", range(4))
def test_values_and_gradients_agree_with_torch(seed: int, on_device: str) -> None:
    tolerance, worst = run_function(_worst_gaps, on_device, seed, 25)
    assert len(worst) >= 10, f"only {len(worst)} expressions: the page promises at least ten"
    wrong = {e: f"{g:.2e}" for e, g in worst.items() if g > tolerance}
    assert not wrong, f"seed {seed}: the engine and torch differ by more than {tolerance:g}: {wrong}"


def _with_a_wrong_tanh(device: str) -> dict[str, bool]:
    """A copy of the engine whose tanh has the derivative 1 - t instead of 1 - t*t: which expressions agree?"""
    compare = _compare_module(device)
    spec = spec_from_file_location("broken_engine", FOLDER / "30_mini_autograd.py")
    broken = module_from_spec(spec)
    spec.loader.exec_module(broken)

    def tanh(self):
        t = broken.math.tanh(self.value)
        return broken.Scalar(t, ((self, 1.0 - t),))

    broken.Scalar.tanh = tanh
    compare.Scalar = broken.Scalar  # with_engine builds its leaves from this class
    inputs = (1.5, -0.7, 2.3)
    return {
        e: all(map(compare.close, compare.with_engine(e, inputs), compare.with_torch(e, inputs)))
        for e in compare.EXPRESSIONS
    }


def test_a_wrong_derivative_rule_is_caught(on_device: str) -> None:
    agrees = run_function(_with_a_wrong_tanh, on_device)
    uses_tanh = {e for e in agrees if "tanh" in e}
    assert uses_tanh, "no expression uses tanh, so this negative case tests nothing"
    assert not any(agrees[e] for e in uses_tanh), f"a wrong tanh rule passed: {agrees}"
    assert all(agrees[e] for e in agrees if e not in uses_tanh), f"a copy broke the others: {agrees}"


def _perturbed(device: str, relative: float) -> list[bool]:
    """Does `close` still accept the torch results when one gradient is off by `relative`?"""
    compare = _compare_module(device)
    inputs = (1.5, -0.7, 2.3)
    accepted = []
    for expression in compare.EXPRESSIONS:
        mine = compare.with_engine(expression, inputs)
        mine[1] *= 1 + relative  # d/da
        accepted.append(all(map(compare.close, mine, compare.with_torch(expression, inputs))))
    return accepted


def test_a_gradient_off_by_one_part_in_a_billion_is_caught(on_device: str) -> None:
    accepted = run_function(_perturbed, on_device, 1e-9)
    # At these inputs no expression has d/da = 0, so every perturbed row must be rejected.
    assert not any(accepted), f"a perturbation of 1e-9 was accepted for {sum(accepted)} expressions"
    assert all(run_function(_perturbed, on_device, 0.0)), "the unperturbed gradients must pass"


def _two_passes(device: str, seed: int) -> list[tuple[str, float]]:
    """Each expression run forward and backward twice without zeroing, by both; the worst gap."""
    compare = _compare_module(device)
    torch = compare.torch
    inputs = _random_inputs(random.Random(seed))
    gaps = []
    for expression in compare.EXPRESSIONS:
        mine = [compare.Scalar(x) for x in inputs]
        theirs = [torch.tensor(x, dtype=torch.float64, device=compare.device, requires_grad=True) for x in inputs]
        for _ in range(2):
            eval(expression, dict(zip("abc", mine))).backward()
            eval(expression, dict(zip("abc", theirs))).backward()
        once = compare.with_engine(expression, inputs)[1:]
        grads = [0.0 if t.grad is None else t.grad.item() for t in theirs]
        doubled = max(_gap(m.grad, 2 * g) for m, g in zip(mine, once))
        gaps.append((expression, max(doubled, *map(_gap, [m.grad for m in mine], grads))))
    return gaps


@pytest.mark.parametrize("seed", range(3))
def test_without_zeroing_two_passes_add_up_as_in_torch(seed: int, on_device: str) -> None:
    for expression, gap in run_function(_two_passes, on_device, seed):
        assert gap <= 1e-12, f"{expression}: after two passes the gradients differ by {gap:.2e}"
