"""The structural checks catch each kind of broken input and name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from snippet_docs.checks import check_pages, check_snippets

SNIPPET = 'import os\n\nimport torch\n\ndevice = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))\nprint(1)\n'
EN_PAGE = """# Page { #page }

## Part { #part }

::: snippet demo/01_one.py

Text after it.
"""
ZH_PAGE = EN_PAGE.replace("# Page", "# 页面").replace("## Part", "## 部分").replace("Text after it.", "其后的文字。")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A minimal valid site: one page in two languages, one snippet with its output."""
    (tmp_path / "snippets/demo").mkdir(parents=True)
    (tmp_path / "snippets/demo/01_one.py").write_text(SNIPPET)
    (tmp_path / "snippets/demo/01_one.out").write_text("1\n")
    for lang, text in (("en", EN_PAGE), ("zh", ZH_PAGE)):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "demo.md").write_text(text)
    return tmp_path


def problems(tree: Path) -> list[str]:
    found = check_pages(tree / "docs", tree / "snippets", tree / "data/walkthroughs") + check_snippets(
        tree / "snippets", tree / "docs"
    )
    return [f"{p.path.relative_to(tree).as_posix()}:{p.line}: {p.message}".replace(f"{tree}/", "") for p in found]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_valid_tree_has_no_problems(tree: Path) -> None:
    assert problems(tree) == []


def test_snippet_without_output(tree: Path) -> None:
    (tree / "snippets/demo/01_one.out").unlink()
    assert "snippets/demo/01_one.py:1: has no 01_one.out: run `make update-outputs`" in problems(tree)


def test_output_without_snippet(tree: Path) -> None:
    (tree / "snippets/demo/02_gone.out").write_text("x\n")
    assert "snippets/demo/02_gone.out:1: no snippet 02_gone.py produces this output" in problems(tree)


def test_snippet_no_page_includes(tree: Path) -> None:
    (tree / "snippets/demo/02_lonely.py").write_text("print(2)\n")
    (tree / "snippets/demo/02_lonely.out").write_text("2\n")
    assert problems(tree) == [
        "snippets/demo/02_lonely.py:1: no page in docs/en shows this snippet: add `::: snippet demo/02_lonely.py`"
    ]


def test_missing_translation(tree: Path) -> None:
    (tree / "docs/zh/demo.md").unlink()
    assert problems(tree) == ["docs/en/demo.md:1: has no counterpart docs/zh/demo.md"]


def test_different_snippet_in_translation(tree: Path) -> None:
    (tree / "snippets/demo/02_two.py").write_text("print(2)\n")
    (tree / "snippets/demo/02_two.out").write_text("2\n")
    edit(tree / "docs/zh/demo.md", "demo/01_one.py", "demo/02_two.py")
    found = problems(tree)
    assert (
        "docs/zh/demo.md:5: directive ::: snippet demo/02_two.py where docs/en/demo.md:5 has ::: snippet demo/01_one.py"
    ) in found


def test_broken_snippet_directive(tree: Path) -> None:
    for lang in ("en", "zh"):
        edit(tree / f"docs/{lang}/demo.md", "demo/01_one.py", "demo/01_on.py")
    found = problems(tree)
    assert "docs/en/demo.md:5: shows demo/01_on.py, which is not in snippets/" in found
    assert "docs/zh/demo.md:5: shows demo/01_on.py, which is not in snippets/" in found


def test_malformed_and_unknown_directives(tree: Path) -> None:
    edit(tree / "docs/en/demo.md", "::: snippet demo/01_one.py", "::: snippet demo/01_one")
    edit(tree / "docs/zh/demo.md", "::: snippet demo/01_one.py", "::: snipet demo/01_one.py")
    found = problems(tree)
    assert any(p.startswith("docs/en/demo.md:5: malformed directive '::: snippet demo/01_one'") for p in found), found
    assert any(p.startswith("docs/zh/demo.md:5: unknown directive '::: snipet'") for p in found), found


def test_notes_must_match_the_snippets_markers(tree: Path) -> None:
    edit(tree / "snippets/demo/01_one.py", "print(1)", "print(1)  # (1)!")
    assert problems(tree)[0] == (
        "docs/en/demo.md:5: demo/01_one.py marks 1 line(s) with `# (N)!`, so it must be "
        "followed by a list numbered 1..1; found no list"
    )
    for lang in ("en", "zh"):
        edit(tree / f"docs/{lang}/demo.md", "::: snippet demo/01_one.py\n", "::: snippet demo/01_one.py\n\n1.  Note.\n")
    assert problems(tree) == []


