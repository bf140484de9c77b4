"""End to end, on a copy of the repository: a drifted .out fails, --update-outputs repairs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from snippet_docs.runner import reuse
from snippet_docs.snippets import ROOT

SNIPPET = "loop/01_python2_listing"


@pytest.fixture
def copy(repo_copy: Path) -> Path:
    (repo_copy / "snippets/loop").mkdir(parents=True)
    for suffix in (".py", ".out"):
        shutil.copy(ROOT / f"snippets/{SNIPPET}{suffix}", repo_copy / f"snippets/{SNIPPET}{suffix}")
    return repo_copy


def pytest_in(copy: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "tests/content/test_snippets.py", "-p", "no:cacheprovider", *args],
        cwd=copy,
        capture_output=True,
        text=True,
    )


def test_drift_fails_then_update_repairs(copy: Path, unchanged) -> None:
    if unchanged("tooling/update-outputs/drift", reuse.tooling_files()):
        return  # the tooling is what it was when this passed
    out = copy / f"snippets/{SNIPPET}.out"
    good = out.read_text()
    out.write_text(good.replace("NameError", "TypeError"))

    drifted = pytest_in(copy, "--device", "cpu")
    assert drifted.returncode == 1
    assert f"snippets/{SNIPPET}.py on cpu: output differs from snippets/{SNIPPET}.out" in drifted.stdout
    assert "-TypeError: name 'dot' is not defined" in drifted.stdout
    assert "+NameError: name 'dot' is not defined" in drifted.stdout

    updated = pytest_in(copy, "--update-outputs")
    assert updated.returncode == 0, updated.stdout
    assert f"snippets/{SNIPPET}.out" in updated.stdout.split("changed")[-1]
    assert out.read_text() == good
    assert pytest_in(copy, "--device", "cpu").returncode == 0


def test_update_refuses_a_cuda_run(copy: Path, unchanged) -> None:
    if unchanged("tooling/update-outputs/cuda", reuse.tooling_files()):
        return  # the tooling is what it was when this passed
    result = pytest_in(copy, "--update-outputs", "--device", "cuda")
    assert result.returncode == 4
    assert "written from a CPU run" in result.stderr


def test_missing_output_fails_naming_the_file(copy: Path, unchanged) -> None:
    if unchanged("tooling/update-outputs/missing", reuse.tooling_files()):
        return  # the tooling is what it was when this passed
    (copy / f"snippets/{SNIPPET}.out").unlink()
    result = pytest_in(copy, "--device", "cpu")
    assert result.returncode == 1
    assert f"snippets/{SNIPPET}.py has no 01_python2_listing.out beside it" in result.stdout
