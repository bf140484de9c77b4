"""The one way every check reports: `path:line: what is wrong, and how to fix it`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .paths import display


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{display(self.path)}:{self.line}: {self.message}"


class ProblemError(Exception):
    """Raised where work cannot go on (a build, a notebook, a snippet run): carries its Problem."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        self.problem = Problem(path, line, message)
        self.path, self.line, self.message = path, line, message
        super().__init__(str(self.problem))

    def seen_from(self, path: Path, line: int) -> ProblemError:
        """The same problem reported where a page uses what is broken, naming the broken file too."""
        where = display(self.path)
        return ProblemError(
            path, line, self.message if where in self.message else f"{self.message} ({where}:{self.line})"
        )


def table_lines(text: str, table: str) -> list[int]:
    """The line of each `[[table]]` header in a TOML text, in order: where its N-th entry starts."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == f"[[{table}]]"]


def toml_error_line(error: Exception) -> int:
    """The line tomllib names in its error message, or 1."""
    found = re.search(r"at line (\d+)", str(error))
    return int(found[1]) if found else 1
