"""The notebook generator turns a page into cells, and rejects what it does not understand, naming the file and
the line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from snippet_docs import walkthrough
from snippet_docs.nav import NOT_CONTENT_PAGES, content_pages
from snippet_docs.notebooks.build import all_notebooks, build
from snippet_docs.paths import LANGUAGES
from snippet_docs.problems import ProblemError


def test_every_lesson_in_the_nav_gets_a_notebook_in_both_languages() -> None:
    pages = content_pages()
    assert "loop.md" in pages and not set(pages) & NOT_CONTENT_PAGES
    made = all_notebooks()
    assert sorted(p.relative_to(p.parents[2]).as_posix() for p in made) == sorted(
        f"{lang}/notebooks/{page.removesuffix('.md')}.ipynb" for page in pages for lang in LANGUAGES
    )
    assert not [p for p, text in made.items() if "# markers:" in text], "a notebook shows a runner-only line"


SNIPPET = '"""Demo."""\n# markers: exact\nprint("one")  # (1)!\n'
RAISES = '"""Demo."""\n# markers: raises\nprint("before")\nraise ValueError("bad\\nvalue")\n'
IMPORTER = '"""Demo."""\nfrom importlib import import_module\n\nimport_module("01_one")\n'
PAGE = """# Demo { #demo }

