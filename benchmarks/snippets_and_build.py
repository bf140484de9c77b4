"""Speed budgets: per-snippet overhead (forked runner against a fresh `python snippet.py`), the whole
test-suite time and the strict build time. Prints a table; exits 1 when a budget is exceeded.

Run with `make bench`.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from snippet_runner.execute import run_snippet  # noqa: E402 - needs the path above
from snippet_runner.snippets import read_snippet, snippet_files  # noqa: E402

BUDGETS = {  # seconds
    "forked overhead per snippet": 0.100,
    "whole test suite (make test without install)": 15 * 60,
    "strict build, both languages": 30,
}
# Snippets that draw save into $SNIPPET_FIGURES: keep the benchmark's charts out of the working tree.
os.environ.setdefault("SNIPPET_FIGURES", tempfile.mkdtemp(prefix="bench-figures-"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], check: bool = True) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=ENV, check=check, capture_output=True)
    return time.perf_counter() - start


def raises(path: Path) -> bool:
    return path.parent.name != "bench" and "raises" in read_snippet(path).markers


def forked(path: Path, repeat: int = 3) -> float:
    return statistics.median(run_snippet(path, "cpu", timeout=300, raises=raises(path)).seconds for _ in range(repeat))


def main() -> int:
    rows: list[tuple[str, float, float | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "bench" / "00_empty.py"
        empty.parent.mkdir()
        empty.write_text("import torch\n")
        rows.append(("(empty snippet: import torch)", forked(empty), timed([sys.executable, str(empty)])))
    for path in snippet_files():
        rows.append((path.relative_to(ROOT / "snippets").as_posix(), forked(path),
                     timed([sys.executable, str(path)], check=not raises(path))))

    print(f"{'snippet':40} {'forked':>9} {'fresh python':>13} {'saved':>9}")
    for name, fork_s, fresh_s in rows:
        print(f"{name:40} {fork_s * 1000:7.0f}ms {fresh_s * 1000:11.0f}ms {(fresh_s - fork_s) * 1000:7.0f}ms")
    overhead = rows[0][1]
    fresh_overhead = rows[0][2]
    print(f"\nper-snippet overhead: forked {overhead * 1000:.0f} ms, fresh interpreter {fresh_overhead * 1000:.0f} ms")

    measured = {
        "forked overhead per snippet": overhead,
        "strict build, both languages": min(
            timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", tmp_dir]) for tmp_dir in
            [tempfile.mkdtemp(), tempfile.mkdtemp()]
        ),
        "whole test suite (make test without install)": timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]),
    }
    snippet_suite = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_snippets.py"])
    print(f"snippet suite ({len(rows) - 1} snippets, CPU; CUDA runs skipped): {snippet_suite:.1f} s\n")

    failed = False
    print(f"{'budget':46} {'measured':>10} {'limit':>10}")
    for name, limit in BUDGETS.items():
        ok = measured[name] <= limit
        failed |= not ok
        print(f"{name:46} {measured[name]:9.2f}s {limit:9.2f}s  {'ok' if ok else 'OVER BUDGET'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
