"""What a page's directive lines become at build time, the same in both languages.

`::: snippet loop/02_by_hand.py` becomes the snippet's code (titled with its path, without the `# markers:`
line), the page's numbered notes that follow the line, then the output block, titled "Output" ("输出") with
the device and torch version that reproduced it. `::: walkthrough <id>` becomes the installed PyTorch source
with numbered markers (walkthrough.py). A broken directive raises a ProblemError naming the page and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from .markdown import parse
from .paths import SNIPPETS_DIR, WALKTHROUGHS_DIR
from .problems import ProblemError
from .snippets import read_snippet, shown_code

# The one definition of the output blocks' titles, on pages and in notebooks.
OUTPUT_TITLES = {"en": "Output", "zh": "输出"}
# A nondeterministic snippet's output is one run's; the tests check its lines, not its numbers.
ONE_RUN = {"en": "one run, numbers vary", "zh": "某一次运行，数字每次不同"}
BACKTICKS = re.compile(r"`{3,}")


def output_title(lang: str, stamp: str | None, one_run: bool = False) -> str:
    """'Output · CPU · torch 2.13.0'; the plain title while no run has stamped the output. A nondeterministic
    output says that it is one run's."""
    parts = [OUTPUT_TITLES[lang], *([stamp] if stamp else []), *([ONE_RUN[lang]] if one_run else [])]
    return " · ".join(parts)


def fenced(code: str, lang: str, title: str, indent: str = "") -> list[str]:
    """A fenced block that no backtick run inside `code` can close."""
    fence = "`" * max([3, *(len(run) + 1 for run in BACKTICKS.findall(code))])
    lines = [f'{fence}{lang} title="{title}"', *code.rstrip("\n").split("\n"), fence]
    return [indent + line if line else line for line in lines]


def expand(
    markdown: str,
    path: Path,
    lang: str,
    stamps: dict[str, str],
    snippets_dir: Path = SNIPPETS_DIR,
    walkthroughs_dir: Path = WALKTHROUGHS_DIR,
) -> str:
    """The page's Markdown with every directive replaced. `stamps` maps a snippet name to its provenance label."""
    from . import walkthrough  # imports the walked-through package only when a page needs it

    page = parse(markdown, path)
    page.raise_first_problem()
    lines = markdown.split("\n")
    before: dict[int, list[str]] = {}  # line -> what replaces it
    after: dict[int, list[str]] = {}  # line -> what follows it
    for directive in page.directives:
        raw = lines[directive.line - 1]
        indent = raw[: len(raw) - len(raw.lstrip())]
        if directive.kind == "walkthrough":
            try:
                listing = walkthrough.resolve(walkthrough.find(path.stem, directive.target, walkthroughs_dir))
            except walkthrough.WalkthroughError as error:
                raise error.seen_from(path, directive.line) from None
            before[directive.line] = listing.markdown(indent, lang).split("\n")
            continue
        file = snippets_dir / directive.target
        out = file.with_suffix(".out")
        for needed in (file, out):
            if not needed.is_file():
                raise ProblemError(
                    path,
                    directive.line,
                    f"{directive.target}: no snippets/{needed.relative_to(snippets_dir).as_posix()}",
                )
        before[directive.line] = fenced(shown_code(file), "python", f"snippets/{directive.target}", indent)
        one_run = read_snippet(file).compare_mode("cpu") == "shape"
        title = output_title(lang, stamps.get(directive.target), one_run)
        after[directive.notes_end] = ["", *fenced(out.read_text(encoding="utf-8"), "text", title, indent)]
    expanded = []
    for number, line in enumerate(lines, 1):
        expanded += before.get(number, [line])
        expanded += after.get(number, [])
    return "\n".join(expanded)
