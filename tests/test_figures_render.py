"""The figures on the built pages load and decode in Chromium, in both languages."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from test_site import site  # noqa: F401 - the session's strict build

CHROMIUM = Path("/usr/bin/chromium")
PAGES_WITH_FIGURES = {"in-practice/": 1, "mistakes/": 1}


@pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="playwright is not installed")
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figures_render(site: Path, lang: str) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page()
        for path, count in PAGES_WITH_FIGURES.items():
            page.goto((site / ("zh" if lang == "zh" else "") / path / "index.html").as_uri())
            images = page.eval_on_selector_all(
                "article img[src*='assets/figures/']",
                "els => els.map(e => [e.getAttribute('src'), e.complete && e.naturalWidth > 0])",
            )
            assert len(images) == count, f"{lang}/{path}: {images}"
            assert all(ok for _, ok in images), f"{lang}/{path}: a figure did not decode: {images}"
        browser.close()
