"""Source walkthroughs: every annotated line still exists in the installed torch, and the check can fail.

A PyTorch upgrade that moves, rewrites or duplicates an annotated line must fail here, naming the page and
the pattern, instead of leaving a walkthrough online whose notes point at the wrong lines.
"""

from __future__ import annotations

import pytest

from snippet_docs.walkthrough import Walkthrough, WalkthroughError, all_walkthroughs, resolve

WALKTHROUGHS = all_walkthroughs()


def test_walkthroughs_are_defined() -> None:
    """Guards the drift test against passing on an empty data/walkthroughs/ directory."""
    assert {w.id for w in WALKTHROUGHS} >= {"optimizer-zero-grad", "module-zero-grad"}


@pytest.mark.parametrize("walk", WALKTHROUGHS, ids=[f"{w.page}/{w.id}" for w in WALKTHROUGHS])
def test_annotated_lines_exist_in_installed_torch(walk: Walkthrough) -> None:
    try:
        listing = resolve(walk)
    except WalkthroughError as error:
        pytest.fail(str(error), pytrace=False)
    for n, (pattern, line) in enumerate(zip(walk.patterns, listing.annotated), 1):
        shown = listing.lines[line - listing.first_line]
        assert pattern in shown and shown.endswith(f"  # ({n})!")
