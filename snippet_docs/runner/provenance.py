"""Which device and torch version last reproduced each snippet's output: snippets/provenance.json.

`make update-outputs` writes a stamp for every .out it checks or rewrites, and `--stamp` for every output a run
reproduces (a GPU run adds the CUDA stamp); nobody types one. Each output block's title shows it.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from ..snippets import SNIPPETS_DIR

PROVENANCE_FILE = SNIPPETS_DIR / "provenance.json"
DEVICE_LABELS = {"cpu": "CPU", "cuda": "CUDA"}
FIX = "run `.venv/bin/python -m pytest tests/content/test_snippets.py --stamp -k {name}` (on a GPU add `--device cuda`)"


def torch_release() -> str:
    """The installed torch's release, without the local build tag: '2.13.0' for '2.13.0+cpu'."""
    import torch

    return torch.__version__.split("+")[0]


def load(path: Path = PROVENANCE_FILE) -> dict[str, dict[str, str]]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save(stamps: dict[str, dict[str, str]], path: Path = PROVENANCE_FILE) -> None:
    ordered = {name: dict(sorted(devices.items())) for name, devices in sorted(stamps.items())}
    path.write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def record(name: str, device: str, *, output_changed: bool = False, path: Path = PROVENANCE_FILE) -> None:
    """Stamp `name` as reproduced on `device` by the installed torch. A rewritten .out was reproduced
    only by this run, so it drops the other devices' stamps. Parallel test workers take turns."""
    from filelock import FileLock  # a dependency of torch

    with FileLock(str(Path(tempfile.gettempdir()) / f"provenance-{hashlib.sha1(bytes(path)).hexdigest()[:12]}.lock")):
        stamps = load(path)
        entry = {} if output_changed else dict(stamps.get(name, {}))
        entry[device] = torch_release()
        if stamps.get(name) != entry:
            stamps[name] = entry
            save(stamps, path)


def label(devices: dict[str, str]) -> str:
    """'CPU · torch 2.13.0 · CUDA · torch 2.13.0' for an output block's title."""
    return " · ".join(f"{DEVICE_LABELS.get(d, d)} · torch {v}" for d, v in sorted(devices.items()))


def labels(path: Path = PROVENANCE_FILE) -> dict[str, str]:
    """Each stamped snippet's label, by name ('loop/02_by_hand.py')."""
    return {name: label(devices) for name, devices in load(path).items() if devices}


def problems(stamps: dict[str, dict[str, str]], snippets: dict[str, set[str]], installed: str) -> list[str]:
    """What is wrong with the stamps. `snippets` maps each snippet name to the devices it runs on;
    `installed` is the torch release that a CPU run here would write."""
    found = []
    for name, devices in sorted(snippets.items()):
        wanted = "cpu" if "cpu" in devices else "cuda"
        if wanted not in stamps.get(name, {}):
            found.append(
                f"snippets/{name} has no {DEVICE_LABELS[wanted]} stamp in "
                f"snippets/provenance.json: {FIX.format(name=Path(name).stem)}"
            )
    for name, devices in sorted(stamps.items()):
        if name not in snippets:
            found.append(f"snippets/provenance.json stamps {name}, which is not a snippet: remove the entry")
            continue
        for device, version in sorted(devices.items()):
            if device not in DEVICE_LABELS:
                found.append(f"snippets/provenance.json: {name} names unknown device {device!r}")
            elif device == "cpu" and version != installed:
                found.append(
                    f"snippets/{name} was last reproduced on CPU by torch {version}, "
                    f"but torch {installed} is installed: {FIX.format(name=Path(name).stem)}"
                )
    return found
