"""Page weight of built pages: the HTML plus every local stylesheet and script it loads, uncompressed.

Usage: python benchmarks/page_weight.py SITE_DIR [PAGE ...]   (default pages: the loop page and its
notebook, in both languages). Prints one line per page; exits 1 when a page exceeds the budget.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

BUDGET = 800_000  # bytes per page, HTML + CSS + JS
ASSET = re.compile(r"""<(?:link\b[^>]*\brel=["']?stylesheet[^>]*\bhref|script\b[^>]*\bsrc)=["']?([^"' >]+)""")
DEFAULT_PAGES = ["loop/", "notebooks/loop/", "zh/loop/", "zh/notebooks/loop/"]


def weight(site: Path, page: str) -> tuple[int, int]:
    """(HTML bytes, HTML + assets bytes) of one page, given as its URL path under the site."""
    html_file = site / page / "index.html"
    html = html_file.read_text(encoding="utf-8")
    total = html_file.stat().st_size
    for href in dict.fromkeys(ASSET.findall(html)):
        url = urlparse(urljoin(f"/{page}", href))
        if url.netloc:
            continue  # another host: tests/test_site.py forbids those
        total += (site / url.path.lstrip("/")).stat().st_size
    return html_file.stat().st_size, total


def main(argv: list[str]) -> int:
    site, pages = Path(argv[0]), argv[1:] or DEFAULT_PAGES
    over = False
    for page in pages:
        html, total = weight(site, page)
        over |= total > BUDGET
        print(f"{page:24} HTML {html / 1000:7.1f} KB   with CSS+JS {total / 1000:7.1f} KB"
              f"{'   OVER BUDGET' if total > BUDGET else ''}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
