"""One Jupyter notebook per lesson and language, generated from the page and its snippets when the site is built
(hooks/notebooks.py); `python -m snippet_docs.notebooks` writes them out as files."""
