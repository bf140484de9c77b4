"""Lighthouse 12.2.3 (npm, package-lock.json) on every page and notebook page, both languages, mobile and desktop,
served with gzip as a static host serves it, against the budgets below. Prints the table (page x language x preset x
category) and what kept each failing page from its budget; exits 1 when a budget is missed.

Runs Debian's Chromium (CHROME_PATH, default /usr/bin/chromium); never downloads a browser. One page at a time:
Lighthouse's performance score depends on how busy the machine is, so run it on a quiet machine.
`make bench` runs it; alone: `.venv/bin/python benchmarks/lighthouse.py --pages loop/ step/ --presets mobile`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from snippet_docs.nav import content_pages, nav_pages
from snippet_docs.static_host import serve

ROOT = Path(__file__).resolve().parents[1]

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO"}
# The lowest score each category may have, per preset.
BUDGETS = {
    "mobile": {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100},
    "desktop": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
}
METRICS = ("total-blocking-time", "largest-contentful-paint", "cumulative-layout-shift", "speed-index")
REPORTS = ROOT / "build" / "lighthouse"


def site_pages() -> list[str]:
    pages = ["" if page == "index.md" else page.removesuffix(".md") + "/" for page in nav_pages()]
    return [*pages, *(f"notebooks/{page.removesuffix('.md')}/" for page in content_pages())]


def run(url: str, preset: str, out: Path) -> dict:
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--max-wait-for-load=60000",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict, preset: str) -> tuple[dict[str, int], list[str]]:
    """The scores (0-100) and, for each category under its budget, the audits that cost points."""
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    why = []
    for category in CATEGORIES:
        if scores[category] >= BUDGETS[preset][category]:
            continue
        if category == "performance":
            audits = report["audits"]
            why.append("perf: " + ", ".join(f"{m} {audits[m]['displayValue']}" for m in METRICS if m in audits))
            continue
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                why.append(f"{SHORT[category]}: {ref['id']}")
    return scores, why


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="*", help="paths like loop/ or notebooks/step/ ('' for home); default all")
    parser.add_argument("--langs", nargs="*", default=["en", "zh"])
    parser.add_argument("--presets", nargs="*", default=["mobile", "desktop"], choices=list(BUDGETS))
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists() or not shutil.which("node") or not Path(CHROME).exists():
        print(f"Lighthouse skipped: needs `npm ci` ({LIGHTHOUSE}), node and Chromium ({CHROME}).")
        return 0
    pages = site_pages() if args.pages is None else args.pages
    REPORTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                cwd=ROOT,
                check=True,
                capture_output=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
        rows, failed = [], False
        with serve(site) as base:
            for path in pages:
                for lang in args.langs:
                    for preset in args.presets:
                        url = base + ("zh/" if lang == "zh" else "") + path
                        name = f"{lang}_{path.strip('/').replace('/', '_') or 'home'}_{preset}.json"
                        start = time.perf_counter()
                        scores, why = summary(run(url, preset, REPORTS / name), preset)
                        ok = not why
                        failed |= not ok
                        rows.append((path or "home", lang, preset, scores, why, time.perf_counter() - start))
                        print(f"{lang}:{path or 'home'} {preset} {scores} {'ok' if ok else why}", file=sys.stderr)
    print("| page | lang | preset | Perf | A11y | BP | SEO | budget | under budget because |")
    print("|---|---|---|---:|---:|---:|---:|---|---|")
    for page, lang, preset, scores, why, _ in rows:
        cells = " | ".join(str(scores[c]) for c in CATEGORIES)
        print(f"| `{page}` | {lang} | {preset} | {cells} | {'ok' if not why else 'MISSED'} | {'; '.join(why)} |")
    print(
        "\nBudgets: Accessibility, Best Practices and SEO 100; Performance >= 95 desktop, >= 90 mobile (Lighthouse's "
        "simulated throttling: a busy machine scores lower). Reports: build/lighthouse/<lang>_<page>_<preset>.json."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
