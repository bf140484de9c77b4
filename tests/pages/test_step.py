"""Which SGD implementation actually runs: the for-loop on CPU, foreach on CUDA, by default.

docs/{en,zh}/step.md#sgd-step says so; this records the function that `optimizer.step()` really calls
(by wrapping the three module functions in a forked child), not only what the selection helper returns.
The page also cites line numbers of torch/optim/sgd.py in its prose; the last test holds them.
"""

from __future__ import annotations

import pytest

from snippet_docs.runner.execute import run_function

IMPLEMENTATIONS = ("_single_tensor_sgd", "_multi_tensor_sgd", "_fused_sgd")
DEFAULT = {"cpu": "_single_tensor_sgd", "cuda": "_multi_tensor_sgd"}


def _ran(device: str, options: dict, rule=None) -> list[str]:
    """The implementations one SGD step called, in order; `rule` replaces the selection helper."""
    import torch
    import torch.optim.sgd as sgd_module

    ran: list[str] = []

    def recorded(name, function):
        def wrapper(*args, **kwargs):
            ran.append(name)
            return function(*args, **kwargs)

        return wrapper

    for name in IMPLEMENTATIONS:
        setattr(sgd_module, name, recorded(name, getattr(sgd_module, name)))
    if rule is not None:
        sgd_module._default_to_fused_or_foreach = rule
    params = [torch.ones(3, device=device, requires_grad=True) for _ in range(2)]
    for p in params:
        p.grad = torch.full_like(p, 0.5)
    torch.optim.SGD(params, lr=0.1, momentum=0.9, **options).step()
    return ran


def _foreach_everywhere(params, differentiable, use_fused=False):
    """A broken selection rule: foreach whatever the device."""
    return False, True


def check_default(device: str, rule=None) -> None:
    ran = run_function(_ran, device, {}, rule)
    assert ran == [DEFAULT[device]], f"SGD on {device} ran {ran}, the page says {DEFAULT[device]}"


def test_default_implementation_on_each_device(on_device: str) -> None:
    check_default(on_device)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"foreach": False}, "_single_tensor_sgd"),
        ({"foreach": True}, "_multi_tensor_sgd"),
        ({"fused": True}, "_fused_sgd"),
    ],
)
def test_an_explicit_choice_wins_on_each_device(on_device: str, options: dict, expected: str) -> None:
    assert run_function(_ran, on_device, options) == [expected]


def test_a_wrong_selection_rule_is_caught() -> None:
    """The recorder sees the function that ran: with a rule that picks foreach on the CPU, the default check fails."""
    with pytest.raises(
        AssertionError, match=r"SGD on cpu ran \['_multi_tensor_sgd'\], the page says _single_tensor_sgd"
    ):
        check_default("cpu", _foreach_everywhere)


def _installed_sgd_lines() -> list[str]:
    """torch/optim/sgd.py of the installed torch, as lines (found without importing torch)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("torch")
    assert spec is not None and spec.origin is not None, "torch is not installed"
    return (Path(spec.origin).parent / "optim" / "sgd.py").read_text().splitlines()


def test_the_line_numbers_the_page_cites() -> None:
    """The page names lines of torch/optim/sgd.py in prose (#sgd-differentiable, #foreach-nesterov-grad); a
    walkthrough would move with torch, these numbers would not."""
    lines = _installed_sgd_lines()
    call = "\n".join(lines[282:285])  # lines 283-285
    assert "_default_to_fused_or_foreach(" in lines[282], call
    assert "params, differentiable=False, use_fused=False" in lines[283], call
    assert "torch._foreach_add_(device_grads, bufs, alpha=momentum)" in lines[461], lines[461]
