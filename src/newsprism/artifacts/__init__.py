"""Trained models as versioned data files with their provenance.

Why a package of its own: every learned number newsprism uses (cue classifier,
reranker, reuse models, the stories calibration, the claims pair model) ships as
one JSON file under ``artifacts/data/``, as spaCy ships each pipeline with its
``meta.json``.  A file records what produced it -- the training data and its
hash, the commit, the date, the command that rebuilds it, and its figures -- so
a number in the code can always be traced and reproduced.  Code never patches
module globals with weights: it asks :func:`load` for an immutable
:class:`Artifact` and passes it on.

Writing is for training scripts (``benchmarks/train_*.py``) only:
:func:`write` fills in the provenance so no script can forget it.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import NewsprismError

__all__ = ["DATA_DIR", "Artifact", "ArtifactError", "Provenance", "available", "load", "write"]

SCHEMA = "newsprism.artifact/1"
DATA_DIR = Path(__file__).parent / "data"


class ArtifactError(NewsprismError):
    """A model file is missing or malformed: reinstall newsprism or re-run its train command."""

    code = "E402"
    fix = "reinstall newsprism (pip install -e .) or re-run the model's train command"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a model came from; enough to rebuild it and to judge it."""

    data: tuple[str, ...]
    data_sha256: Mapping[str, str]
    commit: str
    date: str
    command: str
    metrics: Mapping[str, float]
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Artifact:
    """One trained model: ``params`` is deep-frozen (mappings are read-only, lists are tuples)."""

    name: str
    version: int
    provenance: Provenance
    params: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.params[key]


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _thaw(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_thaw(v) for v in value]
    return value


def available() -> list[str]:
    """Names of the shipped model files."""
    root = resources.files(__package__).joinpath("data")
    return sorted(p.name[: -len(".json")] for p in root.iterdir() if p.name.endswith(".json"))


@cache
def load(name: str) -> Artifact:
    """The shipped model ``name`` (cached: the result is immutable and shared)."""
    ref = resources.files(__package__).joinpath("data", f"{name}.json")
    try:
        raw = json.loads(ref.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise ArtifactError(
            f"model {name!r} is not installed (known: {', '.join(available())}); "
            "reinstall newsprism with `pip install -e .`"
        ) from exc
    except json.JSONDecodeError as exc:
        msg = f"model {name!r} is not valid JSON ({exc}); reinstall newsprism"
        raise ArtifactError(msg) from exc
    if raw.get("schema") != SCHEMA or raw.get("name") != name:
        msg = f"model {name!r}: not a {SCHEMA} file for {name!r}; reinstall newsprism"
        raise ArtifactError(msg)
    prov = raw["provenance"]
    return Artifact(
        name=name,
        version=int(raw["version"]),
        provenance=Provenance(
            data=tuple(prov["data"]),
            data_sha256=MappingProxyType(dict(prov["data_sha256"])),
            commit=str(prov["commit"]),
            date=str(prov["date"]),
            command=str(prov["command"]),
            metrics=MappingProxyType(dict(prov["metrics"])),
            notes=str(prov.get("notes", "")),
        ),
        params=_freeze(raw["params"]),
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    if path.is_dir():
        for sub in sorted(p for p in path.rglob("*") if p.is_file()):
            digest.update(str(sub.relative_to(path)).encode())
            digest.update(sub.read_bytes())
    else:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], capture_output=True, text=True, check=True, cwd=Path(__file__).parent
    ).stdout.strip()


def _commit() -> str:
    try:
        head = _git("rev-parse", "--short=12", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def write(
    name: str,
    params: Mapping[str, Any],
    *,
    data: Iterable[str | Path],
    command: str,
    metrics: Mapping[str, float],
    notes: str = "",
    version: int | None = None,
    out_dir: Path | None = None,
    commit: str | None = None,
) -> Path:
    """Write ``name``'s model file with its provenance; returns its path.

    ``data`` are the files or folders trained on: each is hashed, so a retrain on
    other data is visible in the diff.  ``version`` defaults to the shipped
    version plus one; ``commit`` defaults to the checkout's HEAD (give it when
    the parameters come from an older commit, e.g. converted weights).
    """
    paths = [Path(p) for p in data]
    if version is None:
        try:
            version = load(name).version + 1
        except ArtifactError:
            version = 1
    doc = {
        "schema": SCHEMA,
        "name": name,
        "version": version,
        "provenance": {
            "data": [str(p) for p in paths],
            "data_sha256": {str(p): _sha256(p) for p in paths if p.exists()},
            "commit": commit or _commit(),
            "date": _dt.date.today().isoformat(),
            "command": command,
            "metrics": {k: float(v) for k, v in metrics.items()},
            "notes": notes,
        },
        "params": _thaw(params),
    }
    target = (out_dir or DATA_DIR) / f"{name}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(doc, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    load.cache_clear()
    return target
