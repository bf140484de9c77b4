"""The glossary's loader and variant check: bad data is rejected, and a variant names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from snippet_docs.translation.glossary import (
    GLOSSARY_PAGE,
    GlossaryError,
    find_english,
    find_variants,
    load,
    rejected_variants,
)


@pytest.fixture(scope="module")
def terms():
    return load()


def write_zh(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "zh" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path / "zh"


def test_a_variant_fails_naming_the_file_and_line(tmp_path: Path, terms) -> None:
    zh = write_zh(tmp_path, "page.md", "---\ntranslated_from: x\n---\n# 页面 { #page }\n\n沿坡度的反方向更新权重。\n")
    found = [f"{v.path.relative_to(tmp_path)}:{v.line}: {v.message}" for v in rejected_variants(zh, terms)]
    assert found == [
        "zh/page.md:6: uses 坡度; the glossary chose 梯度 (gradient): "
        "坡度 is the slope of terrain; machine-learning writing does not use it for ∂L/∂w."
    ]


def test_code_comments_and_the_glossary_page_are_not_checked(tmp_path: Path, terms) -> None:
    zh = write_zh(tmp_path, "page.md", "正文 `学习速率` 不算。\n\n```text\n冲量\n```\n\n<!-- 权值 -->\n")
    write_zh(tmp_path, GLOSSARY_PAGE, "不用“坡度”。\n")
    assert rejected_variants(zh, terms) == []


def test_a_longer_variant_is_reported_once(tmp_path: Path, terms) -> None:
    zh = write_zh(tmp_path, "page.md", "加上权值衰减，再调学习速率。\n")
    assert [v.message.split(";")[0] for v in find_variants(zh / "page.md", terms)] == ["uses 权值衰减", "uses 学习速率"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[term]]\nen = "x"\nzh = "梯度"\nen_definition = "d"\n', "needs a non-empty `zh_definition`"),
        (
            '[[term]]\nen = "x"\nzh = "梯度"\nen_definition = "d"\nzh_definition = "d"\n[[term.avoid]]\nzh = "梯"\n'
            'why_en = "w"\nwhy_zh = "w"\n',
            "梯 is rejected for 'x' but is part of 梯度",
        ),
        (
            '[[term]]\nen = "x"\nzh = "梯度"\nen_definition = "d"\nzh_definition = "d"\nnote_en = "n"\n',
            "a note needs both note_en and note_zh",
        ),
        (
            '[[term]]\nen = "x"\nzh = "梯度"\nen_definition = "d"\nzh_definition = "d"\nlink = "a.md"\n',
            "unknown field(s) link",
        ),
        ("[[term]\n", "glossary.toml:1: "),
    ],
)
def test_bad_glossary_data_is_rejected(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "glossary.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(GlossaryError, match=None) as error:
        load(path)
    assert message in str(error.value)


def test_a_bad_term_is_named_at_its_line(tmp_path: Path) -> None:
    good = '[[term]]\nen = "a"\nzh = "梯度"\nen_definition = "d"\nzh_definition = "d"\n\n'
    path = tmp_path / "glossary.toml"
    path.write_text(good + '[[term]]\nen = "b"\nzh = "张量"\nen_definition = "d"\n', encoding="utf-8")
    with pytest.raises(GlossaryError) as error:
        load(path)
    assert str(error.value).endswith("glossary.toml:7: term 2 (b): needs a non-empty `zh_definition`")


def test_an_english_term_in_zh_prose_fails_naming_the_file_and_line(tmp_path: Path, terms) -> None:
    zh = write_zh(tmp_path, "page.md", "# 页面 { #page }\n\n每个 micro-batch 之后都不清零。\n")
    found = [f"{v.path.relative_to(tmp_path)}:{v.line}: {v.message}" for v in rejected_variants(zh, terms)]
    assert found == [
        "zh/page.md:3: uses the English 'micro-batch'; the glossary's Chinese term is 微批次 (micro-batch). "
        "Write 微批次, or 微批次（micro-batch） where it first appears"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "第一次出现时可以这样写：微批次（micro-batch）。",
        "代码不算：`micro_batch`、`dampening=0.5`。\n\n```python\nmomentum = 0.9\n```",
        "链接地址不算：[梯度累积](zero-grad.md#accumulation-vs-batch)。",
        "autograd 按约定保留英文。",
        "别的单词里的不算：microbatched、batchnorm。",
    ],
)
def test_english_allowed_where_it_is_not_prose_or_kept_by_policy(tmp_path: Path, terms, text: str) -> None:
    assert find_english(write_zh(tmp_path, "page.md", text + "\n") / "page.md", terms) == []


def test_plural_and_capitalised_english_is_found(tmp_path: Path, terms) -> None:
    zh = write_zh(tmp_path, "page.md", "两个 Optimizers 各管各的 micro-batches。\n")
    assert [p.message.split(";")[0] for p in find_english(zh / "page.md", terms)] == [
        "uses the English 'Optimizers'",
        "uses the English 'micro-batches'",
    ]


def test_keeping_the_english_needs_a_reason(tmp_path: Path) -> None:
    data = tmp_path / "glossary.toml"
    data.write_text(
        '[[term]]\nen = "epoch"\nzh = "epoch"\nen_definition = "a"\nzh_definition = "b"\nenglish_kept = true\n'
    )
    with pytest.raises(GlossaryError, match=r"glossary.toml:1: term 1 \(epoch\): `english_kept = true`"):
        load(data)
