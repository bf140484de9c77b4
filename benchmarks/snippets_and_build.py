"""Speed budgets of the test suite, each beside its figure, and where the time of a full run goes.

- full `make test`, with the strict build, notebook execution and browser tests: as a contributor runs it
  again (what did not change since it passed is reused), and with nothing reused (CI=true, as on CI)
- `make test` again after editing one zh page
- `make check` (structure, en/zh parity, glossary, lint; no torch, no build)
- a fresh clone's `.ci/run`, install included (`--skip-clone` leaves it out)
- the forked runner's overhead per snippet

Run with `make bench`. Exits 1 when a budget is exceeded. Needs a warm `.venv` (make install).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
BUDGETS = {  # seconds
    "make test, full, run again": 60,
    "make test, full, nothing reused (CI=true)": 60,
    "make test after editing one zh page": 20,
    "make check": 10,
    "fresh clone: .ci/run, install included": 5 * 60,
    "forked runner overhead per snippet": 0.100,
}
EDITED_PAGE = ROOT / "docs" / "zh" / "index.md"  # a prose edit, as a translator makes it
# Which part of the suite a test file belongs to, for the time split.
PARTS = {
    "test_snippets": "snippets",
    "test_notebook_execution": "notebooks",
    "test_browser": "browser",
}


def timed(command: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout[-4000:]}{done.stderr[-2000:]}")
    return seconds


def split(junit: Path) -> Counter:
    """Seconds per part of the suite, summed over tests (workers run in parallel, so this exceeds wall time)."""
    parts: Counter = Counter()
    for case in ET.parse(junit).iter("testcase"):
        module = case.get("classname", "").rsplit(".", 1)[-1]
        parts[PARTS.get(module, "the rest")] += float(case.get("time", 0))
    return parts


def edit_one_zh_page() -> str:
    original = EDITED_PAGE.read_text(encoding="utf-8")
    edited, found = re.subn(r"(\n[^\n#>!`|\-\d*][^\n]*?)。", r"\1！", original, count=1)
    if not found:
        raise SystemExit(f"benchmarks: found no prose sentence to edit in {EDITED_PAGE}")
    EDITED_PAGE.write_text(edited, encoding="utf-8")
    return original


def fresh_clone() -> float:
    with tempfile.TemporaryDirectory(prefix="bench-clone-") as tmp:
        subprocess.run(["git", "clone", "--quiet", str(ROOT), tmp], check=True)
        env = {key: value for key, value in os.environ.items() if not key.startswith("VIRTUAL_ENV")}
        return timed(["./.ci/run"], cwd=Path(tmp), env=env)


def forked_overhead() -> float:
    from snippet_docs.runner.execute import run_snippet  # installed by `make install`

    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "00_empty.py"
        empty.write_text("import torch\n")
        return sorted(run_snippet(empty, "cpu", timeout=60).seconds for _ in range(5))[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-clone", action="store_true", help="leave out the fresh clone's .ci/run")
    args = parser.parse_args()
    measured: dict[str, float] = {}
    pytest = [PYTHON, "-m", "pytest", "-n", "auto", "--dist", "loadgroup", "-q"]
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        measured["make test, full, nothing reused (CI=true)"] = timed(
            [*pytest, f"--junitxml={junit}"], env={"CI": "true"}
        )
        parts = split(junit)
    measured["make check"] = timed(["make", "check"])
    timed(pytest)  # fill the reuse cache, as an earlier local run would have
    measured["make test, full, run again"] = timed(pytest)
    original = edit_one_zh_page()
    try:
        measured["make test after editing one zh page"] = timed(pytest)
    finally:
        EDITED_PAGE.write_text(original, encoding="utf-8")
    measured["forked runner overhead per snippet"] = forked_overhead()
    if not args.skip_clone:
        measured["fresh clone: .ci/run, install included"] = fresh_clone()

    print("Where a full run's time goes (seconds summed over tests; the workers run in parallel):")
    build = timed([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(Path(tempfile.mkdtemp()) / "site")])
    for part in ("snippets", "notebooks", "browser", "the rest"):
        print(f"  {part:10} {parts[part]:7.1f} s")
    print(f"  {'build':10} {build:7.1f} s  (one strict build, measured alone; the site tests share it)\n")

    failed = False
    print(f"{'budget':42} {'measured':>10} {'limit':>10}")
    for name, limit in BUDGETS.items():
        if name not in measured:
            print(f"{name:42} {'skipped':>10} {limit:9.1f}s")
            continue
        ok = measured[name] <= limit
        failed |= not ok
        print(f"{name:42} {measured[name]:9.2f}s {limit:9.1f}s  {'ok' if ok else 'OVER BUDGET'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
