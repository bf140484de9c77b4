"""Turn a parsed page into a notebook: Markdown cells, one code cell per snippet, its .out as output."""
from __future__ import annotations

import base64
import re
from pathlib import Path

import nbformat
from nbformat import v4

from snippet_runner.snippets import SNIPPETS_DIR, read_snippet

from .pages import (
    DOCS_DIR, LANGUAGES, NOTEBOOKS, Heading, Markdown, Output, PageError, ParsedPage, Snippet, content_pages, parse_page,
)

ANNOTATION = re.compile(r"#\s*\((\d+)\)!")  # Material's `# (1)!`; a notebook shows the plain comment
SECTION_MARKER = re.compile(r"^\s*#\s*-+8<-+\s*\[(?:start|end):\w+\]\s*$")
SIBLING_IMPORT = re.compile(r"""import_module\(\s*["'](?P<name>\d{2}_[a-z0-9_]+)["']\s*\)""")
# Worker processes import the program by its file name, which a notebook cell does not have.
STARTS_PROCESSES = re.compile(r"^\s*(?:import|from)\s+(?:torch\.)?multiprocessing\b", re.MULTILINE)
OWN_FILE = re.compile(r"(?<![.\w])__file__\b")
ERROR_LINE = re.compile(r"^[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt|Iteration): ")
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

NOTES = {
    "en": (
        "> This notebook is generated from the page `docs/en/{page}` by `make notebooks`. Every code cell is "
        "a file in `snippets/{folder}/`, and the output under it is the one the test suite checked. The cells "
        "run on the CPU; start Jupyter with `SNIPPET_DEVICE=cuda` set to run them on a GPU."
    ),
    "zh": (
        "> 本笔记本由 `make notebooks` 根据页面 `docs/zh/{page}` 生成。每个代码单元都是 `snippets/{folder}/` "
        "下的一个文件，单元下方的输出就是测试套件核对过的输出。代码默认在 CPU 上运行；"
        "启动 Jupyter 前设置 `SNIPPET_DEVICE=cuda`，即可在 GPU 上运行。"
    ),
}
SETUP_NOTES = {
    "en": (
        "> Some cells use the files in `snippets/{folder}/`: they import an earlier snippet by its file name, "
        "or run a snippet as a program. Run the first code cell before them: it finds that folder, which comes "
        "with the notebook zip and with the repository."
    ),
    "zh": (
        "> 有些单元要用到 `snippets/{folder}/` 中的文件：按文件名导入前面的代码片段，或者把某个代码片段当作程序运行。"
        "请先运行第一个代码单元：它会找到这个文件夹，笔记本压缩包和代码仓库里都带有它。"
    ),
}
PROCESS_NOTES = {
    "en": ("This program starts worker processes, and each of them imports the program by its file name. "
           "Code in a notebook cell has no file, so the cell below runs `snippets/{target}` itself:"),
    "zh": ("这个程序会启动工作进程，每个进程都按文件名导入这个程序。笔记本单元里的代码没有对应的文件，"
           "所以下面的单元直接运行 `snippets/{target}`："),
}
SETUP_CELL = '''\
# Later cells use the files in snippets/{folder}/: find that folder
import sys
from pathlib import Path

here = Path.cwd()
folder = next((p / "snippets/{folder}" for p in [here, *here.parents]
               if (p / "snippets/{folder}").is_dir()), None)
if folder is None:
    raise FileNotFoundError("snippets/{folder}/ not found: run this notebook "
                            "from the unpacked notebook zip or from the repository")
sys.path.insert(0, str(folder))'''


def notebook_path(lang: str, page: str, docs_dir: Path = DOCS_DIR) -> Path:
    return docs_dir / lang / NOTEBOOKS / (page.removesuffix(".md") + ".ipynb")


