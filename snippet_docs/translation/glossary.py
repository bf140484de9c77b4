"""The glossary as data: load and check glossary.toml, render it as Markdown, and find rejected variants in zh pages.

Each term has its English name, the Chinese the site chose, a one-line definition in each language, optionally a
page that explains it, a note on why this translation where usage varies, and the variants to avoid, each with why.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..markdown import read
from ..paths import GLOSSARY_FILE as DATA
from ..problems import Problem, ProblemError, table_lines, toml_error_line

GLOSSARY_PAGE = "glossary.md"  # names the rejected variants on purpose, so it is not checked for them


class GlossaryError(ProblemError):
    """glossary.toml is not what the renderer and the variant check need, at the line to fix."""


@dataclass(frozen=True)
class Variant:
    zh: str
    why_en: str
    why_zh: str


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    en_definition: str
    zh_definition: str
    page: str | None  # "loop.md#anchor": where the site explains the term
    note_en: str | None  # why this translation, where Chinese usage varies
    note_zh: str | None
    avoid: tuple[Variant, ...]
    english_kept: bool = False  # zh prose may use the English name as it is, by policy; the note says why


def load(path: Path = DATA) -> list[Term]:
    """Every term in glossary.toml, in file order; a missing field or a contradiction raises GlossaryError."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise GlossaryError(path, toml_error_line(error), str(error)) from None
    terms = []
    lines = table_lines(text, "term")
    for number, entry in enumerate(data.get("term", []), 1):
        line = lines[number - 1] if number <= len(lines) else 1
        where = f"term {number} ({entry.get('en', '?')})"
        for field in ("en", "zh", "en_definition", "zh_definition"):
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                raise GlossaryError(path, line, f"{where}: needs a non-empty `{field}`")
        known = {"en", "zh", "en_definition", "zh_definition", "page", "note_en", "note_zh", "avoid", "english_kept"}
        unknown = set(entry) - known
        if unknown:
            raise GlossaryError(path, line, f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if ("note_en" in entry) != ("note_zh" in entry):
            raise GlossaryError(path, line, f"{where}: a note needs both note_en and note_zh")
        if entry.get("english_kept") not in (None, True) or (entry.get("english_kept") and "note_en" not in entry):
            raise GlossaryError(
                path, line, f"{where}: `english_kept = true` keeps the English in zh prose; note_en/note_zh say why"
            )
        variants = []
        for variant in entry.get("avoid", []):
            if not all(isinstance(variant.get(f), str) and variant[f].strip() for f in ("zh", "why_en", "why_zh")):
                raise GlossaryError(path, line, f"{where}: each [[term.avoid]] needs zh, why_en and why_zh")
            variants.append(Variant(variant["zh"], variant["why_en"], variant["why_zh"]))
        terms.append(
            Term(
                entry["en"],
                entry["zh"],
                entry["en_definition"],
                entry["zh_definition"],
                entry.get("page"),
                entry.get("note_en"),
                entry.get("note_zh"),
                tuple(variants),
                entry.get("english_kept", False) is True,
            )
        )
    if not terms:
        raise GlossaryError(path, 1, "no [[term]] entries")
    seen: set[str] = set()
    for number, term in enumerate(terms, 1):
        line = lines[number - 1] if number <= len(lines) else 1
        if term.en.lower() in seen:
            raise GlossaryError(path, line, f"term {term.en!r} is listed twice")
        seen.add(term.en.lower())
        for variant in term.avoid:
            for other in terms:
                if variant.zh in other.zh:
                    raise GlossaryError(
                        path,
                        line,
                        f"{variant.zh} is rejected for {term.en!r} but is part of "
                        f"{other.zh}, the chosen term for {other.en!r}",
                    )
    return terms


def find_variants(path: Path, terms: list[Term]) -> list[Problem]:
    """Every rejected variant used in the prose of one zh page, one violation per use, naming the line."""
    violations = []
    rejected = sorted(((v, t) for t in terms for v in t.avoid), key=lambda pair: -len(pair[0].zh))
    for number, line in read(path).prose_lines():
        taken: list[range] = []  # a longer variant (权值衰减) hides the shorter one inside it (权值)
        found: list[tuple[int, Problem]] = []
        for variant, term in rejected:
            for match in re.finditer(re.escape(variant.zh), line):
                if any(match.start() in span for span in taken):
                    continue
                taken.append(range(match.start(), match.end()))
                found.append(
                    (
                        match.start(),
                        Problem(
                            path,
                            number,
                            f"uses {variant.zh}; the glossary chose {term.zh} ({term.en}): {variant.why_en}",
                        ),
                    )
                )
        violations += [violation for _, violation in sorted(found, key=lambda pair: pair[0])]
    return violations


LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a link's URL is not prose: `](zero-grad.md#accumulation-vs-batch)`


def english_pattern(term: Term) -> re.Pattern[str]:
    """The English name as a word of its own, any case, with a plural s: `micro-batches`, not `microbatched`."""
    return re.compile(rf"(?<![\w\-#/.]){re.escape(term.en)}(?:e?s)?(?![\w\-])", re.IGNORECASE)


def find_english(path: Path, terms: list[Term]) -> list[Problem]:
    """Every English glossary name in the prose of one zh page, where the glossary sets a Chinese one.

    Code is not prose, and the English may follow its Chinese term in full-width parentheses, 原地（in-place),
    where it first appears. A term with `english_kept = true` is kept in English by policy, its note says why.
    """
    checked = [(term, english_pattern(term)) for term in terms if not term.english_kept]
    found = []
    for number, line in read(path).prose_lines():
        line = LINK_TARGET.sub("]", line)
        in_line = [
            (match.start(), match[0], term)
            for term, pattern in checked
            for match in pattern.finditer(line)
            if not line[: match.start()].endswith(f"{term.zh}（")
        ]
        found += [
            Problem(
                path,
                number,
                f"uses the English {word!r}; the glossary's Chinese term is {term.zh} ({term.en}). "
                f"Write {term.zh}, or {term.zh}（{term.en}） where it first appears",
            )
            for _, word, term in sorted(in_line, key=lambda hit: hit[0])
        ]
    return found


def rejected_variants(zh_dir: Path, terms: list[Term]) -> list[Problem]:
    """Rejected variants and English names of glossary terms in every zh page except the glossary page, which
    names them on purpose."""
    return [
        v
        for path in sorted(zh_dir.rglob("*.md"))
        if path.relative_to(zh_dir).as_posix() != GLOSSARY_PAGE
        for v in find_variants(path, terms) + find_english(path, terms)
    ]


LABELS = {
    "en": {"head": "| English | 中文 | Meaning |", "more": "more on", "not": "not"},
    "zh": {"head": "| 中文 | English | 释义 |", "more": "详见", "not": "不用"},
}


def render_terms(terms: list[Term], lang: str) -> str:
    """The term table for one language: name in both languages and the definition, linking to its page."""
    rows = [LABELS[lang]["head"], "|---|---|---|"]
    for term in sorted(terms, key=lambda t: t.en.lower()):
        definition = term.en_definition if lang == "en" else term.zh_definition
        if term.page:
            space = " " if lang == "en" else ""  # no space after full-width punctuation
            # "more" alone says nothing out of context (Lighthouse SEO: link-text): the link names its term
            more = f"{LABELS[lang]['more']} {term.en}" if lang == "en" else LABELS[lang]["more"]
            definition += f"{space}[{more}]({term.page})"
        names = (f"**{term.en}**", term.zh) if lang == "en" else (f"**{term.zh}**", term.en)
        rows.append(f"| {names[0]} | {names[1]} | {definition} |")
    return "\n".join(rows)


def render_choices(terms: list[Term], lang: str) -> str:
    """One list item per term whose translation was a choice: the note, then each rejected variant and why."""
    items = []
    for term in sorted(terms, key=lambda t: t.en.lower()):
        if not term.avoid and not term.note_en:
            continue
        if lang == "en":
            parts = [f"- **{term.zh}** ({term.en})."]
            parts += [f"Not {v.zh}: {v.why_en}" for v in term.avoid]
            parts += ["Chinese prose may keep the English name."] if term.english_kept else []
            parts += [term.note_en] if term.note_en else []
        else:
            parts = [f"- **{term.zh}**（{term.en}）。"]
            parts += [f"不用“{v.zh}”：{v.why_zh}" for v in term.avoid]
            parts += ["中文正文可以直接用英文名。"] if term.english_kept else []
            parts += [term.note_zh] if term.note_zh else []
        items.append((" " if lang == "en" else "").join(parts))
    return "\n".join(items)
