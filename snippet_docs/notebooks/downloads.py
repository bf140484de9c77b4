"""The way into the notebooks: links on every lesson and notebook page, and one zip per language.

Readers in mainland China cannot open Colab, so a notebook is downloaded: its .ipynb (mkdocs-jupyter's
include_source copies it beside the notebook page) or notebooks-<lang>.zip with every notebook of that
language and the snippet files that notebooks import, as the pages show them.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from ..snippets import shown_code

LABELS = {
    "en": {
        "view": "Open as a notebook",
        "page": "Back to the page",
        "download": "Download {name}",
        "zip": "All notebooks (.zip)",
    },
    "zh": {"view": "以笔记本形式打开", "page": "返回页面", "download": "下载 {name}", "zip": "全部笔记本（.zip）"},
}
# Zip entries get a fixed date so that the same notebooks give the same bytes.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def zip_url(lang: str, notebook_url: str) -> str:
    """notebooks/loop/ -> notebooks/notebooks-en.zip (zh/notebooks/notebooks-zh.zip in Chinese)."""
    return posixpath.join(posixpath.dirname(notebook_url.rstrip("/")), f"notebooks-{lang}.zip")


def links(lang: str, notebook_url: str, page_url: str, on_notebook: bool, relative) -> str:
    """The buttons: open the notebook (or go back to the page), download it, download the zip.
    `relative(url)` makes a site URL relative to the page being rendered."""
    labels = LABELS[lang]
    name = posixpath.basename(notebook_url.rstrip("/")) + ".ipynb"
    targets = [
        (page_url, labels["page"], False) if on_notebook else (notebook_url, labels["view"], False),
        (notebook_url + name, labels["download"].format(name=name), True),
        (zip_url(lang, notebook_url), labels["zip"], True),
    ]
    anchors = [
        f'<a class="md-button{" md-button--primary" if i == 0 else ""}" href="{relative(url)}"'
        f"{' download' if download else ''}>{label}</a>"
        for i, (url, label, download) in enumerate(targets)
    ]
    return f'<p class="notebook-links">{" ".join(anchors)}</p>'


def write_zip(target: Path, lang: str, notebooks: dict[str, str], snippets_dir: Path) -> None:
    """notebooks-<lang>/<page>.ipynb for each notebook, and the snippets of its page, as the pages show them."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(notebooks.items()):
            stem = name.removesuffix(".ipynb")
            _add(archive, f"notebooks-{lang}/{name}", text.encode("utf-8"))
            for snippet in sorted((snippets_dir / stem).glob("*.py")):
                _add(archive, f"notebooks-{lang}/snippets/{stem}/{snippet.name}", shown_code(snippet).encode("utf-8"))


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)
