"""Append the provenance stamp (device · torch version) to each output block's title at build time.

The Markdown keeps the plain title ("Output" / "输出"); the stamp comes from snippets/provenance.json,
which only the snippet test writes. An output without a stamp keeps its plain title; the test
tests/test_snippets_provenance.py fails for it and names the command that stamps it.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from snippet_runner.provenance import label, load  # noqa: E402 - needs the path above

OUTPUT_BLOCK = re.compile(
    r'^(?P<open>[ \t]*(?:`{3,}|~{3,})[^\n]*?title=")(?P<title>Output|输出)(?P<close>"[^\n]*\n'
    r'[ \t]*-+8<-+[ \t]+"(?P<target>[^"]+\.out)")',
    re.MULTILINE,
)


def stamp(markdown: str, stamps: dict[str, dict[str, str]]) -> str:
    def replace(found: re.Match) -> str:
        devices = stamps.get(found["target"].removesuffix(".out") + ".py")
        if not devices:
            return found[0]
        return f'{found["open"]}{found["title"]} · {label(devices)}{found["close"]}'

    return OUTPUT_BLOCK.sub(replace, markdown)


def on_page_markdown(markdown: str, **kwargs) -> str:
    return stamp(markdown, load())