def test_a_list_right_after_a_snippet_without_markers(tree: Path) -> None:
    edit(tree / "docs/en/demo.md", "Text after it.", "1.  A list item.")
    assert problems(tree)[0].startswith("docs/en/demo.md:5: demo/01_one.py has no `# (1)!` markers, so the numbered")


def test_different_anchor(tree: Path) -> None:
    edit(tree / "docs/zh/demo.md", "{ #part }", "{ #bu-fen }")
    assert problems(tree) == ["docs/zh/demo.md:3: heading h2 #bu-fen where docs/en/demo.md:3 has h2 #part"]


def test_heading_without_anchor(tree: Path) -> None:
    for lang in ("en", "zh"):
        edit(tree / f"docs/{lang}/demo.md", " { #part }", "")
    found = problems(tree)
    assert "docs/en/demo.md:3: heading has no explicit anchor such as { #what-it-says }" in found


def test_inline_python_block(tree: Path) -> None:
    edit(tree / "docs/en/demo.md", "## Part { #part }\n", "## Part { #part }\n\n```python\nprint('typed')\n```\n")
    found = problems(tree)
    assert any(line.startswith("docs/en/demo.md:5: Python code written inline") for line in found), found


def test_typed_or_included_output_block(tree: Path) -> None:
    edit(
        tree / "docs/en/demo.md",
        "Text after it.",
        '```text title="Output"\n1\n```\n\n```text\n--8<-- "demo/01_one.out"\n```',
    )
    found = problems(tree)
    assert any(
        line.startswith("docs/en/demo.md:7: a code block that includes a file or holds typed output") for line in found
    )
    assert any(
        line.startswith("docs/en/demo.md:11: a code block that includes a file or holds typed output") for line in found
    )


def test_snippet_without_device_line(tree: Path) -> None:
    edit(tree / "snippets/demo/01_one.py", 'device = torch.device(os.environ.get("SNIPPET_DEVICE", "cpu"))\n', "")
    assert any(
        line.startswith("snippets/demo/01_one.py:1: imports torch but lacks the device line") for line in problems(tree)
    )


def test_unknown_marker(tree: Path) -> None:
    edit(tree / "snippets/demo/01_one.py", "import os\n", "import os\n# markers: exact, fast\n")
    assert problems(tree) == [
        "snippets/demo/01_one.py:2: unknown marker 'fast'; known: exact, cpu-only, cuda-only, slow, "
        "nondeterministic, raises, figure, rtol=N, timeout=N"
    ]


def test_long_snippet_line(tree: Path) -> None:
    edit(tree / "snippets/demo/01_one.py", "print(1)", "print(1)  # " + "x" * 80)
    assert problems(tree) == ["snippets/demo/01_one.py:6: line is 92 characters; pages fit 79"]


WALKTHROUGH_TOML = '[[walkthrough]]\nid = "demo-source"\nobject = "json.dumps"\nannotate = ["if", "return"]\n'
WALKTHROUGH = "::: walkthrough demo-source\n\n1.  First note.\n2.  Second note,\n    on two lines.\n\n"


@pytest.fixture
def walkthrough_tree(tree: Path) -> Path:
    """The minimal site with one walkthrough defined and shown in both languages."""
    (tree / "data/walkthroughs").mkdir(parents=True)
    (tree / "data/walkthroughs/demo.toml").write_text(WALKTHROUGH_TOML)
    for lang in ("en", "zh"):
        edit(tree / f"docs/{lang}/demo.md", "\n::: snippet", "\n" + WALKTHROUGH + "::: snippet")
    return tree


def test_valid_walkthrough_has_no_problems(walkthrough_tree: Path) -> None:
    assert problems(walkthrough_tree) == []


def test_walkthrough_not_defined(walkthrough_tree: Path) -> None:
    for lang in ("en", "zh"):
        edit(walkthrough_tree / f"docs/{lang}/demo.md", "walkthrough demo-source", "walkthrough demo-sauce")
    assert (
        "docs/en/demo.md:5: no walkthrough 'demo-sauce' in data/walkthroughs/demo.toml (defined: demo-source)"
        in problems(walkthrough_tree)
    )


def test_walkthrough_notes_do_not_match_markers(walkthrough_tree: Path) -> None:
    edit(walkthrough_tree / "docs/zh/demo.md", "2.  Second note,\n    on two lines.\n", "")
    assert problems(walkthrough_tree) == [
        "docs/zh/demo.md:5: walkthrough 'demo-source' marks 2 lines, so it must be followed by a list numbered 1..2; "
        "found [1]"
    ]


