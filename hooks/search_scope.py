"""Keep PyTorch's own source, shown by `::: walkthrough` listings, out of the search index.

The listings are torch's code and docstrings, not this site's text; indexed, they doubled the index
every reader downloads. The notes under each listing, the snippets and the prose stay searchable.
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


def on_page_content(html, page, config, files):
    return LISTING_CODE.sub(r"\1<pre data-search-exclude>", html)
