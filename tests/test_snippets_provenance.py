"""Every output block's stamp (device · torch version) was written by a run that reproduced it.

Runs after tests/test_snippets.py (file order), which refreshes the stamps of the snippets it ran.
"""
from __future__ import annotations

import json

from snippet_runner.provenance import PROVENANCE_FILE, label, problems, record, torch_release
from snippet_runner.snippets import SNIPPETS_DIR, SnippetError, read_snippet, snippet_files


def _devices() -> dict[str, set[str]]:
    found = {}
    for path in snippet_files():
        try:
            snippet = read_snippet(path)
        except SnippetError:
            continue  # tests/test_snippets.py reports it, with file and line
        found[snippet.name] = {d for d in ("cpu", "cuda") if snippet.runs_on(d)}
    return found


def test_every_snippet_is_stamped_by_the_installed_torch() -> None:
    found = problems(json.loads(PROVENANCE_FILE.read_text(encoding="utf-8")), _devices(), torch_release())
    assert not found, "\n".join(found)


def test_missing_stale_and_outdated_stamps_are_reported() -> None:
    snippets = {"loop/01_a.py": {"cpu", "cuda"}, "loop/02_b.py": {"cuda"}, "loop/03_c.py": {"cpu"}}
    stamps = {"loop/01_a.py": {"cpu": "2.12.0", "cuda": "2.12.0"}, "loop/03_c.py": {"tpu": "2.13.0", "cpu": "2.13.0"},
              "gone/09_x.py": {"cpu": "2.13.0"}}
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


def test_stamps_file_lives_beside_the_snippets() -> None:
    assert PROVENANCE_FILE.parent == SNIPPETS_DIR


def test_the_hook_appends_the_stamp_to_output_titles_only() -> None:
    from hooks_loader import load_hook

    stamp = load_hook("provenance").stamp
    page = ('```python title="snippets/loop/02_a.py"\n--8<-- "loop/02_a.py"\n```\n\n'
            '```text title="输出"\n--8<-- "loop/02_a.out"\n```\n\n'
            '```text title="Output"\n--8<-- "loop/03_unstamped.out"\n```\n')
    out = stamp(page, {"loop/02_a.py": {"cpu": "2.13.0", "cuda": "2.13.0"}})
    assert 'title="输出 · CPU · torch 2.13.0 · CUDA · torch 2.13.0"' in out
    assert 'title="Output"\n--8<-- "loop/03_unstamped.out"' in out  # no stamp yet: this module's first test fails
    assert 'title="snippets/loop/02_a.py"' in out


def test_built_output_blocks_show_their_stamps(site) -> None:
    stamps = json.loads(PROVENANCE_FILE.read_text(encoding="utf-8"))
    name, devices = next(iter(sorted(stamps.items())))
    page = name.split("/")[0]
    for lang, title in (("", "Output"), ("zh/", "输出")):
        html = (site / lang / page / "index.html").read_text(encoding="utf-8")
        assert f'<span class="filename">{title} · {label(devices)}</span>' in html, f"{lang}{page}/ shows no stamp"
