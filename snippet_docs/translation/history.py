"""The English text a translation was made from, found in git history by its hash, and the diff since.

The record holds only a hash, so this works after squashes and rebases: the newest commit whose English page
hashes to the recorded value is the baseline. A shallow clone (CI's default) may not hold that commit; then
the diff is unavailable and the message says how to get it. The stale/fresh verdict never needs git.
"""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from .records import english_hash


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)


def translated_english(root: Path, en_rel: str, recorded: str) -> tuple[str | None, str]:
    """(text, where) of the English page whose hash is `recorded`; text is None, and where says why, if not found."""
    log = _git(root, "log", "--format=%H", "--", en_rel)
    if log.returncode != 0:
        return None, f"no git history here ({log.stderr.strip() or 'git log failed'}), so no diff"
    for commit in log.stdout.split():
        shown = _git(root, "show", f"{commit}:{en_rel}")
        if shown.returncode == 0 and english_hash(shown.stdout) == recorded:
            return shown.stdout, f"commit {commit[:10]}"
    if _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return None, (
            "the commit holding the English this page was translated from is not in this shallow clone; "
            "run `git fetch --unshallow` to see the diff"
        )
    return None, "no commit holds the English text this page was translated from (it was never committed), so no diff"


def english_diff(root: Path, en_rel: str, recorded: str) -> str:
    """Unified diff of the English page from the translated version to now, or a line saying why there is none."""
    old, where = translated_english(root, en_rel, recorded)
    if old is None:
        return f"    ({where})"
    new = (root / en_rel).read_text(encoding="utf-8")
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), f"{en_rel} as translated ({where})", f"{en_rel} now", lineterm=""
    )
    return "\n".join(lines) or "    (only whitespace changed since translation)"
