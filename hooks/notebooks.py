"""Notebooks on the site, made at build time from the pages (snippet_docs.notebooks): nothing is committed.

After mkdocs-static-i18n has chosen the current language's files, each lesson's notebook is generated into a
temporary folder and added as a page, which mkdocs-jupyter renders. Lessons and notebook pages link to each
other and to the downloads; notebook pages are made lean (snippet_docs.notebooks.html); each language gets a zip.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from snippet_docs.markdown import insert_under_title
from snippet_docs.mathml import MathError, render_dollars
from snippet_docs.nav import content_pages
from snippet_docs.notebooks.build import NOTEBOOKS, build
from snippet_docs.notebooks.downloads import LABELS, links, write_zip
from snippet_docs.notebooks.html import lean
from snippet_docs.paths import SNIPPETS_DIR
from snippet_docs.problems import ProblemError

_made: dict[str, dict[str, str]] = {}  # language -> notebook file name -> text
# Where the notebooks are written for mkdocs-jupyter: one folder for the process, rewritten at every build.
_folder = tempfile.TemporaryDirectory(prefix="notebooks-")


class NotebookPage(File):
    def is_documentation_page(self) -> bool:
        return True


def _language(config) -> str:
    return config.plugins["i18n"].current_language


@event_priority(-200)  # after mkdocs-static-i18n (-100), which would drop files it did not find in docs/
def on_files(files, config):
    if "mkdocs-jupyter" not in config.plugins:  # a build without notebook rendering gets no notebooks
        return files
    lang = _language(config)
    folder = Path(_folder.name)
    _made[lang] = {}
    for page in content_pages(Path(config.config_file_path)):
        lesson = files.get_file_from_path(f"{lang}/{page}")
        if lesson is None:
            continue
        try:
            text = build(page, lang, Path(config.docs_dir))
        except ProblemError as error:
            raise PluginError(str(error)) from None
        stem = page.removesuffix(".md")
        src = f"{lang}/{NOTEBOOKS}/{stem}.ipynb"
        (folder / src).parent.mkdir(parents=True, exist_ok=True)
        (folder / src).write_text(text, encoding="utf-8")
        prefix = lesson.dest_uri.removesuffix(f"{stem}/index.html")
        notebook = NotebookPage(
            src,
            str(folder),
            config.site_dir,
            config.use_directory_urls,
            dest_uri=f"{prefix}{NOTEBOOKS}/{stem}/index.html",
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        _as_i18n_file(notebook, lesson, lang, stem)
        files.append(notebook)
        _made[lang][f"{stem}.ipynb"] = text
    return files


def _as_i18n_file(notebook: File, lesson: File, lang: str, stem: str) -> None:
    """What mkdocs-static-i18n records on its files: the language switcher leads to the other language's notebook."""
    notebook.locale = notebook.locale_alternate_of = notebook.localization = lang
    notebook.norm_src_uri = f"{NOTEBOOKS}/{stem}.ipynb"
    notebook.alternates = {
        other: SimpleNamespace(url=f"{page.url.removesuffix(f'{stem}/')}{NOTEBOOKS}/{stem}/")
        for other, page in getattr(lesson, "alternates", {}).items()
    }
    notebook.alternates[lang] = notebook


def _notebook_of(files, src_uri: str):
    lang, _, rest = src_uri.partition("/")
    return files.get_file_from_path(f"{lang}/{NOTEBOOKS}/{rest.removesuffix('.md')}.ipynb")


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Lessons: the links go right under the page title."""
    lang = page.file.src_uri.split("/")[0]
    notebook = _notebook_of(files, page.file.src_uri) if page.file.src_uri.endswith(".md") else None
    if lang not in LABELS or notebook is None:
        return markdown
    buttons = links(lang, notebook.url, page.url, False, lambda url: get_relative_url(url, page.url))
    return insert_under_title(markdown, buttons)


def on_page_content(html: str, page, config, files) -> str:
    """Notebook pages: lean HTML, the page's anchors, MathML, out of search, and the links back."""
    if not isinstance(page.file, NotebookPage):
        return html
    lang, _, rest = page.file.src_uri.partition("/")
    # The notebook repeats its page word for word: search results lead to the page, not to both.
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    html, anchors = lean(html, lang)
    _use_anchors_in_toc(page, anchors)
    try:
        html = render_dollars(html, where=f"docs/{page.file.src_uri}")
    except MathError as error:
        raise PluginError(str(error)) from None
    lesson = files.get_file_from_path(f"{lang}/{Path(rest).stem}.md")
    return links(lang, page.file.url, lesson.url, True, lambda url: get_relative_url(url, page.url)) + html


def on_post_build(config) -> None:
    """notebooks-<lang>.zip beside the language's notebook pages."""
    lang = _language(config)
    if not _made.get(lang):
        return
    default = config.plugins["i18n"].default_language
    target = Path(config.site_dir) / ("" if lang == default else lang) / NOTEBOOKS / f"notebooks-{lang}.zip"
    write_zip(target, lang, _made[lang], SNIPPETS_DIR)


def _use_anchors_in_toc(page, anchors: list[str]) -> None:
    """mkdocs-jupyter slugs headings from their text (nothing at all for Chinese): use the page's anchors."""
    items, stack = [], list(reversed(list(page.toc)))
    while stack:
        item = stack.pop()
        items.append(item)
        stack += reversed(item.children)
    if len(items) != len(anchors):
        raise PluginError(
            f"{page.file.src_uri}: {len(items)} headings in the table of contents, "
            f"{len(anchors)} with an explicit anchor"
        )
    for item, anchor in zip(items, anchors):
        item.id = anchor
