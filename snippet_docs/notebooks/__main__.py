"""`python -m snippet_docs.notebooks [DIR]` writes every notebook under DIR (default build/notebooks), as the site
serves them: <lang>/notebooks/<page>.ipynb. The build makes them by itself; this is for reading them as files."""

from __future__ import annotations

import sys
from pathlib import Path

from ..paths import DOCS_DIR, ROOT, display
from ..problems import ProblemError
from .build import all_notebooks


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "build" / "notebooks"
    try:
        notebooks = all_notebooks()
    except ProblemError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path, text in notebooks.items():
        out = target / path.relative_to(DOCS_DIR)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(display(out))
    return 0


sys.exit(main(sys.argv[1:]))
