"""The repository's zh pages: each records the English it was translated from, and none uses a rejected term.

A missing or malformed record fails. A stale page (the English changed since) is only reported, as a warning,
unless ZBS_STRICT_TRANSLATIONS=1 (release builds), which makes it fail too. A missing zh page fails in
test_structure.py, which pairs every page.
"""

from __future__ import annotations

import warnings

import pytest

from snippet_docs.snippets import ROOT
from snippet_docs.translation import glossary
from snippet_docs.translation.records import MISSING, STALE, STRICT_VARIABLE, TRANSLATED, page_statuses, strict

DOCS_DIR = ROOT / "docs"


class StaleTranslation(UserWarning):
    """The English page changed since its zh twin was translated."""


def test_every_translation_records_its_english() -> None:
    broken = [
        f"docs/zh/{s.page}:{s.line}: {s.message}"
        for s in page_statuses(DOCS_DIR)
        if s.state not in (TRANSLATED, STALE, MISSING)
    ]
    assert not broken, "\n" + "\n".join(broken)


def test_stale_translations_are_reported() -> None:
    stale = [f"docs/zh/{s.page}:{s.line}: {s.message}" for s in page_statuses(DOCS_DIR) if s.state == STALE]
    if stale and strict():
        pytest.fail(f"{STRICT_VARIABLE} is set and translations are stale:\n" + "\n".join(stale), pytrace=False)
    for line in stale:
        warnings.warn(StaleTranslation(f"{line} (set {STRICT_VARIABLE}=1 to fail on this)"), stacklevel=1)


def test_no_zh_page_uses_a_rejected_variant() -> None:
    terms = glossary.load()
    found = glossary.rejected_variants(DOCS_DIR / "zh", terms) + glossary.find_variants(
        ROOT / "CONTRIBUTING.zh.md", terms
    )
    assert not found, "\n" + "\n".join(f"{v.path.relative_to(ROOT)}:{v.line}: {v.message}" for v in found)


def test_there_are_zh_pages_to_check() -> None:
    """Guards the checks above against passing on an empty tree."""
    assert sum(s.state == TRANSLATED for s in page_statuses(DOCS_DIR)) >= 2
