"""$…$ and $$…$$ -> MathML at build time: no JavaScript, no CDN (snippet_docs.mathml)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from snippet_docs.mathml import MathError, render_html


def on_page_content(html_text: str, page, **kwargs) -> str:
    try:
        return render_html(html_text, where=f"docs/{page.file.src_uri}")
    except MathError as error:
        raise PluginError(str(error)) from None
