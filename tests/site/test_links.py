"""Every internal link of the built site leads somewhere: each href and src names a file of the site, and each
#fragment an id on the page it names. All pages, notebook pages and the 404 pages, both languages."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The attributes that make the browser fetch or go somewhere. A link written with the site's own address (the
# canonical link) is checked as a path of the site.
LINKING = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"), ("iframe", "src")}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if (tag, name) in LINKING and value is not None:
                self.links.append(value)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def target(site: Path, here: Path, path: str, site_path: str) -> Path | None:
    """The file a link's path names, or None; a folder stands for its index.html."""
    if path.startswith("/"):
        path = path.removeprefix(site_path) if path.startswith(site_path) else path
        found = site / path.lstrip("/")
    else:
        found = here.parent / path if path else here
    found = Path(unquote(str(found)))
    if found.is_dir():
        found = found / "index.html"
    return found.resolve() if found.exists() else None


def broken_links(site: Path, site_url: str) -> list[str]:
    site_path = urlsplit(site_url).path or "/"
    pages = {path.resolve(): parse(path) for path in sorted(site.rglob("*.html"))}
    problems = []
    for here, page in pages.items():
        where = here.relative_to(site.resolve()).as_posix()
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https") and not link.startswith(site_url):
                continue  # another site: not this check's business
            if parts.scheme in ("mailto", "data", "javascript", "blob"):
                continue
            path = parts.path if not link.startswith(site_url) else "/" + urlsplit(link).path.removeprefix(site_path)
            found = target(site, here, path, site_path)
            if found is None:
                problems.append(f"{where}: {link} names no file of the site")
            elif parts.fragment and found.suffix == ".html":
                ids = pages[found].ids if found in pages else parse(found).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: {link} names no id on {found.relative_to(site.resolve()).as_posix()}")
    return problems


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    from mkdocs.config import load_config

    site_url = load_config(str(Path(__file__).resolve().parents[2] / "mkdocs.yml")).site_url or "/"
    problems = broken_links(site, site_url)
    assert problems == [], f"{len(problems)} broken links:\n" + "\n".join(problems[:60])


def test_the_link_check_can_fail(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="#here">ok</a><a href="../b/">no</a>'
        '<a href="#gone">no</a><a href="https://example.org/x">other</a>'
    )
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a><a href="a/#there">no</a><a href="http://127.0.0.1:8000/a/">ok</a>'
    )
    problems = broken_links(tmp_path, "http://127.0.0.1:8000/")
    assert problems == [
        "a/index.html: ../b/ names no file of the site",
        "a/index.html: #gone names no id on a/index.html",
        "index.html: a/#there names no id on a/index.html",
    ]
