"""The one way every check reports: `path:line: what is wrong, and how to fix it`."""

from __future__ import annotations

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
