"""Read a content page into the pieces a notebook is made of: Markdown, headings, snippets, outputs.

Every construct a page may use is handled here, in one place; anything else fails with the file and
line, so a new construct is taught to the generator instead of silently vanishing from the notebooks.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from docs_structure import ANCHOR, FENCE, HEADING, INCLUDE, PYTHON_LANGUAGES
from snippet_runner.snippets import ROOT, display

DOCS_DIR = ROOT / "docs"
LANGUAGES = ("en", "zh")
NOTEBOOKS = "notebooks"  # docs/<lang>/notebooks/<page>.ipynb
# The rule: every page under docs/en is a content page, and gets a notebook, unless it is named here.
NOT_CONTENT_PAGES = frozenset({"index.md", "glossary.md", "translation-status.md"})

CONTAINER = re.compile(r'^(?P<kind>!!!|\?\?\?\+?)\s+(?P<type>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
TAB = re.compile(r'^===\+?\s+"(?P<title>[^"]*)"\s*$')
LAYOUT_HTML = re.compile(r"^\s*(?:<div\b[^>]*\bmarkdown\b[^>]*>|</div>)\s*$")  # grids: layout only
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")  # tooltips, which Jupyter cannot show
CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
LINK = re.compile(r'(?P<bang>!?)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+"[^"]*")?\)')
ATTR_LIST = re.compile(r"\{\s*[:.#][^}]*\}")
# Fenced blocks shown as they are. Another language may be rendered by a plugin (a custom fence),
# so it fails until someone decides what it becomes in a notebook.
VERBATIM_FENCES = frozenset({"", "text", "console", "sh", "bash", "shell", "diff", "c", "cpp", "c++", "yaml",
                             "toml", "json", "ini"})

SOURCES_DIR = ROOT / "sources"


def _walkthrough(page: ParsedPage, number: int, found: re.Match) -> list[str]:
    """`::: walkthrough <id>`: the installed PyTorch source with its numbered markers, shown as code
    (sources/walkthrough.py reads it, as the site's hook does); the page's numbered list follows it."""
    if str(SOURCES_DIR) not in sys.path:
        sys.path.insert(0, str(SOURCES_DIR))
    try:
        import walkthrough
    except ImportError as error:
        raise PageError(page.path, number, f"a walkthrough needs sources/walkthrough.py: {error}") from None

    try:
        _, id = walkthrough.parse_directive(found.string)
        listing = walkthrough.resolve(walkthrough.find(page.path.stem, id, SOURCES_DIR))
    except walkthrough.WalkthroughError as error:
        raise PageError(page.path, number, str(error)) from None
    code = [re.sub(r"#\s*\((\d+)\)!$", r"# (\1)", line) for line in listing.lines]
    return [f"`{listing.title}`", "", "```python", *code, "```"]


# Page directives (lines that expand into something) and what each becomes in a notebook: a handler
# gets (page, line number, match) and returns Markdown lines. A directive-like line that matches none
# of these stops the generator (DIRECTIVE_LIKE below).
DIRECTIVES: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"^\s*:::\s+walkthrough\b"), _walkthrough),
]
# Lines that look like a directive or an extension this generator does not know.
DIRECTIVE_LIKE = re.compile(r"^\s*(?::::|\{\{|\{%|<!--|-+8<-+|\[\[|@\w|%%|\.\. \w+::|\[\^)")


class PageError(Exception):
    """A page construct the notebook generator does not understand, with the file and line."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{display(path)}:{line}: {message}")


@dataclass(frozen=True)
class Markdown:
    text: str  # one line of Markdown, already rewritten for the notebook


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Snippet:
    target: str  # relative to snippets/, as the page includes it (a section include names the file)
    line: int


@dataclass(frozen=True)
class Output:
    target: str
    line: int


@dataclass
class ParsedPage:
    path: Path
    lang: str
    pieces: list = field(default_factory=list)
    attachments: dict[str, Path] = field(default_factory=dict)  # name -> image file


