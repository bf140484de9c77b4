"""The built site in a real browser (Debian's Chromium, driven by Playwright), served on 127.0.0.1.

Every page in both languages: no request leaves 127.0.0.1, the console shows no error outside
KNOWN_CONSOLE_ERRORS, and with `--screenshots` a full-page screenshot goes to
build/screenshots/{en,zh}/<page>.png (they cost more than the checks, so only on request). Plus the
language switch, Chinese search, copy buttons and code annotations. Skipped, with the reason, when
/usr/bin/chromium is absent (`.ci/run` installs it).
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from snippet_runner.snippets import ROOT

# Debian's Chromium by default; CI images that ship Chrome elsewhere set CHROMIUM.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "build" / "screenshots"
# Console errors that are expected, each with its reason: (URL pattern, message pattern, reason).
KNOWN_CONSOLE_ERRORS = [
    (r"/sitemap\.xml$", r"status of 404",
     "Material's language switcher fetches sitemap.xml under each language's root to map pages; "
     "mkdocs-static-i18n writes only /sitemap.xml, so /zh/sitemap.xml answers 404 (harmless)"),
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent: install Debian's chromium (.ci/run does) to run browser tests",
)


def site_pages() -> list[str]:
    """Every page and notebook page, as a path under the site root ('' for the home page), from docs/en."""
    docs = ROOT / "docs" / "en"
    sources = [*docs.rglob("*.md"), *docs.rglob("*.ipynb")]
    return sorted(
        "" if rel.stem == "index" else f"{rel.with_suffix('').as_posix()}/"
        for rel in (p.relative_to(docs) for p in sources)
    )


PAGES = [(lang, path) for lang in ("en", "zh") for path in site_pages()]


@pytest.fixture(scope="session")
def base_url(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--screenshots")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def url_of(base_url: str, lang: str, path: str) -> str:
    return base_url + ("zh/" if lang == "zh" else "") + path


def known(url: str, text: str) -> bool:
    return any(re.search(u, url) and re.search(t, text) for u, t, _ in KNOWN_CONSOLE_ERRORS)


@pytest.mark.parametrize(("lang", "path"), PAGES, ids=[f"{lang}:{path or 'home'}" for lang, path in PAGES])
def test_page_loads_locally_without_errors(page, base_url: str, lang: str, path: str, screenshots: bool) -> None:
    outside, errors = [], []
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).hostname not in (None, "127.0.0.1")
            and urlsplit(r.url).scheme not in ("data", "blob") else None)
    page.on("console", lambda m: errors.append(f"{m.text} ({m.location.get('url')})")
            if m.type == "error" and not known(m.location.get("url", ""), m.text) else None)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    response = page.goto(url_of(base_url, lang, path), wait_until="networkidle")
    assert response is not None and response.ok, f"{lang}:{path or 'home'} answered {response and response.status}"
    if screenshots:
        shot = SCREENSHOTS / lang / f"{path.strip('/').replace('/', '_') or 'index'}.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=True)
    assert outside == [], f"{lang}:{path or 'home'} requested other hosts: {outside}"
    assert errors == [], f"{lang}:{path or 'home'} logged console errors: {errors}"
    images = page.eval_on_selector_all(
        "article img", "els => els.map(e => [e.getAttribute('src'), e.complete && e.naturalWidth > 0])")
    broken = [src for src, decoded in images if not decoded]
    assert broken == [], f"{lang}:{path or 'home'} has images that did not load or decode: {broken}"


@pytest.mark.parametrize("path", site_pages())
def test_switching_to_chinese_lands_on_the_same_page(page, base_url: str, path: str) -> None:
    page.goto(url_of(base_url, "en", path))
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('a[hreflang="zh"]').first.click()
    page.wait_for_load_state()
    assert page.url == url_of(base_url, "zh", path)
    assert page.locator("html").get_attribute("lang") == "zh"


def test_searching_for_a_chinese_word_shows_results(page, base_url: str) -> None:
    page.goto(url_of(base_url, "zh", ""), wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.fill("梯度")  # typed Chinese arrives through an IME, as inserted text
    search.press("End")  # Material searches on keyup, which inserted text does not send
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    assert "/zh/" in results.first.locator("a").first.get_attribute("href")


def test_copy_buttons_and_code_annotations_work(page, base_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url_of(base_url, "en", "loop/"), wait_until="networkidle")
    buttons = page.locator("pre button.md-code__button")
    assert buttons.count() >= page.locator("pre > code").count() > 0, "a code block has no copy button"
    buttons.first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    first_include = (ROOT / "snippets/loop/01_python2_listing.py").read_text(encoding="utf-8")
    assert copied.strip() == first_include.strip(), "the copy button copied something else"
    annotation = page.locator(".md-annotation__index").first
    annotation.scroll_into_view_if_needed()
    annotation.click(force=True)  # its marker pulses, so it never counts as "stable"
    tooltip = page.locator(".md-annotation .md-tooltip").first
    tooltip.wait_for(state="visible", timeout=5_000)
    assert "zero_grad" in tooltip.inner_text()


def test_the_console_filter_can_fail() -> None:
    assert known("http://127.0.0.1:8000/zh/sitemap.xml", "Failed to load resource: the server responded with a status of 404 (File not found)")
    assert not known("http://127.0.0.1:8000/assets/app.js", "Failed to load resource: the server responded with a status of 404 (File not found)")
    assert not known("http://127.0.0.1:8000/sitemap.xml", "Uncaught TypeError: x is undefined")
