"""Stamps: what is wrong with them is named with the command that fixes it; a rewritten output keeps only the stamp
of the run that wrote it."""

from __future__ import annotations

import json

from snippet_docs.runner.provenance import label, labels, problems, record, torch_release


def test_missing_stale_and_outdated_stamps_are_reported() -> None:
    snippets = {"loop/01_a.py": {"cpu", "cuda"}, "loop/02_b.py": {"cuda"}, "loop/03_c.py": {"cpu"}}
    stamps = {
        "loop/01_a.py": {"cpu": "2.12.0", "cuda": "2.12.0"},
        "loop/03_c.py": {"tpu": "2.13.0", "cpu": "2.13.0"},
        "gone/09_x.py": {"cpu": "2.13.0"},
    }
    found = "\n".join(problems(stamps, snippets, "2.13.0"))
    assert "snippets/loop/02_b.py has no CUDA stamp" in found and "-k 02_b" in found
    assert "loop/01_a.py was last reproduced on CPU by torch 2.12.0, but torch 2.13.0 is installed" in found
    assert "names unknown device 'tpu'" in found
    assert "stamps gone/09_x.py, which is not a snippet" in found
    assert problems({"loop/03_c.py": {"cpu": "2.13.0"}}, {"loop/03_c.py": {"cpu"}}, "2.13.0") == []


def test_a_new_output_keeps_only_the_stamp_of_the_run_that_wrote_it(tmp_path) -> None:
    file = tmp_path / "provenance.json"
    record("loop/01_a.py", "cpu", path=file)
    record("loop/01_a.py", "cuda", path=file)
    assert json.loads(file.read_text())["loop/01_a.py"] == {"cpu": torch_release(), "cuda": torch_release()}
    record("loop/01_a.py", "cpu", output_changed=True, path=file)
    assert json.loads(file.read_text())["loop/01_a.py"] == {"cpu": torch_release()}
    assert label({"cuda": "2.13.0", "cpu": "2.13.0"}) == "CPU · torch 2.13.0 · CUDA · torch 2.13.0"
    assert labels(file) == {"loop/01_a.py": "CPU · torch " + torch_release()}
