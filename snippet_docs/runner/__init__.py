"""Run the documentation snippets and check their printed output.

Imports only the standard library, torch, numpy and pytest, so a GPU machine without the docs tooling
can run it.
"""
