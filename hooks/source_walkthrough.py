"""Expand `::: walkthrough <id>` into the installed source of a PyTorch function, with numbered markers.

The definitions live in sources/<page>.toml and the reader in sources/walkthrough.py (shared with the
tests). A broken directive or a pattern that no longer matches stops the build, naming the page and line.
"""
from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

SOURCES = Path(__file__).resolve().parents[1] / "sources"
if str(SOURCES) not in sys.path:
    sys.path.insert(0, str(SOURCES))

import walkthrough  # noqa: E402 - needs the path above


def on_page_markdown(markdown, page, config, files):
    # docs/<lang>/<page>.md -> "<page>": both languages share one definition file
    rel = PurePosixPath(page.file.src_uri)
    name = PurePosixPath(*rel.parts[1:]).with_suffix("").as_posix() if len(rel.parts) > 1 else rel.stem
    try:
        return walkthrough.expand(markdown, name, SOURCES)
    except walkthrough.WalkthroughError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
