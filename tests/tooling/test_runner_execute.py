"""A forked run behaves like `python snippet.py` in a fresh interpreter, and failures are loud."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import torch

from snippet_docs.runner.execute import run_function, run_snippet


def snippet(tmp_path: Path, source: str, name: str = "01_demo.py") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return path


def test_stdout_is_captured(tmp_path: Path) -> None:
    run = run_snippet(snippet(tmp_path, "print('hello')\nprint(6 * 7)\n"), "cpu", timeout=30)
    assert (run.ok, run.stdout) == (True, "hello\n42\n")


def test_same_output_as_a_fresh_interpreter(tmp_path: Path) -> None:
    """Seeded random numbers, printing defaults and __name__ match a real `python snippet.py` run."""
    path = snippet(
        tmp_path,
        """
        import torch
        torch.manual_seed(0)
        print(__name__, torch.initial_seed())
        print(torch.rand(3), torch.randn(2))
    """,
    )
    torch.rand(5)  # the parent's generator moves on; the child must not notice
    forked = run_snippet(path, "cpu", timeout=30)
    fresh = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, check=True)
    assert forked.stdout == fresh.stdout
    assert forked.stdout.startswith("__main__ ")


def test_unseeded_randomness_differs_between_runs(tmp_path: Path) -> None:
    """torch seeds itself from the OS at start-up; so does each child, so unseeded output cannot pass."""
    path = snippet(
        tmp_path, "import random, numpy, torch\nprint(random.random(), numpy.random.rand(), torch.rand(1).item())\n"
    )
    first, second = (run_snippet(path, "cpu", timeout=30).stdout for _ in range(2))
    assert all(a != b for a, b in zip(first.split(), second.split()))


def test_each_run_starts_fresh(tmp_path: Path) -> None:
    """Globals, module attributes, RNG state and once-only warnings do not leak between runs."""
    path = snippet(
        tmp_path,
        """
        import warnings
        import torch
        torch.manual_seed(7)
        print(hasattr(torch, "leaked"), torch.rand(1).item())
        torch.leaked = True
        warnings.warn("shown in every run")
    """,
    )
    first, second = (run_snippet(path, "cpu", timeout=30) for _ in range(2))
    assert first.stdout == second.stdout
    assert first.stdout.startswith("False ")
    assert first.stdout.endswith("UserWarning: shown in every run\n")


def test_warnings_print_as_category_and_message(tmp_path: Path) -> None:
    path = snippet(
        tmp_path,
        """
        import warnings
        print("before")
        warnings.warn("careful", RuntimeWarning)
        print("after")
    """,
    )
    assert run_snippet(path, "cpu", timeout=30).stdout == "before\nRuntimeWarning: careful\nafter\n"


def test_fresh_warning_filters_hide_library_deprecations(tmp_path: Path) -> None:
    """As in a fresh interpreter: DeprecationWarning shows from __main__ only."""
    (tmp_path / "old_library.py").write_text(
        "import warnings\ndef old():\n    warnings.warn('lib', DeprecationWarning)\n"
    )
    path = snippet(
        tmp_path,
        """
        import warnings
        import old_library
        old_library.old()
        warnings.warn("main", DeprecationWarning)
    """,
    )
    assert run_snippet(path, "cpu", timeout=30).stdout == "DeprecationWarning: main\n"


def test_unexpected_exception_fails_naming_file_and_line(tmp_path: Path) -> None:
    path = snippet(tmp_path, "print('partial')\nraise ValueError('boom')\n")
    run = run_snippet(path, "cpu", timeout=30)
    assert not run.ok
    assert f'File "{path}", line 2' in run.problem
    assert "ValueError: boom" in run.problem


def test_expected_exception_prints_type_and_message(tmp_path: Path) -> None:
    path = snippet(tmp_path, "print('first')\nraise KeyError('missing')\n")
    run = run_snippet(path, "cpu", timeout=30, raises=True)
    assert (run.ok, run.stdout) == (True, "first\nKeyError: 'missing'\n")


def test_marked_raises_but_did_not(tmp_path: Path) -> None:
    run = run_snippet(snippet(tmp_path, "print('fine')\n"), "cpu", timeout=30, raises=True)
    assert run.problem == f"{tmp_path / '01_demo.py'} is marked 'raises' but finished without an exception"


def test_timeout_stops_the_snippet(tmp_path: Path) -> None:
    start = time.perf_counter()
    run = run_snippet(snippet(tmp_path, "import time\nprint('started')\ntime.sleep(30)\n"), "cpu", timeout=1)
    assert time.perf_counter() - start < 10
    assert run.problem == f"{tmp_path / '01_demo.py'} did not finish within its timeout of 1 s"
    assert run.stdout == "started\n"


def test_device_variable_reaches_the_snippet(tmp_path: Path) -> None:
    path = snippet(tmp_path, "import os\nprint(os.environ['SNIPPET_DEVICE'])\n")
    assert run_snippet(path, "cuda", timeout=30).stdout == "cuda\n"


def test_sibling_modules_import_like_a_script(tmp_path: Path) -> None:
    snippet(tmp_path, "def twice(x):\n    return 2 * x\n", name="01_helper.py")
    path = snippet(
        tmp_path, "from importlib import import_module\nprint(import_module('01_helper').twice(21))\n", "02_user.py"
    )
    assert run_snippet(path, "cpu", timeout=30).stdout == "42\n"


def test_run_function_returns_the_result_or_raises() -> None:
    assert run_function(pow, 2, 10) == 1024
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        run_function(divmod, 1, 0)
