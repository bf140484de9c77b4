"""Translation bookkeeping for the zh pages: freshness records, their git history, and the glossary.

Used by the MkDocs hooks (banner, status page, glossary page), by the tests, and by the command line:
`python -m snippet_docs.translation list` (make translations) and
`python -m snippet_docs.translation record PAGE` (make translated).
"""
