"""What the reader's browser gets beyond the page text: names for assistive technology, search per language,
hreflang in the sitemap, a 404 page per language (hooks/reader.py adapts these to MkDocs).

Each function takes built HTML (or the built site) and returns it changed; the browser tests (axe-core, the link
check) and Lighthouse (`make bench`) measure the result.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

DEFAULT_LANGUAGE = "en"
# The languages built under their own folder (/zh/), beside the default language at the root.
FOLDER_LANGUAGES = ("zh",)
SEARCH_NAMES = {"en": "Search", "zh": "搜索"}
# A first visit downloads the search index of its language: at most this much, gzip-compressed.
SEARCH_INDEX_BUDGET_GZIP = 100_000

HTML_LANG = re.compile(r'<html lang="([^"]+)"')
# Material writes the page's translations as <link rel="alternate" hreflang>; its script then fetches
# `sitemap.xml` beside each one (/zh/loop/sitemap.xml...), a 404 in the console on every page. The sitemap
# carries the same hreflang pairs, with absolute URLs (Google reads either).
HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# An empty header cell over a table's row labels: a <td> there is valid and says nothing is there.
EMPTY_HEADER_CELL = re.compile(r"<th>\s*</th>")
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
# Inline code in a plain table (not a code listing's line-number table): <wbr> after . , ( = lets a long
# name break where a reader expects, and the CSS stops breaks mid-name (docs/assets/extra.css).
PLAIN_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
INLINE_CODE = re.compile(r"<code>([^<]*)</code>")
BREAK_AFTER = re.compile(r"((?<!\d)\.|[,(=])(?=[^\s.,(=)])")  # not inside a number: 0.1
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def page_language(html: str) -> str:
    found = HTML_LANG.search(html)
    return found[1] if found else DEFAULT_LANGUAGE


def reader_html(html: str) -> str:
    """Every built page (lessons, notebooks, the 404 page), changed for assistive technology and search."""
    lang = page_language(html)
    html = HEAD_ALTERNATE.sub("", html)
    html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace(">", f' aria-label="{SEARCH_NAMES.get(lang, "Search")}">'))
    html = EMPTY_HEADER_CELL.sub("<td></td>", html)
    html = PLAIN_TABLE.sub(lambda table: INLINE_CODE.sub(_breakable, table[0]), html)
    if lang in FOLDER_LANGUAGES:
        html = search_in_language_folder(html, lang)
    return html


def _breakable(code: re.Match) -> str:
    return "<code>" + BREAK_AFTER.sub(r"\1<wbr>", code[1]) + "</code>"


def search_in_language_folder(html: str, lang: str) -> str:
    """Material's script reads its search index at `<base>/search/search_index.json`: a page under /zh/ gets
    /zh/ as its base, so that it loads the Chinese index and resolves the results' locations there."""

    def rebase(found: re.Match) -> str:
        config = json.loads(found[2])
        config["base"] = config["base"].rstrip("/") + f"/{lang}/"
        return found[1] + json.dumps(config, ensure_ascii=False) + found[3]

    return CONFIG.sub(rebase, html, count=1)


def split_search_index(site: Path) -> dict[str, Path]:
    """One search index per language: /search/search_index.json keeps the default language's pages,
    /<lang>/search/search_index.json the others', their locations relative to /<lang>/. Returns the files."""
    index_file = site / "search" / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    written = {}
    for lang in (DEFAULT_LANGUAGE, *FOLDER_LANGUAGES):
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        docs = [
            {**doc, "location": doc["location"].removeprefix(prefix)}
            for doc in index["docs"]
            if doc["location"].startswith(prefix) and (prefix or not _in_folder(doc["location"]))
        ]
        config = index["config"]
        if lang == DEFAULT_LANGUAGE:  # English pages need no Chinese tokenizer: three scripts fewer to load
            config = {**config, "lang": [DEFAULT_LANGUAGE]}
        out = site / prefix / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
        written[lang] = out
    return written


def _in_folder(location: str) -> bool:
    return any(location.startswith(f"{lang}/") for lang in FOLDER_LANGUAGES)


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def split_sitemap(site: Path) -> None:
    """/<lang>/sitemap.xml lists that language's pages (with their hreflang pairs): Material fetches the sitemap
    at its base, which is /zh/ on Chinese pages."""
    root = site / "sitemap.xml"
    ET.register_namespace("", SITEMAP_NS["s"])
    ET.register_namespace("xhtml", "http://www.w3.org/1999/xhtml")
    for lang in FOLDER_LANGUAGES:
        tree = ET.parse(root)
        urlset = tree.getroot()
        for url in list(urlset):
            loc = url.findtext("s:loc", default="", namespaces=SITEMAP_NS)
            if f"/{lang}/" not in loc:
                urlset.remove(url)
        tree.write(site / lang / "sitemap.xml", encoding="UTF-8", xml_declaration=True)


def language_404(html: str, lang: str, base: str) -> str:
    """The default language's 404 page, which a static host serves for every missing path: under /<lang>/, it
    shows that language's 404 page in its place (same URL, so the reader still sees what was mistyped)."""
    if lang != DEFAULT_LANGUAGE:
        return html
    folders = "|".join(FOLDER_LANGUAGES)
    script = (
        "<script>(function(){var b="
        + json.dumps(base)
        + ",m=location.pathname.match(new RegExp('^'+b+'("
        + folders
        + ")/'));if(m){fetch(b+m[1]+'/404.html').then(function(r){return r.ok?r.text():null})"
        ".then(function(t){if(t){document.open();document.write(t);document.close()}})}})()</script>"
    )
    return html.replace("</head>", script + "</head>", 1)
