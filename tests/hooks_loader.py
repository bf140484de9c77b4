"""Import a MkDocs hook from hooks/ as a module, for tests (hooks/ is not a package)."""
from __future__ import annotations

import importlib.util
from types import ModuleType

from snippet_runner.snippets import ROOT


def load_hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"hooks_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
