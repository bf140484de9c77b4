"""Which English text each zh page was translated from, and whether that English has changed since.

A zh page carries, in its front matter, the hash of its English twin as it was when the page was translated:

    ---
    translated_from: sha256:<64 hex digits>
    ---

The hash covers `normal_form(english)`, so edits that change only whitespace leave the translation fresh.
Comparing the hash with the English page as it is now needs no git history; only the diff does (history.py).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..markdown import FRONT_MATTER_UNCLOSED, parse, read

RECORD_KEY = "translated_from"
RECORD_VALUE = re.compile(r"sha256:[0-9a-f]{64}")
STRICT_VARIABLE = "ZBS_STRICT_TRANSLATIONS"
RECORD_COMMAND = "make translated PAGE={page}"

# A line that starts one of these opens a Markdown block of its own, so it is never joined to the line above.
BLOCK_START = re.compile(r"(#{1,6}\s|[-*+]\s|\d+[.)]\s|\||>|!!!|\?\?\?|:::|<|\$\$|`{3,}|~{3,}|---)")

TRANSLATED, STALE, MISSING, UNRECORDED, MALFORMED = "translated", "stale", "missing", "unrecorded", "malformed"


def normal_form(text: str) -> str:
    """The English page as far as a translator is concerned; two texts with equal normal forms need no new translation.

    - Trailing spaces, indentation and runs of spaces or tabs count as one space or nothing.
    - Any number of blank lines counts as one paragraph break; a new paragraph break is a change.
    - A line break inside a paragraph counts as a space, so re-wrapping a paragraph is no change; a line that
      starts a block of its own (heading, list item, table row, quote, admonition, directive, fence, HTML, `$$`)
      keeps its line break.
    - Inside a fenced block (as the page model finds them) every non-blank line keeps its own line.
    """
    page = parse(text, Path("<english>"))
    inside = page.fenced_lines() - {fence.line for fence in page.fences()}  # a fence's body and its closing line
    blocks: list[list[str]] = []
    current: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = " ".join(raw.split())
        if number in inside:
            if line:
                current.append(line)
            continue
        if not line:
            if current:
                blocks.append(current)
            current = []
            continue
        if not current or BLOCK_START.match(line) or BLOCK_START.match(current[-1]) and current[-1].startswith("#"):
            current.append(line)
        else:
            current[-1] += " " + line
    if current:
        blocks.append(current)
    return "\n\n".join("\n".join(block) for block in blocks)


def english_hash(text: str) -> str:
    """The record value for an English text: `sha256:` and the hex digest of its normal form."""
    return "sha256:" + hashlib.sha256(normal_form(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Record:
    """What a zh page's front matter says it was translated from."""

    value: str | None  # "sha256:..." when the record is usable
    line: int  # where the record is (or should be), for messages
    problem: str | None = None  # why the record is missing or malformed
    state: str = TRANSLATED  # UNRECORDED or MALFORMED when there is a problem


def read_record(path: Path, page: str) -> Record:
    """The translation record in a zh page's front matter, or why there is none."""
    fix = f"run `{RECORD_COMMAND.format(page=page)}` after translating"
    parsed = read(path)
    if parsed.problems and parsed.problems[0].message == FRONT_MATTER_UNCLOSED:
        return Record(None, 1, FRONT_MATTER_UNCLOSED, MALFORMED)
    if parsed.front_matter is None:
        return Record(None, 1, f"no front matter with `{RECORD_KEY}: sha256:...`; {fix}", UNRECORDED)
    try:
        meta = yaml.safe_load("\n".join(text for _, text in parsed.front_matter)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return Record(None, 2 + (mark.line if mark else 0), f"front matter is not valid YAML: {error}", MALFORMED)
    if not isinstance(meta, dict):
        return Record(None, 2, "front matter is not a mapping of keys to values", MALFORMED)
    line = next((n for n, text in parsed.front_matter if text.startswith(f"{RECORD_KEY}:")), 2)
    if RECORD_KEY not in meta:
        return Record(None, 1, f"front matter has no `{RECORD_KEY}: sha256:...`; {fix}", UNRECORDED)
    value = meta[RECORD_KEY]
    if not isinstance(value, str) or not RECORD_VALUE.fullmatch(value):
        return Record(
            None, line, f"`{RECORD_KEY}: {value}` is not sha256: and 64 lowercase hex digits; {fix}", MALFORMED
        )
    return Record(value, line)


def write_record(path: Path, value: str) -> None:
    """Set `translated_from` in a zh page's front matter, adding a front matter block if there is none."""
    text = path.read_text(encoding="utf-8")
    parsed = parse(text, path)
    entry = f"{RECORD_KEY}: {value}\n"
    if parsed.problems and parsed.problems[0].message == FRONT_MATTER_UNCLOSED:
        raise ValueError(f"{path}: {FRONT_MATTER_UNCLOSED}")
    if parsed.front_matter is None:
        path.write_text(f"---\n{entry}---\n\n{text}", encoding="utf-8")
        return
    lines = text.splitlines(keepends=True)
    existing = [n for n, line in parsed.front_matter if line.startswith(f"{RECORD_KEY}:")]
    if existing:
        lines[existing[0] - 1] = entry
    else:
        lines.insert(1, entry)
    path.write_text("".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class PageStatus:
    """One English page and the state of its Chinese translation."""

    page: str  # path under docs/en and docs/zh, e.g. "loop.md"
    state: str  # TRANSLATED, STALE, MISSING, UNRECORDED or MALFORMED
    en_path: Path
    zh_path: Path
    current: str  # hash of the English page now
    recorded: str | None  # hash the zh page records
    line: int  # line of the record in the zh page
    message: str

    @property
    def slug(self) -> str:
        return self.page.removesuffix(".md")


def page_status(docs_dir: Path, page: str) -> PageStatus:
    en_path, zh_path = docs_dir / "en" / page, docs_dir / "zh" / page
    current = english_hash(en_path.read_text(encoding="utf-8"))
    slug = page.removesuffix(".md")
    if not zh_path.is_file():
        return PageStatus(
            page,
            MISSING,
            en_path,
            zh_path,
            current,
            None,
            1,
            f"not translated yet: write docs/zh/{page}, then run `{RECORD_COMMAND.format(page=slug)}`",
        )
    record = read_record(zh_path, slug)
    if record.problem:
        return PageStatus(page, record.state, en_path, zh_path, current, None, record.line, record.problem)
    if record.value != current:
        return PageStatus(
            page,
            STALE,
            en_path,
            zh_path,
            current,
            record.value,
            record.line,
            f"docs/en/{page} changed since this page was translated: update the translation, then run "
            f"`{RECORD_COMMAND.format(page=slug)}` (`make translations` shows the English diff)",
        )
    return PageStatus(page, TRANSLATED, en_path, zh_path, current, record.value, record.line, "translated, up to date")


def page_statuses(docs_dir: Path) -> list[PageStatus]:
    """Every English page (sorted by path) and the state of its zh twin."""
    en_dir = docs_dir / "en"
    return [page_status(docs_dir, path.relative_to(en_dir).as_posix()) for path in sorted(en_dir.rglob("*.md"))]


def strict() -> bool:
    """Release builds set ZBS_STRICT_TRANSLATIONS=1: then a stale translation fails the tests and the build."""
    return os.environ.get(STRICT_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")
