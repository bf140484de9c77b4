"""Every lesson's notebook, as the build generates it, runs top to bottom in a fresh IPython shell and prints
what its snippets' .out hold.

Each code cell that comes from a snippet is compared with that snippet's .out, with the runner's
comparison and the same modes as tests/content/test_snippets.py; a failure names the notebook and the cell.
The English notebook of each page is executed; its Chinese twin must hold the very same code cells
(only Markdown differs), so running it a second time would check nothing new.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest

from snippet_docs.nav import content_pages
from snippet_docs.notebooks.build import build, notebook_path
from snippet_docs.paths import DOCS_DIR, ROOT
from snippet_docs.runner.compare import differences, report
from snippet_docs.runner.execute import FRESH_WARNING_FILTERS, run_function
from snippet_docs.runner.reuse import tooling_files
from snippet_docs.snippets import DEVICE_VARIABLE, SNIPPETS_DIR, display, read_snippet

PAGES = content_pages()


def notebook(lang: str, page: str):
    """The notebook the build makes of docs/<lang>/<page>."""
    return nbformat.reads(build(page, lang), as_version=4)


def label(lang: str, page: str) -> Path:
    """The path the site serves the notebook from, which messages name."""
    return notebook_path(lang, page)


# IPython shows a warning as "path:line: Category: message" and then the source line; the snippet
# runner prints "Category: message" only.
WARNING = re.compile(r"^\S.*?:\d+: (?P<warning>\w+: .*)\n(?:  .*\n)?", re.MULTILINE)


def printed(cell) -> str:
    """What the cell printed, written the way the snippet runner records a snippet's output."""
    text = []
    for output in cell.outputs:
        if output.output_type == "stream":
            if output.name == "stdout":
                text.append(output.text)
            else:  # like the runner: Python warnings count, other stderr (e.g. torch's logging) does not
                text += [f"{found['warning']}\n" for found in WARNING.finditer(output.text)]
        elif output.output_type == "error":
            text.append(f"{output.ename}: {output.evalue}\n")
        else:  # a value the cell ends with: a script would not print it, so it must not be there
            text.append(output.get("data", {}).get("text/plain", output.output_type) + "\n")
    return "".join(text)


def snippet_cells(nb) -> dict:
    """Cell index -> the snippet the cell was generated from."""
    return {
        i: read_snippet(SNIPPETS_DIR / cell.metadata["snippet"])
        for i, cell in enumerate(nb.cells)
        if "snippet" in cell.get("metadata", {})
    }


def _fresh_warnings() -> str:
    """Run before each snippet cell (in the test only): warnings as a fresh `python snippet.py` shows them,
    printed to stdout as the snippet runner records them, so a cell's output lines up with its .out."""
    filters = "\n".join(
        f"warnings.filterwarnings({action!r}, category={category.__name__}, module={module!r})"
        for action, category, module in reversed(FRESH_WARNING_FILTERS)
    )
    return (
        "import sys, warnings\nwarnings.resetwarnings()  # also forgets which warnings were shown\n"
        f"{filters}\nwarnings.showwarning = lambda message, category, *args, **kwargs: "
        'print(f"{category.__name__}: {message}", file=sys.stdout)'
    )


FRESH_WARNINGS = _fresh_warnings()


def execute(nb, path: Path, figures: Path):
    """The notebook `nb` (served as `path`) run top to bottom in a fresh IPython shell, on the CPU.

    The shell runs in a forked child of this process, like the snippets: torch is already imported, so a
    notebook costs what its cells cost, not a kernel's start-up as well.
    """
    snippets = snippet_cells(nb)
    run = []  # the code cells, in order, each after its fresh-warnings cell
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if index in snippets:
            run.append(None)  # the fresh-warnings cell: its outputs are dropped
            if "cuda-only" in snippets[index].markers:  # this test runs on the CPU
                print(f"{display(path)} cell {index}: {snippets[index].name} is cuda-only, not run on the CPU")
                cell.source = "pass"
        run.append(cell)  # the same object: its outputs are replaced by the run's
    sources = [FRESH_WARNINGS if cell is None else cell.source for cell in run]
    # Figures a snippet saves go to a temporary folder, never into the checkout; the setup cell finds snippets/
    # from the repository root, as from an unpacked notebook zip.
    env = {DEVICE_VARIABLE: "cpu", "SNIPPET_FIGURES": str(figures)}
    timeout = sum(s.timeout for s in snippets.values()) or 60
    outputs = run_function(run_cells, sources, str(ROOT), env, timeout=timeout)
    for cell, cell_outputs in zip(run, outputs):
        if cell is not None:
            cell.outputs = [nbformat.from_dict(output) for output in cell_outputs]
    return nb


