"""Keep notebooks as pages when mkdocs-static-i18n rebuilds the file list (static-i18n issue #198).

i18n replaces every File in its own on_files and drops mkdocs-jupyter's NotebookFile wrapper, so each
.ipynb is copied as a static file to .../index.html: raw JSON in both languages, and the build still
passes. Counting .ipynb files as documentation pages keeps them pages through i18n's rebuild; then
mkdocs-jupyter renders them as usual. tests/test_notebook_site.py checks the rendered HTML.
"""
from __future__ import annotations

from mkdocs.structure.files import File

_is_page = File.is_documentation_page


def _is_page_or_notebook(self: File) -> bool:
    return _is_page(self) or self.src_uri.endswith(".ipynb")


def on_startup(**kwargs) -> None:
    File.is_documentation_page = _is_page_or_notebook
