"""The one Markdown page model: a page as typed, line-numbered blocks.

Every check, the notebook generator, the glossary check and the MkDocs hooks read pages through `parse`.
Blocks keep the line they start on (1-based, in the file), so every message can name it. Containers
(admonitions, tabs) hold their own blocks, dedented, with the file's line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, ProblemError

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)(?P<rest>.*)$")
TITLE = re.compile(r'title="(?P<title>[^"]*)"')
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*$")
ANCHOR = re.compile(r"\{\s*#(?P<anchor>[\w-]+)\s*\}$")
DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*):::[ \t]+(?P<kind>[\w-]+)(?P<rest>.*)$")
DIRECTIVE_KINDS = {
    "snippet": re.compile(r"^[a-z0-9-]+/\d{2}_[a-z0-9_]+\.py$"),  # ::: snippet loop/02_by_hand.py
    "walkthrough": re.compile(r"^[a-z0-9][a-z0-9-]*$"),  # ::: walkthrough optimizer-zero-grad
}
CONTAINER = re.compile(r'^(?P<marker>!!!|\?\?\?\+?)\s+(?P<type>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
TAB = re.compile(r'^(?P<marker>===\+?)\s+"(?P<title>[^"]*)"\s*$')
LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?P<number>\d+)\.\s")
INCLUDE = re.compile(r'^\s*-+8<-+\s+"(?P<target>[^"]+)"\s*$')
IMAGE = re.compile(r"!\[[^\]]*\]\((?P<target>[^)\s]+)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
HTML_COMMENT = re.compile(r"<!--.*?-->")
MATH_FENCE = "$$"
FRONT_MATTER_UNCLOSED = "front matter opened with --- is never closed"
PYTHON_LANGUAGES = frozenset({"python", "py", "python3", "pycon", "ipython"})


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # without the { #anchor }
    anchor: str | None


@dataclass(frozen=True)
class Fence:
    line: int
    end: int  # the closing fence's line
    indent: str
    marker: str  # ``` or ~~~ (or longer)
    lang: str  # lower case, "" when none
    title: str
    body: tuple[tuple[int, str], ...]  # (line, text) between the fences
    opening: str  # the opening line as written


@dataclass(frozen=True)
class Directive:
    """`::: snippet <page>/NN_what.py` or `::: walkthrough <id>`, and the numbered list right after it (its notes)."""

    line: int
    kind: str
    target: str
    notes: tuple[int, ...]  # the list's numbers, in order
    notes_end: int  # the list's last line; the directive's own line when there is no list


@dataclass(frozen=True)
class Container:
    """An admonition (`!!! note "Title"`, `??? tip`) or a content tab (`=== "Title"`), with its blocks."""

    line: int
    marker: str  # !!!, ???, ???+, ===, ===+
    type: str  # note, tip, ... ("tab" for a tab)
    title: str | None
    blocks: list = field(default_factory=list)


@dataclass(frozen=True)
class Math:
    line: int
    end: int
    text: str  # the whole $$ block


@dataclass(frozen=True)
class Prose:
    line: int
    text: str  # one line, as written; "" for a blank line


@dataclass
class Page:
    path: Path
    # (line, text) between the front matter's `---` lines; None without front matter; end: its closing line
    front_matter: tuple[tuple[int, str], ...] | None = None
    blocks: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def walk(self, blocks: list | None = None):
        """Every block, containers before their contents, in page order."""
        for block in self.blocks if blocks is None else blocks:
            yield block
            if isinstance(block, Container):
                yield from self.walk(block.blocks)

    def of(self, kind: type) -> list:
        return [block for block in self.walk() if isinstance(block, kind)]

    @property
    def headings(self) -> list[Heading]:
        return self.of(Heading)

    @property
    def directives(self) -> list[Directive]:
        return self.of(Directive)

    def raise_first_problem(self) -> None:
        """For work that cannot go on with a broken page (a build, a notebook)."""
        if self.problems:
            first = self.problems[0]
            raise ProblemError(first.path, first.line, first.message)

    def fences(self) -> list[Fence]:
        return self.of(Fence)

    def fenced_lines(self) -> set[int]:
        """The lines inside fenced code blocks, the fences themselves included."""
        return {n for fence in self.fences() for n in range(fence.line, fence.end + 1)}

    @property
    def title(self) -> Heading | None:
        """The page's first level-1 heading."""
        return next((h for h in self.headings if h.level == 1), None)

    def maths(self) -> list[Math]:
        return self.of(Math)

    def snippets(self) -> list[Directive]:
        return [d for d in self.directives if d.kind == "snippet"]

    def images(self) -> list[tuple[int, str]]:
        return [(p.line, found["target"]) for p in self.of(Prose) for found in IMAGE.finditer(p.text)]

    def prose_lines(self) -> list[tuple[int, str]]:
        """(line, text) of what a reader reads: prose, headings, titles; code spans and comments blanked."""
        lines = []
        for block in self.walk():
            text = {Prose: "text", Heading: "text", Container: "title"}.get(type(block))
            if text and getattr(block, text):
                lines.append((block.line, HTML_COMMENT.sub(" ", CODE_SPAN.sub(" ", getattr(block, text)))))
        return lines


def read(path: Path) -> Page:
    return parse(path.read_text(encoding="utf-8"), path)


