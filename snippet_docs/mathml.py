"""Math rendered to MathML at build time: no JavaScript, no CDN, nothing fetched by the reader.

In pages, write `$inline$` and `$$display$$`; pymdownx.arithmatex (generic mode) marks them and
hooks/mathml.py converts them (render_html). Notebook pages, whose Markdown cells arithmatex never sees, go
through `render_dollars(html)`. Bad LaTeX raises MathError naming where it is, and the build fails.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from latex2mathml.converter import convert

# What arithmatex's generic mode leaves in the HTML (the LaTeX is HTML-escaped).
ARITHMATEX = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<display>.*?)\\\]</div>',
    re.DOTALL,
)
# latex2mathml is lenient: an unknown command becomes text (`<mi>\foo</mi>`), a stray brace or `&` a
# letter, and `\frac{1}` a fraction with one part. These are the checks it does not make.
MATHML = "{http://www.w3.org/1998/Math/MathML}"
ARITY = {"mfrac": 2, "msub": 2, "msup": 2, "mroot": 2, "munder": 2, "mover": 2, "msubsup": 3, "munderover": 3}
STRAY = {"mi": re.compile(r"^(\\[A-Za-z]+|[{}])$"), "mo": re.compile(r"^\\[A-Za-z]+$")}  # `\{` is an <mo>
# Math still written with dollars in HTML (notebook cells, which arithmatex never sees); code is left alone.
VERBATIM = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>|<math\b.*?</math>)", re.DOTALL)
DISPLAY_DOLLARS = re.compile(r"\$\$(?P<tex>.+?)\$\$", re.DOTALL)
# A paragraph that holds only a display formula: the formula's block replaces it (a <div> inside <p> is invalid).
DISPLAY_PARAGRAPH = re.compile(r"<p>\s*\$\$(?P<tex>.+?)\$\$\s*</p>", re.DOTALL)
INLINE_DOLLARS = re.compile(r"(?<![\\$\w])\$(?=\S)(?P<tex>[^$\n]+?)(?<=\S)\$(?![\w$])")


class MathError(ValueError):
    """LaTeX that cannot be rendered, with where it was found."""


def to_mathml(latex: str, *, display: bool = False, where: str = "", tag: str = "div") -> str:
    """One formula as a <math> element; raises MathError for LaTeX that does not parse. A display formula is
    wrapped in a scrollable block, focusable so that a keyboard can scroll it (axe: scrollable-region-focusable);
    `tag="span"` makes that block phrasing content, for a formula inside a paragraph."""
    try:
        mathml = convert(latex.strip(), display="block" if display else "inline")
    except Exception as error:
        raise MathError(f"{where}: cannot render ${latex.strip()}$: {type(error).__name__} {error}".strip()) from None
    if problem := _unbalanced(latex) or _malformed(mathml):
        raise MathError(f"{where}: cannot render ${latex.strip()}$: {problem}")
    return f'<{tag} class="math-display" tabindex="0">{mathml}</{tag}>' if display else mathml


def _unbalanced(latex: str) -> str | None:
    depth = 0
    for brace in re.findall(r"\\.|[{}]", latex):
        depth += {"{": 1, "}": -1}.get(brace, 0)
        if depth < 0:
            return "a } closes nothing"
    return f"{depth} unclosed {{" if depth else None


def _malformed(mathml: str) -> str | None:
    try:
        tree = ET.fromstring(mathml)
    except ET.ParseError:
        return "it does not give well-formed MathML (a stray & or <?)"
    for element in tree.iter():
        name = element.tag.removeprefix(MATHML)
        if name in ARITY and len(element) != ARITY[name]:
            return f"<{name}> has {len(element)} parts, not {ARITY[name]} (a missing argument?)"
        if name in STRAY and element.text and STRAY[name].match(element.text.strip()):
            return f"unknown command or stray character {element.text.strip()}"
    return None


def render_html(text: str, where: str = "") -> str:
    """Replace arithmatex's generic-mode spans in built HTML with MathML."""

    def replace(found: re.Match) -> str:
        display = found["display"] is not None
        return to_mathml(html.unescape(found["display"] if display else found["inline"]), display=display, where=where)

    return ARITHMATEX.sub(replace, text)


def render_dollars(html_text: str, where: str = "") -> str:
    """Replace `$$…$$` and `$…$` written in HTML text (a rendered notebook's Markdown cells) with MathML; what
    sits in <pre>, <code> or <math> is left alone. A paragraph that is one display formula becomes that
    formula's <div>; a display formula amid a paragraph's text gets a <span> block, so the HTML stays valid."""
    parts = VERBATIM.split(html_text)
    for i in range(0, len(parts), 2):  # even parts are outside <pre>, <code> and <math>
        text = DISPLAY_PARAGRAPH.sub(lambda m: to_mathml(html.unescape(m["tex"]), display=True, where=where), parts[i])
        text = DISPLAY_DOLLARS.sub(
            lambda m: to_mathml(html.unescape(m["tex"]), display=True, where=where, tag="span"), text
        )
        parts[i] = INLINE_DOLLARS.sub(lambda m: to_mathml(html.unescape(m["tex"]), where=where), text)
    return "".join(parts)
