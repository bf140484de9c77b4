"""Every output block's stamp (device · torch version) was written by a run that reproduced it, with the torch
installed here, and the built pages show it."""

from __future__ import annotations

import json

from snippet_docs.runner.provenance import PROVENANCE_FILE, label, problems, torch_release
from snippet_docs.snippets import SnippetError, read_snippet, snippet_files


def _devices() -> dict[str, set[str]]:
    found = {}
    for path in snippet_files():
        try:
            snippet = read_snippet(path)
        except SnippetError:
            continue  # tests/content/test_snippets.py reports it, with file and line
        found[snippet.name] = {d for d in ("cpu", "cuda") if snippet.runs_on(d)}
    return found


def test_every_snippet_is_stamped_by_the_installed_torch() -> None:
    found = problems(json.loads(PROVENANCE_FILE.read_text(encoding="utf-8")), _devices(), torch_release())
    assert not found, "\n".join(found)


def test_built_output_blocks_show_their_stamps(site) -> None:
    stamps = json.loads(PROVENANCE_FILE.read_text(encoding="utf-8"))
    name, devices = next(iter(sorted(stamps.items())))
    page = name.split("/")[0]
    for lang, title in (("", "Output"), ("zh/", "输出")):
        html = (site / lang / page / "index.html").read_text(encoding="utf-8")
        assert f'<span class="filename">{title} · {label(devices)}</span>' in html, f"{lang}{page}/ shows no stamp"
