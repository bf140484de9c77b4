"""Every snippet runs, and what it prints and draws matches the .out and figures committed for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from snippet_docs.runner import figures
from snippet_docs.runner.compare import differences, normalise, report
from snippet_docs.runner.execute import run_snippet
from snippet_docs.runner.provenance import record
from snippet_docs.snippets import SNIPPETS_DIR, SnippetError, display, read_snippet, snippet_files


def _param(path: Path):
    try:
        slow = "slow" in read_snippet(path).markers
    except SnippetError:
        slow = False  # the test itself reports the error, with file and line
    return pytest.param(path, id=path.relative_to(SNIPPETS_DIR).as_posix(), marks=[pytest.mark.slow] if slow else [])


@pytest.mark.parametrize("path", [_param(p) for p in snippet_files()])
def test_snippet_output(path: Path, on_device: str, request: pytest.FixtureRequest, unchanged) -> None:
    try:
        snippet = read_snippet(path)
    except SnippetError as error:
        pytest.fail(str(error), pytrace=False)
    if not snippet.runs_on(on_device):
        pytest.skip(f"{snippet.name} is marked {'cpu-only' if on_device == 'cuda' else 'cuda-only'}")
    if "figure" in snippet.markers and figures.matplotlib_missing():
        pytest.skip(f"{snippet.name} draws a figure and matplotlib is not installed here")

    inputs = [
        *sorted(path.parent.glob("*.py")),
        snippet.out_path,  # siblings: a snippet may import them
        *sorted(figures.committed_dir(path).glob(f"{path.stem}*.png")),
        Path(__file__),
    ]
    stamp = request.config.getoption("--stamp")
    if not stamp and unchanged(f"{snippet.name}/{on_device}", inputs):
        return  # nothing it depends on changed since it last passed here

    run = run_snippet(path, on_device, timeout=snippet.timeout, raises="raises" in snippet.markers)
    if not run.ok:
        pytest.fail(run.problem, pytrace=False)
    if bool(run.figures) != ("figure" in snippet.markers):
        pytest.fail(
            f"{display(path)} saved {len(run.figures)} figure(s): a snippet that draws is marked "
            "'figure', and a snippet marked 'figure' draws at least one",
            pytrace=False,
        )

    out = snippet.out_path
    if request.config.getoption("--update-outputs"):
        new = normalise(run.stdout)
        changed = not out.exists() or out.read_text(encoding="utf-8") != new
        if changed:
            out.write_text(new, encoding="utf-8")
            request.config.updated_outputs.append(display(out))
        record(snippet.name, on_device, output_changed=changed)
        request.config.updated_outputs += figures.update(path.stem, run.figures, figures.committed_dir(path))
        return
    if not out.exists():
        pytest.fail(
            f"{display(path)} has no {out.name} beside it: run `make update-outputs` to create it", pytrace=False
        )

    expected = out.read_text(encoding="utf-8")
    found = differences(expected, run.stdout, mode=snippet.compare_mode(on_device), rtol=snippet.rtol)
    if found:
        pytest.fail(report(display(path), on_device, expected, run.stdout, found), pytrace=False)
    # A figure is checked byte for byte only where its .out is: a deterministic run on the CPU.
    identical = on_device == "cpu" and "nondeterministic" not in snippet.markers
    if problems := figures.check(path.stem, run.figures, figures.committed_dir(path), identical=identical):
        pytest.fail(f"{display(path)} on {on_device}:\n  " + "\n  ".join(problems), pytrace=False)
    if stamp:  # this run reproduced the output and its figures: record it (a normal run writes nothing)
        record(snippet.name, on_device)