def parse(text: str, path: Path) -> Page:
    page = Page(path)
    lines = list(enumerate(text.splitlines(), 1))
    if lines and lines[0][1].rstrip() == "---":
        end = next((i for i, (_, line) in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), None)
        if end is None:
            page.problems.append(Problem(path, 1, FRONT_MATTER_UNCLOSED))
            return page
        page.front_matter = tuple(lines[1:end])
        lines = lines[end + 1 :]
    page.blocks = _blocks(page, lines)
    return page


def _blocks(page: Page, lines: list[tuple[int, str]]) -> list:
    blocks: list = []
    i = 0
    while i < len(lines):
        number, text = lines[i]
        i += 1
        stripped = text.strip()
        if opening := FENCE.match(text):
            start = i
            end, i = _fence_end(lines, i, opening["fence"])
            if end is None:
                page.problems.append(Problem(page.path, number, "code block is never closed"))
            body = tuple(lines[start : i - 1 if end is not None else i])
            end = end if end is not None else lines[-1][0]
            title = TITLE.search(opening["rest"])
            blocks.append(
                Fence(
                    number,
                    end,
                    opening["indent"],
                    opening["fence"],
                    opening["lang"].lower(),
                    title["title"] if title else "",
                    body,
                    text,
                )
            )
        elif stripped.startswith(MATH_FENCE):
            start = i - 1
            closed = len(stripped) > 2 * len(MATH_FENCE) - 1 and stripped.endswith(MATH_FENCE)
            while not closed and i < len(lines):
                closed = lines[i][1].strip().endswith(MATH_FENCE)
                i += 1
            if not closed:
                page.problems.append(Problem(page.path, number, "math block opened with $$ is never closed"))
            blocks.append(Math(number, lines[i - 1][0], "\n".join(t for _, t in lines[start:i])))
        elif found := DIRECTIVE.match(text):
            blocks.append(_directive(page, lines, i - 1, found))
        elif found := CONTAINER.match(text) or TAB.match(text):
            body, i = _indented_body(lines, i)
            kind = found.groupdict().get("type") or "tab"
            blocks.append(Container(number, found["marker"], kind, found["title"], _blocks(page, body)))
        elif heading := HEADING.match(text):
            anchor = ANCHOR.search(heading["text"])
            title = heading["text"][: anchor.start()].rstrip() if anchor else heading["text"]
            blocks.append(Heading(number, len(heading["hashes"]), title, anchor["anchor"] if anchor else None))
        else:
            blocks.append(Prose(number, text))
    return blocks


def _fence_end(lines: list[tuple[int, str]], i: int, marker: str) -> tuple[int | None, int]:
    while i < len(lines):
        number, text = lines[i]
        i += 1
        stripped = text.strip()
        if stripped and stripped == marker[0] * len(stripped) and len(stripped) >= len(marker):
            return number, i
    return None, i


def _directive(page: Page, lines: list[tuple[int, str]], index: int, found: re.Match) -> Directive:
    number = lines[index][0]
    kind, target = found["kind"], found["rest"].strip()
    shape = DIRECTIVE_KINDS.get(kind)
    if shape is None:
        page.problems.append(
            Problem(
                page.path,
                number,
                f"unknown directive '::: {kind}'; known: " + ", ".join(f"'::: {k}'" for k in DIRECTIVE_KINDS),
            )
        )
    elif not shape.match(target):
        example = "loop/02_by_hand.py" if kind == "snippet" else "optimizer-zero-grad"
        page.problems.append(
            Problem(
                page.path,
                number,
                f"malformed directive {lines[index][1].strip()!r}: "
                f"write '::: {kind} <{'page/NN_what.py' if kind == 'snippet' else 'id'}>', "
                f"for example '::: {kind} {example}'",
            )
        )
    notes: list[int] = []
    end = number
    indent = found["indent"]
    for n, text in lines[index + 1 :]:
        item = LIST_ITEM.match(text)
        if item and item["indent"] == indent:
            notes.append(int(item["number"]))
            end = n
        elif text.strip() and notes and text.startswith(indent + " "):
            end = n  # a continuation line of the last note
        elif text.strip():
            break  # the first line that is neither blank nor inside a note ends the list
    return Directive(number, kind, target, tuple(notes), end)


def _indented_body(lines: list[tuple[int, str]], i: int) -> tuple[list[tuple[int, str]], int]:
    """The lines indented under a container header, dedented by four spaces."""
    body = []
    while i < len(lines) and (not lines[i][1].strip() or lines[i][1].startswith(("    ", "\t"))):
        number, text = lines[i]
        body.append((number, text[4:] if text.startswith("    ") else text.lstrip("\t")))
        i += 1
    while body and not body[-1][1].strip():
        body.pop()
        i -= 1
    return body, i


def insert_under_title(markdown: str, block: str) -> str:
    """The Markdown with `block` right after the page's first level-1 heading (first of all, when there is none)."""
    title = parse(markdown, Path("<page>")).title
    if title is None:
        return f"{block}\n{markdown}"
    lines = markdown.split("\n")
    rest = "\n".join(lines[title.line :]).lstrip("\n")
    return "\n".join(lines[: title.line]) + f"\n\n{block}\n{rest}"
