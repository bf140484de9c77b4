"""Make mkdocs-jupyter's notebook pages lean and consistent with the Markdown pages.

mkdocs-jupyter inlines ~590 KB of JupyterLab CSS, a MathJax stub, a mermaid loader that names a CDN and
a clipboard script into every notebook page. `lean` removes all of that (hooks/notebooks.py calls it);
docs/assets/notebook.css (a few KB, shared and cached) styles the cells with Material's own colours instead.
Code cells become Material code blocks (highlighting, copy button), headings get the page's explicit { #anchors }, math
becomes MathML at build time (no JavaScript, no CDN), links between notebooks point at their pages, and
the search index leaves notebooks out (their pages hold the same text).
"""

from __future__ import annotations

import re

from ..directives import OUTPUT_TITLES

STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.DOTALL)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CLIPBOARD = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>',
    re.DOTALL,
)
CELL_TAGS = re.compile(
    r'<div class="celltoolbar">(?:\s*<div class="button_container[^"]*">.*?</div>)*\s*</div>', re.DOTALL
)
# Code cells (highlight-ipynb) and code blocks in Markdown cells (highlight), without the <code> Material styles
CODE_BLOCK = re.compile(
    r'<div class="(?:highlight-ipynb hl-(?P<lang>[\w-]+)\s*|highlight)"><pre><span></span>'
    r"(?P<code>.*?)</pre></div>",
    re.DOTALL,
)
# Material turns "(1)" in .c/.c1/.cm comments into annotation bubbles, filled from a list right after the
# code block. A notebook's list sits in the next cell, so the bubbles would be empty: "# (1)" stays a
# comment, as in Jupyter, in .ch, which Material colours the same but does not scan.
COMMENT_SPAN = re.compile(r'<span class="c[1m]?">')
PLAIN_COMMENT = '<span class="ch">'
TEXT_OUTPUT = re.compile(
    r'(<div class="jp-RenderedText[^"]*" data-mime-type="(?P<mime>[^"]+)"[^>]*>\s*)<pre>\n?'
    r"(?P<text>.*?)</pre>",
    re.DOTALL,
)
HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="[^"]*">(?P<text>.*?)\s*<a id="(?P<anchor>[\w-]+)"></a>'
    r'<a class="anchor-link" href="#[^"]*">¶</a></h(?P=level)>',
    re.DOTALL,
)
NOTEBOOK_LINK = re.compile(r'href="(?P<name>[\w-]+)\.ipynb(?P<anchor>#[\w-]*)?"')


def lean(html: str, lang: str) -> tuple[str, list[str]]:
    """A notebook page's HTML without JupyterLab's payload, styled like the pages; and its headings' anchors."""
    for pattern in (STYLE, SCRIPT, COMMENT, CLIPBOARD, CELL_TAGS):
        html = pattern.sub("", html)
    html = CODE_BLOCK.sub(
        lambda m: (
            f'<div class="language-{m["lang"] or "text"} highlight"><pre><span></span>'
            f"<code>{COMMENT_SPAN.sub(PLAIN_COMMENT, m['code'])}</code></pre></div>"
        ),
        html,
    )
    html = TEXT_OUTPUT.sub(lambda m: _output_block(m, OUTPUT_TITLES[lang]), html)
    anchors = [found["anchor"] for found in HEADING.finditer(html)]
    html = HEADING.sub(
        r'<h\g<level> id="\g<anchor>">\g<text><a class="headerlink" href="#\g<anchor>" '
        r'title="Permanent link">¶</a></h\g<level>>',
        html,
    )
    html = NOTEBOOK_LINK.sub(lambda m: f'href="../{m["name"]}/{m["anchor"] or ""}"', html)
    return html, anchors


def _output_block(found: re.Match, title: str) -> str:
    """Printed output looks like the pages' Output blocks; an exception follows it untitled."""
    heading = f'<span class="filename">{title}</span>' if found["mime"] == "text/plain" else ""
    return f'{found[1]}<div class="highlight">{heading}<pre><code>{found["text"]}</code></pre></div>'
