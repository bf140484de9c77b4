"""The repository's pages and snippets are paired, included and in parity (no MkDocs needed)."""

from snippet_docs.checks import check_pages, check_snippets
from snippet_docs.snippets import ROOT, SNIPPETS_DIR

DOCS_DIR = ROOT / "docs"


def _fail_with(problems) -> None:
    assert not problems, "\n" + "\n".join(map(str, problems))


def test_pages_are_paired_and_in_parity() -> None:
    _fail_with(check_pages(DOCS_DIR, SNIPPETS_DIR))


def test_every_snippet_has_output_and_page() -> None:
    _fail_with(check_snippets(SNIPPETS_DIR, DOCS_DIR))


def test_docs_and_snippets_exist() -> None:
    """Guards the checks above against passing on an empty tree."""
    assert len(list((DOCS_DIR / "en").glob("*.md"))) >= 2
    assert len(list(SNIPPETS_DIR.rglob("*.py"))) >= 8
