"""The runner as a pytest plugin (tests/conftest.py loads it): which devices snippets run on, whether outputs are
rewritten or stamped, and the `unchanged` fixture that reuses a check which passed and whose inputs did not change.

A normal run only reads the working tree: `--update-outputs` rewrites .out files, figures and their stamps,
`--stamp` records the device and torch version of each output the run reproduced.
"""

from __future__ import annotations

import getpass
import os
import tempfile
from pathlib import Path

import pytest

from ..snippets import DEVICE_VARIABLE

DEVICES = ("cpu", "cuda")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("snippets", "documentation snippets")
    group.addoption(
        "--device",
        default=os.environ.get(DEVICE_VARIABLE) or "cpu,cuda",
        help=f"devices to run snippets on, comma-separated (default: ${DEVICE_VARIABLE} or 'cpu,cuda'); "
        "CUDA runs are reported as skipped where no GPU is present",
    )
    group.addoption(
        "--rerun-all",
        action="store_true",
        help="run every snippet and notebook, also those unchanged since they last passed here (CI=true does the same)",
    )
    group.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite every snippet's .out, figures and stamp from a CPU run instead of comparing",
    )
    group.addoption(
        "--stamp",
        action="store_true",
        help="record in snippets/provenance.json the device and torch version of every output this run "
        "reproduces (on a GPU: --device cuda --stamp)",
    )


def pytest_configure(config: pytest.Config) -> None:
    devices = [d.strip() for d in config.getoption("--device").split(",") if d.strip()]
    unknown = sorted(set(devices) - set(DEVICES))
    if unknown or not devices:
        raise pytest.UsageError(f"--device takes {', '.join(DEVICES)}; got {config.getoption('--device')!r}")
    if config.getoption("--update-outputs"):
        if devices == ["cuda"]:
            raise pytest.UsageError(".out files are written from a CPU run: use --update-outputs with --device cpu")
        devices = ["cpu"]
    config.snippet_devices = devices
    config.updated_outputs = []
    # Snippets that draw save into $SNIPPET_FIGURES (default "."): keep test runs out of the working tree.
    if "SNIPPET_FIGURES" not in os.environ:
        os.environ["SNIPPET_FIGURES"] = tempfile.mkdtemp(prefix="snippet-figures-")
    # Inductor's on-disk cache does not key on ATEN_CPU_CAPABILITY (torch 2.13): C++ generated under one
    # capability then fails to compile under another. One cache directory per capability keeps them apart.
    capability = os.environ.get("ATEN_CPU_CAPABILITY") or "native"
    os.environ.setdefault(
        "TORCHINDUCTOR_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"torchinductor-{getpass.getuser()}-{capability}")
    )
    # Its precompiled headers live in one global folder that ignores that variable and the capability: a header
    # precompiled under one capability broke a compile under another in a fresh clone's `make portability`.
    os.environ.setdefault("TORCHINDUCTOR_CPP_CACHE_PRECOMPILE_HEADERS", "0")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "device" in metafunc.fixturenames:
        metafunc.parametrize("device", metafunc.config.snippet_devices)


@pytest.fixture
def on_device(device: str) -> str:
    """The device under test; a CUDA run without a GPU is skipped, with the reason."""
    from .execute import cuda_available  # imports torch: only tests that run code need it

    if device == "cuda" and not cuda_available():
        import torch

        pytest.skip(f"CUDA is not available here (torch {torch.__version__}); on a GPU: pytest --device cuda")
    return device


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    from .reuse import count_reused

    if reused := count_reused(terminalreporter.stats.get("passed", [])):
        terminalreporter.write_sep(
            "=",
            f"{reused} test(s) reused: nothing they depend on changed since they "
            "last passed here (--rerun-all or CI=true runs them)",
        )
    if config.getoption("--update-outputs"):
        changed = config.updated_outputs
        terminalreporter.write_sep("=", f"--update-outputs: {len(changed)} .out file(s) and figure(s) changed")
        for name in changed:
            terminalreporter.write_line(f"  {name}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.when == "call":
        item.call_report = report  # read by the `unchanged` fixture at teardown
    return report


@pytest.fixture
def unchanged(request: pytest.FixtureRequest):
    """`if unchanged(key, files): return` ends a test at once when `files` (and the runner, the versions and the
    CPU configuration) are what they were when it last passed here; a test that passes is remembered."""
    from . import reuse

    asked: dict[str, str] = {}

    def check(key: str, files, *extra: str) -> bool:
        if not reuse.enabled(request.config):
            return False
        asked.update(key=key, fingerprint=reuse.fingerprint(files, *extra))
        asked["reused"] = reuse.reuse(request, key, asked["fingerprint"])
        return asked["reused"]

    yield check
    report = getattr(request.node, "call_report", None)
    if asked and not asked["reused"] and report is not None and report.passed:
        reuse.remember(request, asked["key"], asked["fingerprint"])
