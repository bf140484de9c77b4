"""The portability run (make portability) names a snippet whose output depends on the CPU configuration."""

from __future__ import annotations

from pathlib import Path

from snippet_docs.runner import portability, reuse
from snippet_docs.runner.portability import Configuration

THREADS_SNIPPET = '''"""Prints how many intra-op threads torch uses: a property of the machine, not of PyTorch."""
import torch

print(torch.get_num_threads())
'''


def test_capabilities_run_from_the_scalar_kernels_up_to_the_machines_own() -> None:
    assert portability.offered("avx512") == ["default", "avx2", "avx512"]
    assert portability.offered("avx2") == ["default", "avx2"]
    assert portability.offered("default") == ["default"]
    assert portability.offered("sve256") == ["default", "sve256"]


def test_a_machine_dependent_output_fails_naming_the_snippet_and_the_configuration(repo_copy: Path, unchanged) -> None:
    if unchanged("tooling/portability/end-to-end", reuse.tooling_files()):
        return  # the tooling is what it was when this passed
    (repo_copy / "snippets/demo").mkdir(parents=True)
    (repo_copy / "snippets/demo/01_threads.py").write_text(THREADS_SNIPPET)
    (repo_copy / "snippets/demo/01_threads.out").write_text("1\n")  # what a one-thread run prints

    one, two = portability.run_all([Configuration("default", 1), Configuration("default", 2)], root=repo_copy)

    assert one.returncode == 0, one.output
    assert two.returncode == 1, two.output
    assert two.failed_snippets == ["snippets/demo/01_threads.py"]
    assert (
        "snippets/demo/01_threads.py differs under ATEN_CPU_CAPABILITY=default OMP_NUM_THREADS=2"
        in portability.report([one, two])
    )
