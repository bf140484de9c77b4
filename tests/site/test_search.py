"""Chinese and English search against the built search index (search/search_index.json).

The query logic is plain on purpose: split the indexed text with the index's own separator, cut a
query into words with jieba (which segmented the Chinese pages at build time), and a page matches
when it holds every word. Extend SEARCHES when pages arrive.
"""
from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

import jieba
import pytest

jieba.setLogLevel(logging.WARNING)

# (query, a page it must find). Chinese queries must find only zh/ pages, except the English
# glossary, which names each term's Chinese translation on purpose.
BILINGUAL_PAGES = {"glossary/"}
SEARCHES = [
    ("梯度", "zh/loop/"),
    ("梯度", "zh/zero-grad/"),
    ("反向传播", "zh/loop/"),
    ("优化器", "zh/performance/"),
    ("优化器", "zh/zero-grad/"),
    ("学习率", "zh/loop/"),
    ("gradient", "loop/"),
    ("backward", "loop/"),
    ("optimizer", "performance/"),
    ("accumulation", "zero-grad/"),
    ("momentum", "performance/"),
    ("动量缓冲区", "zh/step/"),
    ("闭包", "zh/step/"),
    ("优化器状态", "zh/step/"),
    ("偏差修正", "zh/step/"),
    ("计算图", "zh/backward/"),
    ("叶子张量", "zh/backward/"),
    ("拓扑序", "zh/backward/"),
    ("链式法则", "zh/backward/"),
    ("向量-雅可比积", "zh/backward/"),
    ("钩子", "zh/backward/"),
    ("closure", "step/"),
    ("dampening", "step/"),
    ("topological", "backward/"),
]
TAG = re.compile(r"<[^>]+>")


def terms(text: str, separator: re.Pattern) -> set[str]:
    return {t for t in separator.split(html.unescape(TAG.sub(" ", text)).lower()) if t}


def search(index: dict, query: str, separator: re.Pattern) -> set[str]:
    """Pages (location without #anchor) whose title or text holds every word of the query."""
    words = {w for part in separator.split(query.lower()) if part for w in jieba.cut(part) if w.strip()}
    pages = set()
    for doc in index["docs"]:
        if words <= terms(doc["title"] + " " + doc["text"], separator):
            pages.add(doc["location"].split("#")[0])
    return pages


@pytest.fixture(scope="module")
def index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("query", "page"), SEARCHES)
def test_query_finds_its_page(index: dict, query: str, page: str) -> None:
    found = search(index, query, re.compile(index["config"]["separator"]))
    assert page in found, f"searching {query!r} finds {sorted(found)}, not {page}"
    if re.search(r"[\u4e00-\u9fff]", query):
        english = sorted(p for p in found if not p.startswith("zh/") and p not in BILINGUAL_PAGES)
        assert not english, f"{query!r} finds English pages: {english}"


def test_chinese_is_segmented_with_zero_width_spaces(index: dict) -> None:
    """jieba joins words with \\u200b; a separator without it makes each sentence one search term."""
    assert "\u200b" in re.sub(r"\\u200b", "\u200b", index["config"]["separator"])
    assert any("\u200b" in doc["text"] for doc in index["docs"] if doc["location"].startswith("zh/"))
    without = re.compile(index["config"]["separator"].replace("\\u200b", ""))
    assert "zh/loop/" not in search(index, "梯度", without)  # the trap: Chinese search finds nothing


def test_walkthrough_source_stays_out_of_the_index_but_its_notes_do_not(index: dict) -> None:
    """hooks/search_scope.py: torch's code and docstrings are not this site's text."""
    import torch

    docstring = torch.autograd.backward.__doc__.strip().splitlines()[0]  # shown by walkthrough autograd-backward
    texts = {doc["location"]: html.unescape(doc["text"]) for doc in index["docs"]}
    assert not [where for where, text in texts.items() if docstring in text]
    assert "The hand-over to the engine" in texts["backward/#autograd-backward"]
    assert any("_single_tensor_sgd" in text for where, text in texts.items() if where.startswith("step/"))
