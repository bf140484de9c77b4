"""One line of a page's prose, rewritten for a notebook in docs/<lang>/notebooks/: links, images, attribute lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..nav import NOT_CONTENT_PAGES
from ..problems import ProblemError

LINK = re.compile(r'(?P<bang>!?)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+"[^"]*")?\)')
CODE_OR_LINK = re.compile(rf"(?P<code>(?P<ticks>`+)(?:.+?)(?P=ticks))|{LINK.pattern}")
ATTR_LIST = re.compile(r"\{\s*[:.#][^}]*\}")


@dataclass
class Context:
    """The page being rewritten, and the images its notebook attaches (name -> file)."""

    path: Path
    lang_dir: Path  # docs/<lang>
    attachments: dict[str, Path] = field(default_factory=dict)


def rewrite(context: Context, number: int, text: str) -> str:
    """Rewrite links and images outside code spans. A link whose label holds a code span (`[`f()` twice](x.md)`)
    is one link: whichever starts first, a code span or a link, is taken whole."""
    parts, last = [], 0
    for span in CODE_OR_LINK.finditer(text):
        if span["code"] is None:
            continue  # a link: rewritten with the prose around it
        parts += [_prose(context, number, text[last : span.start()]), span[0]]
        last = span.end()
    parts.append(_prose(context, number, text[last:]))
    return "".join(parts)


def _prose(context: Context, number: int, text: str) -> str:
    def link(found: re.Match) -> str:
        target, label = found["target"], found["text"]
        if found["bang"]:
            return f"![{label}](attachment:{_attach(context, number, target)})"
        if re.match(r"^(?:https?:|mailto:|#)", target):
            return found[0]
        file, _, anchor = target.partition("#")
        if not file.endswith(".md"):
            raise ProblemError(
                context.path, number, f"link to {target}: only pages, anchors and web addresses are known"
            )
        linked = (context.path.parent / file).resolve()
        if not linked.is_file():
            raise ProblemError(context.path, number, f"link to {target}, which does not exist")
        rel = linked.relative_to(context.lang_dir.resolve()).as_posix()
        if rel in NOT_CONTENT_PAGES:
            return label  # that page has no notebook: keep the words, drop the link
        return f"[{label}]({rel.removesuffix('.md')}.ipynb{'#' + anchor if anchor else ''})"

    rewritten = LINK.sub(link, text)
    if attr := ATTR_LIST.search(rewritten):
        raise ProblemError(context.path, number, f"attribute list {attr[0]!r} has no meaning in a notebook")
    return rewritten


def _attach(context: Context, number: int, target: str) -> str:
    if re.match(r"^(?:https?:)?//", target):
        raise ProblemError(context.path, number, f"image {target} is loaded from another host")
    image = (context.path.parent / target).resolve()
    if not image.is_file():
        raise ProblemError(context.path, number, f"image {target} does not exist")
    name = image.name
    if context.attachments.get(name, image) != image:
        raise ProblemError(context.path, number, f"two different images are named {name}")
    context.attachments[name] = image
    return name
