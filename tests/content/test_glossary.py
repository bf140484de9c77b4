"""The site's glossary: it holds the site's terms, each link leads to a heading, and both languages render it."""

from __future__ import annotations

import pytest

from snippet_docs.markdown import read as parse_page
from snippet_docs.snippets import ROOT
from snippet_docs.translation.glossary import (
    load,
    render_choices,
    render_terms,
)

REQUIRED = [
    "梯度",
    "反向传播",
    "优化器",
    "叶子张量",
    "计算图",
    "动量",
    "权重衰减",
    "学习率",
    "学习率调度器",
    "梯度累积",
    "混合精度",
    "张量",
    "参数",
    "损失函数",
    "前向传播",
    "自动求导",
    "钩子",
    "微批次",
    "梯度裁剪",
    "状态字典",
]


@pytest.fixture(scope="module")
def terms():
    return load()


def test_glossary_has_the_site_terms(terms) -> None:
    assert set(REQUIRED) <= {t.zh for t in terms}
    assert sum(len(t.avoid) for t in terms) >= 10


def test_term_links_lead_to_headings_in_both_languages(terms) -> None:
    for term in terms:
        if term.page:
            page, _, anchor = term.page.partition("#")
            for lang in ("en", "zh"):
                path = ROOT / "docs" / lang / page
                assert path.is_file(), f"{term.en}: {term.page} is not a page in docs/{lang}"
                assert anchor in {h.anchor for h in parse_page(path).headings}, f"{term.en}: no #{anchor} in {path}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rendered_page_lists_every_term_and_variant(terms, lang: str) -> None:
    table, choices = render_terms(terms, lang), render_choices(terms, lang)
    for term in terms:
        assert term.zh in table and term.en in table
        for variant in term.avoid:
            assert variant.zh in choices and (variant.why_en if lang == "en" else variant.why_zh) in choices
