"""Chinese and English search against the built search indexes: search/search_index.json holds the English
pages, zh/search/search_index.json the Chinese ones (hooks/reader.py splits them; a page loads its language's).

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

from snippet_docs.site import SEARCH_INDEX_BUDGET_GZIP, gzip_size

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
LANGUAGE_ROOT = {"en": "", "zh": "zh/"}


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


def language_index(site: Path, lang: str) -> dict:
    return json.loads((site / LANGUAGE_ROOT[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def index(site: Path) -> dict:
    """Both languages' indexes as one, every location from the site root (zh/...), to check what each finds."""
    en, zh = language_index(site, "en"), language_index(site, "zh")
    return {"config": en["config"], "docs": en["docs"] + [{**d, "location": "zh/" + d["location"]} for d in zh["docs"]]}


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


def test_snippet_code_stays_out_of_the_index_but_its_output_does_not(index: dict) -> None:
    """hooks/search_scope.py: the code is the same in both languages; an output holds the error a reader searches."""
    texts = [html.unescape(doc["text"]) for doc in index["docs"]]
    assert not [text for text in texts if 'device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))' in text]
    assert any("Tried to step 7 times" in text for text in texts)  # in-practice/14's output only


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_language_has_its_own_index_within_budget(site: Path, lang: str) -> None:
    """A first visit downloads its language's index only: at most SEARCH_INDEX_BUDGET_GZIP bytes, gzip-compressed."""
    path = site / LANGUAGE_ROOT[lang] / "search" / "search_index.json"
    docs = language_index(site, lang)["docs"]
    chinese = [d["location"] for d in docs if re.search(r"[\u4e00-\u9fff]", d["title"])]
    if lang == "en":
        assert chinese == [], f"the English index holds Chinese pages: {chinese[:5]}"
    else:
        assert len(chinese) > len(docs) / 2, "the Chinese index holds mostly pages without a Chinese title"
        assert not [d["location"] for d in docs if d["location"].startswith("zh/")], "locations are relative to /zh/"
    assert (size := gzip_size(path)) <= SEARCH_INDEX_BUDGET_GZIP, f"{path.name} ({lang}): {size} bytes gzip"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_page_loads_the_index_of_its_language(site: Path, lang: str) -> None:
    """Material reads <base>/search/search_index.json: a Chinese page's base is /zh/."""
    text = (site / LANGUAGE_ROOT[lang] / "loop" / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', text)[1])
    assert (site / LANGUAGE_ROOT[lang] / "loop" / config["base"]).resolve() == (site / LANGUAGE_ROOT[lang]).resolve()
