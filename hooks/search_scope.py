"""Keep code out of the search index: PyTorch's own source, shown by `::: walkthrough` listings, and the
snippets' code.

The listings are torch's code and docstrings, not this site's text; indexed, they doubled the index
every reader downloads. The snippets' code is the same in both languages and was 40 % of each index,
pushing a first visit's download past its budget; the prose around it names what the code calls. The
notes under each listing, the outputs (where error messages are) and the prose stay searchable.
Material's search plugin skips an element that carries `data-search-exclude`, until the next closing
tag of the same name; so the mark goes on the listing's <pre>, which holds no nested <pre>.
"""

from __future__ import annotations

import re

from snippet_docs.walkthrough import LINE_RANGES

# A walkthrough block is titled "<file>.py · lines A–B · torch X.Y.Z" ("第 A–B 行" in Chinese; Listing.title)
# and has line numbers, so its code sits in the table cell <td class="code">.
RANGE = "|".join(re.escape(r).replace(r"\{first\}", r"\d+").replace(r"\{last\}", r"\d+") for r in LINE_RANGES.values())
LISTING_CODE = re.compile(
    rf'(<span class="filename">[^<]+\.py · (?:{RANGE}) · [^<]+</span>(?:(?!</table>).)*?<td class="code"><div>)<pre>',
    re.DOTALL,
)


# A snippet's code block is titled with its path (snippet_docs/directives.py); its output block is not.
SNIPPET_CODE = re.compile(r'(<span class="filename">snippets/[^<]+\.py</span>)<pre>')


def on_page_content(html, page, config, files):
    html = LISTING_CODE.sub(r"\1<pre data-search-exclude>", html)
    return SNIPPET_CODE.sub(r"\1<pre data-search-exclude>", html)
