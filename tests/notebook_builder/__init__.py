"""Generate one Jupyter notebook per content page and language from the page and its snippets.

`python -m notebook_builder` (make notebooks) writes docs/<lang>/notebooks/<page>.ipynb;
`--check` only reports the notebooks that differ from what would be generated.
"""
