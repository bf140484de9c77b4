"""The built site in a real browser (Debian's Chromium, driven by Playwright), served on 127.0.0.1.

Every page in both languages: no request leaves 127.0.0.1, the console shows no error, axe-core finds no
accessibility violation (light and dark), and with `--screenshots` a full-page screenshot goes to
build/screenshots/{en,zh}/<page>.png and a 390-px-wide one to build/screenshots/phone/{en,zh}/ (they cost
more than the checks, so only on request). Plus the language switch, search in each language, the 404
page in each language, copy buttons and code annotations. The site is served as a static host serves it
(snippet_docs.static_host). Skipped, with the reason, when /usr/bin/chromium
is absent (`.ci/run` installs it); axe-core comes from npm (package-lock.json; `make test` runs `npm ci`).
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

import pytest

from snippet_docs.nav import content_pages, nav_pages
from snippet_docs.runner import reuse
from snippet_docs.snippets import ROOT
from snippet_docs.static_host import serve

# Debian's Chromium by default; CI images that ship Chrome elsewhere set CHROMIUM.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "build" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"{CHROMIUM} is absent: install Debian's chromium (.ci/run does) to run browser tests",
    ),
    # One worker drives the browser for every page, so the batches of tabs hold the pages of both languages.
    pytest.mark.xdist_group(name="browser"),
]


def site_pages() -> list[str]:
    """Every page of the nav and every lesson's notebook page, as a path under the site root ('' for the home page)."""
    pages = ["" if page == "index.md" else page.removesuffix(".md") + "/" for page in nav_pages()]
    return sorted([*pages, *(f"notebooks/{page.removesuffix('.md')}/" for page in content_pages())])


PAGES = [(lang, path) for lang in ("en", "zh") for path in site_pages()]


@pytest.fixture(scope="session")
def base_url(site: Path):
    """The site as a static host serves it: gzip, and /404.html for a missing path (snippet_docs.static_host)."""
    with serve(site) as url:
        yield url


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


def built(site: Path, lang: str, path: str) -> Path:
    return site / ("zh/" if lang == "zh" else "") / path / "index.html"


@functools.cache
def assets_digest(site: Path) -> str:
    """One digest of every asset a page may load (scripts, styles, figures)."""
    digest = hashlib.sha256()
    for asset in sorted(p for p in (site / "assets").rglob("*") if p.is_file()):
        digest.update(asset.relative_to(site).as_posix().encode() + asset.read_bytes())
    return digest.hexdigest()


def page_inputs(site: Path, lang: str, path: str) -> tuple[str, list[Path], str]:
    """The reuse key of one page's load test, the files it depends on, and the assets' digest."""
    return f"browser/{lang}/{path}", [built(site, lang, path), Path(__file__)], assets_digest(site)


def url_of(base_url: str, lang: str, path: str) -> str:
    return base_url + ("zh/" if lang == "zh" else "") + path


# Pages loading at once: Chromium works on all of them while the test waits on one. More does not help on
# 2 cores (rendering is CPU-bound); a switch loads two pages, so it takes fewer tabs.
LOAD_TABS, SWITCH_TABS = 6, 3


class Batches:
    """Runs one browser check on many pages, a batch of tabs at a time, and keeps each page's problems.

    The first page a test asks for is opened together with the next pages this worker will ask for, so the
    waits overlap instead of adding up. `open(tab, key)` starts the navigation; `finish(tab, key, started)`
    waits for it and returns what went wrong."""

    def __init__(self, browser, upcoming: list, open_, finish, tabs: int, options=lambda key: {}) -> None:
        self.browser, self.upcoming, self.open, self.finish, self.tabs = browser, upcoming, open_, finish, tabs
        self.options = options  # key -> more options of the browser context (a colour scheme)
        self.results: dict = {}

    def problems(self, key) -> list[str]:
        if key not in self.results:
            rest = [k for k in self.upcoming if k not in self.results and k != key]
            self._run([key, *rest[: self.tabs - 1]])
        return self.results[key]

    def _run(self, batch: list) -> None:
        opened = []
        for key in batch:  # every navigation starts before the first wait
            context = self.browser.new_context(
                **{"viewport": {"width": 1280, "height": 800}, "locale": "en-US", **self.options(key)}
            )
            tab = context.new_page()
            tab.set_default_timeout(30_000)
            opened.append((key, context, tab, self.open(tab, key)))
        for key, context, tab, started in opened:
            self.results[key] = self.finish(tab, key, started)
            context.close()


