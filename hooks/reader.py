"""The reader's browser, beyond the page text (snippet_docs.site): names for assistive technology, one search
index per language, hreflang in the sitemap only (no 404 fetches), a 404 page in each language."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from snippet_docs.site import (
    DEFAULT_LANGUAGE,
    language_404,
    page_language,
    reader_html,
    split_search_index,
    split_sitemap,
)

_404: dict[str, str] = {}  # language -> its 404 page, kept from that language's build


def on_post_page(output: str, page, config) -> str:
    return reader_html(output)


def on_post_template(output: str, template_name: str, config) -> str:
    """mkdocs-static-i18n builds each language into the one site folder, so the last language's 404.html
    would serve every URL: each language's page goes to its folder, and the root keeps the default's."""
    if template_name != "404.html":
        return output
    lang = page_language(output)
    base = urlsplit(config.site_url or "/").path or "/"
    _404[lang] = reader_html(output)
    if lang != DEFAULT_LANGUAGE:
        (Path(config.site_dir) / lang).mkdir(parents=True, exist_ok=True)
        (Path(config.site_dir) / lang / "404.html").write_text(_404[lang], encoding="utf-8")
    return language_404(
        _404.get(DEFAULT_LANGUAGE, _404[lang]), DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in _404 else lang, base
    )


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the index of both languages and the sitemap
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    if (site / "search" / "search_index.json").exists():
        split_search_index(site)
    if (site / "sitemap.xml").exists():
        split_sitemap(site)
