"""The tooling behind the site: snippet → run → .out → page → built HTML → notebook.

- `snippets`, `runner`: read the snippets, run them, compare and stamp their output (a pytest plugin);
- `markdown`: the one page model (typed, line-numbered blocks) every other part reads;
- `directives`, `walkthrough`: what `::: snippet` and `::: walkthrough` lines become;
- `checks`: structure, en/zh parity and snippet checks, reported as `path:line: problem`;
- `notebooks`: one notebook per page and language, made at build time;
- `translation`: translation records, their history, and the glossary;
- `mathml`, `site`: what the MkDocs hooks in hooks/ call.

The runner needs only the standard library, torch, numpy and pytest (a GPU machine has no MkDocs).
"""