def upcoming(request: pytest.FixtureRequest, test_name: str, keep) -> list:
    """The parameters of this worker's tests named `test_name`, in order, that `keep` selects."""
    return [
        key
        for item in request.session.items
        if getattr(item, "originalname", None) == test_name
        and keep(key := tuple(item.callspec.params[name] for name in item.callspec.params))
    ]


@pytest.fixture(scope="session")
def page_loads(request: pytest.FixtureRequest, browser, base_url: str, site: Path, screenshots: bool) -> Batches:
    """Each page loaded with the network watched: no request leaves 127.0.0.1, no console error, images decode."""

    def open_(tab, key):
        lang, path = key
        outside, errors = [], []
        tab.on(
            "request",
            lambda r: (
                outside.append(r.url)
                if urlsplit(r.url).hostname not in (None, "127.0.0.1")
                and urlsplit(r.url).scheme not in ("data", "blob")
                else None
            ),
        )
        tab.on("console", lambda m: errors.append(f"{m.text} ({m.location.get('url')})") if m.type == "error" else None)
        tab.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
        return tab.goto(url_of(base_url, lang, path), wait_until="commit"), outside, errors

    def finish(tab, key, started) -> list[str]:
        (lang, path), (response, outside, errors) = key, started
        tab.wait_for_load_state("networkidle")
        where, found = f"{lang}:{path or 'home'}", []
        if response is None or not response.ok:
            found.append(f"{where} answered {response and response.status}")
        if screenshots:
            shot = SCREENSHOTS / lang / f"{path.strip('/').replace('/', '_') or 'index'}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(shot), full_page=True)
            phone = SCREENSHOTS / "phone" / lang / shot.name  # outputs must wrap, not scroll sideways, at 390 px
            phone.parent.mkdir(parents=True, exist_ok=True)
            tab.set_viewport_size({"width": 390, "height": 844})
            tab.screenshot(path=str(phone), full_page=True)
        if outside:
            found.append(f"{where} requested other hosts: {outside}")
        if errors:
            found.append(f"{where} logged console errors: {errors}")
        images = tab.eval_on_selector_all(
            "article img", "els => els.map(e => [e.getAttribute('src'), e.complete && e.naturalWidth > 0])"
        )
        if broken := [src for src, decoded in images if not decoded]:
            found.append(f"{where} has images that did not load or decode: {broken}")
        return found

    def keep(key) -> bool:  # a page whose test will be reused is not loaded
        name, files, assets = page_inputs(site, *key)
        return screenshots or not reuse.passed_before(request.config, name, reuse.fingerprint(files, assets))

    return Batches(browser, upcoming(request, "test_page_loads_locally_without_errors", keep), open_, finish, LOAD_TABS)


@pytest.mark.parametrize(("lang", "path"), PAGES, ids=[f"{lang}:{path or 'home'}" for lang, path in PAGES])
def test_page_loads_locally_without_errors(
    page_loads: Batches, lang: str, path: str, screenshots: bool, site: Path, unchanged
) -> None:
    key, files, assets = page_inputs(site, lang, path)
    if not screenshots and unchanged(key, files, assets):
        return  # this page and every asset it can load are what they were when it last passed
    problems = page_loads.problems((lang, path))
    assert problems == [], "\n".join(problems)


SCHEMES = ("light", "dark")
AXE_PAGES = [(lang, path, scheme) for lang, path in PAGES for scheme in SCHEMES]
# Only colours change in the dark scheme: its run checks the rules about colour, the light run every rule.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# content.lazy: Material gives a code block its copy button and annotations when it scrolls into view. This
# scrolls every block into view, so that a check sees them all, and back to the top.
MOUNT_CODE_BLOCKS = """async () => {
    for (const block of document.querySelectorAll("article pre")) {
        block.scrollIntoView();
        for (let frame = 0; frame < 2; frame++) {  // visibility is reported at the frame after the scroll
            await new Promise(done => requestAnimationFrame(done));
        }
    }
    await new Promise(done => setTimeout(done, 200));
    window.scrollTo(0, 0);
}"""
AXE_RUN = """options => axe.run(document, options).then(result => result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(" "))})))"""


