"""Translation freshness in the built site.

- A zh page whose English twin changed since translation (or that has no usable record) gets a banner under its
  title that says so and links to the English page.
- An English page with no zh twin is built into the zh site by mkdocs-static-i18n's fallback; it gets a
  "尚未翻译" notice, so `make serve` works while a page is being translated (`make test` still fails on it).
- `<!-- translation-status -->` in a page becomes the table of every page and the state of its translation.
- With ZBS_STRICT_TRANSLATIONS=1 (release builds) any page that is not translated and current fails the build.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from snippet_docs.translation.records import (
    MALFORMED,
    MISSING,
    STALE,
    STRICT_VARIABLE,
    TRANSLATED,
    UNRECORDED,
    PageStatus,
    page_statuses,
    strict,
)

log = get_plugin_logger("translation_status")
PLACEHOLDER = "<!-- translation-status -->"
NEEDS_WORK = (STALE, UNRECORDED, MALFORMED)
H1 = re.compile(r"^#\s+(?P<title>.*?)(?:\s*\{\s*#[\w-]+\s*\})?\s*$", re.MULTILINE)

STATE_LABELS = {
    "en": {
        TRANSLATED: "Translated",
        STALE: "Stale: the English changed since translation",
        MISSING: "Missing",
        UNRECORDED: "No translation record",
        MALFORMED: "Broken translation record",
    },
    "zh": {
        TRANSLATED: "已翻译",
        STALE: "译文过时：英文原文已有改动",
        MISSING: "尚未翻译",
        UNRECORDED: "缺少翻译记录",
        MALFORMED: "翻译记录有误",
    },
}
TABLE_HEAD = {
    "en": "| Page | Chinese file | Chinese translation |\n|---|---|---|",
    "zh": "| 页面 | 中文文件 | 中文译文 |\n|---|---|---|",
}
SUMMARY = {
    "en": "{fresh} of {total} pages are translated and up to date.",
    "zh": "共 {total} 个页面，其中 {fresh} 个已翻译且为最新。",
}
STALE_BANNER = (
    '!!! warning "英文原文已更新"\n\n'
    "    本页译自较早版本的英文原文，英文原文此后有改动，译文可能已经过时。请以[英文原文]({url})为准。\n"
)
UNRECORDED_BANNER = (
    '!!! warning "译文可能已过时"\n\n'
    "    本页没有记录译自哪一版英文原文，无法确认译文是否为最新。请对照[英文原文]({url})阅读。\n"
)
FALLBACK_NOTICE = (
    '!!! warning "尚未翻译"\n\n'
    "    本页尚未翻译成中文，下面是英文原文。欢迎参与翻译，方法见仓库中的 CONTRIBUTING.zh.md。\n"
)

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
    if PLACEHOLDER in markdown:
        markdown = markdown.replace(PLACEHOLDER, _status_table(source, getattr(file, "norm_src_uri", file.src_uri)))
    if building != "zh":
        return markdown
    if source != "zh":
        return _under_title(markdown, FALLBACK_NOTICE)
    status = _statuses.get(getattr(file, "norm_src_uri", file.src_uri))
    if status is None or status.state not in NEEDS_WORK:
        return markdown
    english_url = get_relative_url(page.url.removeprefix("zh/"), page.url)
    banner = STALE_BANNER if status.state == STALE else UNRECORDED_BANNER
    return _under_title(markdown, banner.format(url=english_url))


def _under_title(markdown: str, block: str) -> str:
    """Put a block right after the page's h1 (or first, when there is none)."""
    title = H1.search(markdown)
    if title is None:
        return f"{block}\n{markdown}"
    return f"{markdown[: title.end()]}\n\n{block}\n{markdown[title.end() :].lstrip(chr(10))}"


def _status_table(lang: str, here: str) -> str:
    statuses = list(_statuses.values())
    rows = [TABLE_HEAD[lang]]
    for status in statuses:
        path = status.zh_path if lang == "zh" and status.zh_path.is_file() else status.en_path
        title = H1.search(path.read_text(encoding="utf-8"))
        link = posixpath.relpath(status.page, posixpath.dirname(here) or ".")
        name = title["title"] if title else status.page
        rows.append(f"| [{name}]({link}) | `docs/zh/{status.page}` | {STATE_LABELS[lang][status.state]} |")
    fresh = sum(status.state == TRANSLATED for status in statuses)
    return SUMMARY[lang].format(fresh=fresh, total=len(statuses)) + "\n\n" + "\n".join(rows)
