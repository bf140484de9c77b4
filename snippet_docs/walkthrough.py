"""Annotated source walkthroughs: a PyTorch function's installed source, with numbered markers.

A page `docs/{en,zh}/<page>.md` shows a walkthrough with the directive line `::: walkthrough <id>`
(the same line in both languages), followed by its own numbered list `1.` ... `N.` in its language;
directives.py expands the line.
`data/walkthroughs/<page>.toml` defines each walkthrough once for both languages:

    [[walkthrough]]
    id = "optimizer-zero-grad"
    object = "torch.optim.Optimizer.zero_grad"
    annotate = ["p.grad = None", "p.grad.detach_()"]   # literal text, one source line each, top to bottom

A line whose text occurs more than once is named with a table that says which occurrence and how
many there are, e.g. `{ text = "param.add_(grad, alpha=-lr)", occurrence = 2, of = 2 }`; it fails
when the count changes, so an upgrade cannot silently move the marker.

The source is read from the installed package at build time (never copied into the repository);
each pattern must match exactly one line, or `resolve` raises a WalkthroughError that names the page
and the pattern at its line in the definition file. Needs only the standard library, plus the package that
holds the object.
"""

from __future__ import annotations

import importlib
import inspect
import io
import re
import textwrap
import tokenize
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .paths import WALKTHROUGHS_DIR as SOURCES_DIR
from .paths import display
from .problems import ProblemError, table_lines, toml_error_line

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class WalkthroughError(ProblemError):
    """A definition or a pattern that does not hold, at its line in data/walkthroughs/<page>.toml."""


@dataclass(frozen=True)
class Walkthrough:
    page: str  # "zero-grad": shown on docs/en/zero-grad.md and docs/zh/zero-grad.md
    id: str
    object: str  # dotted path, e.g. "torch.optim.Optimizer.zero_grad"
    patterns: tuple[str, ...]  # the annotated lines, in source order; marker N is patterns[N-1]
    # (occurrence, of) per pattern: the pattern matches exactly `of` lines and marks the `occurrence`-th
    picks: tuple[tuple[int, int], ...] = ()
    file: Path = SOURCES_DIR  # its definition file, data/walkthroughs/<page>.toml
    line: int = 1  # where its [[walkthrough]] entry starts there

    def pick(self, n: int) -> tuple[int, int]:
        return self.picks[n] if n < len(self.picks) else (1, 1)

    def error(self, message: str) -> WalkthroughError:
        return WalkthroughError(self.file, self.line, f"walkthrough '{self.id}' ({self.object}): {message}")


# A listing's line range, as its title says it in each language.
LINE_RANGES = {"en": "lines {first}–{last}", "zh": "第 {first}–{last} 行"}


@dataclass(frozen=True)
class Listing:
    walkthrough: Walkthrough
    file: str  # relative to site-packages, e.g. "torch/optim/optimizer.py"
    first_line: int  # line number of lines[0] in that file
    version: str  # e.g. "torch 2.13.0"
    lines: tuple[str, ...]  # dedented source; annotated lines end with "  # (N)!"
    annotated: tuple[int, ...]  # file line number of marker 1, 2, ...

    @property
    def last_line(self) -> int:
        return self.first_line + len(self.lines) - 1

    def title(self, lang: str = "en") -> str:
        """'torch/optim/sgd.py · lines 10–20 · torch 2.13.0', the line range in the page's language."""
        lines = LINE_RANGES[lang].format(first=self.first_line, last=self.last_line)
        return f"{self.file} · {lines} · {self.version}"

    @property
    def code(self) -> str:
        return "\n".join(self.lines) + "\n"

    def markdown(self, indent: str = "", lang: str = "en") -> str:
        """A fenced Python block titled with the file, line range and version; numbered from first_line."""
        fence = [f'```python title="{self.title(lang)}" linenums="{self.first_line}"', *self.lines, "```"]
        return "\n".join(indent + line if line else line for line in fence)


def definition_file(page: str, root: Path = SOURCES_DIR) -> Path:
    return root / f"{page}.toml"


def load(page: str, root: Path = SOURCES_DIR) -> dict[str, Walkthrough]:
    """The walkthroughs defined for one page, by id; {} when the page has no definition file."""
    path = definition_file(page, root)
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise WalkthroughError(path, toml_error_line(error), str(error)) from None
    found: dict[str, Walkthrough] = {}
    lines = table_lines(text, "walkthrough")
    for n, entry in enumerate(data.get("walkthrough", []), 1):
        line = lines[n - 1] if n <= len(lines) else 1

        def fail(message: str, n: int = n, line: int = line) -> WalkthroughError:
            return WalkthroughError(path, line, f"walkthrough #{n}: {message}")

        if set(entry) != {"id", "object", "annotate"}:
            raise fail(f"needs exactly the keys id, object, annotate; has {sorted(entry)}")
        if not ID.match(str(entry["id"])) or entry["id"] in found:
            raise fail(f"id {entry['id']!r} must be new and look like lower-case-words")
        annotate = entry["annotate"]
        if not isinstance(annotate, list) or not annotate:
            raise fail("annotate must be a non-empty list")
        patterns, picks = zip(*(_pattern(fail, item) for item in annotate))
        found[entry["id"]] = Walkthrough(page, entry["id"], str(entry["object"]), patterns, picks, path, line)
    return found