def axe_inputs(site: Path, lang: str, path: str, scheme: str) -> tuple[str, list[Path], str]:
    return f"axe/{scheme}/{lang}/{path}", [built(site, lang, path), Path(__file__), AXE], assets_digest(site)


def axe_report(where: str, violations: list[dict]) -> list[str]:
    """One line per rule broken: the page, the rule, its impact and the first elements (CSS selectors)."""
    return [
        f"{where}: {v['id']} ({v['impact']}: {v['help']}) at {'; '.join(v['targets'][:4])}"
        + (f" and {len(v['targets']) - 4} more" if len(v["targets"]) > 4 else "")
        for v in violations
    ]


@pytest.fixture(scope="session")
def axe_runs(request: pytest.FixtureRequest, browser, base_url: str, site: Path) -> Batches:
    """axe-core (node_modules, pinned in package-lock.json) run on each page once it has settled."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    script = AXE.read_text(encoding="utf-8")

    def open_(tab, key):
        lang, path, _ = key
        return tab.goto(url_of(base_url, lang, path), wait_until="commit")

    def finish(tab, key, started) -> list[str]:
        lang, path, scheme = key
        tab.wait_for_load_state("networkidle")
        if scheme == "light":  # every rule: annotation markers and copy buttons included
            tab.evaluate(MOUNT_CODE_BLOCKS)
        tab.add_script_tag(content=script)
        violations = tab.evaluate(AXE_RUN, {"runOnly": COLOUR_RULES} if scheme == "dark" else {})
        return axe_report(f"{lang}:{path or 'home'} ({scheme})", violations)

    def keep(key) -> bool:
        name, files, assets = axe_inputs(site, *key)
        return not reuse.passed_before(request.config, name, reuse.fingerprint(files, assets))

    return Batches(
        browser,
        upcoming(request, "test_page_has_no_accessibility_violations", keep),
        open_,
        finish,
        LOAD_TABS,
        options=lambda key: {"color_scheme": key[2]},
    )


@pytest.mark.parametrize(
    ("lang", "path", "scheme"), AXE_PAGES, ids=[f"{lang}:{path or 'home'}:{scheme}" for lang, path, scheme in AXE_PAGES]
)
def test_page_has_no_accessibility_violations(
    axe_runs: Batches, lang: str, path: str, scheme: str, site: Path, unchanged
) -> None:
    if unchanged(*axe_inputs(site, lang, path, scheme)):
        return  # the page, axe-core and the assets are what they were when it last passed
    problems = axe_runs.problems((lang, path, scheme))
    assert problems == [], f"axe-core {len(problems)} violations:\n" + "\n".join(problems)


def test_the_axe_report_names_page_rule_and_elements() -> None:
    line = axe_report(
        "en:loop/ (dark)",
        [{"id": "color-contrast", "impact": "serious", "help": "Contrast", "targets": [f".c{i}" for i in range(6)]}],
    )
    assert line == ["en:loop/ (dark): color-contrast (serious: Contrast) at .c0; .c1; .c2; .c3 and 2 more"]


def switch_inputs(site: Path, path: str) -> tuple[str, list[Path], str]:
    return (
        f"browser/switch/{path}",
        [built(site, "en", path), built(site, "zh", path), Path(__file__)],
        assets_digest(site),
    )


@pytest.fixture(scope="session")
def switches(request: pytest.FixtureRequest, browser, base_url: str, site: Path) -> Batches:
    """On each English page, the language menu's 中文 entry, clicked: where it lands."""

    def open_(tab, key):
        tab.goto(url_of(base_url, "en", key[0]), wait_until="commit")

    def finish(tab, key, started) -> list[str]:
        tab.wait_for_load_state()
        tab.locator(".md-header__option .md-select").first.hover()
        tab.locator('a[hreflang="zh"]').first.click()
        tab.wait_for_load_state()
        found = []
        if tab.url != url_of(base_url, "zh", key[0]):
            found.append(f"switching to Chinese on /{key[0]} landed on {tab.url}")
        if (lang := tab.locator("html").get_attribute("lang")) != "zh":
            found.append(f"switching to Chinese on /{key[0]} gave a page in {lang!r}")
        return found

    def keep(key) -> bool:
        name, files, assets = switch_inputs(site, key[0])
        return not reuse.passed_before(request.config, name, reuse.fingerprint(files, assets))

    return Batches(
        browser, upcoming(request, "test_switching_to_chinese_lands_on_the_same_page", keep), open_, finish, SWITCH_TABS
    )


