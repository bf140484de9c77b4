"""snippet_docs.site on small pieces of HTML: what hooks/reader.py changes in every built page."""

from __future__ import annotations

import json

from snippet_docs.site import language_404, reader_html

HEAD = '<html lang="{lang}" class="no-js"><head><link rel="alternate" href="../zh/loop/" hreflang="zh">\n</head>'
CONFIG = '<script id="__config" type="application/json">{{"base": "{base}", "search": "x.js"}}</script>'


def page(lang: str, body: str = "", base: str = "..") -> str:
    return HEAD.format(lang=lang) + body + CONFIG.format(base=base)


def test_hreflang_links_leave_the_head_and_the_search_dialog_gets_a_name() -> None:
    dialog = '<div class="md-search" data-md-component="search" role="dialog">'
    out = reader_html(page("zh", dialog))
    assert 'rel="alternate"' not in out
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="搜索">' in out


def test_a_chinese_page_searches_from_zh() -> None:
    config = json.loads(reader_html(page("zh", base="../..")).split('application/json">')[1].split("</script>")[0])
    assert config["base"] == "../../zh/"
    english = reader_html(page("en", base=".."))
    assert '"base": ".."' in english


def test_table_code_breaks_after_punctuation_and_empty_header_cells_become_data_cells() -> None:
    out = reader_html(page("en", "<table><tr><th></th><td><code>torch.optim.SGD(lr=0.1)</code></td></tr></table>"))
    assert "<td></td>" in out and "<th></th>" not in out
    assert "<code>torch.<wbr>optim.<wbr>SGD(<wbr>lr=<wbr>0.1)</code>" in out
    listing = '<table class="highlighttable"><tr><td><code>a.b</code></td></tr></table>'
    assert "a.b" in reader_html(page("en", listing))


def test_the_english_404_page_shows_the_chinese_one_under_zh() -> None:
    out = language_404("<html><head></head></html>", "en", "/repo/")
    assert "<script>" in out and '"/repo/"' in out and "(zh)/" in out
    assert language_404("<head></head>", "zh", "/") == "<head></head>"
