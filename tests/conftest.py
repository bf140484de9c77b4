"""The suite's options (--device, --update-outputs, --rerun-all, --quick, --screenshots), the one shared strict
build, the order tests run in under pytest-xdist, and the `unchanged` fixture that reuses a check that passed."""
from __future__ import annotations

import getpass
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from snippet_runner.snippets import DEVICE_VARIABLE, ROOT

DEVICES = ("cpu", "cuda")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("snippets", "documentation snippets")
    group.addoption(
        "--device",
        default=os.environ.get(DEVICE_VARIABLE) or "cpu,cuda",
        help=f"devices to run snippets on, comma-separated (default: ${DEVICE_VARIABLE} or 'cpu,cuda'); "
        "CUDA runs are reported as skipped where no GPU is present",
    )
    parser.addoption("--rerun-all", action="store_true",
                     help="run every snippet and notebook, also those unchanged since they last passed here "
                     "(CI=true does the same)")
    parser.addoption("--quick", action="store_true",
                     help="`make check`: leave out tests of the built site, and fail the run if a test imports torch")
    parser.addoption("--screenshots", action="store_true",
                     help="save a full-page screenshot of every page to build/screenshots/{en,zh}/ (browser tests)")
    group.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite every snippet's .out and figures from a CPU run instead of comparing",
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
    os.environ.setdefault("TORCHINDUCTOR_CACHE_DIR",
                          str(Path(tempfile.gettempdir()) / f"torchinductor-{getpass.getuser()}-{capability}"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Order for pytest-xdist (--dist loadgroup): the long chains that one worker runs alone (the browser, a
    second build) start first; the other tests of the built site go last, so the other worker runs snippets
    while the one build is made, instead of waiting for it."""
    def order(item: pytest.Item) -> int:
        if item.get_closest_marker("xdist_group"):
            return 0
        return 2 if "site" in getattr(item, "fixturenames", ()) else 1

    items.sort(key=order)
    if config.getoption("--quick"):  # no build in `make check`
        built = [item for item in items if "site" in getattr(item, "fixturenames", ())]
        config.hook.pytest_deselected(items=built)
        items[:] = [item for item in items if item not in built]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "device" in metafunc.fixturenames:
        metafunc.parametrize("device", metafunc.config.snippet_devices)


@pytest.fixture
def on_device(device: str) -> str:
    """The device under test; a CUDA run without a GPU is skipped, with the reason."""
    from snippet_runner.execute import cuda_available  # imports torch: only tests that run code need it

    if device == "cuda" and not cuda_available():
        import torch

        pytest.skip(f"CUDA is not available here (torch {torch.__version__}); on a GPU: pytest --device cuda")
    return device


def pytest_sessionfinish(session: pytest.Session) -> None:
    if session.config.getoption("--quick") and "torch" in sys.modules:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        session.config.torch_imported = True


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    if getattr(config, "torch_imported", False):
        terminalreporter.write_sep("=", "FAILED: a test imported torch under --quick (make check): "
                                        "take that test out of CHECK_TESTS in the Makefile, or import torch lazily")
    from snippet_runner.reuse import count_reused

    if reused := count_reused(terminalreporter.stats.get("passed", [])):
        terminalreporter.write_sep("=", f"{reused} test(s) reused: nothing they depend on changed since they "
                                        "last passed here (--rerun-all or CI=true runs them)")
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
    from snippet_runner import reuse

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


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build for the whole run, shared by the pytest-xdist workers: the first to ask builds it,
    the others wait on the lock and reuse it. A warning fails the build, and the log says where."""
    from filelock import FileLock  # a dependency of torch: present wherever the tests run

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out, log = shared / "site", shared / "site-build-failed.log"
    with FileLock(str(shared / "site.lock")):
        if not out.is_dir() and not log.exists():
            build = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
            if build.returncode != 0:
                log.write_text(build.stdout + build.stderr, encoding="utf-8")
    if log.exists():
        pytest.fail(f"mkdocs build --strict failed:\n{log.read_text(encoding='utf-8')}", pytrace=False)
    return out
