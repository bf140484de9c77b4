"""Turn a page into a notebook: Markdown cells, one code cell per `::: snippet`, its .out as the cell's output.

Reads the page through the page model (snippet_docs.markdown). Every construct a page may use is handled here;
anything else raises a ProblemError with the file and line, so a new construct is taught to the generator instead
of silently vanishing from the notebooks.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import nbformat
from nbformat import v4

from ..markdown import PYTHON_LANGUAGES, Container, Directive, Fence, Heading, Math, Page, Prose, read
from ..nav import content_pages
from ..paths import DOCS_DIR, LANGUAGES, MKDOCS_FILE, SNIPPETS_DIR, WALKTHROUGHS_DIR
from ..problems import ProblemError
from ..snippets import ANNOTATION, read_snippet, shown_code
from .prose import Context, rewrite

NOTEBOOKS = "notebooks"  # docs/<lang>/notebooks/<page>.ipynb on the site
SIBLING_IMPORT = re.compile(r"""import_module\(\s*["'](?P<name>\d{2}_[a-z0-9_]+)["']\s*\)""")
# Worker processes import the program by its file name, which a notebook cell does not have.
STARTS_PROCESSES = re.compile(r"^\s*(?:import|from)\s+(?:torch\.)?multiprocessing\b", re.MULTILINE)
OWN_FILE = re.compile(r"(?<![.\w])__file__\b")
ERROR_LINE = re.compile(r"^[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt|Iteration): ")
LAYOUT_HTML = re.compile(r"^\s*(?:<div\b[^>]*\bmarkdown\b[^>]*>|</div>)\s*$")  # grids: layout only
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")  # tooltips, which Jupyter cannot show
# Lines that look like a directive or an extension this generator does not know.
DIRECTIVE_LIKE = re.compile(r"^\s*(?:\{\{|\{%|<!--|-+8<-+|\[\[|@\w|%%|\.\. \w+::|\[\^)")
# Fenced blocks shown as they are. Another language may be rendered by a plugin (a custom fence),
# so it fails until someone decides what it becomes in a notebook.
VERBATIM_FENCES = frozenset(
    {"", "text", "console", "sh", "bash", "shell", "diff", "c", "cpp", "c++", "yaml", "toml", "json", "ini"}
)
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

NOTES = {
    "en": (
        "> This notebook is generated from the page `docs/en/{page}` when the site is built. Every code cell is "
        "a file in `snippets/{folder}/`, and the output under it is the one the test suite checked. The cells "
        "run on the CPU; start Jupyter with `SNIPPET_DEVICE=cuda` set to run them on a GPU."
    ),
    "zh": (
        "> 本笔记本在构建网站时根据页面 `docs/zh/{page}` 生成。每个代码单元都是 `snippets/{folder}/` "
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
    "en": (
        "This program starts worker processes, and each of them imports the program by its file name. "
        "Code in a notebook cell has no file, so the cell below runs `snippets/{target}` itself:"
    ),
    "zh": (
        "这个程序会启动工作进程，每个进程都按文件名导入这个程序。笔记本单元里的代码没有对应的文件，"
        "所以下面的单元直接运行 `snippets/{target}`："
    ),
}
SETUP_CELL = """\
# Later cells use the files in snippets/{folder}/: find that folder
import sys
from pathlib import Path

here = Path.cwd()
folder = next((p / "snippets/{folder}" for p in [here, *here.parents]
               if (p / "snippets/{folder}").is_dir()), None)
if folder is None:
    raise FileNotFoundError("snippets/{folder}/ not found: run this notebook "
                            "from the unpacked notebook zip or from the repository")
sys.path.insert(0, str(folder))"""


def notebook_path(lang: str, page: str, docs_dir: Path = DOCS_DIR) -> Path:
    """Where the site serves the notebook from: docs/<lang>/notebooks/<page>.ipynb."""
    return docs_dir / lang / NOTEBOOKS / (page.removesuffix(".md") + ".ipynb")


def build(
    page: str,
    lang: str,
    docs_dir: Path = DOCS_DIR,
    snippets_dir: Path = SNIPPETS_DIR,
    walkthroughs_dir: Path = WALKTHROUGHS_DIR,
) -> str:
    """The notebook for docs/<lang>/<page>, as the text of an .ipynb file."""
    path = docs_dir / lang / page
    if not path.is_file():
        raise ProblemError(docs_dir / "en" / page, 1, f"has no counterpart docs/{lang}/{page}, so no {lang} notebook")
    parsed = read(path)
    parsed.raise_first_problem()
    writer = _Writer(parsed, lang, page, docs_dir, snippets_dir, walkthroughs_dir)
    nb = v4.new_notebook(cells=writer.cells(), metadata={"kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def all_notebooks(
    docs_dir: Path = DOCS_DIR, snippets_dir: Path = SNIPPETS_DIR, mkdocs_file: Path = MKDOCS_FILE
) -> dict[Path, str]:
    """Every notebook the nav's lessons call for, by the path the site serves it from, with its text."""
    return {
        notebook_path(lang, page, docs_dir): build(page, lang, docs_dir, snippets_dir)
        for page in content_pages(mkdocs_file)
        for lang in LANGUAGES
    }


class _Writer:
    def __init__(
        self, page: Page, lang: str, name: str, docs_dir: Path, snippets_dir: Path, walkthroughs_dir: Path
    ) -> None:
        self.page, self.lang, self.name = page, lang, name
        self.snippets_dir, self.walkthroughs_dir = snippets_dir, walkthroughs_dir
        self.context = Context(page.path, docs_dir / lang)
        self.folder = name.removesuffix(".md")
        self.markdown: list[str] = []
        self.out: list = []
        self.counter = iter(range(1, 10_000))

    def cells(self) -> list:
        snippets = self.page.snippets()
        if not snippets:
            raise ProblemError(
                self.page.path,
                1,
                "a content page without a snippet; if it is not a lesson, "
                "add it to NOT_CONTENT_PAGES in snippet_docs/nav.py",
            )
        self.sources = {d.target: self._source(d) for d in snippets}
        self.needs_setup = any(SIBLING_IMPORT.search(c) or STARTS_PROCESSES.search(c) for c in self.sources.values())
        self._blocks(self.page.blocks, quote="")
        self._flush()
        return self.out

    def _blocks(self, blocks: list, quote: str) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Directive):
                self._directive(block, quote)
            elif isinstance(block, Container):
                title = block.title if block.title is not None else block.type.capitalize()
                inner = quote + "> " if block.type != "tab" else quote
                self._add(f"{inner}**{title}**" if title else inner, inner)
                self._blocks(block.blocks, inner)
                self._add(quote)
            elif isinstance(block, Fence):
                self._fence(block, quote)
            elif isinstance(block, Math):
                self._add(*(quote + line for line in block.text.split("\n")))
            elif isinstance(block, Prose):
                self._prose(block, quote)

    def _add(self, *lines: str) -> None:
        self.markdown += [line.rstrip() for line in lines]

    def _flush(self) -> None:
        lines = [
            line
            for i, line in enumerate(self.markdown)
            if line not in ("", ">") or (i and self.markdown[i - 1] != line)
        ]  # one blank line at a time
        text = "\n".join(lines).strip("\n")
        self.markdown.clear()
        if text:
            cell = v4.new_markdown_cell(text, id=f"md-{len(self.out):02d}")
            used = {n: f for n, f in self.context.attachments.items() if f"(attachment:{n})" in text}
            if used:
                cell.attachments = {
                    n: {"image/png": base64.b64encode(f.read_bytes()).decode()} for n, f in used.items()
                }
            self.out.append(cell)

    def _heading(self, heading: Heading) -> None:
        if heading.anchor is None:
            raise ProblemError(self.page.path, heading.line, "heading has no explicit anchor such as { #what-it-says }")
        self._flush()
        title = rewrite(self.context, heading.line, heading.text)
        self._add(f'{"#" * heading.level} {title} <a id="{heading.anchor}"></a>')
        if heading.level == 1 and not self.out:
            self._add("", NOTES[self.lang].format(page=self.name, folder=self.folder))
            if self.needs_setup:
                self._add(">", SETUP_NOTES[self.lang].format(folder=self.folder))
                self._flush()
                self.out.append(
                    v4.new_code_cell(
                        SETUP_CELL.format(folder=self.folder), id="setup", execution_count=next(self.counter)
                    )
                )

    def _prose(self, prose: Prose, quote: str) -> None:
        text = prose.text
        if LAYOUT_HTML.match(text) or ABBREVIATION.match(text):
            self._add(quote)
        elif text.lstrip().startswith("<"):
            raise ProblemError(
                self.page.path,
                prose.line,
                "HTML the notebook generator does not know; "
                "teach snippet_docs/notebooks/build.py what it becomes in a notebook",
            )
        elif DIRECTIVE_LIKE.match(text):
            raise ProblemError(
                self.page.path,
                prose.line,
                "directive the notebook generator does not know; "
                "teach snippet_docs/notebooks/build.py what it becomes in a notebook",
            )
        else:
            self._add(quote + rewrite(self.context, prose.line, text) if text.strip() else quote)

    def _fence(self, fence: Fence, quote: str) -> None:
        if fence.lang in PYTHON_LANGUAGES:
            raise ProblemError(self.page.path, fence.line, "Python code written inline in a page; put it in snippets/")
        if fence.lang not in VERBATIM_FENCES:
            raise ProblemError(
                self.page.path,
                fence.line,
                f"code block in {fence.lang!r}, which the notebook generator "
                "does not know; add it to VERBATIM_FENCES in snippet_docs/notebooks/build.py",
            )
        indent = len(fence.indent)
        self._add(
            quote + fence.opening.strip(), *(quote + text[indent:] for _, text in fence.body), quote + fence.marker
        )

    def _directive(self, directive: Directive, quote: str) -> None:
        if directive.kind == "walkthrough":
            from .. import walkthrough

            try:
                listing = walkthrough.resolve(
                    walkthrough.find(self.page.path.stem, directive.target, self.walkthroughs_dir)
                )
            except walkthrough.WalkthroughError as error:
                raise error.seen_from(self.page.path, directive.line) from None
            code = [ANNOTATION.sub(lambda m: f"# ({m['number']})", line) for line in listing.lines]
            self._add(*(quote + line for line in [f"`{listing.title(self.lang)}`", "", "```python", *code, "```"]))
            return
        target = directive.target
        snippet = read_snippet(self.snippets_dir / target)
        source = self.sources[target]
        if STARTS_PROCESSES.search(source):
            self._add("", PROCESS_NOTES[self.lang].format(target=target), "", "```python", source, "```")
            source = f"%run $folder/{Path(target).name}"
        self._flush()
        cell = v4.new_code_cell(
            source, id=_cell_id(target), execution_count=next(self.counter), metadata={"snippet": target}
        )
        raises = "raises" in snippet.markers
        if raises:  # the execution test lets this cell end in an exception; any other exception fails it
            cell.metadata["tags"] = ["raises-exception"]
        cell.outputs = _outputs(snippet.out_path, raises)
        self.out.append(cell)

    def _source(self, directive: Directive) -> str:
        file = self.snippets_dir / directive.target
        if not file.is_file():
            raise ProblemError(self.page.path, directive.line, f"shows {directive.target}, which is not in snippets/")
        raw = file.read_text(encoding="utf-8")
        if own_file := OWN_FILE.search(raw):  # a module's `torch.__file__` is fine
            raise ProblemError(file, raw[: own_file.start()].count("\n") + 1, "a notebook cell has no __file__")
        for found in SIBLING_IMPORT.finditer(raw):
            if not (file.parent / f"{found['name']}.py").is_file():
                raise ProblemError(
                    file, raw[: found.start()].count("\n") + 1, f"imports {found['name']}, not beside it"
                )
        code = shown_code(file)
        lines = [ANNOTATION.sub(lambda m: f"# ({m['number']})", line) for line in code.rstrip("\n").split("\n")]
        return "\n".join([f"# snippets/{directive.target}", *lines])


def _cell_id(target: str) -> str:
    return "snippet-" + re.sub(r"[^A-Za-z0-9_-]", "-", target.removesuffix(".py"))


def _outputs(out: Path, raises: bool) -> list:
    """The .out as the cell's printed output; a 'raises' snippet's last line as the exception."""
    lines = out.read_text(encoding="utf-8").splitlines()
    error = None
    if raises:
        start = next((i for i in range(len(lines) - 1, -1, -1) if ERROR_LINE.match(lines[i])), None)
        if start is None:
            raise ProblemError(out, len(lines) or 1, "a 'raises' snippet's output ends without a 'Type: message' line")
        lines, error = lines[:start], "\n".join(lines[start:])
    outputs = [v4.new_output("stream", name="stdout", text="".join(f"{line}\n" for line in lines))] if lines else []
    if error is not None:
        name, _, value = error.partition(": ")
        outputs.append(v4.new_output("error", ename=name, evalue=value, traceback=[error]))
    return outputs
