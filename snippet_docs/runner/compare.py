"""Normalise a snippet's output and compare it with its .out file."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Integers are counts, shapes and indices and must match exactly; a number with a point or an
# exponent may move by one unit of its last printed digit, or by the relative tolerance.
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")
CUDA_DEVICE = re.compile(r",?\s*device='cuda:\d+'")
CUDA_TENSOR_TYPE = re.compile(r"\btorch\.cuda\.(?=\w+Tensor\b)")
TRIGGERED = re.compile(r"\s*\(Triggered internally at [^\n]*?\.\)")


def normalise(text: str) -> str:
    """Remove what legitimately changes between runs and machines."""
    text = ADDRESS.sub("at 0x…", text)
    text = TRIGGERED.sub("", text)
    text = CUDA_DEVICE.sub("", text)
    return CUDA_TENSOR_TYPE.sub("torch.", text)


@dataclass(frozen=True)
class Difference:
    line: int  # 1-based line of the expected output
    reason: str


def differences(expected: str, actual: str, *, mode: str = "tolerant", rtol: float = 1e-5) -> list[Difference]:
    """mode: 'exact' (byte for byte), 'tolerant' (numbers within tolerance), 'shape' (numbers ignored)."""
    expected, actual = normalise(expected), normalise(actual)
    if mode == "exact":
        if expected == actual:
            return []
        first = _first_different_line(expected, actual)
        return [Difference(first, "text differs and this snippet is marked 'exact'")]
    found = []
    want_lines, got_lines = expected.split("\n"), actual.split("\n")
    for index, (want, got) in enumerate(zip(want_lines, got_lines), 1):
        if NUMBER.sub("#", want) != NUMBER.sub("#", got):
            found.append(Difference(index, "text differs"))
        elif mode == "tolerant":
            pairs = zip(NUMBER.findall(want), NUMBER.findall(got))  # equal skeletons: equal counts
            found += [Difference(index, reason) for w, g in pairs if (reason := _number_mismatch(w, g, rtol))]
    if len(want_lines) != len(got_lines):
        shorter = min(len(want_lines), len(got_lines))
        found.append(Difference(shorter + 1, f"expected {len(want_lines)} lines, got {len(got_lines)}"))
    return found


def report(name: str, device: str, expected: str, actual: str, found: list[Difference]) -> str:
    """A readable failure message: what differs, where, and a unified diff."""
    out_name = name.removesuffix(".py") + ".out"
    lines = [f"{name} on {device}: output differs from {out_name}"]
    lines += [f"  {out_name}:{d.line}: {d.reason}" for d in found[:10]]
    if len(found) > 10:
        lines.append(f"  ... and {len(found) - 10} more")
    diff = difflib.unified_diff(
        normalise(expected).splitlines(),
        normalise(actual).splitlines(),
        fromfile=f"{out_name} (expected)",
        tofile=f"stdout on {device} (actual)",
        lineterm="",
    )
    lines += ["", *diff, "", "If the new output is right, run `make update-outputs` and review the diff."]
    return "\n".join(lines)


def _number_mismatch(want: str, got: str, rtol: float) -> str | None:
    if _is_integer(want) or _is_integer(got):
        return None if want == got else f"{got} != {want} (integers must match exactly)"
    allowed = max(_last_digit_unit(want), rtol * abs(float(want)))
    gap = abs(float(want) - float(got))
    if gap <= allowed * (1 + 1e-9):
        return None
    return f"{got} != {want} (differs by {gap:.3g}, allowed {allowed:.3g})"


def _is_integer(token: str) -> bool:
    return not any(c in token for c in ".eE")


def _last_digit_unit(token: str) -> float:
    mantissa, _, exponent = token.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent or 0) - decimals)


def _first_different_line(expected: str, actual: str) -> int:
    for index, (want, got) in enumerate(zip(expected.split("\n"), actual.split("\n")), 1):
        if want != got:
            return index
    return min(expected.count("\n"), actual.count("\n")) + 1
