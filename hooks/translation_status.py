"""Translation freshness in the built site (the texts and the table: snippet_docs.translation.notices).

- A zh page whose English twin changed since translation (or that has no usable record) gets a banner under its
  title that says so and links to the English page.
- An English page with no zh twin is built into the zh site by mkdocs-static-i18n's fallback; it gets a
  "尚未翻译" notice, so `make serve` works while a page is being translated (`make test` still fails on it).
- `<!-- translation-status -->` in a page becomes the table of every page and the state of its translation.
- With ZBS_STRICT_TRANSLATIONS=1 (release builds) any page that is not translated and current fails the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from snippet_docs.markdown import insert_under_title
from snippet_docs.translation.notices import FALLBACK_NOTICE, PLACEHOLDER, banner, status_table
from snippet_docs.translation.records import STRICT_VARIABLE, TRANSLATED, PageStatus, page_statuses, strict

log = get_plugin_logger("translation_status")
_statuses: dict[str, PageStatus] = {}


def on_pre_build(config) -> None:
    statuses = page_statuses(Path(config.docs_dir))
    _statuses.clear()
    _statuses.update({status.page: status for status in statuses})
    unfinished = [status for status in statuses if status.state != TRANSLATED]
    if unfinished and strict():
        raise PluginError(
            f"{STRICT_VARIABLE} is set and these translations are not current:\n"
            + "\n".join(f"  docs/zh/{s.page}:{s.line}: {s.message}" for s in unfinished)
        )
    for status in unfinished:
        log.info(f"docs/zh/{status.page}: {status.state}")


def on_page_markdown(markdown: str, page, config, files) -> str:
    file = page.file
    source = getattr(file, "locale", "en")  # language of the Markdown file
    building = getattr(file, "locale_alternate_of", source)  # language of the site being built
    here = getattr(file, "norm_src_uri", file.src_uri)
    if PLACEHOLDER in markdown:
        markdown = markdown.replace(PLACEHOLDER, status_table(list(_statuses.values()), source, here))
    if building != "zh":
        return markdown
    if source != "zh":
        return insert_under_title(markdown, FALLBACK_NOTICE)
    status = _statuses.get(here)
    warning = status and banner(status, get_relative_url(page.url.removeprefix("zh/"), page.url))
    return insert_under_title(markdown, warning) if warning else markdown