def content_pages(docs_dir: Path = DOCS_DIR) -> list[str]:
    """Relative paths ('loop.md') of the pages that get notebooks, from docs/en."""
    en = docs_dir / "en"
    return sorted(
        p.relative_to(en).as_posix() for p in en.rglob("*.md")
        if p.relative_to(en).as_posix() not in NOT_CONTENT_PAGES and NOTEBOOKS not in p.relative_to(en).parts
    )


def parse_page(path: Path, lang: str, docs_dir: Path = DOCS_DIR) -> ParsedPage:
    page = ParsedPage(path, lang)
    lines = list(enumerate(path.read_text(encoding="utf-8").splitlines(), 1))
    if lines and lines[0][1].strip() == "---":  # front matter is page metadata, not content
        end = next((i for i, (_, text) in enumerate(lines[1:], 1) if text.strip() == "---"), None)
        if end is None:
            raise PageError(path, 1, "front matter is never closed with ---")
        lines = lines[end + 1:]
    _parse(page, lines, quote="", docs_dir=docs_dir)
    return page


def _parse(page: ParsedPage, lines: list[tuple[int, str]], quote: str, docs_dir: Path) -> None:
    i = 0
    while i < len(lines):
        number, text = lines[i]
        i += 1
        if opening := FENCE.match(text):
            i = _fence(page, lines, i, number, opening, quote)
        elif found := CONTAINER.match(text) or TAB.match(text):
            body, i = _indented_body(lines, i)
            title = found["title"] if found["title"] is not None else found["type"].capitalize()
            inner = quote + "> " if "kind" in found.groupdict() else quote
            page.pieces.append(Markdown(f"{inner}**{title}**" if title else inner.rstrip()))
            page.pieces.append(Markdown(inner.rstrip()))
            _parse(page, body, inner, docs_dir)
            page.pieces.append(Markdown(quote.rstrip()))
        elif heading := HEADING.match(text):
            anchor = ANCHOR.search(heading["text"])
            if anchor is None:
                raise PageError(page.path, number, "heading has no explicit anchor such as { #what-it-says }")
            title = _rewrite_inline(page, number, heading["text"][:anchor.start()].rstrip(), docs_dir)
            page.pieces.append(Heading(len(heading["hashes"]), title, anchor["anchor"]))
        elif LAYOUT_HTML.match(text) or ABBREVIATION.match(text):
            page.pieces.append(Markdown(quote.rstrip()))
        elif (handled := _directive(page, number, text)) is not None:
            page.pieces += [Markdown(f"{quote}{line}".rstrip() or quote.rstrip()) for line in handled]
        elif text.lstrip().startswith("<"):
            raise PageError(page.path, number, "HTML the notebook generator does not know; "
                            "teach tests/notebook_builder/pages.py what it becomes in a notebook")
        elif DIRECTIVE_LIKE.match(text):
            raise PageError(page.path, number, "directive the notebook generator does not know; "
                            "add it to DIRECTIVES in tests/notebook_builder/pages.py")
        else:
            line = _rewrite_inline(page, number, text, docs_dir)
            page.pieces.append(Markdown(f"{quote}{line}".rstrip() if line.strip() else quote.rstrip()))


def _directive(page: ParsedPage, number: int, text: str) -> list | None:
    for pattern, handler in DIRECTIVES:
        if found := pattern.match(text):
            return handler(page, number, found)
    return None


