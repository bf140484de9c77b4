"""Reuse a run that passed, as long as nothing it depends on has changed (local runs only).

Like Sphinx-Gallery and jupyter-cache: a snippet (or notebook) is run again only when its inputs, the
runner's code, the library versions or the CPU configuration changed since it last passed here. The
record lives in pytest's cache (.pytest_cache/). A run with CI set, with --rerun-all, with
--update-outputs or without the cache plugin runs everything, so what lands is always fully checked.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import platform
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from ..snippets import ROOT

# The code that decides whether a run passes: a change to any of it reruns everything.
RUNNER_FILES = (
    *sorted(Path(__file__).parent.glob("*.py")),
    ROOT / "snippet_docs" / "snippets.py",
    ROOT / "tests" / "conftest.py",
)
REUSED = "reused"  # the user property a reused test carries, for the summary
CACHE_PREFIX = "zero-backward-step/passed/"


def tooling_files() -> list[Path]:
    """What an end-to-end test of the tooling depends on: the tooling, the test code and the pinned dependencies."""
    return [
        *sorted((ROOT / "snippet_docs").rglob("*.py")),
        *sorted((ROOT / "tests").rglob("*.py")),
        ROOT / "pyproject.toml",
    ]


def enabled(config: pytest.Config) -> bool:
    ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return (
        not ci
        and getattr(config, "cache", None) is not None
        and not config.getoption("--rerun-all")
        and not config.getoption("--update-outputs")
    )


@functools.cache
def environment() -> str:
    """What a run depends on besides files: versions, and the kernels and threads torch uses here."""
    import torch

    versions = {name: _version(name) for name in ("torch", "numpy", "matplotlib", "pytest")}
    return repr(
        (
            sorted(versions.items()),
            sys.version,
            platform.machine(),
            torch.backends.cpu.get_cpu_capability(),
            torch.get_num_threads(),
            os.environ.get("ATEN_CPU_CAPABILITY"),
            os.environ.get("OMP_NUM_THREADS"),
        )
    )


def fingerprint(files: Iterable[Path], *extra: str) -> str:
    digest = hashlib.sha256(environment().encode())
    for path in [*files, *RUNNER_FILES]:  # a file outside the checkout (the built site) counts by content only
        digest.update((path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else "").encode())
        digest.update(path.read_bytes() if path.is_file() else b"\0missing")
    for text in extra:
        digest.update(text.encode())
    return digest.hexdigest()


def passed_before(config: pytest.Config, key: str, print_: str) -> bool:
    """Whether `key` last passed here with this fingerprint (and reuse is on)."""
    return enabled(config) and config.cache.get(_cache_key(key), None) == print_


def reuse(request: pytest.FixtureRequest, key: str, print_: str) -> bool:
    """True when `key` last passed with this fingerprint: the test may return at once (and is counted)."""
    if not passed_before(request.config, key, print_):
        return False
    request.node.user_properties.append((REUSED, key))
    return True


def remember(request: pytest.FixtureRequest, key: str, print_: str) -> None:
    """Record that `key` passed with this fingerprint."""
    if enabled(request.config):
        request.config.cache.set(_cache_key(key), print_)


def _cache_key(key: str) -> str:
    """One flat file per key under .pytest_cache/: 'browser/en/' and 'browser/en/loop/' cannot collide."""
    return CACHE_PREFIX + re.sub(r"[^\w.-]+", "_", key)


def count_reused(reports) -> int:
    return sum(any(name == REUSED for name, _ in report.user_properties) for report in reports)


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"
