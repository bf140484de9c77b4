"""Notebook pages in the built site: rendered (not raw JSON), lean, with anchors, math and downloads.

A broken mkdocs-jupyter + i18n combination still builds with exit code 0 and writes the notebook's raw
JSON as the page, so these tests read the built HTML.
"""

from __future__ import annotations

import functools
import html
import io
import json
import re
import zipfile
from pathlib import Path

import nbformat
import pytest

from snippet_docs.directives import OUTPUT_TITLES
from snippet_docs.markdown import read
from snippet_docs.nav import content_pages
from snippet_docs.notebooks.build import build
from snippet_docs.paths import DOCS_DIR, LANGUAGES, ROOT
from snippet_docs.snippets import shown_code

PAGES = [page.removesuffix(".md") for page in content_pages()]
PREFIX = {"en": "", "zh": "zh/"}
CELL = re.compile(r'<div class="jp-Cell jp-(?P<kind>Code|Markdown)Cell[^"]*" id="cell-id=(?P<id>[\w-]+)"')
LINKS = re.compile(r'<p class="notebook-links">(.*?)</p>', re.DOTALL)
HREF = re.compile(r'href="([^"]+)"')
CODE = re.compile(r"<code>(.*?)</code>", re.DOTALL)


@functools.cache
def generated(lang: str, page: str) -> str:
    """The notebook the build makes of docs/<lang>/<page>.md."""
    return build(f"{page}.md", lang)


def built(site: Path, lang: str, url: str) -> str:
    return (site / PREFIX[lang] / url / "index.html").read_text(encoding="utf-8")


def rendered_cells(page_html: str) -> list[tuple[str, str]]:
    """(kind, cell id) of every rendered cell; none for a page that is raw notebook JSON."""
    return [(found["kind"], found["id"]) for found in CELL.finditer(page_html)]


def code_texts(page_html: str) -> str:
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "", block)) for block in CODE.findall(page_html))


def test_the_rendering_check_can_fail() -> None:
    raw = nbformat.writes(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)", id="x")]))
    assert rendered_cells(raw) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_cell_is_rendered_with_its_outputs(site: Path, lang: str, page: str) -> None:
    nb = nbformat.reads(generated(lang, page), as_version=4)
    text = built(site, lang, f"notebooks/{page}/")
    wanted = [("Code" if c.cell_type == "code" else "Markdown", c.id) for c in nb.cells]
    assert sorted(set(rendered_cells(text))) == sorted(wanted)
    shown = code_texts(text)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            printed = output.text if output.output_type == "stream" else f"{output.ename}: {output.evalue}"
            assert printed.rstrip("\n") in shown, f"{cell.id}: output not shown"
    assert f'<span class="filename">{OUTPUT_TITLES[lang]}</span>' in text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_notebook_pages_are_lean(site: Path, lang: str, page: str) -> None:
    """No inlined JupyterLab CSS or notebook scripts (the weight budget itself is checked by `make bench`)."""
    text = built(site, lang, f"notebooks/{page}/")
    article = re.search(r"<article\b.*?</article>", text, re.DOTALL)[0]
    assert "<style" not in article and "<script" not in article
    assert "--jp-" not in text and "cdnjs" not in text


def test_numbered_comments_stay_comments(site: Path) -> None:
    """No empty annotation bubbles: Material does not read notebook comments as annotation markers."""
    text = built(site, "en", "notebooks/loop/")
    assert '<span class="ch"># (1)</span>' in text
    assert not re.search(r'<span class="c[1m]?">[^<]*\(\d+\)', text)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_headings_keep_the_pages_anchors(site: Path, lang: str, page: str) -> None:
    text = built(site, lang, f"notebooks/{page}/")
    for heading in read(DOCS_DIR / lang / f"{page}.md").headings:
        assert f'id="{heading.anchor}"' in text and f'href="#{heading.anchor}"' in text
    assert '<a id="' not in text  # the generator's anchor markers became the headings' ids


def test_search_finds_the_pages_not_their_notebooks(site: Path) -> None:
    locations = [  # one index per language (hooks/reader.py); a Chinese index's locations are relative to /zh/
        PREFIX[lang] + entry["location"]
        for lang in LANGUAGES
        for entry in json.loads((site / PREFIX[lang] / "search/search_index.json").read_text())["docs"]
    ]
    assert not [location for location in locations if "notebooks/" in location]
    assert {f"{PREFIX[lang]}{page}/" for lang in LANGUAGES for page in PAGES} <= set(locations)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_download_links_resolve(site: Path, lang: str, page: str) -> None:
    """Content page and notebook page link to the .ipynb, to the language's zip and to each other."""
    for url, other in ((f"{page}/", f"notebooks/{page}/"), (f"notebooks/{page}/", f"{page}/")):
        here = site / PREFIX[lang] / url
        hrefs = HREF.findall(LINKS.search(built(site, lang, url))[1])
        targets = [(here / href).resolve() for href in hrefs]
        assert targets[0] == (site / PREFIX[lang] / other).resolve()
        assert targets[1].read_text(encoding="utf-8") == generated(lang, page)
        assert targets[2] == (site / PREFIX[lang] / f"notebooks/notebooks-{lang}.zip").resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_zip_holds_every_notebook_of_its_language(site: Path, lang: str) -> None:
    archive = zipfile.ZipFile(io.BytesIO((site / PREFIX[lang] / f"notebooks/notebooks-{lang}.zip").read_bytes()))
    names = set(archive.namelist())
    for page in PAGES:
        assert archive.read(f"notebooks-{lang}/{page}.ipynb").decode() == generated(lang, page)
        for snippet in (ROOT / "snippets" / page).glob("*.py"):  # what the setup cells import, as pages show them
            shown = archive.read(f"notebooks-{lang}/snippets/{page}/{snippet.name}").decode()
            assert shown == shown_code(snippet) and "# markers:" not in shown
    assert {n for n in names if n.endswith(".ipynb")} == {f"notebooks-{lang}/{p}.ipynb" for p in PAGES}


def test_no_page_notebook_or_download_shows_a_markers_line(site: Path) -> None:
    """`# markers:` tells the runner how to check a snippet; readers never see it."""
    files = [*site.rglob("*.html"), *site.rglob("*.ipynb")]
    assert len(files) > 40
    assert [str(f.relative_to(site)) for f in files if "# markers:" in f.read_text(encoding="utf-8")] == []


@pytest.mark.parametrize("page", PAGES)
def test_language_switcher_on_notebook_pages(site: Path, page: str) -> None:
    url = f"notebooks/{page}/"
    to_zh = re.search(r'<a href="([^"]*)" hreflang="zh"', built(site, "en", url))[1]
    assert (site / url / to_zh).resolve() == (site / "zh" / url).resolve()


def test_attached_images_render_inline(tmp_path: Path) -> None:
    """Figures travel inside the notebook (a downloaded .ipynb has no assets/ folder) and render on the site."""
    from mkdocs_jupyter.convert import nb2html

    cell = nbformat.v4.new_markdown_cell(
        "![A figure](attachment:plot.png)", id="m", attachments={"plot.png": {"image/png": "iVBORw0KGgo="}}
    )
    path = tmp_path / "figure.ipynb"
    path.write_text(nbformat.writes(nbformat.v4.new_notebook(cells=[cell])), encoding="utf-8")
    assert '<img alt="A figure" src="data:image/png;base64,iVBORw0KGgo="' in nb2html(str(path))
