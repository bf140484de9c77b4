"""Find the snippets under snippets/, read the markers in their header, and the code as readers see it.

The `# markers:` line tells the runner how to check a snippet; pages and notebooks never show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .paths import ROOT, SNIPPETS_DIR, display
from .problems import ProblemError

__all__ = ["ROOT", "SNIPPETS_DIR", "display"]  # re-exported: the runner's callers name them from here
# Every snippet reads its device from this variable; the runner sets it.
DEVICE_VARIABLE = "SNIPPET_DEVICE"

# Every marker a snippet may carry, with what it changes.
MARKERS = {
    "exact": "on CPU the output must match byte for byte (no numeric tolerance)",
    "cpu-only": "not run on CUDA",
    "cuda-only": "not run on CPU",
    "slow": "gets a longer timeout and the pytest mark 'slow'",
    "nondeterministic": "only the shape of the output is checked, not its numbers",
    "raises": "the snippet ends with an exception, printed as 'Type: message'",
    "figure": "draws with matplotlib into $SNIPPET_FIGURES; skipped, with the reason, where matplotlib is missing",
}
OPTIONS = {"rtol": float, "timeout": float}
DEFAULT_TIMEOUT = 60.0
SLOW_TIMEOUT = 300.0

FILE_NAME = re.compile(r"^(?P<id>\d{2})_[a-z0-9_]+\.py$")
MARKER_LINE = re.compile(r"^#\s*markers:(?P<names>.*)$")
ANNOTATION = re.compile(r"#\s*\((?P<number>\d+)\)!")  # Material's code annotation: `# (1)!`


class SnippetError(ProblemError):
    """A snippet file that the runner cannot accept, with the file and line to fix."""


@dataclass(frozen=True)
class Snippet:
    path: Path
    markers: frozenset[str] = frozenset()
    rtol: float = 1e-5
    timeout: float = DEFAULT_TIMEOUT

    @property
    def out_path(self) -> Path:
        return self.path.with_suffix(".out")

    @property
    def name(self) -> str:
        """Path relative to snippets/, as pages include it: 'loop/02_by_hand.py'."""
        return self.path.relative_to(SNIPPETS_DIR).as_posix()

    def compare_mode(self, device: str) -> str:
        """How its output is compared on `device`: "shape", "exact" (CPU only) or "tolerant"."""
        if "nondeterministic" in self.markers:
            return "shape"
        return "exact" if "exact" in self.markers and device == "cpu" else "tolerant"

    def runs_on(self, device: str) -> bool:
        return not (
            (device == "cuda" and "cpu-only" in self.markers) or (device == "cpu" and "cuda-only" in self.markers)
        )


def read_snippet(path: Path) -> Snippet:
    """Parse the `# markers: a, b, rtol=1e-3` line of one snippet."""
    if not FILE_NAME.match(path.name):
        raise SnippetError(path, 1, "snippet names look like NN_what.py (two digits, lower case)")
    markers: set[str] = set()
    options: dict[str, float] = {}
    seen = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        found = MARKER_LINE.match(line.strip())
        if not found:
            continue
        if seen is not None:
            raise SnippetError(path, lineno, f"second '# markers:' line (the first is line {seen})")
        seen = lineno
        for word in filter(None, (w.strip() for w in found["names"].split(","))):
            key, eq, value = word.partition("=")
            if eq and key in OPTIONS:
                try:
                    options[key] = OPTIONS[key](value)
                except ValueError:
                    raise SnippetError(path, lineno, f"{key} needs a number, got {value!r}") from None
            elif not eq and word in MARKERS:
                markers.add(word)
            else:
                known = ", ".join([*MARKERS, *(f"{k}=N" for k in OPTIONS)])
                raise SnippetError(path, lineno, f"unknown marker {word!r}; known: {known}")
    if {"cpu-only", "cuda-only"} <= markers:
        raise SnippetError(path, seen, "a snippet cannot be both cpu-only and cuda-only")
    timeout = options.get("timeout", SLOW_TIMEOUT if "slow" in markers else DEFAULT_TIMEOUT)
    return Snippet(path, frozenset(markers), options.get("rtol", Snippet.rtol), timeout)


def snippet_files(root: Path = SNIPPETS_DIR) -> list[Path]:
    return sorted(root.rglob("*.py"))


def shown_code(path: Path) -> str:
    """The snippet as a page and a notebook show it: without its `# markers:` line, and still runnable."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not MARKER_LINE.match(line.strip())) + "\n"


def annotations(code: str) -> list[int]:
    """The numbers of the `# (N)!` markers in the code, in order: the page lists one note per marker."""
    return [int(found["number"]) for found in ANNOTATION.finditer(code)]