def build(page: str, lang: str, docs_dir: Path = DOCS_DIR, snippets_dir: Path = SNIPPETS_DIR) -> str:
    """The notebook for docs/<lang>/<page>, as the text of an .ipynb file."""
    path = docs_dir / lang / page
    if not path.is_file():
        raise PageError(docs_dir / "en" / page, 1, f"has no counterpart docs/{lang}/{page}, so no {lang} notebook")
    parsed = parse_page(path, lang, docs_dir)
    cells = _cells(parsed, page, snippets_dir)
    nb = v4.new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def _cells(parsed: ParsedPage, page: str, snippets_dir: Path) -> list:
    folder = page.removesuffix(".md")
    snippets = [p for p in parsed.pieces if isinstance(p, Snippet)]
    if not snippets:
        raise PageError(parsed.path, 1, "a content page without a snippet; if it is not a content page, "
                        "add it to NOT_CONTENT_PAGES in tests/notebook_builder/pages.py")
    sources = {s.target: _snippet_source(parsed, s, snippets_dir) for s in snippets}
    needs_setup = any(SIBLING_IMPORT.search(code) or STARTS_PROCESSES.search(code) for code in sources.values())

    cells, markdown, pending = [], [], None
    counter = iter(range(1, 10_000))

    def flush() -> None:
        lines = [line for i, line in enumerate(markdown)
                 if line not in ("", ">") or (i and markdown[i - 1] != line)]  # one blank line at a time
        text = "\n".join(lines).strip("\n")
        markdown.clear()
        if text:
            cell = v4.new_markdown_cell(text, id=f"md-{len(cells):02d}")
            used = {n: f for n, f in parsed.attachments.items() if f"(attachment:{n})" in text}
            if used:
                cell.attachments = {n: {"image/png": base64.b64encode(f.read_bytes()).decode()} for n, f in used.items()}
            cells.append(cell)

    for piece in parsed.pieces:
        if isinstance(piece, Heading):
            flush()
            markdown.append(f"{'#' * piece.level} {piece.text} <a id=\"{piece.anchor}\"></a>")
            if piece.level == 1 and not cells:
                markdown += ["", NOTES[parsed.lang].format(page=page, folder=folder)]
                if needs_setup:
                    markdown += [">", SETUP_NOTES[parsed.lang].format(folder=folder)]
                    flush()
                    cells.append(v4.new_code_cell(SETUP_CELL.format(folder=folder), id="setup",
                                                  execution_count=next(counter)))
        elif isinstance(piece, Markdown):
            markdown.append(piece.text)
        elif isinstance(piece, Snippet):
            if pending is not None:
                raise PageError(parsed.path, pending.line, f"{pending.target} is not followed by its output")
            pending = piece
            raises = "raises" in read_snippet(snippets_dir / piece.target).markers
            source = sources[piece.target]
            if STARTS_PROCESSES.search(source):
                markdown += ["", PROCESS_NOTES[parsed.lang].format(target=piece.target), "",
                             "```python", source, "```"]
                source = f"%run $folder/{Path(piece.target).name}"
            flush()
            cells.append(_code_cell(piece, source, raises, next(counter)))
        elif isinstance(piece, Output):
            wanted = pending.target.removesuffix(".py") + ".out" if pending else None
            if piece.target != wanted:
                raise PageError(parsed.path, piece.line, f"output {piece.target} does not follow its snippet")
            cell = next(c for c in reversed(cells) if c.get("id") == _cell_id(pending.target))
            cell.outputs = _outputs(snippets_dir / piece.target, "tags" in cell.metadata)
            pending = None
    if pending is not None:
        raise PageError(parsed.path, pending.line, f"{pending.target} is not followed by its output")
    flush()
    return cells


def _snippet_source(parsed: ParsedPage, snippet: Snippet, snippets_dir: Path) -> str:
    file = snippets_dir / snippet.target
    if not file.is_file():
        raise PageError(parsed.path, snippet.line, f"includes {snippet.target}, which is not in snippets/")
    code = file.read_text(encoding="utf-8")
    if own_file := OWN_FILE.search(code):  # a module's `torch.__file__` is fine
        raise PageError(file, code[:own_file.start()].count("\n") + 1, "a notebook cell has no __file__")
    for found in SIBLING_IMPORT.finditer(code):
        if not (file.parent / f"{found['name']}.py").is_file():
            raise PageError(file, code[:found.start()].count("\n") + 1, f"imports {found['name']}, not beside it")
    lines = [ANNOTATION.sub(r"# (\1)", line) for line in code.splitlines() if not SECTION_MARKER.match(line)]
    return "\n".join([f"# snippets/{snippet.target}", *lines])


def _cell_id(target: str) -> str:
    return "snippet-" + re.sub(r"[^A-Za-z0-9_-]", "-", target.removesuffix(".py"))


def _code_cell(snippet: Snippet, source: str, raises: bool, count: int):
    metadata = {"snippet": snippet.target}
    if raises:  # nbclient lets this cell end in an exception; any other exception fails the run
        metadata["tags"] = ["raises-exception"]
    return v4.new_code_cell(source, id=_cell_id(snippet.target), execution_count=count, metadata=metadata)


def _outputs(out: Path, raises: bool) -> list:
    """The .out as the cell's printed output; a 'raises' snippet's last line as the exception."""
    lines = out.read_text(encoding="utf-8").splitlines()
    error = None
    if raises:
        start = next((i for i in range(len(lines) - 1, -1, -1) if ERROR_LINE.match(lines[i])), None)
        if start is None:
            raise PageError(out, len(lines) or 1, "a 'raises' snippet's output ends without a 'Type: message' line")
        lines, error = lines[:start], "\n".join(lines[start:])
    outputs = [v4.new_output("stream", name="stdout", text="".join(f"{line}\n" for line in lines))] if lines else []
    if error is not None:
        name, _, value = error.partition(": ")
        outputs.append(v4.new_output("error", ename=name, evalue=value, traceback=[error]))
    return outputs


def expected_notebooks(docs_dir: Path = DOCS_DIR, snippets_dir: Path = SNIPPETS_DIR) -> dict[Path, str]:
    """Every notebook the pages call for, with its text."""
    return {notebook_path(lang, page, docs_dir): build(page, lang, docs_dir, snippets_dir)
            for page in content_pages(docs_dir) for lang in LANGUAGES}



def stale_notebooks(wanted: dict[Path, str], docs_dir: Path = DOCS_DIR) -> dict[Path, str]:
    """Committed notebooks that differ from `wanted`, are missing, or belong to no page; with the reason."""
    stale = {}
    for path, text in wanted.items():
        if not path.is_file():
            stale[path] = "missing"
        elif path.read_text(encoding="utf-8") != text:
            stale[path] = "differs from what its page and snippets generate"
    for lang in LANGUAGES:
        for path in sorted((docs_dir / lang / NOTEBOOKS).glob("*.ipynb")):
            if path not in wanted:
                stale[path] = "not generated from any page"
    return stale
