"""Every third-party module newsprism imports comes from a distribution pyproject.toml
declares (issue 18: a fresh ``pip install -e '.[dev,web]'`` brought lxml 6 without
``lxml_html_clean`` and every command failed to import trafilatura)."""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "newsprism"
#: Needed at run time by what newsprism imports, though newsprism never imports it itself.
INDIRECT = {"lxml_html_clean": "trafilatura imports lxml.html.clean (its own package since 5.2)"}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> dict[str, set[str]]:
    """Declared distributions (normalised) by group: "" for the core, else the extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"": project["dependencies"], **project["optional-dependencies"]}
    return {
        group: {_normal(re.split(r"[<>=!~\[; ]", req, maxsplit=1)[0]) for req in reqs}
        for group, reqs in groups.items()
    }


def _imports() -> dict[str, set[Path]]:
    """Top-level modules imported anywhere under src/newsprism, with the files importing them."""
    found: dict[str, set[Path]] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(path.relative_to(SRC))
    return found


def test_every_imported_module_is_declared() -> None:
    declared = _declared()
    anywhere = set().union(*declared.values())
    owners = md.packages_distributions()
    missing = []
    for module, files in sorted(_imports().items()):
        if module in sys.stdlib_module_names or module == "newsprism":
            continue
        dists = {_normal(d) for d in owners.get(module, [])}
        assert dists, f"{module} (imported by {sorted(map(str, files))}) is not installed"
        web_only = all(f.parts[0] == "web" for f in files)
        allowed = declared[""] | declared["web"] if web_only else anywhere
        if not dists & allowed:
            missing.append(f"{module} ({'/'.join(sorted(dists))})")
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_core_imports_are_core_dependencies() -> None:
    """What the CLI's reading and analysis import needs no extra."""
    core = _declared()[""]
    owners = md.packages_distributions()
    for module in ("trafilatura", "feedparser", "fastwarc", "httpx", "httpcore", "spacy"):
        assert {_normal(d) for d in owners[module]} & core, module
    for dist, why in INDIRECT.items():
        assert _normal(dist) in core, why
