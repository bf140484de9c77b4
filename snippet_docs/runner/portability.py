"""Rerun the snippet suite under every ATen CPU capability this machine offers, with 1 and 2 threads.

An output is a property of PyTorch, not of the CPU: a snippet whose output changes with the kernels
PyTorch picks (`ATEN_CPU_CAPABILITY`) or with the number of intra-op threads fails here, named with
the configuration that broke it. `make portability` runs this; `.ci/run` runs it after `make test`.

    python -m snippet_docs.runner.portability [--root DIR] [--capabilities default,avx2] [--threads 1,2]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..snippets import ROOT

# x86 capabilities from the scalar kernels up; a machine runs each one up to its own.
X86_LADDER = ("default", "avx2", "avx512")
THREADS = (1, 2)
# The suite a configuration reruns: every snippet's output and figures, on the CPU.
SUITE = ("tests/content/test_snippets.py", "--device", "cpu")
FAILED = re.compile(r"^FAILED \S+::test_snippet_output\[cpu-(?P<snippet>[^\]]+)\]", re.MULTILINE)


@dataclass(frozen=True)
class Configuration:
    capability: str
    threads: int

    def __str__(self) -> str:
        return f"ATEN_CPU_CAPABILITY={self.capability} OMP_NUM_THREADS={self.threads}"

    def env(self) -> dict[str, str]:
        # tests/conftest.py gives each capability its own Inductor cache, which ignores the capability.
        return {
            **os.environ,
            "ATEN_CPU_CAPABILITY": self.capability,
            "OMP_NUM_THREADS": str(self.threads),
            "MKL_NUM_THREADS": str(self.threads),
            "CI": "true",  # every snippet runs: nothing is reused from an earlier run
        }


@dataclass(frozen=True)
class Result:
    configuration: Configuration
    returncode: int
    seconds: float
    output: str

    @property
    def failed_snippets(self) -> list[str]:
        return [f"snippets/{m['snippet']}" for m in FAILED.finditer(self.output)]


def native_capability(python: str = sys.executable) -> str:
    """The capability torch picks here when nothing forces one, e.g. 'avx512'; asked of a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if k != "ATEN_CPU_CAPABILITY"}
    found = subprocess.run(
        [python, "-c", "import torch; print(torch.backends.cpu.get_cpu_capability())"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip().lower()


def offered(native: str) -> list[str]:
    """Every capability a machine whose best is `native` can run."""
    if native in X86_LADDER:
        return list(X86_LADDER[: X86_LADDER.index(native) + 1])
    return ["default"] if native == "default" else ["default", native]


def run(configuration: Configuration, root: Path) -> Result:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *SUITE, "-q", "-p", "no:cacheprovider", "-rf"],
        cwd=root,
        env=configuration.env(),
        capture_output=True,
        text=True,
    )
    return Result(configuration, done.returncode, time.perf_counter() - start, done.stdout + done.stderr)


def run_all(configurations: list[Configuration], root: Path = ROOT, jobs: int = 2) -> list[Result]:
    """Each configuration in its own pytest process (the capability is fixed when torch loads), `jobs` at a time."""
    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda c: run(c, root), configurations))


def report(results: list[Result]) -> str:
    lines = []
    for result in results:
        verdict = "ok" if result.returncode == 0 else "FAILED"
        lines.append(f"{verdict:>6}  {result.configuration}  ({result.seconds:.0f} s)")
        lines += [f"          {name} differs under {result.configuration}" for name in result.failed_snippets]
        if result.returncode not in (0, 1):  # not a plain test failure: show what pytest said
            lines.append(result.output[-3000:])
    for result in results:
        if result.returncode != 0:
            lines += ["", f"--- pytest under {result.configuration} ---", result.output[-6000:]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m snippet_docs.runner.portability", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    parser.add_argument("--capabilities", help="comma-separated (default: every one this CPU offers)")
    parser.add_argument("--threads", default=",".join(map(str, THREADS)), help="comma-separated (default: 1,2)")
    parser.add_argument("--jobs", type=int, default=2, help="configurations run at once (default: 2)")
    args = parser.parse_args(argv)
    capabilities = args.capabilities.split(",") if args.capabilities else offered(native_capability())
    configurations = [Configuration(c, int(t)) for c in capabilities for t in args.threads.split(",")]
    print(
        f"rerunning {' '.join(SUITE)} under {len(configurations)} configurations: "
        f"capabilities {', '.join(capabilities)}; threads {args.threads}",
        flush=True,
    )
    results = run_all(configurations, args.root, args.jobs)
    print(report(results))
    failed = [r for r in results if r.returncode != 0]
    print(f"\n{len(results) - len(failed)} of {len(results)} configurations reproduce every output")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
