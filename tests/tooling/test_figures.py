"""Figures: a committed copy that differs from what its snippet draws fails, naming the file."""

from __future__ import annotations

import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest

from snippet_docs.runner import figures, reuse


def png(shade: int = 0) -> bytes:
    """A valid 1x1 grey PNG."""

    def chunk(name: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + name + body + struct.pack(">I", zlib.crc32(name + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        figures.PNG_SIGNATURE
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes([0, shade])))
        + chunk(b"IEND", b"")
    )


def test_every_committed_figure_is_drawn_by_a_snippet() -> None:
    problems = figures.orphans()
    assert not problems, "\n" + "\n".join(problems)


def test_an_orphan_figure_is_named(tmp_path: Path) -> None:
    (tmp_path / "snippets/page").mkdir(parents=True)
    (tmp_path / "snippets/page/01_draw.py").touch()
    (tmp_path / "figures/page").mkdir(parents=True)
    for name in ("01_draw.png", "01_draw_loss.png", "02_gone.png", "01_drawing.png"):
        (tmp_path / "figures/page" / name).write_bytes(png())
    found = figures.orphans(tmp_path / "figures", tmp_path / "snippets")
    assert [p.split(":")[0].rsplit("/", 1)[-1] for p in found] == ["01_drawing.png", "02_gone.png"]


def test_png_validation() -> None:
    good = png()
    assert figures.png_problem(good) is None
    assert figures.png_problem(b"GIF89a") == "does not start with the PNG signature"
    assert figures.png_problem(good[:-6]) == "ends inside a chunk"
    flipped = bytearray(good)
    flipped[42] ^= 1  # a byte of the compressed IDAT data
    assert figures.png_problem(bytes(flipped)) == "chunk b'IDAT' has a wrong CRC"


@pytest.fixture
def committed(tmp_path: Path) -> Path:
    (tmp_path / "01_draw.png").write_bytes(png(0))
    return tmp_path


def test_identical_figure_passes(committed: Path) -> None:
    assert figures.check("01_draw", {"01_draw.png": png(0)}, committed, identical=True) == []


def test_tampered_figure_fails_naming_the_file(committed: Path) -> None:
    (committed / "01_draw.png").write_bytes(png(255))  # still a valid PNG, other pixels
    [problem] = figures.check("01_draw", {"01_draw.png": png(0)}, committed, identical=True)
    assert f"{committed / '01_draw.png'} differs from the figure the snippet draws now" in problem


def test_nondeterministic_run_needs_only_a_valid_committed_png(committed: Path) -> None:
    assert figures.check("01_draw", {"01_draw.png": png(9)}, committed, identical=False) == []
    (committed / "01_draw.png").write_bytes(b"not a png")
    [problem] = figures.check("01_draw", {"01_draw.png": png(9)}, committed, identical=False)
    assert problem.endswith("01_draw.png is not a valid PNG: it does not start with the PNG signature")


def test_missing_stale_and_misnamed_figures_fail(committed: Path) -> None:
    found = figures.check("01_draw", {"01_draw_new.png": png(), "loss.png": png()}, committed, identical=True)
    assert len(found) == 3
    assert "01_draw_new.png is missing" in found[0]
    assert "saved loss.png; name its figures 01_draw.png or 01_draw_<suffix>.png" in found[1]
    assert "01_draw.png is no longer drawn by 01_draw.py" in found[2]


def test_update_copies_new_figures_and_deletes_stale_ones(committed: Path) -> None:
    changed = figures.update("01_draw", {"01_draw_a.png": png(1)}, committed / "sub")
    assert changed == [str(committed / "sub/01_draw_a.png")]
    changed = figures.update("01_draw", {"01_draw.png": png(3)}, committed)
    assert changed == [str(committed / "01_draw.png")]
    assert (committed / "01_draw.png").read_bytes() == png(3)
    assert figures.update("01_draw", {}, committed) == [f"{committed / '01_draw.png'} (deleted)"]


DRAWING = '''\
"""Draws one line."""
# markers: figure
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

figures = Path(os.environ.get("SNIPPET_FIGURES", "."))
fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
ax.plot([0, 1, 2], [3, 1, 2])
fig.savefig(figures / "01_draw.png", metadata={"Software": None})
print("drawn")
'''


def test_end_to_end_tampered_figure_fails_and_update_repairs(repo_copy: Path, unchanged) -> None:
    """In a copy of the repository: pytest names a hand-edited figure; --update-outputs restores it."""
    if unchanged("tooling/figures/end-to-end", reuse.tooling_files()):
        return  # the tooling is what it was when this passed
    pytest.importorskip("matplotlib", reason="matplotlib draws the figure under test")
    (repo_copy / "snippets/demo").mkdir(parents=True)
    (repo_copy / "snippets/demo/01_draw.py").write_text(textwrap.dedent(DRAWING))
    (repo_copy / "snippets/demo/01_draw.out").write_text("drawn\n")

    def pytest_in(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "tests/content/test_snippets.py", "-p", "no:cacheprovider", *args],
            cwd=repo_copy,
            capture_output=True,
            text=True,
        )

    first = pytest_in("--update-outputs")
    figure = repo_copy / "docs/assets/figures/demo/01_draw.png"
    assert first.returncode == 0, first.stdout
    assert "docs/assets/figures/demo/01_draw.png" in first.stdout.split("changed")[-1]
    drawn = figure.read_bytes()
    assert pytest_in("--device", "cpu").returncode == 0, "two runs must draw the same bytes"

    figure.write_bytes(drawn[:-1] + bytes([drawn[-1] ^ 1]))  # one bit flipped
    tampered = pytest_in("--device", "cpu")
    assert tampered.returncode == 1
    assert "docs/assets/figures/demo/01_draw.png differs from the figure the snippet draws now" in tampered.stdout

    repaired = pytest_in("--update-outputs")
    assert "docs/assets/figures/demo/01_draw.png" in repaired.stdout.split("changed")[-1]
    assert figure.read_bytes() == drawn

    (repo_copy / "no_matplotlib.py").write_text(  # a plugin, found in the copy's root (the working directory)
        "import snippet_docs.runner.figures\nsnippet_docs.runner.figures.matplotlib_missing = lambda: True\n"
    )
    without = pytest_in("--device", "cpu", "-p", "no_matplotlib", "-rs")
    assert without.returncode == 0, without.stdout
    assert "demo/01_draw.py draws a figure and matplotlib is not installed here" in without.stdout
