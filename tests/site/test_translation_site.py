"""The built site shows translation state: a banner on a stale zh page, a notice where the zh page is missing,
the status page, and the glossary rendered from its data. Builds a copy of the repository with the English loop
page edited and an English page that has no Chinese twin."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from snippet_docs.snippets import ROOT
from snippet_docs.translation.glossary import load
from snippet_docs.translation.records import STRICT_VARIABLE

# One worker builds this module's copy of the site (make test runs with --dist loadgroup).
pytestmark = pytest.mark.xdist_group(name="translation-site")

COPY_IGNORES = shutil.ignore_patterns(".git", ".venv", "site", "build", "__pycache__", ".pytest_cache", "*.pyc")
EDITED = ("Almost every PyTorch training loop", "Nearly every PyTorch training loop")
UNTRANSLATED = "# A page nobody translated yet { #untranslated }\n\nThis English text stands in for the Chinese.\n"


def build(repo: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != STRICT_VARIABLE}
    environment.update(NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=repo,
        capture_output=True,
        text=True,
        env=environment,
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("repo") / "repo"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORES)
    loop = copy / "docs/en/loop.md"
    text = loop.read_text(encoding="utf-8")
    assert EDITED[0] in text, "the edit this test makes no longer applies to docs/en/loop.md"
    loop.write_text(text.replace(*EDITED, 1), encoding="utf-8")
    (copy / "docs/en/untranslated.md").write_text(UNTRANSLATED, encoding="utf-8")
    # Notebooks play no part in translation state: without mkdocs-jupyter this copy builds in 4 s instead of 10.
    config = copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.find("\n  - mkdocs-jupyter:"), text.find("\n  - i18n:")
    assert 0 < start < end, "mkdocs.yml no longer lists mkdocs-jupyter just before i18n: update this fixture"
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def site(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("translated-site")
    result = build(repo, out)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return out


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_stale_zh_page_shows_a_banner_linking_to_the_english_page(site: Path) -> None:
    page = article(read(site, "zh/loop"))
    assert "英文原文已更新" in page
    link = re.search(r'<a href="([^"]+)">英文原文</a>', page)
    assert link, "the banner has no link to the English page"
    assert ((site / "zh/loop") / link[1] / "index.html").resolve() == (site / "loop/index.html").resolve()
    assert page.index("英文原文已更新") > page.index("训练循环与手写版对照"), "the banner belongs under the title"


def test_current_pages_have_no_banner(site: Path) -> None:
    assert "英文原文已更新" not in read(site, "zh")
    assert "英文原文已更新" not in read(site, "loop")  # English pages never get one


def test_missing_zh_page_falls_back_to_english_with_a_notice(site: Path) -> None:
    page = article(read(site, "zh/untranslated"))
    assert "尚未翻译" in page and "This English text stands in for the Chinese." in page
    assert "尚未翻译" not in read(site, "untranslated")


@pytest.mark.parametrize(
    ("lang", "labels"), [("en", ("Stale", "Missing", "Translated")), ("zh", ("译文过时", "尚未翻译", "已翻译"))]
)
def test_status_page_lists_each_page_state(site: Path, lang: str, labels: tuple[str, str, str]) -> None:
    page = article(read(site, "zh/translation-status" if lang == "zh" else "translation-status"))
    cells = [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)]
        for row in re.findall(r"<tr>(.*?)</tr>", page, re.DOTALL)
    ]
    states = {row[1]: row[2] for row in cells if len(row) == 3}  # Chinese file -> state
    stale, missing, translated = labels
    assert states["docs/zh/loop.md"].startswith(stale), states
    assert states["docs/zh/untranslated.md"] == missing, states
    assert states["docs/zh/glossary.md"] == translated, states
    assert "<!-- translation-status -->" not in page


@pytest.mark.parametrize("path", ["glossary", "zh/glossary"])
def test_glossary_page_is_rendered_from_the_data(site: Path, path: str) -> None:
    page = article(read(site, path))
    assert "<!-- glossary" not in page
    for term in load():
        assert term.zh in page and term.en in page
        for variant in term.avoid:
            assert variant.zh in page


def test_strict_mode_fails_the_build_naming_the_stale_page(repo: Path, tmp_path: Path) -> None:
    result = build(repo, tmp_path / "site", **{STRICT_VARIABLE: "1"})
    assert result.returncode != 0
    assert "docs/zh/loop.md:2: docs/en/loop.md changed since this page was translated" in result.stdout + result.stderr
    assert "docs/zh/untranslated.md:1: not translated yet" in result.stdout + result.stderr
