"""Math rendered to MathML at build time: no JavaScript, no CDN, nothing fetched by the reader.

In pages, write `$inline$` and `$$display$$`; pymdownx.arithmatex (generic mode) marks them and
hooks/mathml.py converts them (render_html). Notebooks and other tools call `render(markdown)` (math in
Markdown text) or `to_mathml(latex)`. Bad LaTeX raises MathError naming where it is, and the build fails.
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
# In Markdown text (notebook cells): code is left alone; `$$…$$` before `$…$`; `\$` is a dollar.
MARKDOWN_MATH = re.compile(
    r"(?P<fence>^(?P<ticks>`{3,}|~{3,}).*?^(?P=ticks)[ \t]*$)"
    r"|(?P<code>(?P<bt>`+).+?(?P=bt))"
    r"|(?P<escaped>\\\$)"
    r"|\$\$(?P<display>.+?)\$\$"
    r"|\$(?P<inline>[^\s$](?:[^$\n]*?[^\s\\$])?)\$(?!\d)",
    re.DOTALL | re.MULTILINE,
)


class MathError(ValueError):
    """LaTeX that cannot be rendered, with where it was found."""


def to_mathml(latex: str, *, display: bool = False, where: str = "") -> str:
    """One formula as a <math> element; raises MathError for LaTeX that does not parse."""
    try:
        mathml = convert(latex.strip(), display="block" if display else "inline")
    except Exception as error:
        raise MathError(f"{where}: cannot render ${latex.strip()}$: {type(error).__name__} {error}".strip()) from None
    if problem := _unbalanced(latex) or _malformed(mathml):
        raise MathError(f"{where}: cannot render ${latex.strip()}$: {problem}")
    return f'<div class="math-display">{mathml}</div>' if display else mathml


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


def render(markdown: str, where: str = "") -> str:
    """Replace `$…$` and `$$…$$` in Markdown text (e.g. a notebook cell) with MathML; code is untouched."""

    def replace(found: re.Match) -> str:
        if found["display"] is not None:
            return "\n\n" + to_mathml(found["display"], display=True, where=where) + "\n\n"
        if found["inline"] is not None:
            return to_mathml(found["inline"], where=where)
        if found["escaped"]:
            return "$"
        return found[0]

    return MARKDOWN_MATH.sub(replace, markdown)
