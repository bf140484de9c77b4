"""The questions check names the question whose evidence is missing, points nowhere, or is not shown there."""

from __future__ import annotations

from pathlib import Path

import pytest

from snippet_docs import questions
from snippet_docs.questions import check_questions

LESSON = """# Lesson { #lesson }

## Section { #section }

::: snippet lesson/01_one.py

### Inside { #inside }

::: snippet lesson/02_two.py

## Other { #other }
"""


def tree(tmp_path: Path, answer: str) -> Path:
    (tmp_path / "en").mkdir()
    (tmp_path / "en/lesson.md").write_text(LESSON)
    (tmp_path / "en/questions.md").write_text(
        f"# Questions {{ #questions }}\n\n## Group {{ #group }}\n\n### Why? {{ #why }}\n\n{answer}\n"
    )
    return tmp_path


@pytest.fixture(autouse=True)
def one_question_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(questions, "MINIMUM_QUESTIONS", 1)


@pytest.mark.parametrize(
    "answer",
    [
        "Because. Shown by [`lesson/01_one.py`](lesson.md#section).",
        "A section shows its subsections' snippets:\n[`lesson/02_two.py`](lesson.md#section).",
        "Several: [`lesson/01_one.py`](lesson.md#section) and [`lesson/02_two.py`](lesson.md#inside).",
    ],
)
def test_evidence_shown_in_the_linked_section_passes(tmp_path: Path, answer: str) -> None:
    assert check_questions(tree(tmp_path, answer), "en") == []


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("Because.", "the answer links to no evidence"),
        ("[`lesson/01_one.py`](missing.md#section)", "links to missing.md, which is not a page in docs/en"),
        ("[`lesson/01_one.py`](lesson.md#nowhere)", "links to lesson.md#nowhere: no heading has that anchor"),
        ("[`lesson/01_one.py`](lesson.md#inside)", "names snippets/lesson/01_one.py, which section lesson.md#inside"),
        ("[`lesson/02_two.py`](lesson.md#other)", "which section lesson.md#other does not show"),
    ],
)
def test_a_broken_answer_names_the_question_line(tmp_path: Path, answer: str, message: str) -> None:
    problems = check_questions(tree(tmp_path, answer), "en")
    assert [str(p).split(": ", 1) for p in problems][0][0].endswith("en/questions.md:5")
    assert message in problems[0].message


def test_too_few_questions_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(questions, "MINIMUM_QUESTIONS", 2)
    problems = check_questions(tree(tmp_path, "[`lesson/01_one.py`](lesson.md#section)"), "en")
    assert [p.message for p in problems] == ["1 questions (### headings); the page needs at least 2"]
