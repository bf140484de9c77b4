"""Where things live in the repository, and how to name a file in a message."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS_DIR = ROOT / "docs"
SNIPPETS_DIR = ROOT / "snippets"
DATA_DIR = ROOT / "data"
WALKTHROUGHS_DIR = DATA_DIR / "walkthroughs"  # data/walkthroughs/<page>.toml
GLOSSARY_FILE = DATA_DIR / "glossary.toml"
MKDOCS_FILE = ROOT / "mkdocs.yml"
LANGUAGES = ("en", "zh")


def display(path: Path) -> str:
    """A path as a contributor would type it: relative to the repository root when possible."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