def test_walkthrough_without_notes(walkthrough_tree: Path) -> None:
    edit(walkthrough_tree / "docs/en/demo.md", "1.  First note.\n2.  Second note,\n    on two lines.\n", "Prose.\n")
    assert any(
        p.startswith("docs/en/demo.md:5: walkthrough 'demo-source' marks 2 lines") and p.endswith("found no list")
        for p in problems(walkthrough_tree)
    )


def test_walkthrough_missing_in_translation(walkthrough_tree: Path) -> None:
    edit(walkthrough_tree / "docs/zh/demo.md", WALKTHROUGH, "")
    assert (
        "docs/zh/demo.md:5: directive ::: snippet demo/01_one.py where docs/en/demo.md:5 has "
        "::: walkthrough demo-source"
    ) in problems(walkthrough_tree)


def test_malformed_walkthrough_directive(walkthrough_tree: Path) -> None:
    for lang in ("en", "zh"):
        edit(walkthrough_tree / f"docs/{lang}/demo.md", "walkthrough demo-source", "walkthrough Demo Source")
    assert any(
        p.startswith("docs/en/demo.md:5: malformed directive '::: walkthrough Demo Source'")
        for p in problems(walkthrough_tree)
    )


def append(tree: Path, en: str, zh: str | None = None) -> None:
    """Add the same block (or a different one in zh) to the end of both pages; the block starts on line 9."""
    for lang, text in (("en", en), ("zh", en if zh is None else zh)):
        path = tree / f"docs/{lang}/demo.md"
        path.write_text(path.read_text() + "\n" + text)


def test_same_admonitions_images_and_math_pass(tree: Path) -> None:
    append(
        tree,
        '!!! note "Note"\n\n    Text.\n\n![plot](../assets/a.png)\n\n$$\nx^2\n$$\n',
        '!!! note "注意"\n\n    文字。\n\n![图](../assets/a.png)\n\n$$\nx^2\n$$\n',
    )
    assert problems(tree) == []


@pytest.mark.parametrize(
    ("en", "zh", "problem"),
    [
        (
            '!!! note "Note"\n\n    Text.\n',
            '!!! warning "注意"\n\n    文字。\n',
            "docs/zh/demo.md:9: admonition !!! warning where docs/en/demo.md:9 has !!! note",
        ),
        (
            '??? tip "Why"\n\n    Text.\n',
            '!!! tip "为什么"\n\n    文字。\n',
            "docs/zh/demo.md:9: admonition !!! tip where docs/en/demo.md:9 has ??? tip",
        ),
        (
            '!!! info "Info"\n\n    Text.\n',
            "文字。\n",
            "docs/zh/demo.md:1: missing admonition !!! info (from docs/en/demo.md:9)",
        ),
        (
            "Text.\n\n![plot](../assets/a.png)\n",
            "文字。\n\n![图](../assets/b.png)\n",
            "docs/zh/demo.md:11: image ../assets/b.png where docs/en/demo.md:11 has ../assets/a.png",
        ),
        (
            "Text.\n",
            "文字。\n\n![图](../assets/b.png)\n",
            "docs/zh/demo.md:11: extra image ../assets/b.png, not in docs/en/demo.md",
        ),
        (
            "$$\nx^2\n$$\n\n$$ y $$\n",
            "$$\nx^2\n$$\n",
            "docs/zh/demo.md:9: missing math block $$ block (from docs/en/demo.md:13)",
        ),
    ],
    ids=["admonition-type", "collapsible", "missing-admonition", "image", "extra-image", "missing-math"],
)
def test_zh_differs_from_en(tree: Path, en: str, zh: str, problem: str) -> None:
    append(tree, en, zh)
    assert problems(tree) == [problem]


def test_unclosed_math_block(tree: Path) -> None:
    append(tree, "$$\nx^2\n")
    found = problems(tree)
    assert "docs/en/demo.md:9: math block opened with $$ is never closed" in found
    assert "docs/zh/demo.md:9: math block opened with $$ is never closed" in found


def test_admonitions_and_images_inside_code_blocks_do_not_count(tree: Path) -> None:
    append(tree, "```text\n!!! note\n![x](a.png)\n$$\n```\n", "```text\n```\n")
    assert problems(tree) == []


def test_italic_on_chinese_text(tree: Path) -> None:
    page = tree / "docs/zh/demo.md"
    page.write_text(
        page.read_text().replace("其后的文字。", "它*就是* for 循环，**加粗**可以，*italic* 和 `*代码*` 也可以。")
    )
    assert problems(tree) == [
        "docs/zh/demo.md:7: italic *就是* on Chinese text, which has no italic; use **加粗** for a key term, or nothing"
    ]
