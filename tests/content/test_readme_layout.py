"""README's Layout section matches the tree: every path it names exists, and it names every top-level entry."""

from __future__ import annotations

import re
import subprocess

from snippet_docs.paths import ROOT

README = ROOT / "README.md"


def layout_block() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Layout", 1)[1]
    return section.split("```text\n", 1)[1].split("\n```", 1)[0]


def named_paths(block: str) -> list[str]:
    """The paths in the left column (an indented line names what is inside snippet_docs/)."""
    paths = []
    for line in block.splitlines():
        if line.startswith("   "):  # a description running on
            continue
        left = re.split(r"\s{3,}", line.strip(), maxsplit=1)[0]
        prefix = "snippet_docs/" if line.startswith("  ") else ""
        words = left.split()
        paths += [prefix + word for i, word in enumerate(words) if "+" not in (word, words[i - 1] if i else "")]
    return paths


def exists(path: str) -> bool:
    """A path of the layout, where <page>, NN and <what> stand for any page, number and snippet name."""
    pattern = re.sub(r"<[^>]+>", "*", path).replace("NN_", "[0-9][0-9]_").rstrip("/")
    return any(ROOT.glob(pattern)) or (ROOT / pattern).exists()


def test_every_path_the_layout_names_exists() -> None:
    paths = named_paths(layout_block())
    assert len(paths) > 20
    missing = [p for p in paths if not exists(p)]
    assert not missing, f"README.md's Layout names paths that are not in the tree: {missing}"


def test_the_layout_names_every_top_level_entry() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    top = {line.split("/")[0] for line in tracked.splitlines()} - {".gitignore"}
    block = layout_block()
    unnamed = sorted(entry for entry in top if not re.search(rf"(?<![\w/]){re.escape(entry)}\b", block))
    assert not unnamed, f"README.md's Layout does not mention: {unnamed}"


def test_a_wrong_path_would_be_caught() -> None:
    assert not exists("snippet_docs/no_such_module.py") and exists("snippets/<page>/NN_<what>.py")
    assert "snippet_docs/no_such_module.py" in named_paths("  no_such_module.py     a module that is gone")
