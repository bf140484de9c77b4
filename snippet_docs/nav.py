"""The site's pages, in the order of mkdocs.yml's nav: the one list that tests and notebooks iterate over."""

from __future__ import annotations

from pathlib import Path

import yaml

from .paths import MKDOCS_FILE

# Pages that are not lessons: they get no notebook and hold no snippet.
NOT_CONTENT_PAGES = frozenset({"index.md", "glossary.md", "questions.md", "translation-status.md"})


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its `!ENV` and `!relative` tags become plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def nav_pages(mkdocs_file: Path = MKDOCS_FILE) -> list[str]:
    """Every page the nav lists, as a path under docs/<lang>/ ('loop.md'), in nav order."""
    config = yaml.load(mkdocs_file.read_text(encoding="utf-8"), Loader=_Loader)
    pages: list[str] = []

    def visit(entry) -> None:
        if isinstance(entry, str):
            pages.append(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                visit(value)
        elif isinstance(entry, list):
            for item in entry:
                visit(item)

    visit(config.get("nav", []))
    return pages


def content_pages(mkdocs_file: Path = MKDOCS_FILE) -> list[str]:
    """The nav's lessons: the pages that hold snippets and get a notebook."""
    return [page for page in nav_pages(mkdocs_file) if page not in NOT_CONTENT_PAGES]
