"""Translation records: what counts as a change to the English, how records are read and written, the git diff."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from snippet_docs.snippets import ROOT
from snippet_docs.translation.__main__ import main
from snippet_docs.translation.history import english_diff
from snippet_docs.translation.records import (
    MALFORMED,
    MISSING,
    STALE,
    STRICT_VARIABLE,
    TRANSLATED,
    UNRECORDED,
    english_hash,
    normal_form,
    page_status,
    read_record,
    write_record,
)

ENGLISH = """# Page { #page }

Gradient descent repeats the last line with a learning rate. The data on
this page is chosen so that every number stays exact for ten steps.

- first item
- second item

```text title="Output"
--8<-- "demo/01_one.out"
```
"""


def test_reflowing_a_paragraph_is_not_a_change() -> None:
    reflowed = ENGLISH.replace(
        "Gradient descent repeats the last line with a learning rate. The data on\nthis page is chosen so that every "
        "number stays exact for ten steps.\n",
        "\n".join(
            textwrap.wrap(
                "Gradient descent repeats the last line with a learning rate. The data on this "
                "page is chosen so that every number stays exact for ten steps.",
                30,
            )
        )
        + "\n",
    )
    assert reflowed != ENGLISH
    assert english_hash(reflowed) == english_hash(ENGLISH)


def test_spaces_and_blank_lines_are_not_a_change() -> None:
    spaced = ENGLISH.replace("learning rate.", "learning  rate.   ").replace("\n\n- first", "\n\n\n\n- first")
    assert english_hash(spaced + "\n\n") == english_hash(ENGLISH)
    assert english_hash(ENGLISH.replace("\n", "\r\n")) == english_hash(ENGLISH)


@pytest.mark.parametrize(
    "edit",
    [
        ("learning rate", "step size"),  # a changed word
        ("steps.", "steps!"),  # punctuation
        ("learning rate. The", "learning rate.\n\nThe"),  # a paragraph split in two
        ("- first item\n- second item", "- first item - second item"),  # two list items become one
        ("{ #page }", "{ #pages }"),  # an anchor
        ("01_one.out", "02_two.out"),  # an include
    ],
)
def test_a_real_edit_is_a_change(edit: tuple[str, str]) -> None:
    assert edit[0] in ENGLISH
    assert english_hash(ENGLISH.replace(*edit)) != english_hash(ENGLISH)


def test_normal_form_keeps_blocks_and_code_lines() -> None:
    assert (
        normal_form("a\n b\n\n\n\n# H\ntext\n```text\n  x =  1\n\n y\n```\n")
        == "a b\n\n# H\ntext\n```text\nx = 1\ny\n```"
    )


def test_rewrapping_the_real_loop_page_is_not_a_change() -> None:
    text = (ROOT / "docs/en/loop.md").read_text(encoding="utf-8")
    first = text.split("\n\n")[1]
    assert first.count("\n") >= 2, "the loop page's first paragraph should span several lines"
    rewrapped = text.replace(first, textwrap.fill(" ".join(first.split()), 40), 1)
    assert rewrapped != text and english_hash(rewrapped) == english_hash(text)


def _zh(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


VALUE = english_hash(ENGLISH)


@pytest.mark.parametrize(
    ("text", "state", "line", "words"),
    [
        ("# 页面\n", UNRECORDED, 1, "no front matter"),
        ("---\ntitle: x\n---\n# 页面\n", UNRECORDED, 1, "front matter has no `translated_from"),
        ("---\ntranslated_from: 3d78b5e6\n---\n# 页面\n", MALFORMED, 2, "is not sha256: and 64 lowercase hex digits"),
        ("---\ntitle: x\ntranslated_from: sha256:" + "A" * 64 + "\n---\n", MALFORMED, 3, "is not sha256:"),
        ("---\ntranslated_from: [a\n---\n# 页面\n", MALFORMED, 2, "not valid YAML"),
        ("---\ntranslated_from: " + VALUE + "\n# 页面\n", MALFORMED, 1, "never closed"),
        ("---\n- a\n---\n", MALFORMED, 2, "not a mapping"),
    ],
)
def test_bad_records_are_named_with_their_line(tmp_path: Path, text: str, state: str, line: int, words: str) -> None:
    record = read_record(_zh(tmp_path, text), "page")
    assert (record.value, record.state, record.line) == (None, state, line)
    assert words in record.problem


def test_write_record_adds_then_replaces_and_keeps_the_rest(tmp_path: Path) -> None:
    path = _zh(tmp_path, "# 页面 { #page }\n\n正文。\n")
    write_record(path, VALUE)
    assert path.read_text() == f"---\ntranslated_from: {VALUE}\n---\n\n# 页面 {{ #page }}\n\n正文。\n"
    assert read_record(path, "page").value == VALUE
    other = english_hash("other")
    path.write_text(f"---\nhide:\n  - toc\ntranslated_from: {VALUE}\n---\n# 页面\n")
    write_record(path, other)
    assert path.read_text() == f"---\nhide:\n  - toc\ntranslated_from: {other}\n---\n# 页面\n"


def _docs(tmp_path: Path) -> Path:
    for lang in ("en", "zh"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
    (tmp_path / "docs/en/page.md").write_text(ENGLISH)
    (tmp_path / "docs/zh/page.md").write_text(f"---\ntranslated_from: {VALUE}\n---\n\n# 页面 {{ #page }}\n")
    return tmp_path / "docs"


def test_editing_an_english_paragraph_makes_the_zh_page_stale(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    assert page_status(docs, "page.md").state == TRANSLATED
    en = docs / "en/page.md"
    en.write_text(ENGLISH.replace("with a learning rate. The data on\n", "with a learning\nrate. The data on\n"))
    assert page_status(docs, "page.md").state == TRANSLATED  # re-wrapped only
    en.write_text(ENGLISH.replace("ten steps", "twenty steps"))
    status = page_status(docs, "page.md")
    assert (status.state, status.line) == (STALE, 2)
    assert "docs/en/page.md changed since this page was translated" in status.message
    assert "make translated PAGE=page" in status.message
    (docs / "zh/page.md").unlink()
    assert page_status(docs, "page.md").state == MISSING


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True, capture_output=True
    )


def _history_with_a_stale_page(root: Path) -> None:
    """Two commits: the page translated, then its English changed."""
    _docs(root)
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "translated")
    (root / "docs/en/page.md").write_text(ENGLISH.replace("ten steps", "twenty steps"))
    _git(root, "commit", "-qam", "English changed")


def test_list_shows_the_english_diff_since_translation_then_record_makes_it_fresh(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(STRICT_VARIABLE, raising=False)
    _history_with_a_stale_page(tmp_path)
    assert main(["--root", str(tmp_path), "list"]) == 0  # stale is only reported
    out = capsys.readouterr().out
    assert "     stale  docs/zh/page.md" in out
    assert "-this page is chosen so that every number stays exact for ten steps." in out
    assert "+this page is chosen so that every number stays exact for twenty steps." in out
    monkeypatch.setenv(STRICT_VARIABLE, "1")
    assert main(["--root", str(tmp_path), "list"]) == 1  # release builds fail on stale pages
    assert main(["--root", str(tmp_path), "record", "docs/zh/page.md"]) == 0
    assert "was stale, now current" in capsys.readouterr().out
    assert main(["--root", str(tmp_path), "list"]) == 0
    assert "translated  docs/zh/page.md" in capsys.readouterr().out


def test_record_refuses_a_page_that_is_not_translated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _docs(tmp_path)
    (tmp_path / "docs/zh/page.md").unlink()
    assert main(["--root", str(tmp_path), "record", "page"]) == 1
    assert "docs/zh/page.md: not translated yet" in capsys.readouterr().err


def test_diff_needs_history_and_says_so(tmp_path: Path) -> None:
    """A shallow clone (CI's default) may lack the translated version: the verdict stands, the diff says why not."""
    origin = tmp_path / "origin"
    origin.mkdir()
    _history_with_a_stale_page(origin)
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    assert page_status(clone / "docs", "page.md").state == STALE
    assert "git fetch --unshallow" in english_diff(clone, "docs/en/page.md", VALUE)
    plain = tmp_path / "plain"
    plain.mkdir()
    _docs(plain)
    assert "no git history here" in english_diff(plain, "docs/en/page.md", VALUE)