def _fence(page: ParsedPage, lines, i: int, start: int, opening: re.Match, quote: str) -> int:
    marker, lang = opening["fence"], opening["lang"].lower()
    body = []
    while i < len(lines):
        number, text = lines[i]
        i += 1
        stripped = text.strip()
        if stripped == marker[0] * len(stripped) and len(stripped) >= len(marker):
            break
        body.append((number, text))
    else:
        raise PageError(page.path, start, "code block is never closed")
    code = [(n, t) for n, t in body if t.strip()]
    includes = [(n, INCLUDE.match(t)) for n, t in code]
    if any(found for _, found in includes):
        if len(code) != 1:
            raise PageError(page.path, start, "a code block holds one include and nothing else")
        number, found = includes[0]
        target = found["target"]
        path_part = target.split(":", 1)[0]  # "page/NN_x.py:section" shows a part of the file
        if path_part.endswith(".py"):
            page.pieces.append(Snippet(path_part, number))
        elif path_part.endswith(".out"):
            page.pieces.append(Output(path_part, number))
        else:
            raise PageError(page.path, number, f"include of {target}: only .py snippets and their .out are known")
        return i
    if lang in PYTHON_LANGUAGES:
        raise PageError(page.path, start, "Python code written inline in a page; put it in snippets/")
    if lang not in VERBATIM_FENCES:
        raise PageError(page.path, start, f"code block in {lang!r}, which the notebook generator does not know; "
                        "add it to VERBATIM_FENCES or DIRECTIVES in tests/notebook_builder/pages.py")
    for text in [opening.string, *(t for _, t in body), marker]:
        page.pieces.append(Markdown(f"{quote}{text[len(opening['indent']):]}".rstrip() or quote.rstrip()))
    return i


def _indented_body(lines, i: int) -> tuple[list[tuple[int, str]], int]:
    """The lines indented under a container header, dedented by four spaces."""
    body = []
    while i < len(lines) and (not lines[i][1].strip() or lines[i][1].startswith(("    ", "\t"))):
        number, text = lines[i]
        body.append((number, text[4:] if text.startswith("    ") else text.lstrip("\t")))
        i += 1
    while body and not body[-1][1].strip():
        body.pop()
    return body, i


def _rewrite_inline(page: ParsedPage, number: int, text: str, docs_dir: Path) -> str:
    """Rewrite links and images outside code spans for a notebook in docs/<lang>/notebooks/."""
    parts, last = [], 0
    for span in CODE_SPAN.finditer(text):
        parts += [_rewrite_prose(page, number, text[last:span.start()], docs_dir), span[0]]
        last = span.end()
    parts.append(_rewrite_prose(page, number, text[last:], docs_dir))
    return "".join(parts)


def _rewrite_prose(page: ParsedPage, number: int, text: str, docs_dir: Path) -> str:
    def link(found: re.Match) -> str:
        target, label = found["target"], found["text"]
        if found["bang"]:
            return f"![{label}](attachment:{_attach(page, number, target)})"
        if re.match(r"^(?:https?:|mailto:|#)", target):
            return found[0]
        file, _, anchor = target.partition("#")
        if file.endswith(".md"):
            linked = (page.path.parent / file).resolve()
            rel = linked.relative_to((docs_dir / page.lang).resolve()).as_posix()
            if not linked.is_file():
                raise PageError(page.path, number, f"link to {target}, which does not exist")
            if rel in NOT_CONTENT_PAGES:
                return label  # that page has no notebook: keep the words, drop the link
            return f"[{label}]({rel.removesuffix('.md')}.ipynb{'#' + anchor if anchor else ''})"
        raise PageError(page.path, number, f"link to {target}: only pages, anchors and web addresses are known")

    rewritten = LINK.sub(link, text)
    if attr := ATTR_LIST.search(rewritten):
        raise PageError(page.path, number, f"attribute list {attr[0]!r} has no meaning in a notebook")
    return rewritten


def _attach(page: ParsedPage, number: int, target: str) -> str:
    if re.match(r"^(?:https?:)?//", target):
        raise PageError(page.path, number, f"image {target} is loaded from another host")
    image = (page.path.parent / target).resolve()
    if not image.is_file():
        raise PageError(page.path, number, f"image {target} does not exist")
    name = image.name
    if page.attachments.get(name, image) != image:
        raise PageError(page.path, number, f"two different images are named {name}")
    page.attachments[name] = image
    return name