def _pattern(fail, item) -> tuple[str, tuple[int, int]]:
    """A plain string (exactly one line), or { text, occurrence, of } for a line that occurs `of` times."""
    if isinstance(item, str) and item.strip():
        return item, (1, 1)
    if isinstance(item, dict) and set(item) == {"text", "occurrence", "of"}:
        text, occurrence, of = item["text"], item["occurrence"], item["of"]
        if (
            isinstance(text, str)
            and text.strip()
            and isinstance(of, int)
            and isinstance(occurrence, int)
            and 1 <= occurrence <= of
            and of >= 2
        ):
            return text, (occurrence, of)
    raise fail(
        "each annotate entry is a non-blank string, or "
        f'{{ text = "...", occurrence = N, of = M }} with 1 <= N <= M and M >= 2; got {item!r}'
    )


def all_walkthroughs(root: Path = SOURCES_DIR) -> list[Walkthrough]:
    """Every walkthrough of every page, for the drift test."""
    return [
        w
        for path in sorted(root.rglob("*.toml"))
        for w in load(path.relative_to(root).with_suffix("").as_posix(), root).values()
    ]


def find(page: str, id: str, root: Path = SOURCES_DIR) -> Walkthrough:
    defined = load(page, root)
    if id not in defined:
        known = ", ".join(defined) or "none"
        path = definition_file(page, root)
        raise WalkthroughError(path, 1, f"no walkthrough '{id}' in {display(path)} (defined: {known})")
    return defined[id]


def import_object(dotted: str):
    """`a.b.C.f` -> the object: import the longest importable module prefix, then getattr the rest."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)
        return obj
    raise ImportError(f"no module in {dotted!r} can be imported")


def resolve(walkthrough: Walkthrough) -> Listing:
    """Read the installed source of the object and put marker N on the line that patterns[N-1] matches."""
    try:
        target = inspect.unwrap(import_object(walkthrough.object))  # decorators hide the real file
        source, start = inspect.getsourcelines(target)
        filename = Path(inspect.getsourcefile(target))
    except (ImportError, AttributeError, TypeError, OSError) as error:
        raise walkthrough.error(f"cannot read its source: {error}") from None
    package = importlib.import_module(walkthrough.object.split(".")[0])
    version = f"{package.__name__} {str(getattr(package, '__version__', '?')).split('+')[0]}"
    lines = textwrap.dedent("".join(source)).splitlines()
    numbers: list[int] = []
    for n, pattern in enumerate(walkthrough.patterns):
        occurrence, of = walkthrough.pick(n)
        hits = [i for i, line in enumerate(lines) if pattern in line]
        if len(hits) != of:
            found = "no line" if not hits else f"{len(hits)} lines ({', '.join(str(start + i) for i in hits)})"
            wanted = "" if of == 1 else f", not the {of} its definition expects"
            raise walkthrough.error(f"pattern {pattern!r} matches {found} in {version}{wanted}")
        hit = hits[occurrence - 1]
        if numbers and hit <= numbers[-1]:
            raise walkthrough.error(
                f"pattern {pattern!r} (line {start + hit}) must come after "
                f"the previous pattern's line {start + numbers[-1]}: list patterns top to bottom"
            )
        numbers.append(hit)
    for n, i in enumerate(numbers, 1):
        lines[i] = f"{lines[i]}  # ({n})!"
    _check_markers_are_comments(walkthrough, lines, numbers, start)
    root = Path(package.__file__).resolve().parent.parent
    try:
        shown = filename.resolve().relative_to(root).as_posix()
    except ValueError:
        shown = filename.name
    return Listing(walkthrough, shown, start, version, tuple(lines), tuple(start + i for i in numbers))


def _check_markers_are_comments(walkthrough: Walkthrough, lines: list[str], numbers: list[int], start: int) -> None:
    """A marker inside a string or after a line continuation would not be an annotation: refuse it."""
    comments: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0] - 1] = token.string
    except (tokenize.TokenError, SyntaxError) as error:
        raise walkthrough.error(f"the annotated source no longer tokenizes: {error}") from None
    for n, i in enumerate(numbers, 1):
        if not comments.get(i, "").endswith(f"# ({n})!"):
            raise walkthrough.error(
                f"line {start + i} cannot carry marker ({n}): it is inside a string "
                "or a continued line; annotate another line"
            )
