"""The strict MkDocs build succeeds and the built HTML is what readers should get."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from snippet_docs.directives import OUTPUT_TITLES
from snippet_docs.nav import content_pages, nav_pages
from snippet_docs.paths import WALKTHROUGHS_DIR
from snippet_docs.snippets import SNIPPETS_DIR, shown_code
from snippet_docs.walkthrough import load, resolve

SITE_NAMES = {"en": "zero_grad · backward · step, line by line", "zh": "逐行读懂 zero_grad · backward · step"}
# Every page of the nav, as served under / and /zh/
PAGES = ["" if page == "index.md" else page.removesuffix(".md") + "/" for page in nav_pages()]
LESSONS = [page.removesuffix(".md") for page in content_pages()]
EXTERNAL_LOAD = re.compile(
    r"""<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\brel=["']?(?:stylesheet|preload|modulepreload|icon|preconnect)[^>]*\bhref=["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//[^>]*\brel=["']?(?:stylesheet|preload|modulepreload|icon|preconnect)"""
    r"""|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def page(site: Path, lang: str, path: str) -> str:
    prefix = "zh/" if lang == "zh" else ""
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_page_has_site_name_and_language(site: Path, lang: str, path: str) -> None:
    text = page(site, lang, path)
    assert f'<html lang="{lang}"' in text
    assert re.search(rf"<title>[^<]*{re.escape(SITE_NAMES[lang])}</title>", text)


@pytest.mark.parametrize("path", PAGES)
def test_language_switcher_lands_on_the_same_page(site: Path, path: str) -> None:
    switch_to_zh = re.search(r'<a href="([^"]*)" hreflang="zh"', page(site, "en", path))[1]
    switch_to_en = re.search(r'<a href="([^"]*)" hreflang="en"', page(site, "zh", path))[1]
    assert _follow(site, site / path, switch_to_zh) == (site / "zh" / path).resolve()
    assert _follow(site, site / "zh" / path, switch_to_en) == (site / path).resolve()


def _follow(site: Path, here: Path, href: str) -> Path:
    """Where a link leads in the built site; the home page's switcher links from the site root."""
    return (site / href.lstrip("/") if href.startswith("/") else here / href).resolve()


def test_nav_labels_are_translated(site: Path) -> None:
    zh_nav = page(site, "zh", "loop/")
    assert "训练循环与手写版对照" in zh_nav and "首页" in zh_nav
    assert "The training loop" not in zh_nav


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", LESSONS)
def test_every_output_is_rendered_from_its_file(site: Path, lang: str, name: str) -> None:
    """Each .out appears verbatim under a block titled Output / 输出 (no include was lost);
    the snippet directive stamps it, e.g. "Output · CPU · torch 2.13.0"."""
    text = page(site, lang, f"{name}/")
    blocks = re.findall(
        rf'<span class="filename">{OUTPUT_TITLES[lang]}(?: · [^<]*)?</span>.*?<code>(.*?)</code>',
        text,
        flags=re.DOTALL,
    )
    rendered = {html.unescape(re.sub(r"<[^>]+>", "", block)).rstrip("\n") for block in blocks}
    outs = sorted((SNIPPETS_DIR / name).glob("*.out"))
    assert len(blocks) == len(outs)
    for out in outs:
        assert out.read_text(encoding="utf-8").rstrip("\n") in rendered, (
            f"{out.name} is not shown on the {lang} {name} page"
        )
    assert "--8&lt;--" not in text and "--8<--" not in text


def test_copy_buttons_and_annotations_are_on(site: Path) -> None:
    config = json.loads(
        re.search(r'<script id="__config" type="application/json">(.*?)</script>', page(site, "en", "loop/"))[1]
    )
    assert {"content.code.copy", "content.code.annotate"} <= set(config["features"])


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    """Readers in mainland China cannot reach Google Fonts or CDNs: every asset is served locally."""
    offenders = []
    for built in sorted(site.rglob("*")):
        if built.suffix in {".html", ".css", ".js"}:
            text = built.read_text(encoding="utf-8", errors="replace")
            if built.suffix == ".html":
                offenders += [f"{built.relative_to(site)}: {m[0][:80]}" for m in EXTERNAL_LOAD.finditer(text)]
            if "fonts.googleapis" in text or "fonts.gstatic" in text:
                offenders.append(f"{built.relative_to(site)}: Google Fonts")
            if built.suffix == ".html" and 'class="mermaid"' in text:
                offenders.append(f"{built.relative_to(site)}: a mermaid diagram would load mermaid from unpkg")
    assert offenders == []


def test_the_external_load_check_can_fail() -> None:
    assert EXTERNAL_LOAD.search('<script src="https://cdn.jsdelivr.net/npm/katex.js"></script>')
    assert EXTERNAL_LOAD.search('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">')
    assert not EXTERNAL_LOAD.search('<a href="https://github.com/pytorch/pytorch">source</a>')


WALKTHROUGH_PAGES = sorted(p.stem for p in WALKTHROUGHS_DIR.glob("*.toml"))


def test_every_walkthrough_page_is_checked() -> None:
    assert {"zero-grad", "backward", "step"} <= set(WALKTHROUGH_PAGES)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", WALKTHROUGH_PAGES)
def test_walkthroughs_show_the_installed_source(site: Path, lang: str, name: str) -> None:
    """Each walkthrough renders as the real source, stamped with file and version, with markers 1..N and N notes."""
    text = page(site, lang, f"{name}/")
    assert "::: walkthrough" not in text
    for walk in load(name).values():
        listing = resolve(walk)
        start = text.index(f'<span class="filename">{listing.title}</span>')
        block = text[start : text.index("</table>", start)]
        code = html.unescape(re.sub(r"<[^>]+>", "", block.split("<code>", 1)[1]))
        for n, pattern in enumerate(walk.patterns, 1):
            assert re.search(rf"{re.escape(pattern)}.*# \({n}\)!", code), f"marker {n} ({pattern!r}) not rendered"
        assert code.count(")!") == len(walk.patterns)
        notes = re.match(
            r"\s*</div>\s*<ol>(.*?)</ol>", text[text.index("</table>", start) + len("</table>") :], re.DOTALL
        )
        assert notes and notes[1].count("<li>") == len(walk.patterns), f"{walk.id}: notes do not follow the code"


def test_code_keeps_its_text_and_its_meaningful_colours(site: Path) -> None:
    """hooks/lean_code.py unwraps plain tokens only: the code reads the same, keywords stay coloured."""
    text = page(site, "en", "zero-grad/")
    assert not re.search(r'<span class="(?:n|w|o|p)">', text)
    assert '<span class="k">' in text and '<span class="c1">' in text
    code = html.unescape(re.sub(r"<[^>]+>", "", text))
    snippet = shown_code(SNIPPETS_DIR / "zero-grad" / "02_zero_grad_still_moves.py")
    assert all(line in code for line in snippet.splitlines() if line.strip())
