"""Structural checks of docs/ and snippets/ that need no MkDocs: pairing, includes, anchors, admonitions, images, math.

Every check returns a list of Problems; each names a file and a line so a contributor can jump to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from snippet_runner.snippets import DEVICE_VARIABLE, SnippetError, display, read_snippet
from walkthrough import WalkthroughError, load, parse_directive

LANGUAGES = ("en", "zh")
OUTPUT_TITLES = {"en": "Output", "zh": "输出"}
PYTHON_LANGUAGES = {"python", "py", "python3", "pycon", "ipython"}
MAX_SNIPPET_LINE = 79
DEVICE_LINE = f'device = torch.device(os.environ.get("{DEVICE_VARIABLE}", "cpu"))'

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)(?P<rest>.*)$")
INCLUDE = re.compile(r'^\s*-+8<-+\s+"(?P<target>[^"]+)"\s*$')
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*$")
ANCHOR = re.compile(r"\{\s*#(?P<anchor>[\w-]+)\s*\}$")
TITLE = re.compile(r'title="(?P<title>[^"]*)"')
LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?P<number>\d+)\.\s")
ADMONITION = re.compile(r"^\s*(?P<marker>!!!|\?\?\?\+?)\s+(?P<type>[\w-]+)")
IMAGE = re.compile(r"!\[[^\]]*\]\((?P<target>[^)\s]+)")
MATH_FENCE = "$$"


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{display(self.path)}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Include:
    line: int
    target: str
    fence_lang: str
    fence_title: str


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    anchor: str | None


@dataclass(frozen=True)
class Directive:
    """`::: walkthrough <id>` and the numbers of the list right after it (its annotations)."""
    line: int
    id: str
    numbers: tuple[int, ...]


@dataclass(frozen=True)
class Element:
    """An admonition, image or math block: what the zh page must repeat in the same order."""

    line: int
    text: str  # "!!! info", the image target, or "$$ block"


@dataclass
class Page:
    path: Path
    includes: list[Include]
    headings: list[Heading]
    problems: list[Problem]
    directives: list[Directive] = field(default_factory=list)
    admonitions: list[Element] = field(default_factory=list)
    images: list[Element] = field(default_factory=list)
    maths: list[Element] = field(default_factory=list)


def parse_page(path: Path) -> Page:
    """Read the includes, headings and fenced blocks of one Markdown page."""
    page = Page(path, [], [], [])
    fence = None  # (marker, lang, title, first line) while inside a fenced block
    body: list[tuple[int, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    math_start = None  # first line of the $$ block we are inside
    for number, line in enumerate(lines, 1):
        opening = FENCE.match(line)
        if math_start is not None:
            if line.strip().endswith(MATH_FENCE):
                math_start = None
            continue
        if fence is None and line.strip().startswith(MATH_FENCE):
            page.maths.append(Element(number, "$$ block"))
            one_line = len(line.strip()) > 2 * len(MATH_FENCE) - 1 and line.strip().endswith(MATH_FENCE)
            math_start = None if one_line else number
            continue
        if fence is None:
            try:
                directive = parse_directive(line)
            except WalkthroughError as error:
                page.problems.append(Problem(path, number, str(error)))
                continue
            if directive:
                page.directives.append(Directive(number, directive[1], _list_after(lines, number, directive[0])))
                continue
            if admonition := ADMONITION.match(line):
                page.admonitions.append(Element(number, f"{admonition['marker']} {admonition['type']}"))
            page.images += [Element(number, image["target"]) for image in IMAGE.finditer(line)]
            if opening:
                title = TITLE.search(opening["rest"])
                fence = (opening["fence"], opening["lang"].lower(), title["title"] if title else "", number)
                body = []
            elif heading := HEADING.match(line):
                anchor = ANCHOR.search(heading["text"])
                page.headings.append(Heading(number, len(heading["hashes"]), anchor["anchor"] if anchor else None))
            continue
        marker, lang, title, start = fence
        if line.strip() == marker[0] * len(line.strip()) and len(line.strip()) >= len(marker):
            _check_block(page, lang, title, start, body)
            fence = None
            continue
        body.append((number, line))
        if include := INCLUDE.match(line):
            page.includes.append(Include(number, include["target"], lang, title))
    if fence is not None:
        page.problems.append(Problem(path, fence[3], "code block is never closed"))
    if math_start is not None:
        page.problems.append(Problem(path, math_start, "math block opened with $$ is never closed"))
    return page


def _list_after(lines: list[str], number: int, indent: str) -> tuple[int, ...]:
    """The numbers of the ordered list that follows line `number` (1-based), at the same indent."""
    numbers: list[int] = []
    for line in lines[number:]:
        item = LIST_ITEM.match(line)
        if item and item["indent"] == indent:
            numbers.append(int(item["number"]))
        elif line.strip() and (not numbers or not line.startswith(indent + " ")):
            break  # the first line that is neither blank nor inside an item ends the list
    return tuple(numbers)


def _check_block(page: Page, lang: str, title: str, start: int, body: list[tuple[int, str]]) -> None:
    code = [(n, text) for n, text in body if text.strip()]
    inline = [n for n, text in code if not INCLUDE.match(text)]
    if lang in PYTHON_LANGUAGES and inline:
        page.problems.append(Problem(
            page.path, start,
            "Python code written inline in a page; put it in snippets/<page>/NN_what.py and include it "
            'with --8<-- "<page>/NN_what.py"',
        ))
    if title in OUTPUT_TITLES.values() and (inline or len(code) != 1 or not code[0][1].strip().endswith('.out"')):
        page.problems.append(Problem(
            page.path, start, f'an "{title}" block must hold exactly one include of a .out file, never typed output',
        ))


def check_pages(docs_dir: Path, snippets_dir: Path, sources_dir: Path | None = None) -> list[Problem]:
    """Pair en and zh pages, then compare their includes, walkthroughs and headings; check every include."""
    sources_dir = sources_dir or docs_dir.parent / "sources"
    problems: list[Problem] = []
    pages = {lang: {p.relative_to(docs_dir / lang): p for p in sorted((docs_dir / lang).rglob("*.md"))}
             for lang in LANGUAGES}
    for lang, other in (("en", "zh"), ("zh", "en")):
        for rel, path in pages[lang].items():
            if rel not in pages[other]:
                problems.append(Problem(path, 1, f"has no counterpart docs/{other}/{rel.as_posix()}"))
    for rel, en_path in pages["en"].items():
        en = parse_page(en_path)
        problems += en.problems + _page_problems(en, "en", snippets_dir) + _walkthrough_problems(en, rel, sources_dir)
        if rel in pages["zh"]:
            zh = parse_page(pages["zh"][rel])
            problems += zh.problems + _page_problems(zh, "zh", snippets_dir) + _parity(en, zh)
            problems += _walkthrough_problems(zh, rel, sources_dir)
    for rel, zh_path in pages["zh"].items():
        if rel not in pages["en"]:
            zh = parse_page(zh_path)
            problems += zh.problems + _page_problems(zh, "zh", snippets_dir) + _walkthrough_problems(zh, rel, sources_dir)
    return problems


def _page_problems(page: Page, lang: str, snippets_dir: Path) -> list[Problem]:
    problems = []
    for include in page.includes:
        if not (snippets_dir / include.target).is_file():
            problems.append(Problem(page.path, include.line, f"includes {include.target}, which is not in snippets/"))
        if include.target.endswith(".out") and include.fence_title != OUTPUT_TITLES[lang]:
            problems.append(Problem(
                page.path, include.line, f'show {include.target} in a block titled "{OUTPUT_TITLES[lang]}"',
            ))
    for include, following in zip(page.includes, [*page.includes[1:], None]):
        if include.target.endswith(".py") and (snippets_dir / include.target).is_file():
            wanted = include.target.removesuffix(".py") + ".out"
            if following is None or following.target != wanted:
                problems.append(Problem(page.path, include.line, f"{include.target} must be followed by its output {wanted}"))
    seen: dict[str, int] = {}
    for heading in page.headings:
        if heading.anchor is None:
            problems.append(Problem(page.path, heading.line, "heading has no explicit anchor such as { #what-it-says }"))
        elif heading.anchor in seen:
            problems.append(Problem(page.path, heading.line, f"anchor #{heading.anchor} is already used on line {seen[heading.anchor]}"))
        else:
            seen[heading.anchor] = heading.line
    return problems


def _walkthrough_problems(page: Page, rel: Path, sources_dir: Path) -> list[Problem]:
    """Each directive names a walkthrough of sources/<page>.toml and is followed by notes 1..N, one per pattern."""
    if not page.directives:
        return []
    name = rel.with_suffix("").as_posix()
    try:
        defined = load(name, sources_dir)
    except WalkthroughError as error:
        return [Problem(page.path, page.directives[0].line, str(error))]
    problems = []
    for directive in page.directives:
        if directive.id not in defined:
            problems.append(Problem(page.path, directive.line, f"no walkthrough '{directive.id}' in sources/{name}.toml "
                                                               f"(defined: {', '.join(defined) or 'none'})"))
            continue
        wanted = tuple(range(1, len(defined[directive.id].patterns) + 1))
        if directive.numbers != wanted:
            problems.append(Problem(page.path, directive.line,
                                    f"walkthrough '{directive.id}' marks {len(wanted)} lines, so it must be followed by "
                                    f"a list numbered 1..{len(wanted)}; found {list(directive.numbers) or 'no list'}"))
    return problems


def _parity(en: Page, zh: Page) -> list[Problem]:
    """The zh page must have the same includes, walkthroughs, headings, admonitions, images and math blocks, in order."""
    problems = []
    pairs = [
        ("include", [(i.line, i.target) for i in en.includes], [(i.line, i.target) for i in zh.includes]),
        ("walkthrough", [(d.line, d.id) for d in en.directives], [(d.line, d.id) for d in zh.directives]),
        ("heading", [(h.line, f"h{h.level} #{h.anchor}") for h in en.headings],
         [(h.line, f"h{h.level} #{h.anchor}") for h in zh.headings]),
        ("admonition", [(a.line, a.text) for a in en.admonitions], [(a.line, a.text) for a in zh.admonitions]),
        ("image", [(i.line, i.text) for i in en.images], [(i.line, i.text) for i in zh.images]),
        ("math block", [(m.line, m.text) for m in en.maths], [(m.line, m.text) for m in zh.maths]),
    ]
    for what, en_items, zh_items in pairs:
        for (en_line, en_item), (zh_line, zh_item) in zip(en_items, zh_items):
            if en_item != zh_item:
                problems.append(Problem(zh.path, zh_line, f"{what} {zh_item} where {display(en.path)}:{en_line} has {en_item}"))
                break
        else:
            if len(en_items) > len(zh_items):
                en_line, en_item = en_items[len(zh_items)]
                problems.append(Problem(zh.path, zh_items[-1][0] if zh_items else 1,
                                        f"missing {what} {en_item} (from {display(en.path)}:{en_line})"))
            elif len(zh_items) > len(en_items):
                zh_line, zh_item = zh_items[len(en_items)]
                problems.append(Problem(zh.path, zh_line, f"extra {what} {zh_item}, not in {display(en.path)}"))
    return problems


def check_snippets(snippets_dir: Path, docs_dir: Path) -> list[Problem]:
    """Each snippet has its .out and a page that includes it, and runs on any device as it is."""
    problems: list[Problem] = []
    included = {i.target for p in sorted((docs_dir / "en").rglob("*.md")) for i in parse_page(p).includes}
    for out in sorted(snippets_dir.rglob("*.out")):
        if not out.with_suffix(".py").is_file():
            problems.append(Problem(out, 1, f"no snippet {out.with_suffix('.py').name} produces this output"))
    for path in sorted(snippets_dir.rglob("*.py")):
        name = path.relative_to(snippets_dir).as_posix()
        try:
            snippet = read_snippet(path)
        except SnippetError as error:
            problems.append(Problem(path, error.line, error.message))
            continue
        if not path.with_suffix(".out").is_file():
            problems.append(Problem(path, 1, f"has no {path.with_suffix('.out').name}: run `make update-outputs`"))
        if name not in included:
            problems.append(Problem(path, 1, "no page in docs/en includes this snippet"))
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if len(line) > MAX_SNIPPET_LINE:
                problems.append(Problem(path, number, f"line is {len(line)} characters; pages fit {MAX_SNIPPET_LINE}"))
        uses_torch = any(line.startswith(("import torch", "from torch")) for line in lines)
        if uses_torch and "cpu-only" not in snippet.markers and DEVICE_LINE not in lines:
            problems.append(Problem(path, 1, f"imports torch but lacks the device line: {DEVICE_LINE}"))
    return problems
