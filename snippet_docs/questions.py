"""The questions page: each question is answered with a link to the section whose snippet proves it.

An answer names its evidence as [`<page>/NN_what.py`](<page>.md#<anchor>): the check holds that the section
`#anchor` of that page (its subsections included) shows that snippet, in the same language.
"""

from __future__ import annotations

import re
from pathlib import Path

from .markdown import Heading, Page, Prose, read
from .problems import Problem

QUESTIONS_PAGE = "questions.md"
MINIMUM_QUESTIONS = 40
QUESTION_LEVEL = 3
EVIDENCE = re.compile(r"\[`(?P<snippet>[\w-]+/\w+\.py)`\]\((?P<page>[\w-]+\.md)#(?P<anchor>[\w-]+)\)")
FORMAT = "[`<page>/NN_what.py`](<page>.md#<anchor>)"


def shown_in_sections(page: Page) -> dict[str, set[str]]:
    """Each heading's anchor, with the snippets shown under it before the next heading of its level or above."""
    blocks = [b for b in page.walk() if isinstance(b, Heading) or getattr(b, "kind", None) == "snippet"]
    shown: dict[str, set[str]] = {}
    open_sections: list[Heading] = []
    for block in blocks:
        if isinstance(block, Heading):
            open_sections = [h for h in open_sections if h.level < block.level] + [block]
            if block.anchor:
                shown.setdefault(block.anchor, set())
        else:
            for heading in open_sections:
                if heading.anchor:
                    shown[heading.anchor].add(block.target)
    return shown


def answers(page: Page) -> list[tuple[Heading, str]]:
    """Each question heading with its answer's prose, joined into one line."""
    found: list[tuple[Heading, list[str]]] = []
    for block in page.walk():
        if isinstance(block, Heading):
            found.append((block, []))
        elif isinstance(block, Prose) and found:
            found[-1][1].append(block.text)
    return [(heading, " ".join(text)) for heading, text in found if heading.level == QUESTION_LEVEL]


def check_questions(docs_dir: Path, lang: str) -> list[Problem]:
    path = docs_dir / lang / QUESTIONS_PAGE
    page = read(path)
    questions = answers(page)
    problems = []
    if len(questions) < MINIMUM_QUESTIONS:
        problems.append(
            Problem(path, 1, f"{len(questions)} questions (### headings); the page needs at least {MINIMUM_QUESTIONS}")
        )
    sections: dict[str, dict[str, set[str]] | None] = {}
    for question, answer in questions:
        evidence = list(EVIDENCE.finditer(answer))
        if not evidence:
            problems.append(Problem(path, question.line, f"the answer links to no evidence; end it with {FORMAT}"))
        for link in evidence:
            name, target, anchor = link["snippet"], link["page"], link["anchor"]
            if target not in sections:
                linked = docs_dir / lang / target
                sections[target] = shown_in_sections(read(linked)) if linked.is_file() else None
            shown = sections[target]
            if shown is None:
                problems.append(Problem(path, question.line, f"links to {target}, which is not a page in docs/{lang}"))
            elif anchor not in shown:
                problems.append(Problem(path, question.line, f"links to {target}#{anchor}: no heading has that anchor"))
            elif name not in shown[anchor]:
                problems.append(
                    Problem(
                        path,
                        question.line,
                        f"names snippets/{name}, which section {target}#{anchor} does not show; "
                        f"link the section that has its `::: snippet {name}` line",
                    )
                )
    return problems
