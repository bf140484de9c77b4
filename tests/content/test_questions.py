"""The questions page, in each language, answers at least 40 questions, each with the snippet that proves it."""

import pytest

from snippet_docs.paths import DOCS_DIR, LANGUAGES
from snippet_docs.questions import check_questions


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_answer_links_to_the_section_that_shows_its_snippet(lang: str) -> None:
    problems = check_questions(DOCS_DIR, lang)
    assert not problems, "\n" + "\n".join(map(str, problems))
