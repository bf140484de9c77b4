"""Figures drawn by snippets against the committed copies in docs/assets/figures/<page>/.

A snippet saves `<stem>.png` (or `<stem>_<suffix>.png`) into $SNIPPET_FIGURES; the page shows the
committed copy. Standard library only: a GPU machine without matplotlib can still check the copies.
"""

from __future__ import annotations

import importlib.util
import struct
import zlib
from pathlib import Path

from ..snippets import ROOT, SNIPPETS_DIR, display

FIGURES_DIR = ROOT / "docs" / "assets" / "figures"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def matplotlib_missing() -> bool:
    """A GPU runner may have only torch, numpy and pytest: figure snippets are skipped there."""
    return importlib.util.find_spec("matplotlib") is None


def committed_dir(snippet_path: Path, figures_dir: Path = FIGURES_DIR, snippets_dir: Path = SNIPPETS_DIR) -> Path:
    """snippets/<page>/NN_x.py draws into docs/assets/figures/<page>/."""
    return figures_dir / snippet_path.parent.relative_to(snippets_dir)


def belongs_to(stem: str, file_name: str) -> bool:
    """`01_x.png` and `01_x_loss.png` belong to the snippet `01_x.py`."""
    return file_name == f"{stem}.png" or (file_name.startswith(f"{stem}_") and file_name.endswith(".png"))


def png_problem(data: bytes) -> str | None:
    """Why `data` is not a complete PNG (signature, chunk CRCs, IHDR first, IEND last), or None."""
    if not data.startswith(PNG_SIGNATURE):
        return "does not start with the PNG signature"
    at, names = len(PNG_SIGNATURE), []
    while at < len(data):
        if at + 12 > len(data):
            return "ends inside a chunk"
        length, name = struct.unpack(">I4s", data[at : at + 8])
        end = at + 8 + length
        if end + 4 > len(data):
            return f"chunk {name!r} runs past the end of the file"
        if zlib.crc32(data[at + 4 : end]) != struct.unpack(">I", data[end : end + 4])[0]:
            return f"chunk {name!r} has a wrong CRC"
        names.append(name)
        at = end + 4
    if not names or names[0] != b"IHDR" or names[-1] != b"IEND":
        return "does not run from an IHDR chunk to an IEND chunk"
    return None


def check(stem: str, fresh: dict[str, bytes], committed: Path, *, identical: bool) -> list[str]:
    """Compare the figures one run drew with the committed ones; each problem names a file.

    identical: the run is a deterministic CPU run, so the bytes must be the same; otherwise the
    committed copy only has to exist and be a valid PNG.
    """
    problems = []
    for name, data in fresh.items():
        target = committed / name
        if not belongs_to(stem, name):
            problems.append(f"the snippet saved {name}; name its figures {stem}.png or {stem}_<suffix>.png")
        elif not target.is_file():
            problems.append(f"{display(target)} is missing: run `make update-outputs` to add it")
        elif identical and target.read_bytes() != data:
            problems.append(
                f"{display(target)} differs from the figure the snippet draws now "
                "(edited by hand, or stale): run `make update-outputs`"
            )
        elif not identical and (why := png_problem(target.read_bytes())):
            problems.append(f"{display(target)} is not a valid PNG: it {why}")
        elif why := png_problem(data):
            problems.append(f"the snippet saved {name}, which is not a valid PNG: it {why}")
    for target in _committed(stem, committed):
        if target.name not in fresh:
            problems.append(f"{display(target)} is no longer drawn by {stem}.py: delete it or draw it")
    return problems


def update(stem: str, fresh: dict[str, bytes], committed: Path) -> list[str]:
    """Make the committed figures of one snippet what the run drew; return the files changed."""
    changed = []
    for name, data in fresh.items():
        target = committed / name
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed.append(display(target))
    for target in _committed(stem, committed):
        if target.name not in fresh:
            target.unlink()
            changed.append(f"{display(target)} (deleted)")
    return changed


def orphans(figures_dir: Path = FIGURES_DIR, snippets_dir: Path = SNIPPETS_DIR) -> list[str]:
    """Committed figures that no snippet draws, judged by name: each belongs to a snippet of its page."""
    problems = []
    for target in sorted(figures_dir.rglob("*.png")) if figures_dir.is_dir() else []:
        page = target.parent.relative_to(figures_dir)
        stems = [p.stem for p in (snippets_dir / page).glob("*.py")]
        if not any(belongs_to(stem, target.name) for stem in stems):
            problems.append(f"{display(target)}: no snippet in snippets/{page.as_posix()}/ draws this figure")
    return problems


def _committed(stem: str, committed: Path) -> list[Path]:
    return sorted(p for p in committed.glob(f"{stem}*.png") if belongs_to(stem, p.name)) if committed.is_dir() else []
