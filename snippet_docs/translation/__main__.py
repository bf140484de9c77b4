"""`python -m snippet_docs.translation list` lists translations that need work, with the English diff since each
was translated;
`python -m snippet_docs.translation record PAGE...` records that the zh pages now match their English twins."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path, PurePosixPath

from ..paths import ROOT
from .history import english_diff
from .records import (
    STALE,
    STRICT_VARIABLE,
    TRANSLATED,
    english_hash,
    page_status,
    page_statuses,
    strict,
    write_record,
)


def list_pages(root: Path) -> int:
    """Print every page's state and, for a stale one, the English diff; fail on anything `make test` fails on."""
    statuses = page_statuses(root / "docs")
    failing = []  # the states that fail `make test` (and stale ones in strict mode)
    for status in statuses:
        print(f"{status.state:>10}  docs/zh/{status.page}")
        if status.state == TRANSLATED:
            continue
        print(f"            docs/zh/{status.page}:{status.line}: {status.message}")
        if status.state == STALE:
            print(english_diff(root, f"docs/en/{status.page}", status.recorded))
        if status.state != STALE or strict():
            failing.append(status.state)
    counts = {state: sum(s.state == state for s in statuses) for state in {s.state for s in statuses}}
    print(", ".join(f"{n} {state}" for state, n in sorted(counts.items())))
    if failing:
        why = f" ({STRICT_VARIABLE} is set)" if STALE in failing else ""
        print(f"failing: {', '.join(sorted(set(failing)))} translations{why}", file=sys.stderr)
    return 1 if failing else 0


def _page(name: str) -> str:
    """`loop`, `loop.md`, `docs/zh/loop.md` and `docs/en/loop.md` all name the page loop.md."""
    path = PurePosixPath(name)
    if path.parts[:2] in (("docs", "en"), ("docs", "zh")):
        path = PurePosixPath(*path.parts[2:])
    return path.as_posix().removesuffix(".md") + ".md"


def record(root: Path, pages: list[str]) -> int:
    """Write the current English hash into each named zh page's front matter."""
    code = 0
    for name in pages:
        page = _page(name)
        en, zh = root / "docs/en" / page, root / "docs/zh" / page
        if not en.is_file():
            print(f"docs/en/{page}: no such English page", file=sys.stderr)
            code = 1
            continue
        if not zh.is_file():
            print(f"docs/zh/{page}: not translated yet; write it first, then record it", file=sys.stderr)
            code = 1
            continue
        before = page_status(root / "docs", page)
        value = english_hash(en.read_text(encoding="utf-8"))
        write_record(zh, value)
        after = "unchanged, already current" if before.state == TRANSLATED else f"was {before.state}, now current"
        print(f"docs/zh/{page}: translated_from {value[:19]}… ({after})")
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m snippet_docs.translation", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list stale, missing and unrecorded translations with the English diff")
    recorder = commands.add_parser("record", help="record that docs/zh/PAGE.md matches docs/en/PAGE.md as it is now")
    recorder.add_argument("pages", nargs="+", metavar="PAGE", help="loop, loop.md or docs/zh/loop.md")
    args = parser.parse_args(argv)
    if args.command == "list":
        return list_pages(args.root)
    return record(args.root, args.pages)


if __name__ == "__main__":
    sys.exit(main())