def run_cells(sources: list[str], folder: str, env: dict[str, str]) -> list[list[dict]]:
    """Run code cells one after another in one IPython shell; return each cell's outputs as a kernel reports
    them: what it printed, the error it raised, and the value it ended with."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    os.chdir(folder)
    os.environ.update(env)
    shell = InteractiveShell.instance()
    shell.showtraceback = lambda *args, **kwargs: None  # a kernel sends the error as an output, not as text
    shell.displayhook.write_output_prompt = lambda: None  # the value is kept as a result, not printed
    shell.displayhook.write_format_data = lambda *args, **kwargs: None
    outputs = []
    for count, source in enumerate(sources, 1):
        with capture_output(display=False) as captured:
            result = shell.run_cell(source, store_history=True)
        cell = [
            {"output_type": "stream", "name": name, "text": text}
            for name, text in (("stdout", captured.stdout), ("stderr", captured.stderr))
            if text
        ]
        if error := result.error_before_exec or result.error_in_exec:
            cell.append({"output_type": "error", "ename": type(error).__name__, "evalue": str(error), "traceback": []})
        elif result.result is not None:
            cell.append(
                {
                    "output_type": "execute_result",
                    "execution_count": count,
                    "metadata": {},
                    "data": {"text/plain": repr(result.result)},
                }
            )
        outputs.append(cell)
    return outputs


def failures(path: Path, nb) -> list[str]:
    """What an executed notebook got wrong, each naming the notebook and the cell."""
    snippets = snippet_cells(nb)
    found_failures = [] if snippets else [f"{display(path)} has no snippet cells"]
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        where = f"{display(path)} cell {index}" + (f" ({snippets[index].name})" if index in snippets else "")
        errors = [o for o in cell.outputs if o.output_type == "error"]
        expects_error = "raises-exception" in cell.metadata.get("tags", [])
        if errors and not expects_error:
            found_failures.append(f"{where} raised {errors[0].ename}: {errors[0].evalue}")
            break  # later cells fail because of this one
        if expects_error and not errors:
            found_failures.append(f"{where} is marked 'raises' but finished without an exception")
        if index not in snippets or "cuda-only" in snippets[index].markers:
            continue
        snippet = snippets[index]
        expected = snippet.out_path.read_text(encoding="utf-8")
        actual = printed(cell)
        if found := differences(expected, actual, mode=snippet.compare_mode("cpu"), rtol=snippet.rtol):
            found_failures.append(f"{where}:\n" + report(display(snippet.path), "cpu", expected, actual, found))
    return found_failures


@pytest.mark.parametrize("page", PAGES)
def test_notebook_reproduces_the_documented_outputs(page: str, tmp_path: Path, unchanged) -> None:
    folder = SNIPPETS_DIR / page.removesuffix(".md")  # the files its cells are, and the .out files they must print
    if unchanged(
        f"notebook/en/{page}",
        [DOCS_DIR / "en" / page, *sorted(folder.glob("*.py")), *sorted(folder.glob("*.out")), *tooling_files()],
    ):
        return  # nothing it depends on changed since it last passed here
    path = label("en", page)
    problems = failures(path, execute(notebook("en", page), path, tmp_path))
    assert not problems, "\n\n".join(problems)


def code_cells(nb) -> list[tuple[str, str]]:
    """(snippet, source) of every code cell: what a kernel would run."""
    return [(c.get("metadata", {}).get("snippet", ""), c.source) for c in nb.cells if c.cell_type == "code"]


def twin_problems(twin, twin_path: Path, original, original_path: Path) -> list[str]:
    """Where `twin` runs other code than `original`, each naming the cell."""
    ours, theirs = code_cells(twin), code_cells(original)
    found = [
        f"{display(twin_path)} code cell {i}: {a[0] or 'not a snippet'} differs from {display(original_path)}"
        for i, (a, b) in enumerate(zip(ours, theirs))
        if a != b
    ]
    if len(ours) != len(theirs):
        found.append(f"{display(twin_path)} has {len(ours)} code cells, {display(original_path)} has {len(theirs)}")
    return found


@pytest.mark.parametrize("page", PAGES)
def test_translated_notebook_runs_the_code_of_the_executed_one(page: str) -> None:
    problems = twin_problems(notebook("zh", page), label("zh", page), notebook("en", page), label("en", page))
    assert not problems, "\n".join(problems)


def test_a_changed_code_cell_in_a_twin_is_named() -> None:
    twin = notebook("en", "loop.md")
    cell = _cell(twin, "loop/08_divide_by_m_is_mean.py")
    cell.source += "\nprint('extra')"
    [problem] = twin_problems(twin, label("zh", "loop.md"), notebook("en", "loop.md"), LOOP)
    assert (
        f"code cell {code_cells(twin).index(('loop/08_divide_by_m_is_mean.py', cell.source))}: "
        "loop/08_divide_by_m_is_mean.py differs from docs/en/notebooks/loop.ipynb" in problem
    )


def test_lessons_exist() -> None:
    """Guards the tests above against passing on no notebooks at all."""
    assert len(PAGES) >= 2 and "loop.md" in PAGES


# The checks must be able to fail. A generated notebook carries its snippets' outputs, so it passes
# as if it had been executed; each edit below is what a wrong run would look like.
LOOP = label("en", "loop.md")


def _cell(nb, snippet: str):
    return next(c for c in nb.cells if c.get("metadata", {}).get("snippet") == snippet)


def test_generated_outputs_pass_the_check() -> None:
    assert failures(LOOP, notebook("en", "loop.md")) == []


def test_a_changed_number_names_the_notebook_and_the_cell() -> None:
    nb = notebook("en", "loop.md")
    cell = _cell(nb, "loop/08_divide_by_m_is_mean.py")
    cell.outputs[0].text = cell.outputs[0].text.replace("1.4062", "1.5062")
    [problem] = failures(LOOP, nb)
    index = nb.cells.index(cell)
    assert problem.startswith(f"docs/en/notebooks/loop.ipynb cell {index} (loop/08_divide_by_m_is_mean.py):")
    assert "1.5062 != 1.4062" in problem


def test_a_missing_exception_and_an_unexpected_one_are_reported() -> None:
    nb = notebook("en", "loop.md")
    _cell(nb, "loop/09_loss_is_the_root.py").outputs.pop()  # the error output
    broken = _cell(nb, "loop/11_grad_between_calls.py")
    broken.outputs.append(
        nbformat.v4.new_output("error", ename="NameError", evalue="name 'x' is not defined", traceback=[])
    )
    problems = failures(LOOP, nb)
    assert any("09_loss_is_the_root.py) is marked 'raises' but finished without an exception" in p for p in problems)
    assert problems[-1].endswith("(loop/11_grad_between_calls.py) raised NameError: name 'x' is not defined")


def test_warnings_are_compared_as_the_runner_prints_them() -> None:
    cell = nbformat.v4.new_code_cell(
        outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="before\n"),
            nbformat.v4.new_output(
                "stream", name="stderr", text="/tmp/x.py:3: UserWarning: careful\n  warnings.warn('careful')\n"
            ),
        ]
    )
    assert printed(cell) == "before\nUserWarning: careful\n"


def test_execution_catches_a_cell_that_prints_or_raises_otherwise(tmp_path: Path) -> None:
    """The shell really runs the cells: a changed print and a stray exception show up as failures."""
    nb = notebook("en", "loop.md")
    _cell(nb, "loop/08_divide_by_m_is_mean.py").source += "\nprint('one line more')"
    _cell(nb, "loop/11_grad_between_calls.py").source = "undefined_name"
    problems = failures(LOOP, execute(nb, LOOP, tmp_path))
    assert any("(loop/08_divide_by_m_is_mean.py)" in p and "expected" in p for p in problems), problems
    assert problems[-1].endswith(
        "(loop/11_grad_between_calls.py) raised NameError: name 'undefined_name' is not defined"
    )