@pytest.mark.parametrize("path", site_pages())
def test_switching_to_chinese_lands_on_the_same_page(switches: Batches, path: str, site: Path, unchanged) -> None:
    if unchanged(*switch_inputs(site, path)):
        return  # both pages and the assets are what they were when it last passed
    problems = switches.problems((path,))
    assert problems == [], "\n".join(problems)


# language -> (query, the highlight parameter (?h=) of a result that holds it; Material splits zero_grad in two)
SEARCHES = {"zh": ("梯度", "梯度"), "en": ("zero_grad", "zero grad")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_on_a_page_finds_pages_of_its_language(page, base_url: str, site: Path, unchanged, lang: str) -> None:
    """A Chinese page loads the Chinese index, an English page the English one (hooks/reader.py); each result
    links into the page's language, with the query in its highlight parameter (?h=)."""
    index = site / ("zh/" if lang == "zh" else "") / "search/search_index.json"
    if unchanged(f"browser/search-{lang}", [built(site, lang, "loop/"), index, Path(__file__)], assets_digest(site)):
        return  # the page, the search index and the assets are what they were when it last passed
    query, word = SEARCHES[lang]
    page.goto(url_of(base_url, lang, "loop/"), wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(query)  # typed Chinese arrives through an IME, as inserted text
    search.press("End")  # Material searches on keyup, which inserted text does not send
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs
    elsewhere = [h for h in hrefs if ("/zh/" in h) != (lang == "zh")]
    assert elsewhere == [], f"searching {query!r} on a {lang} page finds pages of the other language: {elsewhere}"
    # A page listed only as the heading of its matching sections has an empty ?h= (Material marks the word missing)
    assert f"h={quote_plus(word)}" in hrefs[0], f"the first result has no highlight parameter: {hrefs[0]}"


@pytest.mark.parametrize(
    ("lang", "missing", "words"), [("en", "no-such-page/", "404"), ("zh", "zh/no-such-page/", "404")]
)
def test_a_missing_page_answers_404_in_its_language(
    page, base_url: str, site: Path, unchanged, lang: str, missing: str, words: str
) -> None:
    """A static host serves /404.html for every missing path: English under /, Chinese under /zh/."""
    if unchanged(f"browser/404-{lang}", [site / "404.html", site / "zh/404.html", Path(__file__)], assets_digest(site)):
        return
    response = page.goto(base_url + missing, wait_until="networkidle")
    assert response.status == 404
    page.wait_for_function(f"document.documentElement.lang === {lang!r}", timeout=10_000)
    assert words in page.locator("article").inner_text()
    assert page.url == base_url + missing  # the reader still sees the address that was mistyped


def test_copy_buttons_and_code_annotations_work(page, base_url: str, site: Path, unchanged) -> None:
    if unchanged("browser/copy-and-annotations", [built(site, "en", "loop/"), Path(__file__)], assets_digest(site)):
        return  # the page and the assets are what they were when it last passed
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url_of(base_url, "en", "loop/"), wait_until="networkidle")
    page.evaluate(MOUNT_CODE_BLOCKS)
    buttons = page.locator("pre button.md-code__button")
    # a block in a closed <details> gets its button when opened (content.lazy), so visible blocks are counted
    assert buttons.count() >= page.locator("pre > code:visible").count() > 0, "a code block has no copy button"
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
