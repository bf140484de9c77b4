"""`::: snippet …` and `::: walkthrough …` lines -> code, notes and stamped output (snippet_docs.directives)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from snippet_docs.directives import expand
from snippet_docs.problems import ProblemError
from snippet_docs.runner.provenance import labels


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        return markdown
    lang = page.file.src_uri.split("/")[0]
    try:
        return expand(markdown, Path(page.file.abs_src_path), lang, labels())
    except ProblemError as error:
        raise PluginError(str(error)) from None