Intro with a [link](#part), a [page](other.md#x), the [glossary](glossary.md) and `$x$` code; [`f()` twice](other.md#y).

!!! note "Read this"

    Inside the note.

## Part { #part }

<div class="grid" markdown>

::: snippet demo/01_one.py

1.  The note for marker one.

</div>

$$
a^2 + b^2
$$

![A figure](../assets/figures/demo/plot.png)
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A minimal site: a content page with a snippet, an image and links, in both languages."""
    (tmp_path / "snippets/demo").mkdir(parents=True)
    (tmp_path / "snippets/demo/01_one.py").write_text(SNIPPET)
    (tmp_path / "snippets/demo/01_one.out").write_text("one\n")
    (tmp_path / "docs/assets/figures/demo").mkdir(parents=True)
    (tmp_path / "docs/assets/figures/demo/plot.png").write_bytes(b"\x89PNG fake")
    for lang in LANGUAGES:
        (tmp_path / "docs" / lang).mkdir(parents=True)
        for name in ("demo.md", "other.md", "glossary.md"):
            (tmp_path / "docs" / lang / name).write_text(PAGE if name == "demo.md" else "# Other { #other }\n")
    return tmp_path


def notebook(tree: Path, lang: str = "en", page: str = "demo.md") -> dict:
    return json.loads(build(page, lang, tree / "docs", tree / "snippets"))


def error(tree: Path, page: str = "demo.md") -> str:
    with pytest.raises(ProblemError) as caught:
        build(page, "en", tree / "docs", tree / "snippets")
    return str(caught.value).replace(f"{tree}/", "")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_cells_follow_the_page(tree: Path) -> None:
    cells = notebook(tree)["cells"]
    assert [c["cell_type"] for c in cells] == ["markdown", "markdown", "code", "markdown"]
    intro, part, code, rest = ("".join(c["source"]) for c in cells)
    assert intro.startswith('# Demo <a id="demo"></a>\n\n> This notebook is generated from the page `docs/en/demo.md`')
    assert "[link](#part), a [page](other.ipynb#x), the glossary and `$x$` code; [`f()` twice](other.ipynb#y)." in intro
    assert "> **Read this**\n>\n> Inside the note." in intro
    assert part.startswith('## Part <a id="part"></a>') and "<div" not in part
    assert code == '# snippets/demo/01_one.py\n"""Demo."""\nprint("one")  # (1)'
    assert cells[2]["outputs"] == [{"name": "stdout", "output_type": "stream", "text": ["one\n"]}]
    assert cells[2]["metadata"] == {"snippet": "demo/01_one.py"}
    assert rest.startswith("1.  The note for marker one.") and "$$\na^2 + b^2\n$$" in rest
    assert "![A figure](attachment:plot.png)" in rest
    assert cells[3]["attachments"] == {"plot.png": {"image/png": "iVBORyBmYWtl"}}


def test_generation_is_repeatable(tree: Path) -> None:
    assert build("demo.md", "zh", tree / "docs", tree / "snippets") == build(
        "demo.md", "zh", tree / "docs", tree / "snippets"
    )


def test_a_raises_snippet_ends_in_its_exception(tree: Path) -> None:
    (tree / "snippets/demo/01_one.py").write_text(RAISES)
    (tree / "snippets/demo/01_one.out").write_text("before\nValueError: bad\nvalue\n")
    code = notebook(tree)["cells"][2]
    assert code["metadata"]["tags"] == ["raises-exception"]
    assert code["outputs"][0]["text"] == ["before\n"]
    assert {k: code["outputs"][1][k] for k in ("ename", "evalue")} == {"ename": "ValueError", "evalue": "bad\nvalue"}


def test_sibling_imports_get_a_setup_cell(tree: Path) -> None:
    (tree / "snippets/demo/02_two.py").write_text(IMPORTER)
    (tree / "snippets/demo/02_two.out").write_text("")
    edit(tree / "docs/en/demo.md", "$$\n", "::: snippet demo/02_two.py\n\n$$\n")
    cells = notebook(tree)["cells"]
    assert cells[1]["id"] == "setup" and 'p / "snippets/demo"' in "".join(cells[1]["source"])
    assert "import_module" in "".join(cells[-2]["source"]) and cells[-2]["outputs"] == []


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("## Part { #part }", "## Part", "docs/en/demo.md:9: heading has no explicit anchor"),
        ('<div class="grid" markdown>', "<details>", "docs/en/demo.md:11: HTML the notebook generator does not know"),
        ("$$\n", "::: mermaid\n\n$$\n", "docs/en/demo.md:19: unknown directive '::: mermaid'"),
        ("$$\n", "{{ include('x') }}\n\n$$\n", "docs/en/demo.md:19: directive the notebook generator does not know"),
        (
            "$$\n",
            '--8<-- "demo/01_one.py"\n\n$$\n',
            "docs/en/demo.md:19: directive the notebook generator does not know",
        ),
        (
            "::: snippet demo/01_one.py",
            "::: snippet demo/09_gone.py",
            "docs/en/demo.md:13: shows demo/09_gone.py, which is",
        ),
        ("$$\n", "```python\nprint(1)\n```\n\n$$\n", "docs/en/demo.md:19: Python code written inline in a page"),
        (
            "$$\n",
            "```walkthrough\ntorch.optim.Optimizer.zero_grad\n```\n\n$$\n",
            "docs/en/demo.md:19: code block in 'walkthrough', which the notebook generator does not know",
        ),
        ("plot.png", "missing.png", "docs/en/demo.md:23: image ../assets/figures/demo/missing.png does not exist"),
        ("[page](other.md#x)", "[page](nowhere.md)", "docs/en/demo.md:3: link to nowhere.md, which does not exist"),
        ("[link](#part)", "[pdf](../assets/a.pdf)", "docs/en/demo.md:3: link to ../assets/a.pdf: only pages"),
        ("Intro with", "[Go](other.md){ .md-button } Intro with", "docs/en/demo.md:3: attribute list '{ .md-button }'"),
    ],
)
def test_unknown_or_broken_constructs_fail_with_file_and_line(tree: Path, old: str, new: str, message: str) -> None:
    edit(tree / "docs/en/demo.md", old, new)
    assert error(tree).startswith(message)


def test_a_page_without_snippets_must_be_declared_not_content(tree: Path) -> None:
    assert error(tree, "other.md").startswith("docs/en/other.md:1: a content page without a snippet")


def test_a_snippet_using_file_is_rejected(tree: Path) -> None:
    (tree / "snippets/demo/01_one.py").write_text('"""Demo."""\nimport os\nprint(os.__file__, __file__)\n')
    assert error(tree).startswith("snippets/demo/01_one.py:3: a notebook cell has no __file__")


def test_a_walkthrough_becomes_its_annotated_source(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The directive's listing comes from snippet_docs.walkthrough, as on the site."""

    class Listing:
        def title(lang: str) -> str:
            return f"torch/optim/optimizer.py · {lang} 10–11 · torch 2.13.0"

        lines = ("def zero_grad(self):  # (1)!", "    pass")

    monkeypatch.setattr(walkthrough, "find", lambda page, id, root: (page, id))
    monkeypatch.setattr(
        walkthrough, "resolve", lambda found: Listing if found == ("demo", "optimizer-zero-grad") else None
    )
    edit(tree / "docs/en/demo.md", "$$\n", "::: walkthrough optimizer-zero-grad\n\n$$\n")
    rest = "".join(notebook(tree)["cells"][3]["source"])
    assert (
        "`torch/optim/optimizer.py · en 10–11 · torch 2.13.0`\n\n```python\ndef zero_grad(self):  # (1)\n    pass\n```"
    ) in rest
