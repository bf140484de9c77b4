"""The suite around the runner plugin: --quick and --screenshots, the one shared strict build, and the order tests
run in under pytest-xdist. Tests are grouped by subject: tooling/, content/, site/ and pages/ (one file per page)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from snippet_docs.paths import ROOT

pytest_plugins = ["snippet_docs.runner.plugin"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--quick",
        action="store_true",
        help="`make check`: leave out tests of the built site, and fail the run if a test imports torch",
    )
    parser.addoption(
        "--screenshots",
        action="store_true",
        help="save a full-page screenshot of every page to build/screenshots/{en,zh}/ (browser tests)",
    )


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


def pytest_sessionfinish(session: pytest.Session) -> None:
    if session.config.getoption("--quick") and "torch" in sys.modules:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        session.config.torch_imported = True


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    if getattr(config, "torch_imported", False):
        terminalreporter.write_sep(
            "=",
            "FAILED: a test imported torch under --quick (make check): "
            "take that test out of CHECK_TESTS in the Makefile, or import torch lazily",
        )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build for the whole run, shared by the pytest-xdist workers: the first to ask builds it,
    the others wait on the lock and reuse it. A warning fails the build, and the log says where."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out, log = shared / "site", shared / "site-build-failed.log"
    with FileLock(str(shared / "site.lock")):
        if not out.is_dir() and not log.exists():
            build = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
            if build.returncode != 0:
                log.write_text(build.stdout + build.stderr, encoding="utf-8")
    if log.exists():
        pytest.fail(f"mkdocs build --strict failed:\n{log.read_text(encoding='utf-8')}", pytrace=False)
    return out


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The tooling, the tests and the settings copied into a temporary checkout with an empty snippets/: pytest
    started there (cwd) imports this copy of snippet_docs, so an end-to-end test never touches the real tree."""
    import shutil

    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("snippet_docs", "tests"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "snippets").mkdir()
    return tmp_path
