"""The way into the notebooks: links on every content page and notebook page, and one zip per language.

Readers in mainland China cannot open Colab, so a notebook is downloaded: its .ipynb (mkdocs-jupyter's
include_source copies it beside the notebook page) or notebooks-<lang>.zip with every notebook of that
language and the snippet files that notebooks import. Content pages need no edit: the links are added
here to each page that has a notebook in docs/<lang>/notebooks/.
"""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from mkdocs.utils import get_relative_url

NOTEBOOKS = "notebooks"
LABELS = {
    "en": {"view": "Open as a notebook", "page": "Back to the page", "download": "Download {name}",
           "zip": "All notebooks (.zip)"},
    "zh": {"view": "以笔记本形式打开", "page": "返回页面", "download": "下载 {name}",
           "zip": "全部笔记本（.zip）"},
}
# Zip entries get a fixed date so that the same notebooks give the same bytes.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def _split(src_uri: str) -> tuple[str, str]:
    lang, _, rest = src_uri.partition("/")
    return lang, rest


def zip_url(lang: str, notebook_url: str) -> str:
    """notebooks/loop/ -> notebooks/notebooks-en.zip (zh/notebooks/notebooks-zh.zip in Chinese)."""
    return posixpath.join(posixpath.dirname(notebook_url.rstrip("/")), f"notebooks-{lang}.zip")


def _links(page, lang: str, notebook_file, page_file) -> str:
    labels = LABELS[lang]
    name = posixpath.basename(notebook_file.src_uri)
    targets = [
        (notebook_file.url + name, labels["download"].format(name=name), True),
        (zip_url(lang, notebook_file.url), labels["zip"], True),
    ]
    if page.file is page_file:
        targets.insert(0, (notebook_file.url, labels["view"], False))
    else:
        targets.insert(0, (page_file.url, labels["page"], False))
    anchors = [
        f'<a class="md-button{" md-button--primary" if i == 0 else ""}" href="{get_relative_url(url, page.url)}"'
        f'{" download" if download else ""}>{label}</a>'
        for i, (url, label, download) in enumerate(targets)
    ]
    return f'<p class="notebook-links">{" ".join(anchors)}</p>'


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Content pages: the links go right under the page title."""
    lang, rest = _split(page.file.src_uri)
    if lang not in LABELS or not rest.endswith(".md"):
        return markdown
    notebook = files.get_file_from_path(f"{lang}/{NOTEBOOKS}/{rest.removesuffix('.md')}.ipynb")
    if notebook is None:
        return markdown
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        return markdown
    lines[title + 1:title + 1] = ["", _links(page, lang, notebook, page.file), ""]
    return "\n".join(lines)


def on_page_content(html: str, page, config, files) -> str:
    """Notebook pages: the same links above the first cell, with the way back to the page."""
    lang, rest = _split(page.file.src_uri)
    if lang not in LABELS or not rest.startswith(f"{NOTEBOOKS}/") or not rest.endswith(".ipynb"):
        return html
    page_file = files.get_file_from_path(f"{lang}/{posixpath.basename(rest).removesuffix('.ipynb')}.md")
    if page_file is None:
        return html
    return _links(page, lang, page.file, page_file) + html


def on_post_build(config) -> None:
    """notebooks-<lang>.zip beside each language's notebook pages."""
    docs, root = Path(config.docs_dir), Path(config.config_file_path).parent
    default = config.plugins["i18n"].default_language
    for lang in LABELS:
        notebooks = sorted((docs / lang / NOTEBOOKS).glob("*.ipynb"))
        if not notebooks:
            continue
        target = Path(config.site_dir) / ("" if lang == default else lang) / NOTEBOOKS / f"notebooks-{lang}.zip"
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for notebook in notebooks:
                _add(archive, f"notebooks-{lang}/{notebook.name}", notebook)
                for snippet in sorted((root / "snippets" / notebook.stem).glob("*.py")):
                    _add(archive, f"notebooks-{lang}/snippets/{notebook.stem}/{snippet.name}", snippet)


def _add(archive: zipfile.ZipFile, name: str, path: Path) -> None:
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, path.read_bytes())
