"""Render the glossary page from data/glossary.toml, the single source of the site's terms.

`<!-- glossary-terms -->` becomes the term table and `<!-- glossary-choices -->` the list of translation choices,
each in the language of the page.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from snippet_docs.translation.glossary import GlossaryError, load, render_choices, render_terms

TERMS_PLACEHOLDER = "<!-- glossary-terms -->"
CHOICES_PLACEHOLDER = "<!-- glossary-choices -->"
_terms: list = []


def on_pre_build(config) -> None:
    try:
        _terms[:] = load()
    except GlossaryError as error:
        raise PluginError(str(error)) from None


def on_page_markdown(markdown: str, page, config, files) -> str:
    if TERMS_PLACEHOLDER not in markdown and CHOICES_PLACEHOLDER not in markdown:
        return markdown
    lang = getattr(page.file, "locale", "en")
    return markdown.replace(TERMS_PLACEHOLDER, render_terms(_terms, lang)).replace(
        CHOICES_PLACEHOLDER, render_choices(_terms, lang)
    )
