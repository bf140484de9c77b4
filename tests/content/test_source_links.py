"""Links to PyTorch's source on GitHub name the commit the installed torch was built from.

The backward page describes the C++ engine of the torch it is checked against. A link to a branch moves
with it, and a link to another commit may show different code, so a torch upgrade fails here, naming
the file and the line to update, until the links name the new `torch.version.git_version`.
"""

from __future__ import annotations

import re
from pathlib import Path

import torch

from snippet_docs.snippets import ROOT

PAGES = sorted((ROOT / "docs").glob("*/*.md"))
LINK = re.compile(r"https://github\.com/pytorch/pytorch/(?:blob|tree)/(?P<ref>[^/\s)]+)/")


def link_problems(path: Path, text: str, commit: str) -> list[str]:
    """One message per link to pytorch/pytorch that does not name `commit`."""
    return [
        f"{path.relative_to(ROOT).as_posix()}:{number}: links to pytorch/pytorch at {found['ref']!r}, "
        f"but the installed torch was built from {commit} (torch.version.git_version)"
        for number, line in enumerate(text.splitlines(), 1)
        for found in LINK.finditer(line)
        if found["ref"] != commit
    ]


def test_pytorch_links_name_the_installed_commit() -> None:
    commit = torch.version.git_version
    problems = [p for page in PAGES for p in link_problems(page, page.read_text(encoding="utf-8"), commit)]
    assert not problems, "\n" + "\n".join(problems)


def test_the_backward_pages_have_pinned_links() -> None:
    """Guards the test above against passing because the links were removed or written another way."""
    for language in ("en", "zh"):
        text = (ROOT / "docs" / language / "backward.md").read_text(encoding="utf-8")
        assert len(LINK.findall(text)) >= 3, f"docs/{language}/backward.md: no pinned links to the C++ engine"


def test_a_branch_or_another_commit_is_rejected() -> None:
    page = ROOT / "docs" / "en" / "backward.md"
    text = (
        "intro\n[engine](https://github.com/pytorch/pytorch/blob/main/torch/csrc/autograd/engine.cpp)\n"
        "[same](https://github.com/pytorch/pytorch/blob/abc123/torch/csrc/autograd/engine.cpp)\n"
        "[ok](https://github.com/pytorch/pytorch/blob/abc123/torch/csrc/autograd/engine.cpp)\n"
    )
    assert link_problems(page, text, "abc123") == [
        "docs/en/backward.md:2: links to pytorch/pytorch at 'main', but the installed torch was built "
        "from abc123 (torch.version.git_version)"
    ]
    assert len(link_problems(page, text, "def456")) == 3
