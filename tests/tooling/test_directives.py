"""`::: snippet` and `::: walkthrough` lines become code, notes and a stamped output block; a broken one names its
page and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from snippet_docs.directives import expand
from snippet_docs.problems import ProblemError

SNIPPET = '"""Demo."""\n# markers: exact\nprint("one")  # (1)!\n'
PAGE = """# Demo { #demo }

::: snippet demo/01_one.py

1.  The note.

Prose.

!!! note "Inside"

    ::: snippet demo/01_one.py

    1.  Indented note.

```text
::: snippet demo/09_not_expanded.py
```
"""


@pytest.fixture
def snippets(tmp_path: Path) -> Path:
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo/01_one.py").write_text(SNIPPET)
    (tmp_path / "demo/01_one.out").write_text("one\n")
    return tmp_path


def test_a_snippet_becomes_code_notes_and_stamped_output(snippets: Path) -> None:
    out = expand(PAGE, Path("docs/zh/demo.md"), "zh", {"demo/01_one.py": "CPU · torch 2.13.0"}, snippets)
    assert "# markers" not in out and "::: snippet demo/01_one.py" not in out
    assert (
        '```python title="snippets/demo/01_one.py"\n"""Demo."""\nprint("one")  # (1)!\n```\n\n1.  The note.\n\n'
        '```text title="输出 · CPU · torch 2.13.0"\none\n```\n\nProse.'
    ) in out
    assert ('    ```python title="snippets/demo/01_one.py"\n    """Demo."""\n') in out  # inside the admonition
    assert '    1.  Indented note.\n\n    ```text title="输出 · CPU · torch 2.13.0"\n    one\n    ```' in out
    assert "```text\n::: snippet demo/09_not_expanded.py\n```" in out  # a directive shown as code stays code


def test_an_unstamped_output_keeps_the_plain_title(snippets: Path) -> None:
    out = expand(PAGE, Path("docs/en/demo.md"), "en", {}, snippets)
    assert '```text title="Output"\none\n```' in out


def test_a_nondeterministic_output_says_it_is_one_run(snippets: Path) -> None:
    (snippets / "demo/01_one.py").write_text(SNIPPET.replace("exact", "nondeterministic"))
    stamps = {"demo/01_one.py": "CPU · torch 2.13.0"}
    assert '```text title="Output · CPU · torch 2.13.0 · one run, numbers vary"' in expand(
        PAGE, Path("docs/en/demo.md"), "en", stamps, snippets
    )
    assert '```text title="输出 · CPU · torch 2.13.0 · 某一次运行，数字每次不同"' in expand(
        PAGE, Path("docs/zh/demo.md"), "zh", stamps, snippets
    )


def test_a_fence_in_the_code_or_output_cannot_close_the_block(snippets: Path) -> None:
    (snippets / "demo/01_one.out").write_text("```\nstill output\n")
    out = expand("::: snippet demo/01_one.py\n", Path("docs/en/demo.md"), "en", {}, snippets)
    assert '````text title="Output"\n```\nstill output\n````' in out


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("Text.\n\n::: snippet demo/02_gone.py\n", "docs/en/demo.md:3: demo/02_gone.py: no snippets/demo/02_gone.py"),
        ("::: snippet demo/01_one\n", "docs/en/demo.md:1: malformed directive '::: snippet demo/01_one'"),
        ("::: walkthrough no-such-walkthrough\n", "docs/en/demo.md:1: no walkthrough 'no-such-walkthrough'"),
    ],
)
def test_a_broken_directive_names_the_page_and_line(snippets: Path, page: str, message: str) -> None:
    with pytest.raises(ProblemError) as caught:
        expand(page, Path("docs/en/demo.md"), "en", {}, snippets)
    assert str(caught.value).startswith(message), str(caught.value)


def test_an_output_missing_beside_its_snippet(snippets: Path) -> None:
    (snippets / "demo/01_one.out").unlink()
    with pytest.raises(ProblemError, match=r"^docs/en/demo.md:1: demo/01_one.py: no snippets/demo/01_one.out"):
        expand("::: snippet demo/01_one.py\n", Path("docs/en/demo.md"), "en", {}, snippets)
