"""Math is MathML in the built HTML: no script, no CDN; bad LaTeX fails naming the page."""

from __future__ import annotations

import re
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from snippet_docs import mathml
from snippet_docs.paths import ROOT

HOOK = runpy.run_path(str(ROOT / "hooks/mathml.py"))


def test_inline_and_display_math_become_mathml() -> None:
    assert mathml.to_mathml(r"\alpha").startswith('<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">')
    block = mathml.to_mathml(r"\frac{1}{2m}", display=True)
    assert (
        block.startswith('<div class="math-display" tabindex="0"><math')
        and 'display="block"' in block
        and "<mfrac>" in block
    )


def test_dollars_in_notebook_html_become_mathml_outside_code() -> None:
    out = mathml.render_dollars("<p>Area $a^2$ and</p><p>$$\nx &lt; y\n$$</p><code>$keep$</code>")
    assert out.count("<math") == 2 and 'display="block"' in out and "<mo>&#x0003C;</mo>" in out
    assert "<code>$keep$</code>" in out and "$a" not in out
    assert "<p><div" not in out and out.count('<div class="math-display"') == 1  # no block inside a paragraph


def test_display_math_amid_a_paragraph_stays_phrasing_content() -> None:
    out = mathml.render_dollars("<p>so $$x$$ holds</p>")
    assert out.startswith('<p>so <span class="math-display" tabindex="0"><math') and out.endswith("</span> holds</p>")


def test_bad_math_in_a_notebook_names_the_notebook() -> None:
    with pytest.raises(ValueError, match=r"docs/en/notebooks/x.ipynb: cannot render .*unclosed"):
        mathml.render_dollars("<p>$$\\frac{1}{2$$</p>", where="docs/en/notebooks/x.ipynb")


def test_render_html_unescapes_what_arithmatex_escaped() -> None:
    out = mathml.render_html('<p><span class="arithmatex">\\(a &lt; b\\)</span></p>')
    assert "<mo>&#x0003C;</mo>" in out and "arithmatex" not in out


@pytest.mark.parametrize(
    "latex",
    [
        r"\frac{1}{",
        "x^",
        r"\left( x",
        r"\notacommand x",  # latex2mathml raises, or passes the command through
        r"\frac{1}{2m \sum_k x",
        r"\frac{1}",
        "a & b",
        "a}",  # latex2mathml accepts these silently
    ],
)
def test_bad_latex_fails_naming_where(latex: str) -> None:
    with pytest.raises(mathml.MathError, match=r"^docs/en/x\.md: cannot render"):
        mathml.to_mathml(latex, where="docs/en/x.md")


def test_the_hook_fails_the_build_naming_the_page() -> None:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="zh/loop.md"))
    with pytest.raises(PluginError, match=r"docs/zh/loop\.md: cannot render \$\\frac\{1\}\{\$"):
        HOOK["on_page_content"]('<span class="arithmatex">\\(\\frac{1}{\\)</span>', page=page)


def test_built_pages_carry_mathml_and_no_unrendered_math(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    leftovers = [str(p.relative_to(site)) for p in pages if 'class="arithmatex"' in p.read_text(encoding="utf-8")]
    assert leftovers == []
    for lang in ("", "zh/"):
        loop = (site / lang / "loop/index.html").read_text(encoding="utf-8")
        assert loop.count('<div class="math-display" tabindex="0"><math') == 3, f"{lang}loop/ lost its display formulas"
        assert "<script" not in loop.split("<math", 1)[1].split("</math>", 1)[0]
    nested = [str(p.relative_to(site)) for p in pages if re.search(r"<p>\s*<div", p.read_text(encoding="utf-8"))]
    assert nested == [], "a display formula sits inside a <p> (invalid HTML)"


def test_escaped_braces_cases_and_text_are_fine() -> None:
    for latex in (r"\{a\}", r"\begin{cases} a & b \\ c & d \end{cases}", r"\mathrm{lr}", r"x_1, \dots, x_m"):
        assert mathml.to_mathml(latex).startswith("<math")
