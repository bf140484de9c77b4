"""The built site's reader-side files (hooks/reader.py): sitemap and canonical links with absolute URLs, hreflang
pairs in the sitemap, a 404 page per language, no <link rel="alternate"> for Material to fetch sitemaps beside."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from mkdocs.config import load_config

from snippet_docs.paths import MKDOCS_FILE

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def site_url() -> str:
    return load_config(str(MKDOCS_FILE)).site_url


def test_sitemap_urls_are_absolute_with_hreflang_pairs(site: Path, site_url: str) -> None:
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", NS)
    assert len(urls) >= 20
    for url in urls:
        loc = url.findtext("s:loc", namespaces=NS)
        assert loc.startswith(site_url), f"sitemap entry {loc!r} is not under {site_url}"
        pairs = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert set(pairs) == {"en", "zh"} and all(href.startswith(site_url) for href in pairs.values()), loc
    zh = ET.parse(site / "zh" / "sitemap.xml").getroot().findall("s:url", NS)
    assert zh and all("/zh/" in url.findtext("s:loc", namespaces=NS) for url in zh)


@pytest.mark.parametrize("path", ["index.html", "loop/index.html", "zh/step/index.html", "notebooks/step/index.html"])
def test_pages_have_a_canonical_link_and_no_head_alternates(site: Path, site_url: str, path: str) -> None:
    text = (site / path).read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text)
    assert canonical and canonical[1] == site_url + path.removesuffix("index.html")
    assert not re.search(r'<link rel="alternate"[^>]*hreflang', text), "Material would fetch sitemap.xml beside it"


def test_each_language_has_its_404_page(site: Path) -> None:
    assert '<html lang="en"' in (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in (site / "zh" / "404.html").read_text(encoding="utf-8")
