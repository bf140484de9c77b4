"""Structural checks of docs/ and snippets/ that need no MkDocs and no torch: pairing, directives, anchors,
en/zh parity, and snippets that every page can show and every device can run.

Every check returns Problems (`path:line: what, and how to fix it`) read from the page model.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import walkthrough
from .directives import OUTPUT_TITLES
from .markdown import INCLUDE, PYTHON_LANGUAGES, Container, Directive, Page, read
from .paths import LANGUAGES, WALKTHROUGHS_DIR, display
from .problems import Problem
from .snippets import DEVICE_VARIABLE, SnippetError, annotations, read_snippet, shown_code

MAX_SNIPPET_LINE = 79
DEVICE_LINE = f'device = torch.device(os.environ.get("{DEVICE_VARIABLE}", "cpu"))'
SHOW_SNIPPET = "`::: snippet <page>/NN_what.py` shows a snippet's code and its checked output"


def check_pages(docs_dir: Path, snippets_dir: Path, walkthroughs_dir: Path = WALKTHROUGHS_DIR) -> list[Problem]:
    """Pair en and zh pages, check each page's blocks and directives, then the zh page's parity with the en one."""
    problems: list[Problem] = []
    pages = {
        lang: {p.relative_to(docs_dir / lang): p for p in sorted((docs_dir / lang).rglob("*.md"))} for lang in LANGUAGES
    }
    for lang, other in (("en", "zh"), ("zh", "en")):
        for rel, path in pages[lang].items():
            if rel not in pages[other]:
                problems.append(Problem(path, 1, f"has no counterpart docs/{other}/{rel.as_posix()}"))
    for lang in LANGUAGES:
        for rel, path in pages[lang].items():
            page = read(path)
            problems += page.problems + _blocks(page, snippets_dir) + _walkthroughs(page, rel, walkthroughs_dir)
            if lang == "zh":
                problems += _cjk_emphasis(page)
            if lang == "zh" and rel in pages["en"]:
                problems += _parity(read(pages["en"][rel]), page)
    return problems


def _blocks(page: Page, snippets_dir: Path) -> list[Problem]:
    problems = []
    for fence in page.fences():
        code = [(n, text) for n, text in fence.body if text.strip()]
        if any(INCLUDE.match(text) for _, text in code) or fence.title in OUTPUT_TITLES.values():
            problems.append(
                Problem(
                    page.path, fence.line, f"a code block that includes a file or holds typed output; {SHOW_SNIPPET}"
                )
            )
        elif fence.lang in PYTHON_LANGUAGES and code:
            problems.append(
                Problem(
                    page.path,
                    fence.line,
                    f"Python code written inline in a page; put it in snippets/<page>/NN_what.py: {SHOW_SNIPPET}",
                )
            )
    for directive in page.snippets():
        problems += _snippet_directive(page, directive, snippets_dir)
    seen: dict[str, int] = {}
    for heading in page.headings:
        if heading.anchor is None:
            problems.append(
                Problem(page.path, heading.line, "heading has no explicit anchor such as { #what-it-says }")
            )
        elif heading.anchor in seen:
            problems.append(
                Problem(
                    page.path, heading.line, f"anchor #{heading.anchor} is already used on line {seen[heading.anchor]}"
                )
            )
        else:
            seen[heading.anchor] = heading.line
    return problems


# *强调* or _强调_ around Chinese text: Chinese type has no italic, so browsers draw a fake slant.
CJK_EMPHASIS = re.compile(r"(?<![*A-Za-z0-9])([*_])(?![*_\s])(?=[^*_]*[\u3400-\u9fff])[^*_]+?(?<!\s)\1(?![*A-Za-z0-9])")


def _cjk_emphasis(page: Page) -> list[Problem]:
    return [
        Problem(
            page.path,
            number,
            f"italic {found[0]} on Chinese text, which has no italic; use **加粗** for a key term, or nothing",
        )
        for number, text in page.prose_lines()
        for found in CJK_EMPHASIS.finditer(text.replace("**", "\0\0"))
    ]


def _snippet_directive(page: Page, directive: Directive, snippets_dir: Path) -> list[Problem]:
    file = snippets_dir / directive.target
    if not file.is_file():
        return [Problem(page.path, directive.line, f"shows {directive.target}, which is not in snippets/")]
    markers = annotations(shown_code(file))
    wanted = tuple(range(1, len(markers) + 1))
    if directive.notes == wanted:
        return []
    if not markers:
        return [
            Problem(
                page.path,
                directive.line,
                f"{directive.target} has no `# (1)!` markers, so the numbered list "
                "right after this line would read as its notes; "
                "put a sentence between them",
            )
        ]
    return [
        Problem(
            page.path,
            directive.line,
            f"{directive.target} marks {len(markers)} line(s) with `# (N)!`, so it must be followed by a list "
            f"numbered 1..{len(markers)}; found {list(directive.notes) or 'no list'}",
        )
    ]


def _walkthroughs(page: Page, rel: Path, walkthroughs_dir: Path) -> list[Problem]:
    """Each walkthrough directive names one of data/walkthroughs/<page>.toml and is followed by notes 1..N."""
    directives = [d for d in page.directives if d.kind == "walkthrough"]
    if not directives:
        return []
    name = rel.with_suffix("").as_posix()
    try:
        defined = walkthrough.load(name, walkthroughs_dir)
    except walkthrough.WalkthroughError as error:
        return [error.seen_from(page.path, directives[0].line).problem]
    problems = []
    for directive in directives:
        if directive.target not in defined:
            problems.append(
                Problem(
                    page.path,
                    directive.line,
                    f"no walkthrough '{directive.target}' in data/walkthroughs/{name}.toml "
                    f"(defined: {', '.join(defined) or 'none'})",
                )
            )
            continue
        wanted = tuple(range(1, len(defined[directive.target].patterns) + 1))
        if directive.notes != wanted:
            problems.append(
                Problem(
                    page.path,
                    directive.line,
                    f"walkthrough '{directive.target}' marks {len(wanted)} lines, so it must be "
                    f"followed by a list numbered 1..{len(wanted)}; "
                    f"found {list(directive.notes) or 'no list'}",
                )
            )
    return problems


def _parity(en: Page, zh: Page) -> list[Problem]:
    """The zh page has the same directives, headings, admonitions, images and math blocks as the en one, in order."""
    problems = []
    for what, listing in (
        ("directive", lambda p: [(d.line, f"::: {d.kind} {d.target}") for d in p.directives]),
        ("heading", lambda p: [(h.line, f"h{h.level} #{h.anchor}") for h in p.headings]),
        ("admonition", lambda p: [(c.line, f"{c.marker} {c.type}") for c in p.of(Container) if c.type != "tab"]),
        ("image", lambda p: p.images()),
        ("math block", lambda p: [(m.line, "$$ block") for m in p.maths()]),
    ):
        en_items, zh_items = listing(en), listing(zh)
        for (en_line, en_item), (zh_line, zh_item) in zip(en_items, zh_items):
            if en_item != zh_item:
                problems.append(
                    Problem(zh.path, zh_line, f"{what} {zh_item} where {display(en.path)}:{en_line} has {en_item}")
                )
                break
        else:
            if len(en_items) > len(zh_items):
                en_line, en_item = en_items[len(zh_items)]
                problems.append(
                    Problem(
                        zh.path,
                        zh_items[-1][0] if zh_items else 1,
                        f"missing {what} {en_item} (from {display(en.path)}:{en_line})",
                    )
                )
            elif len(zh_items) > len(en_items):
                zh_line, zh_item = zh_items[len(en_items)]
                problems.append(Problem(zh.path, zh_line, f"extra {what} {zh_item}, not in {display(en.path)}"))
    return problems


def check_snippets(snippets_dir: Path, docs_dir: Path) -> list[Problem]:
    """Each snippet has its .out and a page that shows it, and runs on any device as it is."""
    problems: list[Problem] = []
    shown = {d.target for p in sorted((docs_dir / "en").rglob("*.md")) for d in read(p).snippets()}
    for out in sorted(snippets_dir.rglob("*.out")):
        if not out.with_suffix(".py").is_file():
            problems.append(Problem(out, 1, f"no snippet {out.with_suffix('.py').name} produces this output"))
    for path in sorted(snippets_dir.rglob("*.py")):
        name = path.relative_to(snippets_dir).as_posix()
        try:
            snippet = read_snippet(path)
        except SnippetError as error:
            problems.append(error.problem)
            continue
        if not path.with_suffix(".out").is_file():
            problems.append(Problem(path, 1, f"has no {path.with_suffix('.out').name}: run `make update-outputs`"))
        if name not in shown:
            problems.append(Problem(path, 1, f"no page in docs/en shows this snippet: add `::: snippet {name}`"))
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if len(line) > MAX_SNIPPET_LINE:
                problems.append(Problem(path, number, f"line is {len(line)} characters; pages fit {MAX_SNIPPET_LINE}"))
        uses_torch = any(line.startswith(("import torch", "from torch")) for line in lines)
        if uses_torch and "cpu-only" not in snippet.markers and DEVICE_LINE not in lines:
            problems.append(Problem(path, 1, f"imports torch but lacks the device line: {DEVICE_LINE}"))
    return problems
