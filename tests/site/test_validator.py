"""The W3C HTML validator (vnu, npm's vnu-jar, pinned in package-lock.json) on every built page of both languages.

Errors fail the test with the page, the line and the message, apart from ALLOWED: what Material for MkDocs emits
by design, each with its reason. Skipped, with the reason, when Java is absent (`.ci/run` installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from snippet_docs.paths import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")
# (message start, reason): errors the theme writes on every page, not ours to fix.
ALLOWED = [
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        "Material's drawer and search toggles are <input type=checkbox autocomplete=off>, so that Firefox does not "
        "restore them open after a reload; the attribute is harmless there",
    ),
]

pytestmark = [
    pytest.mark.skipif(JAVA is None, reason="Java is absent: install default-jre-headless (.ci/run does) to validate"),
    pytest.mark.xdist_group(name="validator"),
]


def validate(folder: Path) -> list[dict]:
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `npm ci` (make test does)", pytrace=False)
    run = subprocess.run(
        [JAVA, "-jar", str(VNU), "--skip-non-html", "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stderr)["messages"]


def errors(messages: list[dict], root: Path) -> list[str]:
    found = []
    for m in messages:
        if m["type"] != "error" or any(m["message"].startswith(start) for start, _ in ALLOWED):
            continue
        page = m.get("url", "").removeprefix("file:").removeprefix(str(root) + "/")
        found.append(f"{page}:{m.get('lastLine', '?')}: {m['message']}")
    return found


def test_every_page_is_valid_html(site: Path) -> None:
    found = errors(validate(site), site)
    assert not found, f"{len(found)} validator errors:\n" + "\n".join(found[:40])


def test_the_validator_reports_an_error_with_page_and_line(tmp_path: Path) -> None:
    """Guards the test above against passing because vnu checked nothing."""
    (tmp_path / "bad.html").write_text('<!DOCTYPE html><html lang="en"><title>t</title><p><div>x</div></p></html>\n')
    assert [e.split(": ", 1)[0] for e in errors(validate(tmp_path), tmp_path)] == ["bad.html:1"]
