"""`python -m notebook_builder` writes every notebook; `--check` lists the stale ones and exits 1."""
from __future__ import annotations

import sys

from snippet_runner.snippets import display

from .build import expected_notebooks, stale_notebooks
from .pages import PageError


def main(argv: list[str]) -> int:
    check = "--check" in argv
    try:
        wanted = expected_notebooks()
    except PageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    stale = stale_notebooks(wanted)
    if check:
        for path, why in stale.items():
            print(f"{display(path)}: {why}; run `make notebooks`")
        return 1 if stale else 0
    for path, why in stale.items():
        if why == "not generated from any page":
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(wanted[path], encoding="utf-8")
        print(f"{display(path)}: {'removed' if path not in wanted else 'written'}")
    print(f"{len(wanted)} notebooks, {len(stale)} changed")
    return 0


sys.exit(main(sys.argv[1:]))
