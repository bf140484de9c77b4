"""Run a snippet in a forked child of this process, as `python snippet.py` would run it.

The parent imports torch once, before the first snippet that uses it; each child starts from the parent's
memory and so pays no import cost. A snippet without torch (and a test of the runner) never loads it.
The parent must never initialise CUDA: a forked child cannot use CUDA after its parent did.
"""

from __future__ import annotations

import functools
import io
import os
import pickle
import random
import runpy
import signal
import sys
import tempfile
import time
import traceback
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from ..snippets import DEVICE_VARIABLE, display

# A snippet saves its figures into this directory; the runner gives each run a fresh, empty one.
FIGURES_VARIABLE = "SNIPPET_FIGURES"
# The warning filters of a fresh interpreter (Python 3.11 release build).
FRESH_WARNING_FILTERS = [  # (action, category, module), first match wins
    ("default", DeprecationWarning, "__main__"),
    ("ignore", DeprecationWarning, ""),
    ("ignore", PendingDeprecationWarning, ""),
    ("ignore", ImportWarning, ""),
    ("ignore", ResourceWarning, ""),
]

_EXIT_OK, _EXIT_RAISED, _EXIT_DID_NOT_RAISE = 0, 1, 3


@dataclass(frozen=True)
class Run:
    stdout: str
    stderr: str
    seconds: float
    problem: str | None = None  # why the run failed, with the traceback if there is one
    figures: dict[str, bytes] = field(default_factory=dict)  # every PNG the run saved, by file name

    @property
    def ok(self) -> bool:
        return self.problem is None


def run_snippet(path: Path, device: str, *, timeout: float, raises: bool = False) -> Run:
    """Run one snippet file with `SNIPPET_DEVICE=device` and return what it printed and drew."""
    if "torch" in path.read_text(encoding="utf-8"):
        preload_torch()
    with tempfile.TemporaryDirectory(prefix="snippet-figures-") as figures_dir:
        run = _run_snippet(path, device, timeout=timeout, raises=raises, figures_dir=figures_dir)
        figures = {png.name: png.read_bytes() for png in sorted(Path(figures_dir).glob("*.png"))}
    return replace(run, figures=figures)


def _run_snippet(path: Path, device: str, *, timeout: float, raises: bool, figures_dir: str) -> Run:
    def body() -> int:
        os.environ[DEVICE_VARIABLE] = device
        os.environ[FIGURES_VARIABLE] = figures_dir
        # As `python snippet.py` would: its own folder first on the path, so it can import its siblings.
        sys.argv = [str(path)]
        sys.path.insert(0, str(path.parent))
        try:
            runpy.run_path(str(path), run_name="__main__")
        except SystemExit as stop:
            if stop.code not in (None, 0):
                raise
        except BaseException as error:
            if not raises:
                raise
            print(f"{type(error).__name__}: {error}")
            return _EXIT_OK
        return _EXIT_DID_NOT_RAISE if raises else _EXIT_OK

    return _in_child(body, timeout=timeout, what=display(path))


@functools.cache
def cuda_available() -> bool:
    """Asked in a child, so that this process never initialises CUDA."""
    return run_function(_cuda_is_available, timeout=120)


def _cuda_is_available() -> bool:
    import torch

    return torch.cuda.is_available()


@functools.cache
def preload_torch() -> None:
    """Import torch here once, so that every forked child starts with it loaded."""
    import torch
    import torch._dynamo  # noqa: F401 - the first optimizer imports it; paying that once here saves ~1.4 s a snippet


def run_function(function, *args, timeout: float = 120.0):
    """Call `function(*args)` in a forked child and return its (picklable) result. Such functions run torch
    code (the differential tests, notebooks), so torch is loaded here first."""
    preload_torch()
    with tempfile.TemporaryDirectory(prefix="snippet-result-") as tmp:
        result_file = Path(tmp) / "result.pickle"

        def body() -> int:
            result_file.write_bytes(pickle.dumps(function(*args)))
            return _EXIT_OK

        run = _in_child(body, timeout=timeout, what=getattr(function, "__qualname__", repr(function)))
        if not run.ok:
            raise RuntimeError(run.problem)
        return pickle.loads(result_file.read_bytes())


def _in_child(body, *, timeout: float, what: str) -> Run:
    with tempfile.TemporaryDirectory(prefix="snippet-run-") as tmp:
        out_file, err_file = Path(tmp) / "stdout", Path(tmp) / "stderr"
        sys.stdout.flush()
        sys.stderr.flush()
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # the child never returns from here
            code = _EXIT_RAISED
            try:
                _fresh_process_state(out_file, err_file, timeout)
                code = body()
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        seconds = time.perf_counter() - start
        stdout = out_file.read_text(encoding="utf-8", errors="replace") if out_file.exists() else ""
        stderr = err_file.read_text(encoding="utf-8", errors="replace") if err_file.exists() else ""
    return Run(stdout, stderr, seconds, _problem(status, stderr, timeout, what))


def _problem(status: int, stderr: str, timeout: float, what: str) -> str | None:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGALRM:
            return f"{what} did not finish within its timeout of {timeout:g} s"
        return f"{what} was killed by signal {signal.Signals(number).name}\n{stderr}"
    code = os.WEXITSTATUS(status)
    if code == _EXIT_OK:
        return None
    if code == _EXIT_DID_NOT_RAISE:
        return f"{what} is marked 'raises' but finished without an exception"
    return f"{what} raised an exception:\n{stderr}"


def _fresh_process_state(out_file: Path, err_file: Path, timeout: float) -> None:
    """Make the forked child look like a freshly started interpreter that ran nothing yet."""
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the default action ends the process, even inside C code
    signal.alarm(max(1, int(timeout + 0.999)))
    for fd, target in ((1, out_file), (2, err_file)):
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(handle, fd)
        os.close(handle)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", write_through=True)
    sys.stdin = open(os.devnull, encoding="utf-8")

    warnings.resetwarnings()
    for action, category, module in reversed(FRESH_WARNING_FILTERS):
        warnings.filterwarnings(action, category=category, module=module)
    warnings.showwarning = _print_warning

    # A fresh interpreter seeds all three from the OS, so an unseeded snippet varies from run to run.
    random.seed()
    np.random.seed()
    if torch := sys.modules.get("torch"):
        torch.seed()
        torch.set_printoptions(profile="default")


def _print_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings appear in the output as `Category: message`, without the file and line."""
    print(f"{category.__name__}: {message}", file=sys.stdout)
