"""What the built site says about translation state: the banner on a zh page that needs work, the notice on an
English page shown in the zh site, and the table of every page's state (hooks/translation_status.py places them)."""

from __future__ import annotations

import posixpath

from ..markdown import read
from .records import MALFORMED, MISSING, STALE, TRANSLATED, UNRECORDED, PageStatus

PLACEHOLDER = "<!-- translation-status -->"
NEEDS_WORK = (STALE, UNRECORDED, MALFORMED)

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


def banner(status: PageStatus, english_url: str) -> str | None:
    """The warning a zh page shows under its title while its translation needs work; None when it is current."""
    if status.state not in NEEDS_WORK:
        return None
    return (STALE_BANNER if status.state == STALE else UNRECORDED_BANNER).format(url=english_url)


def status_table(statuses: list[PageStatus], lang: str, here: str) -> str:
    """A summary line and a table of every page, its zh file and the state of its translation."""
    rows = [TABLE_HEAD[lang]]
    for status in statuses:
        path = status.zh_path if lang == "zh" and status.zh_path.is_file() else status.en_path
        title = read(path).title
        link = posixpath.relpath(status.page, posixpath.dirname(here) or ".")
        name = title.text if title else status.page
        rows.append(f"| [{name}]({link}) | `docs/zh/{status.page}` | {STATE_LABELS[lang][status.state]} |")
    fresh = sum(status.state == TRANSLATED for status in statuses)
    return SUMMARY[lang].format(fresh=fresh, total=len(statuses)) + "\n\n" + "\n".join(rows)
