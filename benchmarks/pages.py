"""Build time (two languages against one) and, for every built page, its weight and request count
as Chromium loads it from 127.0.0.1, each against its budget. Prints Markdown tables; exits 1 when a
budget is exceeded.

Run with `make bench` (after benchmarks/snippets_and_build.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from snippet_docs.static_host import serve

ROOT = Path(__file__).resolve().parents[1]
# Debian's Chromium by default; CI images that ship Chrome elsewhere set CHROMIUM.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
KB = 1000
BUDGETS = {"text": 400 * KB, "math": 700 * KB, "notebook": 800 * KB}  # bytes, uncompressed, all requests
# Fetched by scripts rather than rendered (search index, sitemap.xml): shown, not part of the weight.
DATA = {"fetch", "xhr"}
ZH_BUILD = re.compile(r"(- locale: zh\n(?:\s+\w+:.*\n)*?\s+build:) true")


def build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def build_times(site: Path) -> tuple[float, float]:
    """Best of two cold builds each: both languages, and English alone (zh `build: false`)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    en_only_text, found = ZH_BUILD.subn(r"\1 false", text)
    if found != 1:
        raise SystemExit("benchmarks/pages.py: cannot find the zh language's `build: true` in mkdocs.yml")
    en_only = ROOT / ".bench-en-only.yml"  # beside mkdocs.yml, so `!relative $config_dir` means the same
    en_only.write_text(en_only_text, encoding="utf-8")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            one = min(build(en_only, Path(tmp) / f"en{i}") for i in range(2))
        both = min(build(ROOT / "mkdocs.yml", site) for _ in range(2))
    finally:
        en_only.unlink()
    return both, one


def kind(html: str) -> str:
    if 'class="jupyter-wrapper"' in html or "jp-Notebook" in html:
        return "notebook"
    return "math" if "<math" in html else "text"


def measure_pages(site: Path) -> list[dict]:
    """Each page as Chromium loads it from the site served like a static host; `response.body()` is the
    decoded body, so the weight is uncompressed whatever the transfer encoding."""
    from playwright.sync_api import sync_playwright

    pages = sorted(
        p.relative_to(site).parent.as_posix()
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[0] not in ("assets", "search")
    )
    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        for path in pages:
            path = "" if path == "." else f"{path}/"
            context = browser.new_context()  # empty cache: every asset counts
            page = context.new_page()
            loaded, external = [], []  # loaded: (resource type, bytes)

            def on_response(response, loaded=loaded):
                try:
                    size = len(response.body())
                except Exception:
                    size = 0
                loaded.append((response.request.resource_type, size))

            page.on("response", on_response)
            page.on(
                "request",
                lambda r, external=external: (
                    external.append(r.url) if urlsplit(r.url).hostname not in (None, "127.0.0.1") else None
                ),
            )
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(1500)  # the search worker loads its scripts after the page settles
            page.wait_for_load_state("networkidle")
            html = (site / path / "index.html").read_text(encoding="utf-8")
            rows.append(
                {
                    "page": "/" + path,
                    "kind": kind(html),
                    "requests": len(loaded),
                    "bytes": sum(size for what, size in loaded if what not in DATA),
                    "data": sum(size for what, size in loaded if what in DATA),
                    "external": len(external),
                }
            )
            context.close()
        browser.close()
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        both, one = build_times(site)
        print("| build (strict, cold, best of 2) | seconds |\n|---|---:|")
        print(f"| English and Chinese | {both:.2f} |\n| English only | {one:.2f} |")
        print(f"| cost of the second language | {both - one:.2f} |\n")
        if not CHROMIUM.exists():
            print(f"Page weights skipped: {CHROMIUM} is absent (install Debian's chromium).")
            return 0
        rows = measure_pages(site)
    failed = False
    print("| page | kind | weight | + data | requests | external | budget | |\n|---|---|---:|---:|---:|---:|---:|---|")
    for row in rows:
        limit = BUDGETS[row["kind"]]
        ok = row["bytes"] <= limit and row["external"] == 0
        failed |= not ok
        print(
            f"| `{row['page']}` | {row['kind']} | {row['bytes'] / KB:.0f} KB | {row['data'] / KB:.0f} KB "
            f"| {row['requests']} | "
            f"{row['external']} | {limit / KB:.0f} KB | {'ok' if ok else 'OVER BUDGET'} |"
        )
    print(
        "\nWeight: the HTML and every stylesheet, script, image and font it loads, uncompressed, empty cache.\n"
        "Data: what scripts fetch (the search index of the page's language, sitemap.xml); cached after the first page."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
