"""The committed notebooks are what the generator makes of the pages, and the generator rejects what it
does not understand, naming the file and the line."""
from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from notebook_builder.build import build, expected_notebooks, notebook_path, stale_notebooks
from notebook_builder.pages import LANGUAGES, NOT_CONTENT_PAGES, PageError, content_pages
from snippet_runner.snippets import display


def test_committed_notebooks_are_what_the_pages_generate() -> None:
    stale = stale_notebooks(expected_notebooks())
    assert not stale, "\n" + "\n".join(f"{display(p)}: {why}; run `make notebooks`" for p, why in stale.items())


def test_every_content_page_has_a_notebook_in_both_languages() -> None:
    pages = content_pages()
    assert "loop.md" in pages and not set(pages) & NOT_CONTENT_PAGES
    for page in pages:
        for lang in LANGUAGES:
            assert notebook_path(lang, page).is_file(), f"no {lang} notebook for {page}: run `make notebooks`"


SNIPPET = '"""Demo."""\nprint("one")  # (1)!\n'
RAISES = '"""Demo."""\n# markers: raises\nprint("before")\nraise ValueError("bad\\nvalue")\n'
IMPORTER = '"""Demo."""\nfrom importlib import import_module\n\nimport_module("01_one")\n'
PAGE = """# Demo { #demo }

Intro with a [link](#part), a [page](other.md#x), the [glossary](glossary.md) and `$x$` code.

!!! note "Read this"

    Inside the note.

## Part { #part }

<div class="grid" markdown>

```python title="snippets/demo/01_one.py"
--8<-- "demo/01_one.py"
```

1.  The note for marker one.

```text title="Output"
--8<-- "demo/01_one.out"
```

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
    with pytest.raises(PageError) as caught:
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
    assert "[link](#part), a [page](other.ipynb#x), the glossary and `$x$` code." in intro
    assert "> **Read this**\n>\n> Inside the note." in intro
    assert part.startswith('## Part <a id="part"></a>') and "<div" not in part
    assert code == '# snippets/demo/01_one.py\n"""Demo."""\nprint("one")  # (1)'
    assert cells[2]["outputs"] == [{"name": "stdout", "output_type": "stream", "text": ["one\n"]}]
    assert cells[2]["metadata"] == {"snippet": "demo/01_one.py"}
    assert rest.startswith("1.  The note for marker one.") and "$$\na^2 + b^2\n$$" in rest
    assert "![A figure](attachment:plot.png)" in rest
    assert cells[3]["attachments"] == {"plot.png": {"image/png": "iVBORyBmYWtl"}}


def test_generation_is_repeatable_and_the_rule_excludes_pages(tree: Path) -> None:
    assert build("demo.md", "zh", tree / "docs", tree / "snippets") == build("demo.md", "zh", tree / "docs",
                                                                             tree / "snippets")
    assert content_pages(tree / "docs") == ["demo.md", "other.md"]  # glossary.md is not a content page


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
    edit(tree / "docs/en/demo.md", "$$\n", '```python\n--8<-- "demo/02_two.py"\n```\n\n'
         '```text title="Output"\n--8<-- "demo/02_two.out"\n```\n\n$$\n')
    cells = notebook(tree)["cells"]
    assert cells[1]["id"] == "setup" and 'p / "snippets/demo"' in "".join(cells[1]["source"])
    assert "import_module" in "".join(cells[-2]["source"]) and cells[-2]["outputs"] == []


@pytest.mark.parametrize(("old", "new", "message"), [
    ("## Part { #part }", "## Part", "docs/en/demo.md:9: heading has no explicit anchor"),
    ("<div class=\"grid\" markdown>", "<details>", "docs/en/demo.md:11: HTML the notebook generator does not know"),
    ("$$\n", "::: mermaid\n\n$$\n", "docs/en/demo.md:25: directive the notebook generator does not know"),
    ("$$\n", "{{ include('x') }}\n\n$$\n", "docs/en/demo.md:25: directive the notebook generator does not know"),
    ("$$\n", '--8<-- "demo/01_one.py"\n\n$$\n', "docs/en/demo.md:25: directive the notebook generator does not know"),
    ("```text title=\"Output\"\n--8<-- \"demo/01_one.out\"\n```", "",
     "docs/en/demo.md:14: demo/01_one.py is not followed by its output"),
    ("$$\n", "```python\nprint(1)\n```\n\n$$\n", "docs/en/demo.md:25: Python code written inline in a page"),
    ("$$\n", "```walkthrough\ntorch.optim.Optimizer.zero_grad\n```\n\n$$\n",
     "docs/en/demo.md:25: code block in 'walkthrough', which the notebook generator does not know"),
    ("plot.png", "missing.png", "docs/en/demo.md:29: image ../assets/figures/demo/missing.png does not exist"),
    ("[page](other.md#x)", "[page](nowhere.md)", "docs/en/demo.md:3: link to nowhere.md, which does not exist"),
    ("[link](#part)", "[pdf](../assets/a.pdf)", "docs/en/demo.md:3: link to ../assets/a.pdf: only pages"),
    ("Intro with", "[Go](other.md){ .md-button } Intro with", "docs/en/demo.md:3: attribute list '{ .md-button }'"),
])
def test_unknown_or_broken_constructs_fail_with_file_and_line(tree: Path, old: str, new: str, message: str) -> None:
    edit(tree / "docs/en/demo.md", old, new)
    assert error(tree).startswith(message)


def test_a_page_without_snippets_must_be_declared_not_content(tree: Path) -> None:
    assert error(tree, "other.md").startswith("docs/en/other.md:1: a content page without a snippet")


def test_a_snippet_using_file_is_rejected(tree: Path) -> None:
    (tree / "snippets/demo/01_one.py").write_text('"""Demo."""\nimport os\nprint(os.__file__, __file__)\n')
    assert error(tree).startswith("snippets/demo/01_one.py:3: a notebook cell has no __file__")


def test_stale_and_orphan_notebooks_are_found(tree: Path) -> None:
    wanted = {notebook_path("en", "demo.md", tree / "docs"): build("demo.md", "en", tree / "docs", tree / "snippets")}
    target = next(iter(wanted))
    target.parent.mkdir(parents=True)
    assert stale_notebooks(wanted, tree / "docs") == {target: "missing"}
    target.write_text(wanted[target])
    assert stale_notebooks(wanted, tree / "docs") == {}
    target.write_text(wanted[target].replace("one", "two"))
    orphan = target.with_name("gone.ipynb")
    orphan.write_text("{}")
    assert stale_notebooks(wanted, tree / "docs") == {
        target: "differs from what its page and snippets generate", orphan: "not generated from any page"}


def test_a_walkthrough_becomes_its_annotated_source(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The directive's listing comes from sources/walkthrough.py, the module the site's hook uses."""
    class Listing:
        title = "torch/optim/optimizer.py · lines 10–11 · torch 2.13.0"
        lines = ("def zero_grad(self):  # (1)!", "    pass")

    fake = types.SimpleNamespace(
        WalkthroughError=ValueError,
        parse_directive=lambda line: ("", line.split()[-1]),
        find=lambda page, id, root: (page, id),
        resolve=lambda found: Listing if found == ("demo", "optimizer-zero-grad") else None,
    )
    monkeypatch.setitem(sys.modules, "walkthrough", fake)
    edit(tree / "docs/en/demo.md", "$$\n", "::: walkthrough optimizer-zero-grad\n\n$$\n")
    rest = "".join(notebook(tree)["cells"][3]["source"])
    assert ("`torch/optim/optimizer.py · lines 10–11 · torch 2.13.0`\n\n```python\n"
            "def zero_grad(self):  # (1)\n    pass\n```") in rest
