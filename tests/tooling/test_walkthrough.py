"""The walkthrough reader: patterns that no longer hold in the installed source fail, and say where; a broken
directive fails the strict build, naming the page and line."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from snippet_docs.snippets import ROOT
from snippet_docs.walkthrough import Walkthrough, WalkthroughError, find, load, resolve

ZERO_GRAD = find("zero-grad", "optimizer-zero-grad")


# The test of the test: patterns that no longer hold must fail, and say where.


def _error(walk: Walkthrough) -> str:
    with pytest.raises(WalkthroughError) as raised:
        resolve(walk)
    return str(raised.value)


def test_a_missing_line_fails_naming_the_definition_and_the_pattern() -> None:
    broken = replace(ZERO_GRAD, patterns=(*ZERO_GRAD.patterns[:7], "p.grad.fill_(0)", *ZERO_GRAD.patterns[8:]))
    message = _error(broken)
    assert message.startswith(f"data/walkthroughs/zero-grad.toml:{ZERO_GRAD.line}: walkthrough 'optimizer-zero-grad'")
    assert "pattern 'p.grad.fill_(0)' matches no line in torch " in message
    text = (ZERO_GRAD.file).read_text(encoding="utf-8").splitlines()
    assert text[ZERO_GRAD.line - 1] == "[[walkthrough]]" and 'id = "optimizer-zero-grad"' in text[ZERO_GRAD.line]


def test_an_ambiguous_pattern_fails() -> None:
    message = _error(replace(ZERO_GRAD, patterns=("p.grad",)))
    assert "pattern 'p.grad' matches " in message and " lines (" in message


def test_patterns_out_of_order_fail() -> None:
    message = _error(replace(ZERO_GRAD, patterns=tuple(reversed(ZERO_GRAD.patterns[:2]))))
    assert "must come after the previous pattern's line" in message


def test_a_marker_inside_the_docstring_fails() -> None:
    message = _error(replace(ZERO_GRAD, patterns=("lower memory footprint",)))
    assert "cannot carry marker (1): it is inside a string" in message


def test_an_object_that_is_gone_fails() -> None:
    message = _error(replace(ZERO_GRAD, object="torch.optim.Optimizer.zero_grads"))
    assert "walkthrough 'optimizer-zero-grad' (torch.optim.Optimizer.zero_grads): cannot read its source" in message


SGD_UPDATE = Walkthrough(
    "step", "sgd-update", "torch.optim.sgd._single_tensor_sgd", ("param.add_(grad, alpha=-lr)",), ((2, 2),)
)


def test_a_repeated_line_is_marked_by_its_occurrence() -> None:
    listing = resolve(SGD_UPDATE)
    hits = [i for i, line in enumerate(listing.lines) if "param.add_(grad, alpha=-lr)" in line]
    assert len(hits) == 2 and listing.annotated == (listing.first_line + hits[1],)
    assert listing.lines[hits[1]].endswith("# (1)!") and not listing.lines[hits[0]].endswith("!")


def test_a_repeated_line_whose_count_changed_fails() -> None:
    message = _error(replace(SGD_UPDATE, picks=((1, 3),)))
    assert "matches 2 lines (" in message and "not the 3 its definition expects" in message


@pytest.mark.parametrize("entry", ['{ text = "x", occurrence = 3, of = 2 }', '{ text = "x", of = 2 }', '""', "1"])
def test_a_malformed_annotate_entry_fails_on_load(tmp_path, entry: str) -> None:
    (tmp_path / "page.toml").write_text(
        f'# A comment\n\n[[walkthrough]]\nid = "w"\nobject = "os.getcwd"\nannotate = [{entry}]\n'
    )
    with pytest.raises(WalkthroughError, match=r"page.toml:3: walkthrough #1: each annotate entry"):
        load("page", tmp_path)


def test_listing_is_the_unwrapped_source_with_a_version_stamp() -> None:
    import torch

    listing = resolve(ZERO_GRAD)
    version = torch.__version__.split("+")[0]
    first, last = listing.first_line, listing.last_line
    assert listing.title() == f"torch/optim/optimizer.py · lines {first}–{last} · torch {version}"
    assert listing.title("zh") == f"torch/optim/optimizer.py · 第 {first}–{last} 行 · torch {version}"
    assert listing.lines[0].startswith("@torch._disable_dynamo")  # unwrapped: not torch/_compile.py
    assert listing.markdown().startswith(f'```python title="{listing.title()}" linenums="{first}"\n')
    assert listing.markdown(lang="zh").startswith(f'```python title="{listing.title("zh")}"')


def test_a_broken_directive_fails_the_strict_build(tmp_path: Path) -> None:
    """Through MkDocs itself: the build stops and names the page, instead of rendering nothing."""
    (tmp_path / "docs/en").mkdir(parents=True)
    (tmp_path / "docs/en/zero-grad.md").write_text("# Page\n\n::: walkthrough no-such-walkthrough\n")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\nstrict: true\nhooks:\n  - {ROOT / 'hooks/directives.py'}\n")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode != 0
    assert (
        "docs/en/zero-grad.md:3: no walkthrough 'no-such-walkthrough' in data/walkthroughs/zero-grad.toml"
        in build.stderr
    )
